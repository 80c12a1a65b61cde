// Robust statistics for the price trend: medians, quantiles and the Theil–Sen line with Sen's
// nonparametric confidence interval for the slope. No randomness, so the same data always gives the
// same fit.
//
// Theil–Sen: the slope is the median of the slopes of every pair of points with distinct x (Theil 1950,
// Sen 1968); the intercept is the median of y - slope * x. It tolerates up to ~29% of arbitrary outliers
// (breakdown point 1 - 1/sqrt(2)), which matters for hand-collected prices: a mistyped or clearance
// price moves a least-squares fit, not this one.
// Slope interval: Sen (1968), eq. 2.6, as scipy.stats.theilslopes computes it
// (scipy/stats/_stats_mstats_common.py): with N ordered pair slopes, n points and
// Var = [n(n-1)(2n+5) - sum_x t(t-1)(2t+5) - sum_y t(t-1)(2t+5)] / 18 (t = size of each group of tied x,
// resp. tied y, values), the bounds are the slopes at 0-based ranks round((N - z*sqrt(Var))/2) - 1 and
// round((N + z*sqrt(Var))/2), rounding half to even like NumPy. The same interval is written out in
// R. O. Gilbert, "Statistical Methods for Environmental Pollution Monitoring" (1987), section 16.5.
// Tests pin results to scipy's output on the same data.

/** Standard normal quantile at 0.9: the two-sided 80% interval, matching the 10th/90th percentile band.
 *  Value of Phi^-1(0.9) from any normal table, e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.1
 *  (https://www.itl.nist.gov/div898/handbook/eda/section3/eda3671.htm). */
export const Z_80_TWO_SIDED = 1.2815515655446004;

/** Quantile q in [0, 1] of an ascending-sorted array, linear interpolation between order statistics
 *  (Hyndman & Fan type 7, the default of R and NumPy). Empty input -> null. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

export function quantile(values: readonly number[], q: number): number | null {
  return quantileSorted(Float64Array.from(values).sort(), q);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** Round half to even, as numpy.round does (2.5 -> 2, 3.5 -> 4). */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function tieTerm(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let sum = 0;
  for (const t of counts.values()) sum += t * (t - 1) * (2 * t + 5);
  return sum;
}

export interface TheilSenFit {
  /** Median pairwise slope (units of y per unit of x). */
  slope: number;
  /** Median of y - slope * x. */
  intercept: number;
  /** Sen's two-sided interval for the slope at the level of `z` (80% by default). */
  slopeLow: number;
  slopeHigh: number;
  /** Points used, and pairs with distinct x that produced a slope. */
  n: number;
  pairs: number;
}

/** Theil–Sen fit of y on x. Null when fewer than two distinct x values exist (no slope is defined). */
export function theilSen(
  xs: readonly number[],
  ys: readonly number[],
  z: number = Z_80_TWO_SIDED,
): TheilSenFit | null {
  const n = Math.min(xs.length, ys.length);
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (xs[j] !== xs[i]) pairs++;
  }
  if (pairs === 0) return null;
  const slopes = new Float64Array(pairs);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    for (let j = i + 1; j < n; j++) {
      const dx = (xs[j] as number) - xi;
      if (dx !== 0) slopes[k++] = ((ys[j] as number) - yi) / dx;
    }
  }
  slopes.sort();
  const slope = quantileSorted(slopes, 0.5) as number;
  const residualsAtSlope: number[] = [];
  for (let i = 0; i < n; i++) residualsAtSlope.push((ys[i] as number) - slope * (xs[i] as number));
  const intercept = median(residualsAtSlope) as number;

  // Ties in y are common (a price carried over several months); ties in x are points on the same date.
  const xsUsed = Array.from({ length: n }, (_, i) => xs[i] as number);
  const ysUsed = Array.from({ length: n }, (_, i) => ys[i] as number);
  const varS = Math.max(0, (n * (n - 1) * (2 * n + 5) - tieTerm(xsUsed) - tieTerm(ysUsed)) / 18);
  const c = z * Math.sqrt(varS);
  const lowIndex = Math.max(roundHalfEven((pairs - c) / 2) - 1, 0);
  const highIndex = Math.min(roundHalfEven((pairs + c) / 2), pairs - 1);
  return {
    slope,
    intercept,
    slopeLow: Math.min(slope, slopes[lowIndex] as number),
    slopeHigh: Math.max(slope, slopes[highIndex] as number),
    n,
    pairs,
  };
}
