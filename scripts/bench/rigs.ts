// Times one full rig search over the real dataset (every rig kind, 10 results + Pareto front), for a dense
// 70B and a 671B MoE request: the work the UI does on each slider move.
import { findCheapestRigs, rigRequestForMemory } from '../../src/core/index';
import type { RigRequest } from '../../src/core/rigs/types';
import { loadDatasetFromDisk } from '../../src/data/load-node';
import { report, time } from '../lib/timing';

export function run(): void {
  const { dataset } = loadDatasetFromDisk();
  const constraints = { conditions: ['new', 'used'] as const, requireFp8: false, asOf: '2026-11-25' };
  const dense = rigRequestForMemory(45e9, { constraints: { ...constraints, conditions: ['new', 'used'] } });
  const moe: RigRequest = {
    acceleratorBytes: 410e9,
    offloadableBytes: 385e9,
    bytesPerToken: 23e9,
    offloadableBytesPerToken: 16e9,
    kvBytesPerToken: 0.6e9,
    constraints: { ...constraints, conditions: ['new', 'used'] },
  };
  const none: RigRequest = { ...moe, constraints: { ...moe.constraints, maxBudgetUsd: 500 } };
  const r = findCheapestRigs(dataset, moe);
  console.log(`dataset: ${dataset.items.length} items; MoE search considered ${r.consideredCount} rigs`);
  report(
    'findCheapestRigs, 45 GB dense',
    time(() => findCheapestRigs(dataset, dense)),
  );
  report(
    'findCheapestRigs, 410 GB MoE (incl. hybrids)',
    time(() => findCheapestRigs(dataset, moe)),
  );
  report(
    'findCheapestRigs, nothing fits (binding search)',
    time(() => findCheapestRigs(dataset, none)),
  );
  // The priced catalog is cached per (dataset, asOf, conditions, age limit); a new as-of date or a fresh
  // dataset object pays for pricing every item again.
  report(
    'findCheapestRigs, 410 GB MoE, catalog not cached',
    time(() => findCheapestRigs({ ...dataset }, moe)),
  );
}
