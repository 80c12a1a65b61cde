import { describe, expect, it } from 'vitest';
import { median, quantile, theilSen } from '../../../src/core/projection/robust-stats';
import { isoDateToYear, monthEnd, monthsBetween, yearToIsoDate } from '../../../src/core/projection/time';
import { mulberry32 } from './prng';

describe('quantiles', () => {
  it('interpolates like R type 7 / NumPy linear', () => {
    // numpy.percentile([1, 2, 3, 4], 10) == 1.3; median of an even count is the midpoint.
    expect(quantile([4, 1, 3, 2], 0.1)).toBeCloseTo(1.3, 12);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('theilSen', () => {
  it('recovers an exact line and ignores a gross outlier that least squares would not', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const ys = xs.map((x) => 2 - 0.5 * x);
    ys[9] = 100;
    const fit = theilSen(xs, ys);
    expect(fit?.slope).toBeCloseTo(-0.5, 12);
    expect(fit?.intercept).toBeCloseTo(2, 12);
  });
  it('has no slope with fewer than two distinct x', () => {
    expect(theilSen([], [])).toBeNull();
    expect(theilSen([1], [3])).toBeNull();
    expect(theilSen([2, 2, 2], [1, 5, 3])).toBeNull();
  });
  it("gives Sen's interval around the slope, narrowing with more data", () => {
    const rand = mulberry32(7);
    const make = (n: number) => {
      const xs = Array.from({ length: n }, (_, i) => i / 12);
      return { xs, ys: xs.map((x) => -0.3 * x + 0.1 * (rand() - 0.5)) };
    };
    const small = make(24);
    const big = make(120);
    const a = theilSen(small.xs, small.ys);
    const b = theilSen(big.xs, big.ys);
    if (!a || !b) throw new Error('expected fits');
    expect(a.slopeLow).toBeLessThan(a.slope);
    expect(a.slopeHigh).toBeGreaterThan(a.slope);
    expect(b.slopeHigh - b.slopeLow).toBeLessThan(a.slopeHigh - a.slopeLow);
    expect(b.slopeLow).toBeLessThan(-0.3);
    expect(b.slopeHigh).toBeGreaterThan(-0.3);
  });
});

describe('time helpers', () => {
  it('converts dates to fractional years and back', () => {
    expect(isoDateToYear('2024-01-01')).toBe(2024);
    expect(isoDateToYear('not a date')).toBeNull();
    expect(isoDateToYear('2024-02-30')).toBeNull();
    expect(yearToIsoDate(isoDateToYear('2031-08-17') as number)).toBe('2031-08-17');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsBetween('2024-02', '2023-11')).toEqual([]);
  });
});
