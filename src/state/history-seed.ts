// The price history behind the projection (one rig search per month for the history, and the component
// model's month-by-month estimate: the heaviest computation the page makes) is computed for the pre-rendered
// scenario's target and date, for every rig class, at build time (4.7 KB gzip for the three), by the same core function on the same dataset the browser gets
// (scripts/vite-history-seed-plugin.ts runs src/app/prerender.tsx's historySeed), and shipped with the
// dataset. class-outlooks.ts uses it when the request is exactly the one it was computed for (same class,
// target and as-of date, same dataset) and computes every other one itself.
import type { ComponentPoint } from '../core/projection/components';
import type { RigClass } from '../core/projection/rig-class-labels';
import type { RigCostHistory } from '../core/projection/rig-history';
import type { PurchaseCondition } from '../core/rigs/types';
import type { ConditionSet } from '../scenario';

export function purchaseConditions(set: ConditionSet): PurchaseCondition[] {
  return set === 'any' ? ['new', 'used'] : [set];
}

/** Identifies a class outlook request: the class, the target memory (GiB) and the as-of day (the last month
 *  is priced as of it). */
export function outlookKey(rigClass: RigClass, targetGiB: number, asOf: string): string {
  return `${rigClass}|${targetGiB}|${asOf}`;
}

/** What a class outlook is computed from (core classOutlookSteps): the fits, crossings and backtest are
 *  redone from these in milliseconds (reprojectOutlook). */
export interface OutlookSeed {
  key: string;
  rigClass: RigClass;
  targetGiB: number;
  asOf: string;
  history: RigCostHistory;
  components: ComponentPoint[];
}

/** The seeds of the pre-rendered scenario, one per rig class. */
export interface HistorySeed {
  outlooks: OutlookSeed[];
}
