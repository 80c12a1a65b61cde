// Frontier coverage: for each month and each target (512 GiB / 1 TiB) x rig class (any memory, GPU or
// unified memory, GPU or unified memory with native fp8), the cheapest rig the dataset can build, how old
// its oldest price is, and whether a month-to-month jump came from a price expiring rather than the market.
// `npm run data:coverage` prints it; the data work of issue 10 is measured against it.
import type { Dataset } from '../../data/schema';
import { CARRY_FORWARD_MAX_DAYS, FRESH_PRICE_DAYS } from '../rigs/constants';
import type { RigKind } from '../rigs/types';
import { daysBetween } from '../units';
import { type RigCostPoint, rigCostHistory } from './rig-history';
import { monthsBetween } from './time';

const GIB = 2 ** 30;

export const COVERAGE_CLASSES = ['any', 'gpu-unified', 'gpu-unified-fp8'] as const;
export type CoverageClass = (typeof COVERAGE_CLASSES)[number];

/** Rig kinds whose memory is VRAM or unified memory (no CPU RAM holding weights). */
export const GPU_UNIFIED_KINDS: readonly RigKind[] = ['multi-gpu', 'unified', 'unified-cluster'];

export interface CoverageTarget {
  targetGiB: number;
  rigClass: CoverageClass;
  /** First month the target counts from ('YYYY-MM'), and the share of months from it that must be covered. */
  fromMonth: string;
  goal: number;
}

/** Issue 10's coverage goals. */
export const COVERAGE_TARGETS: readonly CoverageTarget[] = [
  { targetGiB: 512, rigClass: 'any', fromMonth: '2019-01', goal: 0.9 },
  { targetGiB: 1024, rigClass: 'any', fromMonth: '2020-01', goal: 0.9 },
  { targetGiB: 512, rigClass: 'gpu-unified', fromMonth: '2023-01', goal: 0.9 },
  { targetGiB: 1024, rigClass: 'gpu-unified', fromMonth: '2023-01', goal: 0 },
  { targetGiB: 512, rigClass: 'gpu-unified-fp8', fromMonth: '2023-06', goal: 0.9 },
  { targetGiB: 1024, rigClass: 'gpu-unified-fp8', fromMonth: '2024-01', goal: 0.8 },
];

/** A move of the frontier by more than this factor in one month is a cliff worth explaining. */
export const CLIFF_FACTOR = 2.5;

export interface CoverageCell {
  month: string;
  priceUsd: number | null;
  rigLabel: string | null;
  /** Age in days, at the month's search date, of the oldest price behind the rig. */
  oldestPriceAgeDays: number | null;
}

export interface Cliff {
  month: string;
  fromUsd: number;
  toUsd: number;
  /** 'expiry' when the previous month's rig lost a part's price to the age limit; 'market' otherwise. */
  cause: 'expiry' | 'market';
}

export interface CoverageRow {
  target: CoverageTarget;
  cells: CoverageCell[];
  /** Months from target.fromMonth to the report's last month (options.to), priced or not. */
  monthsCounted: number;
  monthsCovered: number;
  /** Covered with every price at most FRESH_PRICE_DAYS old. */
  monthsCoveredFresh: number;
  share: number;
  shareFresh: number;
  met: boolean;
  cliffs: Cliff[];
}

export interface CoverageReport {
  firstMonth: string;
  lastMonth: string;
  maxPriceAgeDays: number;
  rows: CoverageRow[];
}

function historyFor(dataset: Dataset, t: CoverageTarget, from: string, to: string, maxPriceAgeDays: number) {
  return rigCostHistory(dataset, {
    targetBytes: t.targetGiB * GIB,
    requireFp8: t.rigClass === 'gpu-unified-fp8',
    from,
    to,
    maxPriceAgeDays,
    ...(t.rigClass === 'any' ? {} : { rigKinds: GPU_UNIFIED_KINDS }),
  });
}

/** Whether the rig of `prev` dropped out because one of its prices passed the age limit by `month`'s date. */
function expired(prev: RigCostPoint, date: string, maxPriceAgeDays: number): boolean {
  return daysBetween(prev.oldestPriceOn, date) > maxPriceAgeDays;
}

export function frontierCoverage(
  dataset: Dataset,
  options: { from?: string; to: string; maxPriceAgeDays?: number; targets?: readonly CoverageTarget[] },
): CoverageReport {
  const maxPriceAgeDays = options.maxPriceAgeDays ?? CARRY_FORWARD_MAX_DAYS;
  const targets = options.targets ?? COVERAGE_TARGETS;
  const firstMonth = options.from ?? targets.map((t) => t.fromMonth).sort()[0] ?? '2019-01';
  const months = monthsBetween(firstMonth, options.to);
  const rows: CoverageRow[] = [];
  for (const target of targets) {
    const history = historyFor(dataset, target, firstMonth, options.to, maxPriceAgeDays);
    const byMonth = new Map(history.points.map((p) => [p.month, p]));
    const cells: CoverageCell[] = months.map((month) => {
      const p = byMonth.get(month);
      return p
        ? {
            month,
            priceUsd: p.priceUsd,
            rigLabel: p.rigLabel,
            oldestPriceAgeDays: daysBetween(p.oldestPriceOn, p.date),
          }
        : { month, priceUsd: null, rigLabel: null, oldestPriceAgeDays: null };
    });
    const counted = cells.filter((c) => c.month >= target.fromMonth);
    const covered = counted.filter((c) => c.priceUsd !== null);
    const fresh = covered.filter((c) => (c.oldestPriceAgeDays ?? Infinity) <= FRESH_PRICE_DAYS);
    const cliffs: Cliff[] = [];
    for (let i = 1; i < history.points.length; i++) {
      const prev = history.points[i - 1] as RigCostPoint;
      const cur = history.points[i] as RigCostPoint;
      const ratio = cur.priceUsd / prev.priceUsd;
      if (ratio > CLIFF_FACTOR || ratio < 1 / CLIFF_FACTOR) {
        cliffs.push({
          month: cur.month,
          fromUsd: prev.priceUsd,
          toUsd: cur.priceUsd,
          cause: ratio > 1 && expired(prev, cur.date, maxPriceAgeDays) ? 'expiry' : 'market',
        });
      }
    }
    const share = counted.length === 0 ? 0 : covered.length / counted.length;
    rows.push({
      target,
      cells,
      monthsCounted: counted.length,
      monthsCovered: covered.length,
      monthsCoveredFresh: fresh.length,
      share,
      shareFresh: counted.length === 0 ? 0 : fresh.length / counted.length,
      met: share >= target.goal,
      cliffs,
    });
  }
  return { firstMonth, lastMonth: options.to, maxPriceAgeDays, rows };
}
