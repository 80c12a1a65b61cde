// rigCostHistory's options at their edges, on two unified machines (600 GiB, 800 GB/s, an sm_90 class: the
// pool less one CUDA context holds 512 GiB) and on one card in one host priced on different days.
import { describe, expect, it } from 'vitest';
import { datasetMonthRange, rigCostHistory } from '../../../src/core/projection/rig-history';
import type { Dataset, HardwareItem, } from '../../../src/data/schema';
import { items as fixtureItems } from '../rigs/fixture';
import { obs, unifiedMachine } from './unified-fixture';

const machine = (id: string) => unifiedMachine(id);

const GIB = 2 ** 30;
// box-a: $20,000 then $16,000, last priced 2024-03-10; box-b: $25,000 priced 2025-06-30 and again 2026-09-30.
// Observations are sorted by date, as the dataset's contract has them (schema.ts).
const make = (): Dataset => ({
  items: [machine('box-a'), machine('box-b')],
  prices: {
    'box-a': [obs('2024-01-10', 20_000), obs('2024-03-10', 16_000)],
    'box-b': [obs('2025-06-30', 25_000), obs('2026-09-30', 25_000)],
  },
  series: [],
});
const priceIn = (h: ReturnType<typeof rigCostHistory>, month: string) =>
  h.points.find((p) => p.month === month)?.priceUsd;

describe('datasetMonthRange', () => {
  it('the earliest and latest observation months, whatever their order', () => {
    expect(datasetMonthRange(make())).toEqual(['2024-01', '2026-09']);
    const reversed = make();
    expect(
      datasetMonthRange({
        ...reversed,
        prices: {
          'box-b': [obs('2025-06-30', 1), obs('2026-09-30', 1)],
          'box-a': [obs('2024-01-10', 1), obs('2024-03-10', 1)],
        },
      }),
    ).toEqual(['2024-01', '2026-09']);
    expect(datasetMonthRange({ items: [], prices: { x: [] }, series: [] })).toBeNull();
  });
});

describe('rigCostHistory options', () => {
  it('a price is carried 730 days by default: box-a ($16,000, 2024-03-10) until 2026-02, then box-b', () => {
    const h = rigCostHistory(make(), { targetBytes: 512 * GIB });
    expect(priceIn(h, '2026-02')).toBe(16_000);
    expect(priceIn(h, '2026-03')).toBe(25_000);
  });

  it('a negative or NaN age limit is the default; Infinity keeps every price', () => {
    for (const maxPriceAgeDays of [-1, Number.NaN]) {
      const h = rigCostHistory(make(), { targetBytes: 512 * GIB, maxPriceAgeDays });
      expect(priceIn(h, '2026-03')).toBe(25_000);
      expect(priceIn(h, '2026-02')).toBe(16_000);
    }
    expect(
      priceIn(rigCostHistory(make(), { targetBytes: 512 * GIB, maxPriceAgeDays: Infinity }), '2026-09'),
    ).toBe(16_000);
    // 0 days: a price counts on its own day only. Months are priced at their last day, so only box-b's two
    // month-end prices (2025-06-30, 2026-09-30) price a month.
    expect(
      rigCostHistory(make(), { targetBytes: 512 * GIB, maxPriceAgeDays: 0 }).points.map((p) => p.month),
    ).toEqual(['2025-06', '2026-09']);
  });

  it('a bandwidth floor at the machines 800 GB/s keeps them, one above drops them; 0, negative or NaN is no floor', () => {
    const n = rigCostHistory(make(), { targetBytes: 512 * GIB }).points.length;
    expect(n).toBeGreaterThan(20);
    expect(rigCostHistory(make(), { targetBytes: 512 * GIB, minBandwidthGBps: 800 }).points.length).toBe(n);
    expect(rigCostHistory(make(), { targetBytes: 512 * GIB, minBandwidthGBps: 801 }).points).toEqual([]);
    for (const minBandwidthGBps of [0, -5, Number.NaN, Infinity])
      expect(rigCostHistory(make(), { targetBytes: 512 * GIB, minBandwidthGBps }).points.length).toBe(n);
  });

  it('a target that is not a finite number is the default 512 GiB', () => {
    expect(rigCostHistory(make(), { targetBytes: Number.NaN }).targetBytes).toBe(512 * GIB);
    expect(rigCostHistory(make(), { targetBytes: Infinity }).targetBytes).toBe(512 * GIB);
    expect(rigCostHistory(make(), {}).targetBytes).toBe(512 * GIB);
  });

  it('a start before the data starts at the data; a later start is kept', () => {
    expect(rigCostHistory(make(), { targetBytes: 512 * GIB, from: '2020-01' }).firstMonth).toBe('2024-01');
    expect(rigCostHistory(make(), { targetBytes: 512 * GIB, from: '2024-03' }).firstMonth).toBe('2024-03');
  });

  it('rig kinds limit the search', () => {
    expect(rigCostHistory(make(), { targetBytes: 512 * GIB, rigKinds: ['cpu-server'] }).points).toEqual([]);
    expect(
      rigCostHistory(make(), { targetBytes: 512 * GIB, rigKinds: ['unified'] }).points.length,
    ).toBeGreaterThan(20);
  });
});

describe('a rig of parts priced on different days', () => {
  const card = fixtureItems.find((i) => i.id === 'gpu-80gb-fp8') as HardwareItem;
  const host = fixtureItems.find((i) => i.id === 'host-8') as HardwareItem;
  const ds: Dataset = {
    items: [card, host],
    prices: { 'gpu-80gb-fp8': [obs('2024-02-10', 25_000)], 'host-8': [obs('2024-01-05', 5000)] },
    series: [],
  };

  it('its oldest price is the older part price, and it has a prefill speed', () => {
    const h = rigCostHistory(ds, { targetBytes: 64 * GIB });
    const feb = h.points.find((p) => p.month === '2024-02');
    expect(feb?.priceUsd).toBe(30_000);
    expect(feb?.oldestPriceOn).toBe('2024-01-05');
    expect(feb?.prefillTokensPerSecond).toBeGreaterThan(0);
    // January: the host alone is priced; no rig.
    expect(h.points.map((p) => p.month)[0]).toBe('2024-02');
  });
});
