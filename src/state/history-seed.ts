// The monthly price history behind the projection (core rigCostHistory: one rig search per month, the
// heaviest computation the page makes, about a hundred milliseconds on a phone) is computed for the
// pre-rendered scenario at build time, by the same core function on the same dataset the browser gets
// (scripts/vite-history-seed-plugin.ts), and shipped with the dataset. derived.ts uses it when the request
// is exactly the one it was computed for (same options, same dataset) and computes it otherwise.
import type { RigCostHistory, RigCostHistoryOptions } from '../core/projection/rig-history';
import type { PurchaseCondition } from '../core/rigs/types';
import type { ConditionSet } from '../scenario';

const GIB = 2 ** 30;

export function purchaseConditions(set: ConditionSet): PurchaseCondition[] {
  return set === 'any' ? ['new', 'used'] : [set];
}

/** The history request the projection makes for these scenario fields. */
export function historyOptions(
  targetMemoryGiB: number,
  requireFp8: boolean,
  conditions: ConditionSet,
  asOf: string,
): RigCostHistoryOptions {
  return {
    targetBytes: targetMemoryGiB * GIB,
    // The question is about VRAM/unified memory with good fp8; without the fp8 switch, any memory.
    rigClass: requireFp8 ? 'good-fp8' : 'any',
    conditions: purchaseConditions(conditions),
    // Only prices known on the as-of date, the last month priced as of it: a shared link reproduces the
    // same projection later.
    asOf,
  };
}

/** Identifies a request: every option, keys sorted. */
export function historyKey(options: RigCostHistoryOptions): string {
  return JSON.stringify(Object.fromEntries(Object.entries(options).sort(([a], [b]) => a.localeCompare(b))));
}

export interface HistorySeed {
  key: string;
  history: RigCostHistory;
}
