// What the rig search needs to know a rig can be built and run, as errors: a host without its PSU rating or
// GPU bays, a PCIe card without its width, cooler and power, a GPU or unified machine without the
// architecture engines are built for, a gpu-system without its GPUs, a DIMM board without its slot count's
// source. Missing facts do not make a rig possible: the search leaves such items out, and this rule says so
// in the pull request.
import type { DataProblem } from '../../problems';
import type { HardwareItem } from '../../schema';
import type { LintRule } from '../types';

interface Need {
  applies: (item: HardwareItem) => boolean;
  jsonPath: string;
  missing: (item: HardwareItem) => boolean;
  message: string;
  fix: string;
}

const pcieGpu = (i: HardwareItem) => i.kind === 'gpu' && (i.formFactor ?? 'pcie') === 'pcie';

export const BUILDABLE_NEEDS: readonly Need[] = [
  {
    applies: (i) => i.kind === 'gpu-host',
    jsonPath: '$.gpuBays',
    missing: (i) => i.gpuBays === undefined,
    message: 'a gpu-host without gpuBays cannot be checked against any GPU',
    fix: 'add gpuBays { count, maxSlotWidth, airflow, pcieLanes, source } from the board or chassis manual',
  },
  {
    applies: (i) => i.kind === 'gpu-host' || (i.kind === 'cpu-platform' && i.gpuBays !== undefined),
    jsonPath: '$.psuW',
    missing: (i) => i.psuW === undefined,
    message: 'a host that takes GPUs has no PSU rating, so no GPU load can be checked',
    fix: 'add psuW (the power supply capacity, W) from the build list or the server spec',
  },
  {
    applies: pcieGpu,
    jsonPath: '$.card',
    missing: (i) => i.card === undefined,
    message: 'a PCIe card without its slot width and cooler cannot be placed in a host',
    fix: 'add card { slotWidth, cooling, source } from the vendor spec page',
  },
  {
    applies: (i) => i.kind === 'gpu',
    jsonPath: '$.powerW',
    missing: (i) => i.powerW === undefined,
    message: "a GPU without its board power cannot be checked against a host's PSU",
    fix: 'add powerW (board power / TDP) from the datasheet',
  },
  {
    applies: (i) => i.kind === 'gpu' || i.kind === 'unified',
    jsonPath: '$.architecture',
    missing: (i) => i.architecture === undefined,
    message: 'no architecture: no engine can be shown to run on it',
    fix: 'add architecture { name, target, source } (e.g. sm_86, gfx1100, apple-m3)',
  },
  {
    applies: (i) => i.kind === 'gpu-system',
    jsonPath: '$.gpus',
    missing: (i) => i.gpus === undefined,
    message: 'a gpu-system without its GPUs',
    fix: 'add gpus { itemId, count } naming the gpu item it ships with',
  },
];

export const buildableFactsRule: LintRule = {
  id: 'buildable-facts',
  description: 'hosts, cards and machines carry the facts that decide whether a rig can be built and run',
  check({ files }) {
    const out: DataProblem[] = [];
    const ids = new Map<string, HardwareItem>();
    for (const f of files) if (f.folder === 'hardware' && f.data) ids.set(f.data.id, f.data);
    for (const f of files) {
      if (f.folder !== 'hardware' || !f.data) continue;
      const item = f.data;
      for (const need of BUILDABLE_NEEDS) {
        if (!need.applies(item) || !need.missing(item)) continue;
        out.push({
          file: f.path,
          jsonPath: need.jsonPath,
          severity: 'error',
          rule: 'buildable-facts',
          message: need.message,
          fix: need.fix,
        });
      }
      for (const [field, ref, kind] of [
        ['gpus', item.gpus, 'gpu'],
        ['includedMemory', item.includedMemory, 'memory-module'],
      ] as const) {
        if (ref === undefined) continue;
        const target = ids.get(ref.itemId);
        if (target?.kind !== kind) {
          out.push({
            file: f.path,
            jsonPath: `$.${field}.itemId`,
            severity: 'error',
            rule: 'buildable-facts',
            message: `${field}.itemId "${ref.itemId}" is not a ${kind} item`,
            fix: `name an existing ${kind} item in data/hardware`,
          });
        }
      }
      const ms = item.memorySystem;
      if (item.includedMemory && ms && item.includedMemory.count > ms.channels * ms.dimmsPerChannel) {
        out.push({
          file: f.path,
          jsonPath: '$.includedMemory.count',
          severity: 'error',
          rule: 'buildable-facts',
          message: `${item.includedMemory.count} included DIMMs do not fit the board's ${ms.channels * ms.dimmsPerChannel} slots`,
          fix: 'check the listing and the board manual (channels x dimmsPerChannel)',
        });
      }
    }
    return out;
  },
};
