// The "nothing fits" messages a person reads: the rig named once, by its short name, prices with
// separators, the engine's reason for the part that cannot run it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countParameters,
  estimateMemory,
  findCheapestRigs,
  modelFromHfConfig,
  rigRequestFromEstimate,
  shortRigName,
} from '../../../src/core/index';
import { loadDatasetFromDisk } from '../../../src/data/load-node';

const { dataset } = loadDatasetFromDisk();
const preset = JSON.parse(readFileSync(join(__dirname, '../../../data/models/llama-3-1-8b.json'), 'utf8'));
const spec = modelFromHfConfig(preset.config, preset.name);

function search(weightFormat: 'fp8' | 'q4_k_m', engine: 'llama.cpp' | 'vllm', maxBudgetUsd?: number) {
  const estimate = estimateMemory(spec, {
    weightFormat,
    kvCacheFormat: 'f16',
    contextTokens: 8192,
    batch: 1,
    engine,
  });
  return findCheapestRigs(
    dataset,
    rigRequestFromEstimate(estimate, {
      constraints: {
        conditions: ['new', 'used'],
        requireFp8: false,
        asOf: '2026-12-03',
        ...(maxBudgetUsd ? { maxBudgetUsd } : {}),
      },
      engine,
      weightFormat,
      activeParameters: countParameters(spec).active,
    }),
  );
}

describe('nothing-fits messages', () => {
  it('engine: says why the cheapest rig that holds it cannot run it, naming the rig once', () => {
    const r = search('fp8', 'llama.cpp');
    expect(r.kind).toBe('none');
    if (r.kind !== 'none' || !r.closest) throw new Error('expected a closest rig');
    expect(r.binding).toBe('engine');
    expect(r.message).toContain('GGUF');
    expect(r.message).toContain(shortRigName(r.closest));
    // The full item name is long; it appears nowhere in the message, and no sentence repeats.
    for (const part of r.closest.components) expect(r.message).not.toContain(part.name);
    const sentences = r.message.split(/(?<=\.) /);
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(r.message).toMatch(/\.$/);
  });

  it('budget: names the cheapest rig without it by its short name, with the price grouped', () => {
    const r = search('q4_k_m', 'llama.cpp', 100);
    expect(r.kind === 'none' && r.binding).toBe('budget');
    if (r.kind !== 'none' || !r.closest) throw new Error('expected a closest rig');
    expect(r.message).toContain(`the cheapest rig without it is ${shortRigName(r.closest)} at $`);
  });
});
