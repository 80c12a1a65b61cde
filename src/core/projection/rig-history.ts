// rigCostHistory: the cheapest rig that holds a target memory, month by month, from the rig search with
// prices as of each month's last day. The projection is fitted to these points.
import type { Dataset } from '../../data/schema';
import { CARRY_FORWARD_MAX_DAYS } from '../rigs/constants';
import { findCheapestRigs } from '../rigs/find-cheapest-rigs';
import { priceCutoff } from '../rigs/pricing';
import { shortRigName } from '../rigs/short-name';
import type { PurchaseCondition, RigKind } from '../rigs/types';
import type { DatedPrice } from './project';
import { classRequest, type RigClass } from './rig-classes';
import { monthEnd, monthOf, monthsBetween } from './time';

const GIB = 2 ** 30;
/** The question is about 512 GB-1 TB; the slider spans 64 GB-2 TB (marketed GB = GiB, data/README.md). */
export const MIN_TARGET_BYTES = 64 * GIB;
export const MAX_TARGET_BYTES = 2048 * GIB;
export const DEFAULT_TARGETS_BYTES = [512 * GIB, 1024 * GIB] as const;

export interface RigCostHistoryOptions {
  /** Memory the rig must hold, bytes; clamped to [MIN_TARGET_BYTES, MAX_TARGET_BYTES]. Default 512 GiB. */
  targetBytes?: number;
  /** Which rigs count (rig-classes.ts). Default 'any'. */
  rigClass?: RigClass;
  /** Require native fp8 on top of the class (the 'good-fp8' class already does). */
  requireFp8?: boolean;
  minBandwidthGBps?: number;
  /** Default: new and used. */
  conditions?: readonly PurchaseCondition[];
  /** Only these rig kinds (a per-kind frontier); default all. */
  rigKinds?: readonly RigKind[];
  /** First and last month ('YYYY-MM'); default: the months the dataset's prices cover. */
  from?: string;
  to?: string;
  /** ISO date: no price observed after it is used, and the last month is searched as of this date rather
   *  than its month end (a shared link then reproduces the same history later). Default: no cap. */
  asOf?: string;
  /** A month's rig counts only if every part's price was observed within this many days before the
   *  month's end. Default CARRY_FORWARD_MAX_DAYS (the rig search's own default); Infinity means no limit.
   *  Without a limit a launch MSRP would be carried forward for a decade and the frontier would not move. */
  maxPriceAgeDays?: number;
}

export interface RigCostPoint extends DatedPrice {
  /** 'YYYY-MM'. */
  month: string;
  /** The month's last day, or the asOf cap in the last month: the date the search priced the rig at. */
  date: string;
  priceUsd: number;
  rigId: string;
  rigLabel: string;
  /** The rig in one short line ("6 × RTX PRO 6000 Blackwell Max-Q + tinybox red chassis host"). */
  rigShortLabel: string;
  rigKind: RigKind;
  /** The oldest price observation behind the rig, ISO date. */
  oldestPriceOn: string;
  /** The rig's speed on the class's reference workload (rig-classes.ts). */
  decodeTokensPerSecond: number;
  prefillTokensPerSecond: number | null;
}

export interface RigCostHistory {
  targetBytes: number;
  rigClass: RigClass;
  requireFp8: boolean;
  points: RigCostPoint[];
  /** Months searched, and how many of them had no rig with fresh prices. */
  monthsSearched: number;
  monthsWithoutRig: number;
  firstMonth: string | null;
  lastMonth: string | null;
}

/** The months the dataset's price observations cover, as [first, last] 'YYYY-MM', or null. */
export function datasetMonthRange(dataset: Dataset): [string, string] | null {
  let first: string | null = null;
  let last: string | null = null;
  for (const list of Object.values(dataset.prices)) {
    for (const o of list) {
      if (first === null || o.observedOn < first) first = o.observedOn;
      if (last === null || o.observedOn > last) last = o.observedOn;
    }
  }
  return first === null || last === null ? null : [monthOf(first), monthOf(last)];
}

// Every observation date of a dataset, ascending: to tell whether two months see the same prices.
const datesCache = new WeakMap<Dataset, string[]>();
function observationDates(dataset: Dataset): string[] {
  let dates = datesCache.get(dataset);
  if (!dates) {
    dates = Object.values(dataset.prices)
      .flatMap((list) => list.map((o) => o.observedOn))
      .sort();
    datesCache.set(dataset, dates);
  }
  return dates;
}

/** Whether any date d satisfies from <= d < to (ascending dates, ISO strings). */
function anyDateIn(dates: readonly string[], from: string, to: string): boolean {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid] as string) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < dates.length && (dates[lo] as string) < to;
}

// Two caches per dataset: options + month -> the month's point (null when no rig), so a new month range
// reuses the months it shares; and options + range -> the whole history, returned as the same object
// (treat it as immutable), which makes a repeated call O(1).
const historyCache = new WeakMap<Dataset, Map<string, RigCostHistory>>();
const monthCache = new WeakMap<Dataset, Map<string, RigCostPoint | null>>();

function searchMonth(
  dataset: Dataset,
  month: string,
  asOf: string,
  targetBytes: number,
  rigClass: RigClass,
  requireFp8: boolean,
  minBandwidthGBps: number | undefined,
  conditions: readonly PurchaseCondition[],
  maxAgeDays: number,
  rigKinds: readonly RigKind[] | undefined,
): RigCostPoint | null {
  const request = classRequest(rigClass, targetBytes, {
    asOf,
    conditions,
    maxPriceAgeDays: maxAgeDays,
    ...(minBandwidthGBps !== undefined ? { minBandwidthGBps } : {}),
  });
  if (requireFp8) request.constraints.requireFp8 = true;
  if (rigKinds !== undefined) request.constraints.rigKinds = rigKinds;
  // The search itself ignores prices older than maxPriceAgeDays (and carries the rest forward), and its
  // priced catalog is cached per month.
  const result = findCheapestRigs(dataset, request);
  const rig = result.kind === 'found' ? result.rigs[0] : undefined;
  if (!rig) return null;
  // ISO dates sort as strings: the first is the oldest.
  const oldestPriceOn = rig.components.map((c) => c.observedOn).sort()[0] ?? asOf;
  return {
    month,
    date: asOf,
    priceUsd: rig.totalPriceUsd,
    rigId: rig.id,
    rigLabel: rig.label,
    rigShortLabel: shortRigName(rig),
    rigKind: rig.kind,
    oldestPriceOn,
    decodeTokensPerSecond: rig.decodeTokensPerSecond,
    prefillTokensPerSecond: rig.prefillTokensPerSecond ?? null,
  };
}

/** The cheapest rig per month for one target memory. Months are searched once per dataset and option set;
 *  later calls (another threshold, another rate) reuse them. */
export function rigCostHistory(dataset: Dataset, options: RigCostHistoryOptions = {}): RigCostHistory {
  const requested = options.targetBytes;
  const targetBytes =
    requested !== undefined && Number.isFinite(requested)
      ? Math.min(MAX_TARGET_BYTES, Math.max(MIN_TARGET_BYTES, requested))
      : DEFAULT_TARGETS_BYTES[0];
  const rigClass = options.rigClass ?? 'any';
  const requireFp8 = options.requireFp8 ?? false;
  const conditions = [...new Set(options.conditions ?? (['new', 'used'] as const))].sort();
  const minBandwidthGBps =
    options.minBandwidthGBps !== undefined &&
    Number.isFinite(options.minBandwidthGBps) &&
    options.minBandwidthGBps > 0
      ? options.minBandwidthGBps
      : undefined;
  const requestedAge = options.maxPriceAgeDays;
  const maxAgeDays =
    requestedAge !== undefined && !Number.isNaN(requestedAge) && requestedAge >= 0
      ? requestedAge
      : CARRY_FORWARD_MAX_DAYS;
  const rigKinds = options.rigKinds ? [...new Set(options.rigKinds)].sort() : undefined;
  const range = datasetMonthRange(dataset);
  const empty: RigCostHistory = {
    targetBytes,
    rigClass,
    requireFp8,
    points: [],
    monthsSearched: 0,
    monthsWithoutRig: 0,
    firstMonth: null,
    lastMonth: null,
  };
  if (range === null) return empty;
  const from = options.from !== undefined && options.from > range[0] ? options.from : range[0];
  // Month keys compare as strings; the earliest of the dataset's end, the asOf cap and `to` ends the range.
  const ends = [
    range[1],
    options.asOf !== undefined ? monthOf(options.asOf) : range[1],
    options.to ?? range[1],
  ];
  const to = ends.sort()[0] as string;
  const months = monthsBetween(from, to);
  let cache = monthCache.get(dataset);
  if (!cache) {
    cache = new Map();
    monthCache.set(dataset, cache);
  }
  const keyBase = `${targetBytes}|${rigClass}|${requireFp8}|${minBandwidthGBps ?? ''}|${conditions.join(',')}|${maxAgeDays}|${rigKinds?.join(',') ?? '*'}|`;
  const historyKey = `${keyBase}${from}|${to}|${options.asOf ?? ''}`;
  const known = historyCache.get(dataset)?.get(historyKey);
  if (known) return known;
  const points: RigCostPoint[] = [];
  const dates = observationDates(dataset);
  let previous = null as { asOf: string; cutoff: string; point: RigCostPoint | null } | null;
  for (const month of months) {
    const end = monthEnd(month);
    const asOf = options.asOf !== undefined && options.asOf < end ? options.asOf : end;
    const key = keyBase + asOf;
    const cutoff = priceCutoff(asOf, maxAgeDays);
    let point = cache.get(key);
    if (point === undefined) {
      // No observation entered (previous asOf, asOf] or left [previous cutoff, cutoff): the search would
      // see the same prices, so the month has the same rig.
      const unchanged: boolean =
        previous !== null &&
        !anyDateIn(dates, previous.cutoff, cutoff) &&
        !anyDateIn(dates, `${previous.asOf}\u0000`, `${asOf}\u0000`);
      point =
        previous !== null && unchanged
          ? previous.point && { ...previous.point, month, date: asOf }
          : searchMonth(
              dataset,
              month,
              asOf,
              targetBytes,
              rigClass,
              requireFp8,
              minBandwidthGBps,
              conditions,
              maxAgeDays,
              rigKinds,
            );
      cache.set(key, point);
    }
    previous = { asOf, cutoff, point };
    if (point) points.push(point);
  }
  const history: RigCostHistory = {
    ...empty,
    points,
    monthsSearched: months.length,
    monthsWithoutRig: months.length - points.length,
    firstMonth: months[0] ?? null,
    lastMonth: months[months.length - 1] ?? null,
  };
  let perDataset = historyCache.get(dataset);
  if (!perDataset) {
    perDataset = new Map();
    historyCache.set(dataset, perDataset);
  }
  perDataset.set(historyKey, history);
  return history;
}
