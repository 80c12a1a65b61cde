// projectRigCost: fit an exponential trend to a price history and say when it crosses a price threshold.
// Why these choices (Theil–Sen on log price, the monthly cheapest points rather than a running minimum,
// the band) is written out in ./README.md.
import type { Assumption } from '../memory/estimate-types';
import { isoDateToYear, yearToIsoDate } from '../units';
import { type PublishedRateId, publishedRate } from './reference-rates';
import { quantile, theilSen } from './robust-stats';

/** Any dated price: a RigCostPoint, a $/GB point, a synthetic test series. */
export interface DatedPrice {
  /** ISO date (YYYY-MM-DD). */
  date: string;
  priceUsd: number;
}

export const RATE_KINDS = ['fitted', 'published', 'custom'] as const;
export type RateKind = (typeof RATE_KINDS)[number];

export type RateAssumption =
  | { kind: 'fitted' }
  | { kind: 'published'; id: PublishedRateId }
  /** A constant annual decline in percent: 20 means -20%/yr; a negative value is a rise. */
  | { kind: 'custom'; annualDeclinePct: number };

export interface DateWindow {
  /** ISO date, inclusive. */
  from: string;
  /** ISO date, inclusive; absent means still going on at the latest data. */
  to?: string;
}

// The 2025-26 DRAM price spike, for the "exclude the spike from the fit window" switch.
// Start: spot and retail prices turned up in September 2025. TrendForce: spot DDR5 16GB modules rose
// ~59% and DDR4 16GB ~43% month over month by mid-October 2025, and it raised its 4Q25 conventional DRAM
// contract forecast from +8-13% to +18-23% (reported 2025-10-29,
// https://particle.news/story/trendforce-lifts-dram-q4-price-outlook-as-ddr5-profit-seen-topping-hbm3e-in-2026);
// 4Q25 contract prices in the end rose 45-50% QoQ and 1Q26 was forecast at +90-95% (TrendForce via
// https://evertiq.com/news/2026-02-26-price-rally-lifts-4q25-dram-revenue-294-qoq).
// The dataset agrees: data/series/dramexchange-ddr5-chip-spot.json rises from $3.06/GB (2025-09-15) to
// $4.34 (2025-10-15) and $11.89 (2025-11-15); data/series/ddr5-udimm-retail.json is ~$3-4/GB through
// 2025-09-20 and $8.12 by 2025-11-13.
// End: none yet. No source in the dataset shows prices falling back as of its latest points, so the
// window stays open; a user who expects a return to trend excludes everything from the start date on.
export const DRAM_SPIKE_WINDOW: DateWindow = { from: '2025-09-01' };

// The thresholds the question is about ("a few thousand dollars") and the range accepted: thresholds.ts.
import { DEFAULT_THRESHOLD_USD, MAX_THRESHOLD_USD, MIN_THRESHOLD_USD } from './thresholds';

export { DEFAULT_THRESHOLD_USD, MAX_THRESHOLD_USD, MIN_THRESHOLD_USD };
export const DEFAULT_HORIZON_YEAR = 2036;
/** Distinct dates needed in the fit window: two fix a line, the third gives a residual spread. */
export const MIN_FIT_POINTS = 3;
/** Band percentiles of the residuals (and the matching 80% slope interval). */
export const BAND_LOW_QUANTILE = 0.1;
export const BAND_HIGH_QUANTILE = 0.9;

export interface ProjectionOptions {
  /** Price to reach, USD; clamped to [MIN_THRESHOLD_USD, MAX_THRESHOLD_USD]. Default 3,000. */
  thresholdUsd?: number;
  /** Last calendar year looked at: a crossing any time in it counts. Default 2036. */
  horizonYear?: number;
  /** Which annual rate drives the line. Default: fitted. */
  rate?: RateAssumption;
  /** Leave the spike window out of the fit. Default false (fit everything). */
  excludeSpike?: boolean;
  /** The window excluded by excludeSpike. Default DRAM_SPIKE_WINDOW. */
  spikeWindow?: DateWindow;
  /** Fit only points from 1 January of this year. Default: from the first point. */
  fitFromYear?: number;
  /** Fit only points on or after this ISO date, for the reason given (a data-coverage floor: the rig class
   *  has no priced rig of its own kind before it). The later of this and fitFromYear applies. */
  fitFrom?: { date: string; reason: string };
}

export type CrossingEdge =
  | { kind: 'at'; year: number; date: string }
  | { kind: 'not-within-horizon'; horizonYear: number };

export interface CrossingRange {
  /** The low (cheap) edge of the band: the earliest plausible crossing. */
  early: CrossingEdge;
  /** The high edge of the band: the latest plausible crossing, open-ended when it never crosses. */
  late: CrossingEdge;
}

export type ProjectionOutcome =
  | { kind: 'already-affordable'; since: string; latestPriceUsd: number; latestDate: string }
  | {
      kind: 'crosses';
      year: number;
      date: string;
      range: CrossingRange;
      /** True when the trend line is already below the threshold at the latest data while the latest
       *  observed price is not: the crossing is "now, if prices return to trend". */
      trendBelowLatestPrice: boolean;
    }
  | { kind: 'not-within-horizon'; horizonYear: number; range: CrossingRange }
  | { kind: 'too-little-data'; need: number; have: number };

export interface TrendFit {
  rate: RateAssumption;
  /** Annual fractional change of the central line (-0.2 = 20% cheaper each year). */
  annualChange: number;
  /** The range of the annual change the band uses (equal to annualChange when there is none). */
  annualChangeLow: number;
  annualChangeHigh: number;
  /** 10th and 90th percentile of log residuals around the fitted line, widened to include 0 (the latest
   *  point, which the central line starts from). */
  residualLowLog: number;
  residualHighLog: number;
  /** The points in the fit window. */
  pointsUsed: number;
  firstDate: string;
  lastDate: string;
  excludedBySpike: number;
  excludedBeforeStart: number;
}

export interface ProjectionLinePoint {
  year: number;
  date: string;
  centralUsd: number;
  lowUsd: number;
  highUsd: number;
}

export interface RigCostProjection {
  outcome: ProjectionOutcome;
  /** Null when there was too little data to fit (or the latest price is already affordable and no fit
   *  was possible). */
  fit: TrendFit | null;
  /** Central line and band, quarterly from the first fitted point to the end of the horizon. */
  line: ProjectionLinePoint[];
  thresholdUsd: number;
  horizonYear: number;
  /** The latest history point: where the projection starts. */
  startDate: string | null;
  assumptions: Assumption[];
}

interface LogLine {
  slope: number; // ln(USD) per year
  offset: number; // ln(USD) at t = t0
}

// exp() of anything beyond +-700 is 0 or Infinity; a line is never drawn or compared past these.
const LOG_LIMIT = 700;
const clampLog = (v: number) => Math.min(LOG_LIMIT, Math.max(-LOG_LIMIT, v));

function clean(history: readonly DatedPrice[]): { date: string; t: number; priceUsd: number }[] {
  const out: { date: string; t: number; priceUsd: number }[] = [];
  for (const p of history) {
    const t = isoDateToYear(p.date);
    if (t === null || !Number.isFinite(p.priceUsd) || p.priceUsd <= 0) continue;
    out.push({ date: p.date.slice(0, 10), t, priceUsd: p.priceUsd });
  }
  return out.sort((a, b) => a.t - b.t);
}

function inWindow(date: string, w: DateWindow): boolean {
  return date >= w.from && (w.to === undefined || date <= w.to);
}

/** The annual log-slope(s) a rate assumption stands for, before any fit. Null for 'fitted'. */
function fixedSlopes(rate: RateAssumption): { slope: number; low: number; high: number } | null {
  if (rate.kind === 'custom') {
    const change =
      -Math.min(99, Math.max(-1000, Number.isFinite(rate.annualDeclinePct) ? rate.annualDeclinePct : 0)) /
      100;
    const s = Math.log1p(change);
    return { slope: s, low: s, high: s };
  }
  if (rate.kind === 'published') {
    const r = publishedRate(rate.id);
    if (r === undefined) return null;
    const s = Math.log1p(r.annualChange);
    return {
      slope: s,
      low: Math.log1p(r.annualChangeLow ?? r.annualChange),
      high: Math.log1p(r.annualChangeHigh ?? r.annualChange),
    };
  }
  return null;
}

/** Where a line reaches logThreshold at or after tStart, or null if not by tEnd. */
function lineCrossing(
  line: LogLine,
  t0: number,
  tStart: number,
  tEnd: number,
  logThreshold: number,
): number | null {
  const atStart = line.offset + line.slope * (tStart - t0);
  if (atStart <= logThreshold) return tStart;
  if (!(line.slope < 0)) return null;
  const t = tStart + (logThreshold - atStart) / line.slope;
  return t <= tEnd ? t : null;
}

function edge(t: number | null, horizonYear: number): CrossingEdge {
  return t === null
    ? { kind: 'not-within-horizon', horizonYear }
    : { kind: 'at', year: t, date: yearToIsoDate(t) };
}

export function projectRigCost(
  history: readonly DatedPrice[],
  options: ProjectionOptions = {},
): RigCostProjection {
  const requested = options.thresholdUsd;
  const thresholdUsd =
    requested !== undefined && Number.isFinite(requested)
      ? Math.min(MAX_THRESHOLD_USD, Math.max(MIN_THRESHOLD_USD, requested))
      : DEFAULT_THRESHOLD_USD;
  const horizonYear =
    options.horizonYear !== undefined && Number.isFinite(options.horizonYear)
      ? Math.round(options.horizonYear)
      : DEFAULT_HORIZON_YEAR;
  const requestedRate: RateAssumption = options.rate ?? { kind: 'fitted' };
  // An unknown published id (a stale link) falls back to the fitted rate, and says so in the assumptions.
  const unknownRate = requestedRate.kind === 'published' && publishedRate(requestedRate.id) === undefined;
  const rate: RateAssumption = unknownRate ? { kind: 'fitted' } : requestedRate;
  const spikeWindow = options.spikeWindow ?? DRAM_SPIKE_WINDOW;
  const assumptions = describeAssumptions(thresholdUsd, horizonYear, rate, options, spikeWindow);
  if (unknownRate && requestedRate.kind === 'published') {
    assumptions.push({
      id: 'projection-rate-unknown',
      text: `Unknown published rate "${requestedRate.id}": the fitted rate is used instead`,
      source: PROJECTION_README,
    });
  }
  const points = clean(history);
  const latest = points[points.length - 1];
  const base = { thresholdUsd, horizonYear, assumptions, startDate: latest?.date ?? null };
  const tooLittle = (have: number): RigCostProjection => ({
    ...base,
    outcome: { kind: 'too-little-data', need: MIN_FIT_POINTS, have },
    fit: null,
    line: [],
  });
  if (latest === undefined) return tooLittle(0);

  // Observed fact first: the latest price is already at or under the threshold.
  let sinceIndex = points.length;
  while (sinceIndex > 0 && (points[sinceIndex - 1] as (typeof points)[number]).priceUsd <= thresholdUsd)
    sinceIndex--;
  const affordable: ProjectionOutcome | null =
    sinceIndex < points.length
      ? {
          kind: 'already-affordable',
          since: (points[sinceIndex] as (typeof points)[number]).date,
          latestPriceUsd: latest.priceUsd,
          latestDate: latest.date,
        }
      : null;

  const yearStart =
    options.fitFromYear !== undefined && Number.isFinite(options.fitFromYear)
      ? `${String(Math.round(options.fitFromYear)).padStart(4, '0')}-01-01`
      : null;
  const floor = options.fitFrom?.date ?? null;
  const fromDate = yearStart === null ? floor : floor === null || yearStart > floor ? yearStart : floor;
  let excludedBeforeStart = 0;
  let excludedBySpike = 0;
  const window = points.filter((p) => {
    if (fromDate !== null && p.date < fromDate) {
      excludedBeforeStart++;
      return false;
    }
    if (options.excludeSpike && inWindow(p.date, spikeWindow)) {
      excludedBySpike++;
      return false;
    }
    return true;
  });
  const distinctDates = new Set(window.map((p) => p.date)).size;
  if (distinctDates < MIN_FIT_POINTS) {
    return affordable ? { ...base, outcome: affordable, fit: null, line: [] } : tooLittle(distinctDates);
  }

  // Times relative to the projection start keep the numbers small and the offsets readable.
  const t0 = latest.t;
  const xs = window.map((p) => p.t - t0);
  const ys = window.map((p) => Math.log(p.priceUsd));
  let slopes: { slope: number; low: number; high: number };
  const fixed = fixedSlopes(rate);
  if (fixed) {
    slopes = fixed;
  } else {
    const ts = theilSen(xs, ys);
    if (ts === null)
      return affordable ? { ...base, outcome: affordable, fit: null, line: [] } : tooLittle(distinctDates);
    slopes = { slope: ts.slope, low: ts.slopeLow, high: ts.slopeHigh };
  }

  // The line starts from the latest observed price and runs at the rate: "from today's price, at this
  // rate". So the projection never claims a crossing before the latest month while the latest price is
  // above the threshold, and a rate's level never ignores a recent rise. The band is the scatter of the
  // fit window's points around their own fitted line (the 10th and 90th percentile of the residuals),
  // widened to include the latest point itself, around lines at the low, central and high slope.
  const latestLog = Math.log(latest.priceUsd);
  const fitOffset = quantile(
    xs.map((x, i) => (ys[i] as number) - slopes.slope * x),
    0.5,
  ) as number;
  const residuals = xs.map((x, i) => (ys[i] as number) - fitOffset - slopes.slope * x);
  const residualLow = Math.min(0, quantile(residuals, BAND_LOW_QUANTILE) as number);
  const residualHigh = Math.max(0, quantile(residuals, BAND_HIGH_QUANTILE) as number);
  const central: LogLine = { slope: slopes.slope, offset: latestLog };
  const candidateSlopes = [...new Set([slopes.low, slopes.slope, slopes.high])];
  const lowLines = candidateSlopes.map((b) => ({ slope: b, offset: latestLog + residualLow }));
  const highLines = candidateSlopes.map((b) => ({ slope: b, offset: latestLog + residualHigh }));

  const logThreshold = Math.log(thresholdUsd);
  const tEnd = horizonYear + 1;
  const tStart = latest.t;
  // A crossing is after the latest month: its price is known. The earliest the band allows is the month
  // after it.
  const nextMonth = tStart + 1 / 12;
  const cross = (l: LogLine) => {
    const t = lineCrossing(l, t0, tStart, tEnd, logThreshold);
    return t === null ? null : Math.max(t, nextMonth);
  };
  const centralCross = cross(central);
  const lowCrosses = lowLines.map(cross).filter((t): t is number => t !== null);
  const early = lowCrosses.length > 0 ? Math.min(...lowCrosses) : null;
  const highCrosses = highLines.map(cross);
  const late = highCrosses.some((t) => t === null) ? null : Math.max(...(highCrosses as number[]));
  const range: CrossingRange = { early: edge(early, horizonYear), late: edge(late, horizonYear) };

  let outcome: ProjectionOutcome;
  if (affordable) outcome = affordable;
  else if (centralCross === null) outcome = { kind: 'not-within-horizon', horizonYear, range };
  else
    outcome = {
      kind: 'crosses',
      year: centralCross,
      date: yearToIsoDate(centralCross),
      range,
      // The fitted line through the window (not the one from the latest price) is already under the
      // threshold: prices would cross now if they returned to trend.
      trendBelowLatestPrice: fitOffset <= logThreshold,
    };

  const first = window[0] as (typeof window)[number];
  const last = window[window.length - 1] as (typeof window)[number];
  const fit: TrendFit = {
    rate,
    annualChange: Math.expm1(slopes.slope),
    annualChangeLow: Math.expm1(slopes.low),
    annualChangeHigh: Math.expm1(slopes.high),
    residualLowLog: residualLow,
    residualHighLog: residualHigh,
    pointsUsed: window.length,
    firstDate: first.date,
    lastDate: last.date,
    excludedBySpike,
    excludedBeforeStart,
  };
  return { ...base, outcome, fit, line: sampleLine(first.t, tEnd, t0, central, lowLines, highLines) };
}

function sampleLine(
  from: number,
  to: number,
  t0: number,
  central: LogLine,
  lowLines: LogLine[],
  highLines: LogLine[],
): ProjectionLinePoint[] {
  const at = (l: LogLine, t: number) => l.offset + l.slope * (t - t0);
  const out: ProjectionLinePoint[] = [];
  const start = Math.floor(from * 4) / 4;
  for (let i = 0; start + i / 4 <= to + 1e-9; i++) {
    const t = start + i / 4;
    out.push({
      year: t,
      date: yearToIsoDate(t),
      centralUsd: Math.exp(clampLog(at(central, t))),
      lowUsd: Math.exp(clampLog(Math.min(...lowLines.map((l) => at(l, t))))),
      highUsd: Math.exp(clampLog(Math.max(...highLines.map((l) => at(l, t))))),
    });
  }
  return out;
}

const PROJECTION_README = 'src/core/projection/README.md';

function describeAssumptions(
  thresholdUsd: number,
  horizonYear: number,
  rate: RateAssumption,
  options: ProjectionOptions,
  spike: DateWindow,
): Assumption[] {
  const out: Assumption[] = [
    {
      id: 'projection-method',
      text: 'Exponential trend: Theil–Sen line on log price of the monthly cheapest rig; band from the 10th/90th percentile of residuals over Sen’s 80% slope interval',
      source: PROJECTION_README,
    },
    {
      id: 'projection-threshold',
      text: `Threshold $${Math.round(thresholdUsd).toLocaleString('en-US')}, horizon through ${horizonYear}`,
      source: PROJECTION_README,
    },
  ];
  const published = rate.kind === 'published' ? publishedRate(rate.id) : undefined;
  if (published) {
    const r = published;
    out.push({
      id: 'projection-rate',
      text: `Rate: ${r.label}, ${(r.annualChange * 100).toFixed(1)}%/yr (${r.period}), anchored on the data`,
      source: r.source.url,
    });
  } else if (rate.kind === 'custom') {
    out.push({
      id: 'projection-rate',
      text: `Rate: custom decline of ${rate.annualDeclinePct}%/yr, anchored on the data`,
      source: PROJECTION_README,
    });
  }
  if (options.excludeSpike) {
    out.push({
      id: 'projection-spike-excluded',
      text: `Fit excludes the 2025–26 DRAM price spike (${spike.from} to ${spike.to ?? 'the latest data'})`,
      source: 'https://evertiq.com/news/2026-02-26-price-rally-lifts-4q25-dram-revenue-294-qoq',
    });
  }
  if (options.fitFromYear !== undefined) {
    out.push({
      id: 'projection-fit-window',
      text: `Fit window starts 1 January ${Math.round(options.fitFromYear)}`,
      source: PROJECTION_README,
    });
  }
  if (options.fitFrom !== undefined) {
    out.push({
      id: 'projection-fit-floor',
      text: `Fit window starts ${options.fitFrom.date.slice(0, 7)} at the earliest: ${options.fitFrom.reason}`,
      source: PROJECTION_README,
    });
  }
  return out;
}

export interface AnnualChangeFit {
  annualChange: number;
  annualChangeLow: number;
  annualChangeHigh: number;
  points: number;
}

/** The Theil–Sen annual change of any dated price series between two years (inclusive, by 1 January of
 *  `fromYear` and 31 December of `toYear`), e.g. a DRAM $/GB series from data/series: how the published
 *  long-run rates can be checked against the points the dataset holds. Null with fewer than 2 dates. */
export function fitAnnualChange(
  history: readonly DatedPrice[],
  fromYear?: number,
  toYear?: number,
): AnnualChangeFit | null {
  const points = clean(history).filter(
    (p) => (fromYear === undefined || p.t >= fromYear) && (toYear === undefined || p.t < toYear + 1),
  );
  const fit = theilSen(
    points.map((p) => p.t),
    points.map((p) => Math.log(p.priceUsd)),
  );
  if (fit === null) return null;
  return {
    annualChange: Math.expm1(fit.slope),
    annualChangeLow: Math.expm1(fit.slopeLow),
    annualChangeHigh: Math.expm1(fit.slopeHigh),
    points: points.length,
  };
}
