// hostTakes (the search's fast check) agrees with fitGpusInHost (the worded one) on every edge, and each
// refusal says what a builder would check: the bay count, the width, the cooler against the airflow, the PSU.
import { describe, expect, it } from 'vitest';
import {
  fitGpusInHost,
  hostAllowsTensorParallel,
  hostDrawW,
  hostTakes,
} from '../../../src/core/rigs/host-fit';
import type { HardwareItem } from '../../../src/data/schema';

const src = { url: 'https://example.org/manual', retrievedOn: '2026-01-01' };
type Bays = NonNullable<HardwareItem['gpuBays']>;
const host = (extra: Partial<HardwareItem> = {}, bays: Partial<Bays> = {}): HardwareItem => ({
  id: 'h',
  name: 'Host',
  vendor: 'T',
  kind: 'gpu-host',
  releasedOn: '2020-01-01',
  gpuBays: { count: 4, maxSlotWidth: 2, airflow: 'case', pcieLanes: 16, source: src, ...bays },
  psuW: 1000,
  powerW: 200,
  sources: [src],
  ...extra,
});
type CardFacts = NonNullable<HardwareItem['card']>;
const card = (extra: Partial<HardwareItem> = {}, facts: Partial<CardFacts> = {}): HardwareItem => ({
  id: 'g',
  name: 'Card',
  vendor: 'NVIDIA',
  kind: 'gpu',
  releasedOn: '2020-01-01',
  memory: { sizeGiB: 24, type: 'dedicated' },
  powerW: 150,
  card: { slotWidth: 2, cooling: 'open-air', source: src, ...facts },
  sources: [src],
  ...extra,
});

const reason = (h: HardwareItem, g: HardwareItem, n: number) => {
  const f = fitGpusInHost(h, g, n);
  return f.ok ? 'fits' : f.reason;
};

describe('each refusal in words, and hostTakes agrees', () => {
  const cases: [string, HardwareItem, HardwareItem, number, string][] = [
    ['fits', host(), card(), 4, 'fits'],
    ['no bays', host({ gpuBays: undefined }), card(), 1, 'Host: its GPU bays are not in the dataset'],
    ['no PSU', host({ psuW: undefined }), card(), 1, 'Host: its PSU rating is not in the dataset'],
    ['one card too many', host(), card(), 5, 'Host takes 4 GPUs, not 5'],
    [
      'SXM card in a PCIe host',
      host(),
      card({ formFactor: 'sxm4', card: undefined }),
      1,
      'Card (sxm4) needs a sxm4 host',
    ],
    [
      'PCIe card on an SXM baseboard',
      host({ formFactor: 'sxm4' }),
      card(),
      1,
      'Card (pcie) needs a pcie host',
    ],
    [
      'no card facts',
      host(),
      card({ card: undefined }),
      1,
      'Card: its width and cooler are not in the dataset',
    ],
    [
      'one slot too wide',
      host(),
      card({}, { slotWidth: 3 }),
      1,
      'Card is 3 slots wide; Host fits 2-slot cards with 4 installed',
    ],
    [
      'passive card in a case',
      host(),
      card({}, { cooling: 'passive' }),
      1,
      'Card is a passive card; Host has desktop-case airflow',
    ],
    [
      'open-air card in a server',
      host({}, { airflow: 'server' }),
      card(),
      1,
      'Card is an open-air card; Host has server airflow',
    ],
    [
      'liquid card in a server',
      host({}, { airflow: 'server' }),
      card({}, { cooling: 'liquid' }),
      1,
      'Card is a liquid card; Host has server airflow',
    ],
    [
      'passive card on an open frame',
      host({}, { airflow: 'open-frame' }),
      card({}, { cooling: 'passive' }),
      1,
      'Card is a passive card; Host has open-frame airflow',
    ],
    ['card power unknown', host(), card({ powerW: undefined }), 1, 'Card: power draw not in the dataset'],
    // 4 x 150 + 200 = 800 W = 80% of 1000 W: fits; 4 x 151 + 200 = 804 W does not.
    ['exactly 80% of the PSU', host(), card(), 4, 'fits'],
    [
      'one watt per card over',
      host(),
      card({ powerW: 151 }),
      4,
      '4 × Card and Host draw 804 W, over 800 W (80% of its 1000 W PSU)',
    ],
    ['blower in a server', host({}, { airflow: 'server' }), card({}, { cooling: 'blower' }), 4, 'fits'],
    ['passive in a server', host({}, { airflow: 'server' }), card({}, { cooling: 'passive' }), 4, 'fits'],
    [
      'SXM on its baseboard (no card facts needed)',
      host({ formFactor: 'sxm4' }),
      card({ formFactor: 'sxm4', card: undefined }),
      4,
      'fits',
    ],
  ];
  it.each(cases)('%s', (_name, h, g, n, expected) => {
    expect(reason(h, g, n)).toBe(expected);
    expect(hostTakes(h, g, n)).toBe(expected === 'fits');
  });
});

describe('hostDrawW and notes', () => {
  it('n cards plus the host, the host defaulted to 250 W when unknown; undefined without the card power', () => {
    expect(hostDrawW(host(), card(), 3)).toBe(650);
    expect(hostDrawW(host({ powerW: undefined }), card(), 3)).toBe(700);
    expect(hostDrawW(host(), card({ powerW: undefined }), 3)).toBeUndefined();
  });
  it('a fitting host with a known draw and enough lanes has no notes', () => {
    expect(fitGpusInHost(host(), card(), 2, true)).toEqual({ ok: true, notes: [] });
  });
  it('the x4 tensor-parallel rule: x3 gets the pipeline note, x4 does not; one GPU or no tensor parallel never', () => {
    const note = (lanes: number, n: number, tp: boolean) => {
      const f = fitGpusInHost(host({}, { pcieLanes: lanes }), card(), n, tp);
      return f.ok ? f.notes : ['refused'];
    };
    expect(note(3, 2, true)).toEqual([
      "Host gives each GPU PCIe x3: too narrow for tensor parallel, so vLLM runs pipeline parallel (one GPU's speed per sequence).",
    ]);
    expect(note(4, 2, true)).toEqual([]);
    expect(note(1, 1, true)).toEqual([]);
    expect(note(1, 2, false)).toEqual([]);
  });
  it('an SXM baseboard allows tensor parallel whatever its lanes; a host without bays does not', () => {
    expect(hostAllowsTensorParallel(host({ formFactor: 'sxm5' }, { pcieLanes: 0 }))).toBe(true);
    expect(hostAllowsTensorParallel(host({ gpuBays: undefined }))).toBe(false);
  });
});
