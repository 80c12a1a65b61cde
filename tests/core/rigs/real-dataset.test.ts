// The rig search on the real dataset in data/ (hardware + prices), with the memory model's estimates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countParameters,
  estimateMemory,
  findCheapestRigs,
  modelFromHfConfig,
  rigRequestFromEstimate,
} from '../../../src/core/index';
import { loadDatasetFromDisk, REPO_ROOT } from '../../../src/data/load-node';
import type { Dataset } from '../../../src/data/schema';

const { dataset } = loadDatasetFromDisk();
const asOf = '2026-11-25';

function request(preset: string, contextTokens: number, data: Dataset = dataset, extra = {}) {
  const json = JSON.parse(readFileSync(join(REPO_ROOT, 'data/models', `${preset}.json`), 'utf8')) as {
    name: string;
    config: unknown;
  };
  const model = modelFromHfConfig(json.config, json.name);
  const estimate = estimateMemory(model, {
    weightFormat: 'q4_k_m',
    kvCacheFormat: 'f16',
    contextTokens,
    batch: 1,
  });
  const req = rigRequestFromEstimate(estimate, {
    constraints: { conditions: ['new', 'used'], requireFp8: false, asOf, maxResults: 200, ...extra },
    activeParameters: countParameters(model).active,
  });
  return { estimate, result: findCheapestRigs(data, req) };
}

describe('rig search on the real dataset', () => {
  it('an 8B model at 4-bit (about 5 GB) fits a single used 12 GB card in a host', () => {
    const { estimate, result } = request('llama-3-1-8b', 8192);
    expect(estimate.weights).toBeGreaterThan(4e9);
    expect(estimate.weights).toBeLessThan(6e9);
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    const single12 = result.rigs.find(
      (q) =>
        q.kind === 'multi-gpu' &&
        q.components.some(
          (c) =>
            c.role === 'gpu' &&
            c.quantity === 1 &&
            c.condition !== 'new' &&
            dataset.items.find((i) => i.id === c.itemId)?.memory?.sizeGiB === 12,
        ),
    );
    expect(single12, 'a single used 12 GB card in a host').toBeDefined();
    expect(single12?.totalPriceUsd ?? Infinity).toBeLessThan(2000);
  });

  it('a 671B MoE at 4-bit is far cheaper on a DDR5 server or unified machine than on H100s', () => {
    const { estimate, result } = request('deepseek-r1', 16384);
    expect(estimate.total).toBeGreaterThan(350e9);
    expect(result.kind).toBe('found');
    if (result.kind !== 'found') return;
    const cheapAlt = result.rigs.find((q) => q.kind === 'cpu-server' || q.kind === 'unified');
    const h100Only: Dataset = {
      ...dataset,
      items: dataset.items.filter((i) => i.kind !== 'gpu' || /h100/.test(i.id)),
    };
    // No host for 6+ GPUs has a price in the last year, so the H100 side may use one up to three years old
    // (a host is a few percent of an H100 rig's price).
    const h = request('deepseek-r1', 16384, h100Only, {
      rigKinds: ['multi-gpu'],
      maxPriceAgeDays: 3 * 365,
    }).result;
    expect(h.kind).toBe('found');
    if (h.kind !== 'found' || cheapAlt === undefined) throw new Error('expected both rigs');
    expect(h.rigs[0]?.components.some((c) => /h100/.test(c.itemId))).toBe(true);
    expect((h.rigs[0]?.totalPriceUsd ?? 0) / cheapAlt.totalPriceUsd).toBeGreaterThan(5);
  });

  it('every component price was observed on or before the as-of date, with a source', () => {
    for (const date of ['2023-01-01', '2024-06-01', '2026-11-25']) {
      const r = findCheapestRigs(dataset, {
        acceleratorBytes: 50e9,
        offloadableBytes: 0,
        bytesPerToken: 50e9,
        offloadableBytesPerToken: 0,
        kvBytesPerToken: 0,
        constraints: { conditions: ['new', 'used'], requireFp8: false, asOf: date, maxResults: 50 },
      });
      if (r.kind !== 'found') continue;
      for (const q of r.rigs) {
        for (const c of q.components) {
          expect(c.observedOn <= date).toBe(true);
          expect(c.sourceUrl).toMatch(/^https:\/\//);
        }
      }
    }
  });
});
