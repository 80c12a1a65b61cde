// Invariants over the real dataset: whatever the request, no quoted rig has more DIMMs than its board has
// slots, GPUs drawing more than 80% of their host's PSU, passive cards without server airflow, a card wider
// than its bay, a device the engine cannot run the format on, or a price from after the as-of date, before
// the item shipped, or from outside the US.
import { describe, expect, it } from 'vitest';
import type { WeightFormatId } from '../../../src/core/memory/format-ids';
import { PSU_MAX_SUSTAINED_LOAD } from '../../../src/core/rigs/constants';
import { verdictFor } from '../../../src/core/rigs/engine-support';
import { findCheapestRigs } from '../../../src/core/rigs/find-cheapest-rigs';
import type { RigEngine, RigRequest } from '../../../src/core/rigs/types';
import { loadDatasetFromDisk } from '../../../src/data/load-node';
import type { HardwareItem } from '../../../src/data/schema';

const { dataset } = loadDatasetFromDisk();
const byId = new Map(dataset.items.map((i) => [i.id, i]));
const item = (id: string) => byId.get(id) as HardwareItem;

const DATES = ['2021-06-01', '2023-03-01', '2024-06-01', '2025-02-25', '2025-06-01', '2026-09-30'];
const SIZES_GB = [8, 24, 60, 140, 300, 420, 700, 1100];
const CASES: { engine: RigEngine; format: WeightFormatId }[] = [
  { engine: 'llama.cpp', format: 'q4_k_m' },
  { engine: 'vllm', format: 'fp8' },
  { engine: 'vllm', format: 'bf16' },
];

function request(gb: number, engine: RigEngine, weightFormat: WeightFormatId, asOf: string): RigRequest {
  const bytes = gb * 1e9;
  return {
    acceleratorBytes: bytes,
    offloadableBytes: bytes * 0.9,
    bytesPerToken: bytes * 0.1,
    offloadableBytesPerToken: bytes * 0.05,
    kvBytesPerToken: bytes * 0.001,
    activeParameters: bytes * 0.1,
    engine,
    weightFormat,
    moe: true,
    constraints: { conditions: ['new', 'used'], requireFp8: false, asOf, maxResults: 20 },
  };
}

describe('every quoted rig on the real dataset can be bought, built and run', () => {
  let quotes = 0;
  it('holds for every size, engine, format and date tried', () => {
    for (const asOf of DATES) {
      for (const gb of SIZES_GB) {
        for (const c of CASES) {
          const r = findCheapestRigs(dataset, request(gb, c.engine, c.format, asOf));
          if (r.kind !== 'found') continue;
          for (const q of [...r.rigs, ...r.pareto]) {
            quotes++;
            const where = `${q.id} for ${gb} GB ${c.engine} ${c.format} as of ${asOf}`;
            for (const comp of q.components) {
              const it = item(comp.itemId);
              expect(comp.observedOn <= asOf, where).toBe(true);
              expect(comp.observedOn >= it.releasedOn, `${where}: priced before ${it.id} shipped`).toBe(true);
            }
            const gpus = q.components.filter((x) => x.role === 'gpu' || x.role === 'gpu-system');
            for (const g of gpus) {
              const dev = g.role === 'gpu-system' ? item(item(g.itemId).gpus?.itemId ?? '') : item(g.itemId);
              expect(
                verdictFor({ engine: c.engine, weightFormat: c.format, moe: true }, dev).runs,
                where,
              ).toBe(true);
            }
            const hostPart = q.components.find((x) => x.role === 'gpu-host' || x.role === 'cpu-platform');
            const gpuPart = q.components.find((x) => x.role === 'gpu');
            if (hostPart && gpuPart) {
              const host = item(hostPart.itemId);
              const gpu = item(gpuPart.itemId);
              const bays = host.gpuBays;
              expect(bays, `${where}: a host without bays`).toBeDefined();
              expect(gpuPart.quantity <= (bays?.count ?? 0), where).toBe(true);
              expect(host.psuW, where).toBeDefined();
              const draw = gpuPart.quantity * (gpu.powerW ?? Infinity) + (host.powerW ?? 250);
              expect(draw <= (host.psuW ?? 0) * PSU_MAX_SUSTAINED_LOAD, `${where}: ${draw} W`).toBe(true);
              if ((gpu.formFactor ?? 'pcie') === 'pcie') {
                expect(gpu.card, where).toBeDefined();
                expect((gpu.card?.slotWidth ?? 9) <= (bays?.maxSlotWidth ?? 0), `${where}: too wide`).toBe(
                  true,
                );
                if (gpu.card?.cooling === 'passive')
                  expect(bays?.airflow, `${where}: passive card`).toBe('server');
              }
            }
            const platformPart = q.components.find((x) => x.role === 'cpu-platform');
            const dimms = q.components.find((x) => x.role === 'memory-module');
            if (platformPart) {
              const ms = item(platformPart.itemId).memorySystem;
              const count = dimms?.quantity ?? item(platformPart.itemId).includedMemory?.count ?? 0;
              expect(
                count <= (ms?.channels ?? 0) * (ms?.dimmsPerChannel ?? 0),
                `${where}: ${count} DIMMs`,
              ).toBe(true);
            }
            if (c.engine === 'vllm') {
              expect(
                q.kind === 'cpu-server' || q.kind === 'gpu-ram-hybrid',
                `${where}: vLLM on ${q.kind}`,
              ).toBe(false);
            }
          }
        }
      }
    }
    // The property was checked on real quotes, not vacuously.
    expect(quotes).toBeGreaterThan(200);
  }, 120_000);

  it('quotes only US and global prices', () => {
    for (const asOf of DATES) {
      const r = findCheapestRigs(dataset, request(60, 'llama.cpp', 'q4_k_m', asOf));
      if (r.kind !== 'found') continue;
      for (const q of r.rigs) {
        for (const comp of q.components) {
          const obs = dataset.prices[comp.itemId]?.find(
            (o) => o.observedOn === comp.observedOn && o.priceUsd === comp.observedPriceUsd,
          );
          expect(['us', 'global']).toContain(obs?.region);
        }
      }
    }
  });
});
