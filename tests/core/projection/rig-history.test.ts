import { describe, expect, it } from 'vitest';
import { rigCostOutlook } from '../../../src/core/projection/outlook';
import { projectRigCost } from '../../../src/core/projection/project';
import { PUBLISHED_RATES } from '../../../src/core/projection/reference-rates';
import {
  datasetMonthRange,
  type RigCostHistoryOptions,
  rigCostHistory,
} from '../../../src/core/projection/rig-history';
import { CARRY_FORWARD_MAX_DAYS } from '../../../src/core/rigs/constants';
import type { Dataset, } from '../../../src/data/schema';
import { fixture, items as fixtureItems } from '../rigs/fixture';
import { obs, unifiedMachine } from './unified-fixture';

const machine = (id: string, sizeGiB: number, fp8: 'yes' | 'no') =>
  unifiedMachine(id, { sizeGiB, fp8: fp8 === 'yes' });

const GIB = 2 ** 30;
// Unified machines of the 'nvidia-grace' class (an sm_90 target): the whole pool less one CUDA context is
// usable, so 600 GiB holds the 512 GiB target.

const dataset: Dataset = {
  items: [machine('box-a', 600, 'no'), machine('box-b', 600, 'yes')],
  prices: {
    // box-a falls 20,000 -> 16,000 over three months, then is not priced again.
    'box-a': [obs('2024-01-10', 20_000), obs('2024-02-10', 18_000), obs('2024-03-10', 16_000)],
    'box-b': [obs('2024-01-20', 30_000), obs('2025-06-30', 25_000)],
  },
  series: [],
};

describe('rigCostHistory', () => {
  it('gives the cheapest rig for each month with prices as of the month end', () => {
    const h = rigCostHistory(dataset, { targetBytes: 512 * GIB });
    expect(h.firstMonth).toBe('2024-01');
    expect(h.lastMonth).toBe('2025-06');
    expect(h.monthsSearched).toBe(18);
    expect(h.points.slice(0, 3).map((p) => [p.month, p.date, p.priceUsd, p.rigKind])).toEqual([
      ['2024-01', '2024-01-31', 20_000, 'unified'],
      ['2024-02', '2024-02-29', 18_000, 'unified'],
      ['2024-03', '2024-03-31', 16_000, 'unified'],
    ]);
    expect(h.points[0]?.rigId).toContain('box-a');
  });

  it('drops a price older than the staleness limit instead of carrying it forward for ever', () => {
    const h = rigCostHistory(dataset, { targetBytes: 512 * GIB, maxPriceAgeDays: 365 });
    // box-a's 2024-03-10 price is stale after 2025-03-10; box-b's 2024-01-20 price after 2025-01-19.
    const feb2025 = h.points.find((p) => p.month === '2025-02');
    expect(feb2025?.rigId).toContain('box-a');
    // From the end of March 2025 to the end of May nothing has a fresh price.
    expect(h.points.filter((p) => p.month >= '2025-03' && p.month <= '2025-05')).toEqual([]);
    expect(h.points.find((p) => p.month === '2025-06')?.priceUsd).toBe(25_000);
    expect(h.monthsWithoutRig).toBe(3);
  });

  it('an asOf cap ends the history at that date and ignores later prices in its month', () => {
    const h = rigCostHistory(dataset, { targetBytes: 512 * GIB, asOf: '2024-02-05' });
    expect(h.lastMonth).toBe('2024-02');
    expect(h.points.map((p) => [p.date, p.priceUsd])).toEqual([
      ['2024-01-31', 20_000],
      ['2024-02-05', 20_000],
    ]);
  });

  it('requires native fp8 when asked', () => {
    const h = rigCostHistory(dataset, { targetBytes: 512 * GIB, requireFp8: true });
    expect(h.points[0]?.rigId).toContain('box-b');
    expect(h.points[0]?.priceUsd).toBe(30_000);
  });

  it('finds nothing when the target exceeds every rig, and clamps the target to 64 GiB-2 TiB', () => {
    expect(rigCostHistory(dataset, { targetBytes: 4096 * GIB }).targetBytes).toBe(2048 * GIB);
    expect(rigCostHistory(dataset, { targetBytes: 2048 * GIB }).points).toEqual([]);
    expect(rigCostHistory(dataset, { targetBytes: 1 }).targetBytes).toBe(64 * GIB);
  });

  it('caches: the same call returns the same history, another range the same month points', () => {
    const a = rigCostHistory(dataset, { targetBytes: 512 * GIB });
    const b = rigCostHistory(dataset, { targetBytes: 512 * GIB });
    expect(b).toBe(a);
    // Another month range reuses the months it shares.
    const c = rigCostHistory(dataset, { targetBytes: 512 * GIB, from: '2024-02' });
    expect(c.points[0]).toBe(a.points[1]);
  });

  it('feeds projectRigCost directly', () => {
    const h = rigCostHistory(dataset, { targetBytes: 512 * GIB, to: '2024-03' });
    const p = projectRigCost(h.points, { thresholdUsd: 10_000 });
    expect(p.fit?.pointsUsed).toBe(3);
    expect(p.fit?.annualChange).toBeLessThan(0);
  });

  it('an empty dataset has no months', () => {
    expect(rigCostHistory({ items: [], prices: {}, series: [] })).toMatchObject({
      points: [],
      monthsSearched: 0,
    });
  });
});

describe('rigCostOutlook', () => {
  it('combines the frontier, the projection and reference lines from the latest point', () => {
    const o = rigCostOutlook(dataset, { targetBytes: 512 * GIB, thresholdUsd: 10_000, horizonYear: 2030 });
    expect(o.projection.thresholdUsd).toBe(10_000);
    const latest = o.history.points[o.history.points.length - 1];
    expect(o.referenceLines).toHaveLength(PUBLISHED_RATES.length);
    for (const line of o.referenceLines) {
      expect(line.points[0]?.priceUsd).toBe(latest?.priceUsd);
      expect(line.points[line.points.length - 1]?.year).toBe(2031);
    }
  });
  it('has no reference lines without a frontier', () => {
    const o = rigCostOutlook({ items: [], prices: {}, series: [] });
    expect(o.referenceLines).toEqual([]);
    expect(o.projection.outcome.kind).toBe('too-little-data');
  });
});

describe('rigCostHistory: fresh prices reach the search', () => {
  it('builds a CPU server from the fresh DIMM when the cheaper DIMM price is stale', () => {
    const platform = fixtureItems.filter((i) => ['epyc-12ch', 'rdimm-32', 'rdimm-64'].includes(i.id));
    const d: Dataset = {
      items: platform,
      prices: {
        'epyc-12ch': [obs('2025-05-01', 3000)],
        'rdimm-32': [obs('2023-01-01', 100)], // $3.1/GB but two and a half years old by mid-2025
        'rdimm-64': [obs('2025-06-01', 400)],
      },
      series: [],
    };
    const h = rigCostHistory(d, { targetBytes: 512 * GIB, from: '2025-06', to: '2025-06' });
    expect(h.points).toHaveLength(1);
    expect(h.points[0]?.rigKind).toBe('cpu-server');
    // The search populates all 12 channels with one 64 GB DIMM each.
    expect(h.points[0]?.priceUsd).toBe(3000 + 12 * 400);
    expect(h.points[0]?.rigId).toContain('rdimm-64');
    expect(h.points[0]?.oldestPriceOn).toBe('2025-05-01');
  });
});

describe('rigCostHistory: reusing a month whose prices did not change', () => {
  it('gives the same points as searching every month on its own', () => {
    for (const targetGiB of [64, 96, 512]) {
      const whole = rigCostHistory(fixture, { targetBytes: targetGiB * GIB });
      const single = [];
      for (let y = 2020; y <= 2026; y++) {
        for (let m = 1; m <= 12; m++) {
          const month = `${y}-${String(m).padStart(2, '0')}`;
          // A new dataset object: no cache, no previous month, so the month is searched directly.
          const one = rigCostHistory(
            { ...fixture },
            { targetBytes: targetGiB * GIB, from: month, to: month },
          );
          single.push(...one.points);
        }
      }
      expect(whole.points.length).toBeGreaterThan(0);
      expect(whole.points).toEqual(single);
    }
  });
});

describe('rigCostHistory: price age limit', () => {
  it('Infinity carries every price forward (no limit), on the search side too', () => {
    const h = rigCostHistory(dataset, { targetBytes: 512 * GIB, maxPriceAgeDays: Number.POSITIVE_INFINITY });
    expect(h.monthsWithoutRig).toBe(0);
    // box-a's last price (2024-03-10) still prices June 2025, cheaper than box-b's fresh $25,000.
    expect(h.points.find((p) => p.month === '2025-06')?.priceUsd).toBe(16_000);
  });
  it('a negative or NaN limit falls back to the two-year carry-forward default', () => {
    const byDefault = rigCostHistory(dataset, {
      targetBytes: 512 * GIB,
      maxPriceAgeDays: CARRY_FORWARD_MAX_DAYS,
    });
    for (const bad of [Number.NaN, -1]) {
      const h = rigCostHistory(dataset, { targetBytes: 512 * GIB, maxPriceAgeDays: bad });
      expect(h.points).toEqual(byDefault.points);
    }
    // Two years carries box-a's March 2024 price through the end of the history (June 2025).
    expect(byDefault.monthsWithoutRig).toBe(0);
    expect(rigCostHistory(dataset, { targetBytes: 512 * GIB, maxPriceAgeDays: 365 }).monthsWithoutRig).toBe(
      3,
    );
  });
});

describe('rigCostHistory: options and the caches behind them', () => {
  const fresh = () => structuredClone(dataset);
  const target = { targetBytes: 512 * GIB };

  it('datasetMonthRange spans the earliest and latest observation of any item', () => {
    expect(datasetMonthRange(dataset)).toEqual(['2024-01', '2025-06']);
    expect(datasetMonthRange({ items: [], prices: { x: [] }, series: [] })).toBeNull();
  });

  it('each option gives the same answer from a warm cache as from a cold one', () => {
    const shared = fresh();
    const variants: RigCostHistoryOptions[] = [
      target,
      { ...target, minBandwidthGBps: 900 }, // both boxes have 800 GB/s
      { ...target, minBandwidthGBps: 500 },
      { ...target, requireFp8: true },
      { ...target, conditions: ['used'] },
      { ...target, rigKinds: ['cpu-server'] },
      { ...target, rigKinds: ['unified'] },
      { ...target, maxPriceAgeDays: 0 },
      { ...target, maxPriceAgeDays: 40 },
      { ...target, asOf: '2024-02-15' },
      { ...target, asOf: '2024-02-05' },
      { ...target, from: '2023-06', to: '2024-02' },
      { targetBytes: 1024 * GIB },
    ];
    const warm = variants.map((o) => rigCostHistory(shared, o));
    const cold = variants.map((o) => rigCostHistory(fresh(), o));
    expect(warm).toEqual(cold);
    // And the options mattered.
    expect(cold[1]?.points).toEqual([]);
    expect(cold[2]?.points.length).toBe(cold[0]?.points.length);
    expect(cold[3]?.points.every((p) => p.rigId.includes('box-b'))).toBe(true);
    expect(cold[4]?.points).toEqual([]);
    expect(cold[5]?.points).toEqual([]);
    expect(cold[6]?.points.length).toBe(cold[0]?.points.length);
    expect(cold[9]?.points.map((p) => [p.month, p.date, p.priceUsd])).toEqual([
      ['2024-01', '2024-01-31', 20_000],
      ['2024-02', '2024-02-15', 18_000],
    ]);
    expect(cold[10]?.points.at(-1)).toMatchObject({ month: '2024-02', date: '2024-02-05', priceUsd: 20_000 });
    expect(cold[11]?.firstMonth).toBe('2024-01');
    expect(cold[11]?.lastMonth).toBe('2024-02');
  });

  it('a price age of 0 days counts only prices observed on the month end itself', () => {
    const h = rigCostHistory(fresh(), { ...target, maxPriceAgeDays: 0 });
    // box-b's 2025-06-30 price is the only one observed on a month end.
    expect(h.points.map((p) => [p.month, p.priceUsd])).toEqual([['2025-06', 25_000]]);
    expect(h.monthsWithoutRig).toBe(h.monthsSearched - 1);
    expect(rigCostHistory(fresh(), { ...target, maxPriceAgeDays: -1 })).toEqual(
      rigCostHistory(fresh(), target),
    );
  });

  it('a bandwidth floor of zero, below zero or not a number is no floor', () => {
    const none = rigCostHistory(fresh(), target);
    for (const minBandwidthGBps of [0, -5, Number.NaN])
      expect(rigCostHistory(fresh(), { ...target, minBandwidthGBps })).toEqual(none);
  });

  it('the target memory defaults to 512 GiB when not a number and is clamped to 64 GiB-2 TiB', () => {
    expect(rigCostHistory(fresh(), { targetBytes: Number.NaN }).targetBytes).toBe(512 * GIB);
    expect(rigCostHistory(fresh(), {}).targetBytes).toBe(512 * GIB);
    expect(rigCostHistory(fresh(), { targetBytes: 1 }).targetBytes).toBe(64 * GIB);
    expect(rigCostHistory(fresh(), { targetBytes: 1e18 }).targetBytes).toBe(2048 * GIB);
  });

  it('the same options in another order are the same history, returned from the cache', () => {
    const shared = fresh();
    const a = rigCostHistory(shared, {
      ...target,
      conditions: ['used', 'new'],
      rigKinds: ['unified', 'multi-gpu'],
    });
    const b = rigCostHistory(shared, {
      ...target,
      conditions: ['new', 'used', 'new'],
      rigKinds: ['multi-gpu', 'unified'],
    });
    expect(b).toBe(a);
    expect(rigCostHistory(shared, { ...target, asOf: '2025-06-30' })).not.toBe(
      rigCostHistory(shared, target),
    );
  });

  it('a month whose only change is a price going stale on the previous cutoff is searched again', () => {
    // With a 45-day limit, January 2024 (end 01-31) uses prices from 2023-12-17 on; February (end 02-29) from
    // 2024-01-15 on. box-a's only price is dated 2023-12-17: fresh in January, stale in February, when
    // box-b (priced 2024-01-20) is the only rig left. No price is observed in February.
    const d: Dataset = {
      ...fresh(),
      // box-b's March price only extends the months searched past February.
      prices: {
        'box-a': [obs('2023-12-17', 20_000)],
        'box-b': [obs('2024-01-20', 30_000), obs('2024-03-20', 29_000)],
      },
    };
    const h = rigCostHistory(d, { ...target, maxPriceAgeDays: 45 });
    expect(h.points.map((p) => [p.month, p.priceUsd])).toEqual([
      ['2023-12', 20_000],
      ['2024-01', 20_000],
      ['2024-02', 30_000],
      ['2024-03', 29_000],
    ]);
  });
});
