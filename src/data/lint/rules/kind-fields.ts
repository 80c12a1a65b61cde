// Each kind of item carries the fields the rig search needs to use it: a card without its bandwidth gets no
// tokens/s estimate. Warnings: an item may be added before
// every spec is found, but it stays half-usable until then.
import type { DataProblem } from '../../problems';
import type { HardwareItem, HardwareKind } from '../../schema';
import type { LintRule } from '../types';

interface Need {
  jsonPath: string;
  missing: (item: HardwareItem) => boolean;
  what: string;
}

const memoryOfType = (type: 'dedicated' | 'unified' | 'system'): Need => ({
  jsonPath: '$.memory',
  missing: (i) => i.memory?.type !== type,
  what: `memory with type "${type}"`,
});
const bandwidth: Need = {
  jsonPath: '$.bandwidthGBps',
  missing: (i) => i.bandwidthGBps === undefined,
  what: 'bandwidthGBps',
};

export const NEEDS: Record<HardwareKind, Need[]> = {
  gpu: [memoryOfType('dedicated'), bandwidth],
  unified: [memoryOfType('unified'), bandwidth],
  'cpu-platform': [
    {
      jsonPath: '$.memorySystem',
      missing: (i) => i.memorySystem === undefined,
      what: 'memorySystem (generation, channels, DIMMs)',
    },
    { jsonPath: '$.sockets', missing: (i) => i.sockets === undefined, what: 'sockets' },
  ],
  'memory-module': [
    memoryOfType('system'),
    {
      jsonPath: '$.module',
      missing: (i) => i.module === undefined,
      what: 'module (generation, form factor, speed)',
    },
  ],
  // gpu-host facts (bays, PSU) are errors in the buildable-facts rule.
  'gpu-host': [],
  'gpu-system': [
    {
      jsonPath: '$.gpus',
      missing: (i) => i.gpus === undefined,
      what: 'gpus (the gpu item it comes with and how many)',
    },
  ],
};

export const kindFieldsRule: LintRule = {
  id: 'kind-fields',
  description: 'each kind of item has the fields the rig search needs',
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.folder !== 'hardware' || !f.data) continue;
      const item = f.data;
      for (const need of NEEDS[item.kind]) {
        if (!need.missing(item)) continue;
        out.push({
          file: f.path,
          jsonPath: need.jsonPath,
          severity: 'warning',
          rule: 'kind-fields',
          message: `a "${item.kind}" item needs ${need.what}`,
          fix: `add ${need.what} from the vendor's datasheet, with the datasheet in "sources" (see data/README.md)`,
        });
      }
    }
    return out;
  },
};
