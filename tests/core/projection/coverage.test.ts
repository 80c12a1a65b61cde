// Frontier coverage on a two-machine dataset whose answers are worked out by hand: which months have a rig, how
// old its oldest price is, the covered and fresh shares against a goal (exactly at it, and just above), and the
// cliffs, told apart by cause (a price expiring, or the market).
import { describe, expect, it } from 'vitest';
import { type CoverageTarget, frontierCoverage } from '../../../src/core/projection/coverage';
import type { Dataset, } from '../../../src/data/schema';
import { obs, unifiedMachine } from './unified-fixture';

const machine = (id: string, fp8: boolean) => unifiedMachine(id, { fp8 });

// 600 GiB unified machines of an sm_90 class: each holds the 512 GiB target on its own.

// box-a (no fp8): $10,000 on 2024-01-10. box-b (fp8): $40,000 on 2024-02-20, $12,000 on 2024-06-15.
const dataset: Dataset = {
  items: [machine('box-a', false), machine('box-b', true)],
  prices: {
    'box-a': [obs('2024-01-10', 10_000)],
    'box-b': [obs('2024-02-20', 40_000), obs('2024-06-15', 12_000)],
  },
  series: [],
};

const target = (rigClass: CoverageTarget['rigClass'], fromMonth: string, goal: number): CoverageTarget => ({
  targetGiB: 512,
  rigClass,
  fromMonth,
  goal,
});

describe('frontierCoverage, prices valid for 60 days', () => {
  // Computed in each test, not when the file is collected: per-test coverage then sees which test runs it.
  const run = () =>
    frontierCoverage(dataset, {
      from: '2024-01',
      to: '2024-06',
      maxPriceAgeDays: 60,
      targets: [
        target('gpu-unified', '2024-02', 0.5),
        target('gpu-unified-fp8', '2024-01', 0.5),
        target('gpu-unified-fp8', '2024-01', 0.51),
      ],
    });

  it('reports its range and age limit', () => {
    const report = run();
    expect([report.firstMonth, report.lastMonth, report.maxPriceAgeDays]).toEqual(['2024-01', '2024-06', 60]);
  });

  it('the cheapest rig each month, with the age of its oldest price at the month end', () => {
    const [gpu] = run().rows;
    // January and February: box-a (50 days old at 2024-02-29). March: box-a is 81 days old, so box-b (40 days).
    // April and May: box-b's February price is 70 and 101 days old, nothing is priced. June: box-b's new price.
    expect(gpu?.cells.map((c) => [c.month, c.priceUsd, c.oldestPriceAgeDays])).toEqual([
      ['2024-01', 10_000, 21],
      ['2024-02', 10_000, 50],
      ['2024-03', 40_000, 40],
      ['2024-04', null, null],
      ['2024-05', null, null],
      ['2024-06', 12_000, 15],
    ]);
    expect(gpu?.cells[0]?.rigLabel).toContain('box-a');
    expect(gpu?.cells[3]?.rigLabel).toBeNull();
  });

  it('counts months from the target start: 3 of 5 covered from February', () => {
    const [gpu] = run().rows;
    expect([gpu?.monthsCounted, gpu?.monthsCovered, gpu?.monthsCoveredFresh]).toEqual([5, 3, 3]);
    expect(gpu?.share).toBe(0.6);
    expect(gpu?.met).toBe(true);
  });

  it('a share exactly at the goal meets it; one point higher does not', () => {
    const [, fp8, fp8Higher] = run().rows;
    // fp8: only box-b, priced in February, March and June: 3 of 6 months.
    expect(fp8?.cells.map((c) => c.priceUsd)).toEqual([null, 40_000, 40_000, null, null, 12_000]);
    expect(fp8?.share).toBe(0.5);
    expect(fp8?.met).toBe(true);
    expect(fp8Higher?.met).toBe(false);
  });

  it('a fourfold jump when the cheap rig expires is an expiry cliff; a fall to 30% is the market', () => {
    const [gpu, fp8] = run().rows;
    expect(gpu?.cliffs).toEqual([
      { month: '2024-03', fromUsd: 10_000, toUsd: 40_000, cause: 'expiry' },
      { month: '2024-06', fromUsd: 40_000, toUsd: 12_000, cause: 'market' },
    ]);
    // box-b alone never jumps by 2.5x in a month from one point to the next it has.
    expect(fp8?.cliffs).toEqual([{ month: '2024-06', fromUsd: 40_000, toUsd: 12_000, cause: 'market' }]);
  });
});

describe('frontierCoverage, the default age limit', () => {
  it('keeps a price two years but calls it fresh for one: 12 of 15 months fresh', () => {
    // A dearer box-b price in March 2025 extends the history to that month; box-a stays the cheapest.
    const later: Dataset = {
      ...dataset,
      prices: { ...dataset.prices, 'box-b': [...(dataset.prices['box-b'] ?? []), obs('2025-03-20', 50_000)] },
    };
    const [row] = frontierCoverage(later, {
      to: '2025-03',
      targets: [target('gpu-unified', '2024-01', 0.9)],
    }).rows;
    expect(row?.monthsCounted).toBe(15);
    expect(row?.monthsCovered).toBe(15);
    // box-a's price (2024-01-10) is 356 days old at 2024-12-31 and 387 at 2025-01-31.
    expect(row?.monthsCoveredFresh).toBe(12);
    expect(row?.shareFresh).toBe(0.8);
    expect(row?.met).toBe(true);
  });

  it('starts at the earliest target month when no start is given', () => {
    const r = frontierCoverage(dataset, {
      to: '2024-03',
      targets: [target('any', '2024-02', 0.9), target('gpu-unified', '2024-01', 0.9)],
    });
    expect(r.firstMonth).toBe('2024-01');
    expect(r.rows[0]?.cells.map((c) => c.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(r.rows[0]?.monthsCounted).toBe(2);
  });
});
