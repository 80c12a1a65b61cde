// The answer to rigcast's question, per rig class and target: the whole-rig frontier and its projection,
// the component model beside it, the backtest, and one sentence that never contradicts the data.
import type { Dataset } from '../../data/schema';
import { type BacktestResult, backtest } from './backtest';
import {
  type ComponentPoint,
  type ComponentProjection,
  componentHistory,
  componentToRigRatio,
  projectComponents,
} from './components';
import {
  DEFAULT_HORIZON_YEAR,
  type ProjectionOptions,
  type ProjectionOutcome,
  projectRigCost,
  type RigCostProjection,
} from './project';
import { classFitFloor, RIG_CLASS_SPECS, type RigClass } from './rig-classes';
import { datasetMonthRange, type RigCostHistory, type RigCostPoint, rigCostHistory } from './rig-history';
import { monthOf, monthsBetween } from './time';

const GIB = 2 ** 30;

export const ANSWER_THRESHOLDS_USD = [3000, 5000] as const;

export interface ClassOutlookOptions extends Omit<ProjectionOptions, 'thresholdUsd'> {
  rigClass: RigClass;
  targetBytes: number;
  /** Prices as of this date; the last month is searched as of it. Default: the dataset's last month end. */
  asOf?: string;
  thresholdsUsd?: readonly number[];
}

export interface ClassOutlook {
  rigClass: RigClass;
  targetBytes: number;
  history: RigCostHistory;
  /** One projection per threshold (same fit, different crossing). */
  projections: RigCostProjection[];
  components: ComponentPoint[];
  componentProjection: ComponentProjection;
  /** Median component estimate / whole-rig price over the months both exist. */
  componentToRig: number | null;
  backtest: BacktestResult[];
  /** Where the fit starts for lack of the class's own kind of rig in the data (classFitFloor), or null. */
  fitFloor: { date: string; reason: string } | null;
}

export function classOutlook(dataset: Dataset, opts: ClassOutlookOptions): ClassOutlook {
  const steps = classOutlookSteps(dataset, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Months searched between two yields of classOutlookSteps. */
export const OUTLOOK_STEP_MONTHS = 6;

/** classOutlook a few months at a time: it yields after every stepMonths months of history and of
 *  component estimates, and returns the outlook. A caller that must not block (the app, between frames)
 *  runs a step when it has time; classOutlook runs them all. The months are searched once either way: the
 *  history's month cache (rig-history.ts) makes the final whole-range call a lookup. */
export function* classOutlookSteps(
  dataset: Dataset,
  opts: ClassOutlookOptions,
  stepMonths: number = OUTLOOK_STEP_MONTHS,
): Generator<void, ClassOutlook, void> {
  const step = Math.max(1, Math.floor(stepMonths));
  const range = datasetMonthRange(dataset);
  const to = opts.asOf !== undefined ? monthOf(opts.asOf) : (range?.[1] ?? '2019-01');
  const historyOptions = {
    targetBytes: opts.targetBytes,
    rigClass: opts.rigClass,
    ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
  };
  const chunks = function* (months: string[]) {
    for (let i = 0; i < months.length; i += step)
      yield [months[i] as string, months[Math.min(months.length, i + step) - 1] as string] as const;
  };
  if (range !== null) {
    for (const [from, last] of chunks(monthsBetween(range[0], [range[1], to].sort()[0] as string))) {
      rigCostHistory(dataset, { ...historyOptions, from, to: last });
      yield;
    }
  }
  const history = rigCostHistory(dataset, historyOptions);
  const components: ComponentPoint[] = [];
  if (range !== null) {
    for (const [from, last] of chunks(monthsBetween(range[0] > '2019-01' ? range[0] : '2019-01', to))) {
      components.push(
        ...componentHistory(dataset, {
          rigClass: opts.rigClass,
          targetBytes: opts.targetBytes,
          from,
          to: last,
          ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
        }),
      );
      yield;
    }
  }
  return reprojectOutlook(
    {
      rigClass: opts.rigClass,
      targetBytes: opts.targetBytes,
      history,
      projections: [],
      components,
      componentProjection: { fit: null, line: [], crossings: [] },
      componentToRig: null,
      backtest: [],
      fitFloor: null,
    },
    opts,
  );
}

/** The same outlook under other projection options or thresholds: the history and the component points
 *  (the costly part, a rig search per month) are kept; the fits, crossings and backtest are redone. */
export function reprojectOutlook(
  outlook: ClassOutlook,
  opts: ProjectionOptions & { thresholdsUsd?: readonly number[] },
): ClassOutlook {
  const { thresholdsUsd, thresholdUsd: _single, ...options } = opts;
  const thresholds = thresholdsUsd ?? ANSWER_THRESHOLDS_USD;
  const points = outlook.history.points;
  const fitFloor = classFitFloor(outlook.rigClass, points);
  const projection: ProjectionOptions = fitFloor ? { ...options, fitFrom: fitFloor } : options;
  return {
    ...outlook,
    projections: thresholds.map((thresholdUsd) => projectRigCost(points, { ...projection, thresholdUsd })),
    componentProjection: projectComponents(
      outlook.components,
      outlook.targetBytes,
      thresholds,
      projection.horizonYear ?? DEFAULT_HORIZON_YEAR,
    ),
    componentToRig: componentToRigRatio(outlook.components, points),
    backtest: backtest(points, undefined, projection),
    fitFloor,
  };
}

const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
const pct = (v: number) => `${v < 0 ? '−' : '+'}${Math.abs(v * 100).toFixed(0)}%`;
const month = (iso: string) => iso.slice(0, 7);
const size = (bytes: number) =>
  bytes >= 1024 * GIB ? `${bytes / (1024 * GIB)} TB` : `${Math.round(bytes / GIB)} GB`;

/** "reaches $3,000 around 2029-04 (band 2028-01 to after 2036)", "is already below $3,000 since 2025-09",
 *  or "does not reach $3,000 by 2036 on this trend". */
export function describeOutcome(outcome: ProjectionOutcome, thresholdUsd: number): string {
  switch (outcome.kind) {
    case 'already-affordable':
      return `is already at or below ${usd(thresholdUsd)} (since ${month(outcome.since)})`;
    case 'crosses': {
      const e = outcome.range.early;
      const l = outcome.range.late;
      const edge = (x: typeof e) => (x.kind === 'at' ? month(x.date) : `after ${x.horizonYear}`);
      return `reaches ${usd(thresholdUsd)} around ${month(outcome.date)} (band ${edge(e)} to ${edge(l)})`;
    }
    case 'not-within-horizon':
      return `does not reach ${usd(thresholdUsd)} by ${outcome.horizonYear} on this trend${
        outcome.range.early.kind === 'at'
          ? ` (the band's cheap edge does by ${month(outcome.range.early.date)})`
          : ''
      }`;
    case 'too-little-data':
      return `has too little history to project to ${usd(thresholdUsd)} (${outcome.have} months, ${outcome.need} needed)`;
  }
}

function latestPoint(o: ClassOutlook): RigCostPoint | undefined {
  return o.history.points[o.history.points.length - 1];
}

/** One paragraph for a target: the good-fp8 class first, the others for context. */
export function answerSentence(outlooks: readonly ClassOutlook[]): string {
  const first = outlooks[0];
  if (first === undefined) return '';
  const target = size(first.targetBytes);
  const parts: string[] = [];
  for (const o of outlooks) {
    const spec = RIG_CLASS_SPECS[o.rigClass];
    const latest = latestPoint(o);
    if (latest === undefined) {
      parts.push(`No ${target} rig of ${spec.label} has a price in the dataset.`);
      continue;
    }
    const speed = `${latest.decodeTokensPerSecond.toFixed(latest.decodeTokensPerSecond < 10 ? 1 : 0)} tokens/s`;
    const head = `A ${target} rig of ${spec.label} costs ${usd(latest.priceUsd)} as of ${month(latest.date)} (cheapest: ${latest.rigShortLabel}, ${speed} on a model that fills it).`;
    if (o !== first) {
      parts.push(head);
      continue;
    }
    const fit = o.projections[0]?.fit;
    const rate = fit
      ? `At the fitted ${pct(fit.annualChange)}/yr [${pct(fit.annualChangeLow)}, ${pct(fit.annualChangeHigh)}] from the latest price, it `
      : 'It ';
    const outcomes = o.projections.map((p) => describeOutcome(p.outcome, p.thresholdUsd)).join('; it ');
    parts.push(`${head} ${rate}${outcomes}.`);
  }
  return parts.join(' ');
}
