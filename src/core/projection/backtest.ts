// Would this method have predicted the past? Fit the projection on the frontier up to a cut-off, predict
// each later month, and compare with what the frontier did: the median absolute log error of the central
// line (0.1 = about 10% off) and how often the band held the real price.

import { isoDateToYear } from '../units';
import { type DatedPrice, type ProjectionOptions, projectRigCost } from './project';
import { quantile } from './robust-stats';

/** Cut-offs: the ends of 2022, 2023 and 2024, so each leaves at least a year of truth to compare with. */
export const BACKTEST_CUTOFFS = ['2022-12-31', '2023-12-31', '2024-12-31'] as const;

export interface BacktestResult {
  cutoff: string;
  /** Points the fit had (on or before the cut-off). */
  fitPoints: number;
  /** Later months compared. */
  compared: number;
  /** Median |ln(predicted / actual)| over the compared months; null when nothing was compared. */
  medianAbsLogError: number | null;
  /** Share of compared months whose price lay inside the band. */
  bandCoverage: number | null;
  /** Why there is no result, when there is none. */
  skipped?: 'too-little-data' | 'nothing-after';
}

/** The central line and band at a date, interpolated between the projection's quarterly points. */
function lineAt(line: { year: number; centralUsd: number; lowUsd: number; highUsd: number }[], year: number) {
  let prev = line[0];
  for (const l of line) {
    if (l.year >= year) {
      if (prev === undefined || l.year === prev.year) return l;
      const f = (year - prev.year) / (l.year - prev.year);
      const mix = (a: number, b: number) => Math.exp(Math.log(a) + f * (Math.log(b) - Math.log(a)));
      return {
        year,
        centralUsd: mix(prev.centralUsd, l.centralUsd),
        lowUsd: mix(prev.lowUsd, l.lowUsd),
        highUsd: mix(prev.highUsd, l.highUsd),
      };
    }
    prev = l;
  }
  return undefined;
}

export function backtest(
  history: readonly DatedPrice[],
  cutoffs: readonly string[] = BACKTEST_CUTOFFS,
  options: ProjectionOptions = {},
): BacktestResult[] {
  return cutoffs.map((cutoff) => {
    const before = history.filter((p) => p.date <= cutoff);
    const after = history.filter((p) => p.date > cutoff);
    const base = {
      cutoff,
      fitPoints: before.length,
      compared: 0,
      medianAbsLogError: null,
      bandCoverage: null,
    };
    if (after.length === 0) return { ...base, skipped: 'nothing-after' as const };
    const projection = projectRigCost(before, { ...options, horizonYear: 2040 });
    if (projection.fit === null || projection.line.length === 0)
      return { ...base, skipped: 'too-little-data' as const };
    const errors: number[] = [];
    let inside = 0;
    for (const p of after) {
      const t = isoDateToYear(p.date);
      const at = t === null ? undefined : lineAt(projection.line, t);
      if (at === undefined) continue;
      errors.push(Math.abs(Math.log(at.centralUsd / p.priceUsd)));
      if (p.priceUsd >= at.lowUsd && p.priceUsd <= at.highUsd) inside++;
    }
    if (errors.length === 0) return { ...base, skipped: 'nothing-after' as const };
    return {
      ...base,
      compared: errors.length,
      medianAbsLogError: quantile(errors, 0.5) as number,
      bandCoverage: inside / errors.length,
    };
  });
}
