// Filling a CPU platform's DIMM slots, at the edges: exactly the memory needed and one byte more, the
// largest DIMM the board takes and one size up, one and two DIMMs per channel, the 2-DPC speed stated or
// derived, fills sold with the platform. Bandwidths are worked out by hand: a DDR channel moves 8 bytes per
// transfer, so 8 channels at 4800 MT/s are 8 x 4800e6 x 8 B = 307.2 GB/s.
import { describe, expect, it } from 'vitest';
import type { Priced } from '../../../src/core/rigs/catalog';
import {
  boardTakesModule,
  dimmFills,
  dimmNote,
  includedFill,
  platformFills,
} from '../../../src/core/rigs/dimm-fill';
import type { HardwareItem, PriceObservation } from '../../../src/data/schema';

const GiB = 2 ** 30;
const OS = 8 * GiB; // the OS reserve the fill leaves (constants.ts OS_RESERVE_BYTES)
const src = { url: 'https://example.org/board', retrievedOn: '2026-01-01' };

type Ms = NonNullable<HardwareItem['memorySystem']>;
const platform = (ms: Partial<Ms> = {}, extra: Partial<HardwareItem> = {}): HardwareItem => ({
  id: 'p',
  name: 'Platform',
  vendor: 'V',
  kind: 'cpu-platform',
  releasedOn: '2023-01-01',
  memorySystem: {
    generation: 'ddr5',
    formFactor: 'rdimm',
    channels: 8,
    dimmsPerChannel: 2,
    speedMTs: 4800,
    maxDimmGiB: 64,
    ...ms,
  },
  sources: [src],
  ...extra,
});
const moduleItem = (sizeGiB: number, speedMTs = 4800, formFactor: 'rdimm' | 'lrdimm' | 'udimm' = 'rdimm') =>
  ({
    id: `m${sizeGiB}-${formFactor}`,
    name: `${sizeGiB} GB module`,
    vendor: 'V',
    kind: 'memory-module',
    releasedOn: '2022-01-01',
    memory: { sizeGiB, type: 'system' },
    module: { generation: 'ddr5', formFactor, speedMTs },
    sources: [src],
  }) as HardwareItem;
const observation: PriceObservation = {
  observedOn: '2026-01-01',
  priceUsd: 1,
  market: 'retail',
  condition: 'new',
  region: 'us',
  quantity: 1,
  source: src,
};
const priced = (item: HardwareItem, priceUsd: number): Priced => ({
  item,
  price: observation,
  priceUsd,
  ageDays: 0,
});

describe('boardTakesModule', () => {
  const ms = (formFactor: Ms['formFactor']) => platform({ formFactor }).memorySystem as Ms;
  const mod = (formFactor: 'rdimm' | 'lrdimm' | 'udimm', generation: 'ddr4' | 'ddr5' = 'ddr5') => ({
    generation,
    formFactor,
    speedMTs: 4800,
  });
  it('a registered board takes RDIMMs and LRDIMMs of its generation, not UDIMMs or another generation', () => {
    expect(boardTakesModule(ms('rdimm'), mod('rdimm'))).toBe(true);
    expect(boardTakesModule(ms('rdimm'), mod('lrdimm'))).toBe(true);
    expect(boardTakesModule(ms('lrdimm'), mod('rdimm'))).toBe(true);
    expect(boardTakesModule(ms('rdimm'), mod('udimm'))).toBe(false);
    expect(boardTakesModule(ms('rdimm'), mod('rdimm', 'ddr4'))).toBe(false);
  });
  it('an unbuffered board takes UDIMMs only', () => {
    expect(boardTakesModule(ms('udimm'), mod('udimm'))).toBe(true);
    expect(boardTakesModule(ms('udimm'), mod('rdimm'))).toBe(false);
    expect(boardTakesModule(ms('udimm'), mod('lrdimm'))).toBe(false);
  });
});

describe('dimmFills', () => {
  const m32 = priced(moduleItem(32), 100);
  const m64 = priced(moduleItem(64), 250);

  it('8 x 32 GiB at one per channel holds exactly 248 GiB; one byte more needs 16 DIMMs', () => {
    const at = dimmFills(platform(), [m32], 256 * GiB - OS);
    expect(at[0]).toMatchObject({ count: 8, dimmsPerChannel: 1, priceUsd: 800, speedMTs: 4800 });
    expect(at[0]?.bandwidthGBps).toBeCloseTo(307.2, 9);
    expect(at[0]?.usableBytes).toBe(256 * GiB - OS);
    const over = dimmFills(platform(), [m32], 256 * GiB - OS + 1);
    expect(over.map((f) => f.count)).toEqual([16]);
    expect(dimmFills(platform(), [m32], 512 * GiB - OS + 1)).toEqual([]);
  });
  it('at two per channel the board’s stated 2-DPC speed applies, else 5200/6400 of the 1-DPC speed', () => {
    const stated = dimmFills(platform({ speedMTs2Dpc: 4400 }), [m32], 300 * GiB);
    expect(stated[0]).toMatchObject({ count: 16, dimmsPerChannel: 2, speedMTs: 4400 });
    expect(stated[0]?.bandwidthGBps).toBeCloseTo(281.6, 9);
    const fast = priced(moduleItem(32, 6400), 100);
    const derived = dimmFills(platform({ speedMTs: 6400 }), [fast], 300 * GiB);
    expect(derived[0]?.speedMTs).toBeCloseTo(5200, 9);
    expect(derived[0]?.bandwidthGBps).toBeCloseTo(332.8, 9);
  });
  it('a slower module sets the speed; a board with one slot per channel never gets two', () => {
    const slow = priced(moduleItem(32, 4000), 100);
    expect(dimmFills(platform(), [slow], 100 * GiB)[0]?.speedMTs).toBe(4000);
    expect(dimmFills(platform({ dimmsPerChannel: 1 }), [m32], 300 * GiB)).toEqual([]);
    // A board with three slots per channel is still filled at most two per channel.
    expect(dimmFills(platform({ dimmsPerChannel: 3 }), [m32], 500 * GiB).map((f) => f.count)).toEqual([16]);
  });
  it('takes DIMMs up to the board’s largest size, not one size up, and only its own module type', () => {
    expect(dimmFills(platform({ maxDimmGiB: 64 }), [m64], 400 * GiB).map((f) => f.count)).toEqual([8]);
    expect(dimmFills(platform({ maxDimmGiB: 63 }), [m64], 400 * GiB)).toEqual([]);
    expect(dimmFills(platform({ formFactor: 'udimm' }), [m32], 100 * GiB)).toEqual([]);
    expect(dimmFills(platform({ generation: 'ddr4' }), [m32], 100 * GiB)).toEqual([]);
    expect(dimmFills(platform({}, { memorySystem: undefined }), [m32], 1)).toEqual([]);
  });
  it('keeps only fills nothing beats on both price and bandwidth, cheapest first', () => {
    // 100 GiB: 8 x 32 ($800, 307 GB/s), 16 x 32 ($1,600, slower at 2 DPC: dropped), 8 x 64 ($2,000,
    // same bandwidth as 8 x 32: dropped), 16 x 64 ($4,000: dropped).
    const fills = dimmFills(platform({ speedMTs2Dpc: 4400 }), [m64, m32], 100 * GiB);
    expect(fills.map((f) => [f.count, f.moduleItem.memory?.sizeGiB, f.priceUsd])).toEqual([[8, 32, 800]]);
    // A faster, dearer module that adds bandwidth stays beside the cheap one.
    const fast = priced(moduleItem(32, 5600), 150);
    const both = dimmFills(platform({ speedMTs: 5600 }), [m32, fast], 100 * GiB);
    expect(both.map((f) => f.priceUsd)).toEqual([800, 1200]);
    expect(both[1]?.bandwidthGBps).toBeCloseTo(358.4, 9);
  });
});

describe('includedFill and platformFills', () => {
  const server = platform({ channels: 12, dimmsPerChannel: 2, speedMTs: 2666, generation: 'ddr5' });
  const dimm32 = moduleItem(32, 2666);
  it('4 DIMMs on 12 channels: 4 channels populated at one per channel', () => {
    const f = includedFill(server, { module: dimm32, count: 4 }, 100 * GiB);
    expect(f).toMatchObject({
      count: 4,
      dimmsPerChannel: 1,
      priceUsd: 0,
      module: undefined,
      ramBytes: 128 * GiB,
    });
    expect(f?.bandwidthGBps).toBeCloseTo((4 * 2666 * 8) / 1000, 9);
  });
  it('13 DIMMs on 12 channels put two in a channel: the 2-DPC speed for all', () => {
    const f = includedFill(server, { module: dimm32, count: 13 }, 100 * GiB);
    expect(f?.dimmsPerChannel).toBe(2);
    expect(f?.speedMTs).toBeCloseTo(2666 * (5200 / 6400), 9);
  });
  it('is undefined when the included RAM does not hold the need (edge: exactly holds)', () => {
    expect(includedFill(server, { module: dimm32, count: 4 }, 128 * GiB - OS)).toBeDefined();
    expect(includedFill(server, { module: dimm32, count: 4 }, 128 * GiB - OS + 1)).toBeUndefined();
  });
  it('platformFills lists the included fill first, then the bought ones', () => {
    const bought = priced(moduleItem(32), 100);
    const fills = platformFills(server, { module: dimm32, count: 4 }, [bought], 100 * GiB);
    expect(fills[0]?.module).toBeUndefined();
    expect(fills.slice(1).every((f) => f.module === bought)).toBe(true);
    expect(platformFills(server, undefined, [bought], 100 * GiB).every((f) => f.module === bought)).toBe(
      true,
    );
  });
});

describe('dimmNote', () => {
  it('says the slots used of the slots there are, the speed and what the model gets', () => {
    const p = platform({ channels: 12 });
    const f = dimmFills(p, [priced(moduleItem(32), 100)], 100 * GiB)[0];
    if (!f) throw new Error('no fill');
    const note = dimmNote(p, f);
    expect(note).toContain(
      '12 of 24 DIMM slots: 12 × 32 GB module, 1 per channel on 12 channels at 4800 MT/s',
    );
    expect(note).toContain('= 461 GB/s peak; 376 GiB for the model after 8 GiB for the OS.');
    expect(note).not.toContain('included in the price');
    expect(note).not.toContain('NUMA');
  });
  it('marks DIMMs sold with the server, DIMMs that replace them, and a second socket', () => {
    const two = platform({ channels: 12 }, { sockets: 2 });
    const included = includedFill(two, { module: moduleItem(32), count: 4 }, 1);
    if (!included) throw new Error('no fill');
    expect(dimmNote(two, included)).toContain('(included in the price)');
    expect(dimmNote(two, included)).toContain('NUMA');
    const sold = platform({ channels: 12 }, { includedMemory: { itemId: 'x', count: 4 } });
    const bought = dimmFills(sold, [priced(moduleItem(32), 100)], 1)[0];
    if (!bought) throw new Error('no fill');
    expect(dimmNote(sold, bought)).toContain('They replace the DIMMs the server is sold with.');
  });
});
