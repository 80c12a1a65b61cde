// Short rig names: what the table's first line says, checked on written-out cases and on every item and
// many real quotes of the dataset.
import { describe, expect, it } from 'vitest';
import { findCheapestRigs, rigRequestForMemory } from '../../../src/core/index';
import { shortComponentName, shortRigName } from '../../../src/core/rigs/short-name';
import type { RigComponent, RigQuote } from '../../../src/core/rigs/types';
import { loadDatasetFromDisk } from '../../../src/data/load-node';

const part = (
  name: string,
  role: RigComponent['role'],
  quantity = 1,
  cond: RigComponent['condition'] = 'new',
) => ({ name, role, quantity, condition: cond }) as RigComponent;
const quote = (kind: RigQuote['kind'], label: string, components: RigComponent[]) =>
  ({ kind, label, components }) as RigQuote;

describe('shortRigName', () => {
  it('names GPUs in a host by count, condition, card and host kind', () => {
    expect(
      shortRigName(
        quote('multi-gpu', '4 × NVIDIA Tesla P100 PCIe 16GB in 4-GPU …', [
          part('NVIDIA Tesla P100 PCIe 16GB', 'gpu', 4, 'used'),
          part(
            '1-GPU budget host (Dec 2024): Ryzen 5 5500, MSI PRO B550M-VC WIFI, 32 GB DDR4-3600, 1 TB NVMe, 650 W, Phanteks XT PRO',
            'gpu-host',
          ),
        ]),
      ),
    ).toBe('4 × used Tesla P100 16GB + budget host');
    expect(
      shortComponentName(
        part('4-GPU host: ASRock Rack ROMED8-2T, EPYC 7252, 32 GB DDR4 ECC, 1600 W', 'gpu-host'),
      ),
    ).toBe('ASRock Rack ROMED8-2T host');
  });

  it('names a unified machine by its chip and memory, and a cluster by its count', () => {
    const mac = part('Apple Mac Studio (M3 Ultra 32-core CPU/80-core GPU, 512 GB)', 'machine', 2);
    expect(shortRigName(quote('unified-cluster', '2 × … cluster', [mac]))).toBe(
      '2 × Mac Studio (M3 Ultra, 512 GB) cluster',
    );
    expect(
      shortComponentName(part('NVIDIA DGX Spark Founders Edition (GB10, 128 GB, 4 TB)', 'machine')),
    ).toBe('DGX Spark Founders Edition (GB10, 128 GB)');
  });

  it('names a CPU server by its platform and DIMMs, bought or included', () => {
    expect(
      shortRigName(
        quote('cpu-server', 'AMD Ryzen 5 7600 on … with 2 × 32 GiB', [
          part('AMD Ryzen 5 7600 on ASRock B650M Pro RS WiFi, Corsair RM1000e, no DIMMs', 'cpu-platform'),
          part('Crucial 32 GB DDR5-5600 UDIMM (from the 2x32 GB kit)', 'memory-module', 2),
        ]),
      ),
    ).toBe('Ryzen 5 7600 + 2 × 32 GB DDR5 UDIMM');
    expect(
      shortRigName(
        quote('cpu-server', 'Dell PowerEdge R740 (2U) with 2x Xeon Gold 6126 …, used with 24 × 32 GiB', [
          part(
            'Dell PowerEdge R740 (2U) with 2x Xeon Gold 6126 and 128 GB DDR4 (4 x 32 GB), used',
            'cpu-platform',
            1,
            'used',
          ),
        ]),
      ),
    ).toBe('used Dell PowerEdge R740 + 24 × 32 GiB');
  });

  it('reads a host name whose aside holds its own colon and commas', () => {
    expect(
      shortComponentName(
        part(
          '1-GPU mid-range desktop host (Maximum PC "AMD Mid-Range" build: Ryzen 5 3600/3600X, X570 ATX board, 650 W PSU)',
          'gpu-host',
        ),
      ),
    ).toBe('mid-range desktop host');
    expect(
      shortComponentName(
        part(
          '2-GPU used host: Dell PowerEdge C4130 (1U, configuration D: two slots), 2x Xeon E5-2620 v3',
          'gpu-host',
        ),
      ),
    ).toBe('Dell PowerEdge C4130 host');
    expect(shortComponentName(part('NVIDIA DGX B200 (8x B200 180GB, 1,440 GB)', 'gpu-system'))).toBe(
      'DGX B200 (1,440 GB)',
    );
  });

  it('names a GPU server by itself and keeps its memory', () => {
    expect(shortComponentName(part('NVIDIA DGX A100 (8x A100 SXM4 40GB, 320 GB)', 'gpu-system'))).toBe(
      'DGX A100 (320 GB)',
    );
  });
});

describe('short names on the real dataset', () => {
  const { dataset } = loadDatasetFromDisk();
  it('every part gets a non-empty name no longer than its full name', () => {
    for (const item of dataset.items) {
      const role = (
        {
          gpu: 'gpu',
          'gpu-host': 'gpu-host',
          'gpu-system': 'gpu-system',
          unified: 'machine',
          'cpu-platform': 'cpu-platform',
          'memory-module': 'memory-module',
        } as const
      )[item.kind as 'gpu'];
      if (!role) continue;
      const short = shortComponentName({ name: item.name, role });
      expect(short.length, item.name).toBeGreaterThan(2);
      expect(short.length, item.name).toBeLessThanOrEqual(item.name.length);
      expect(short, item.name).not.toMatch(/[(:,]\s*$|\(\s*\)/);
    }
  });

  it('every quote of a spread of sizes gets a short name under 90 characters', () => {
    const GIB = 2 ** 30;
    let seen = 0;
    for (const gib of [8, 20, 48, 90, 180, 400, 700]) {
      for (const asOf of ['2024-06-01', '2026-12-03']) {
        const request = rigRequestForMemory(gib * GIB, {
          constraints: { conditions: ['new', 'used'], requireFp8: false, asOf, maxResults: 30 },
        });
        const result = findCheapestRigs(dataset, request);
        if (result.kind !== 'found') continue;
        for (const q of result.rigs) {
          const name = shortRigName(q);
          seen++;
          expect(name.length, `${q.label} -> ${name}`).toBeLessThan(90);
          expect(name.length, q.label).toBeLessThanOrEqual(q.label.length);
        }
      }
    }
    expect(seen).toBeGreaterThan(100);
  });
});
