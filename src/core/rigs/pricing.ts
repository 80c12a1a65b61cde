// Which price an item has on a date: its latest observation on or before asOf, in a condition the buyer
// accepts, from a region the answer is for, on or after the day the item shipped. Never a later price; an
// item with no such observation is not for sale as of that date.
import type { PriceObservation } from '../../data/schema';
import type { PurchaseCondition } from './types';

/** Regions whose prices answer a US buyer's question: US prices and prices that apply everywhere. Prices
 *  from other regions (with VAT, other markets) stay in the dataset for reference but are not compared with
 *  US eBay prices. */
export const PRICE_REGIONS: readonly string[] = ['us', 'global'];

/** 'new' = condition new bought at msrp/retail/contract/estimate; 'used' = used or refurbished, or any
 *  unit sold on the used market. */
export function purchaseConditionOf(observation: PriceObservation): PurchaseCondition {
  if (observation.condition !== 'new' || observation.market === 'used') return 'used';
  return 'new';
}

/** Index of the last observation with observedOn <= asOf in an ascending list, or -1. ISO dates compare
 *  as strings. */
function lastIndexOnOrBefore(observations: readonly PriceObservation[], asOf: string): number {
  let lo = 0;
  let hi = observations.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const obs = observations[mid] as PriceObservation;
    if (obs.observedOn <= asOf) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export interface PriceQuery {
  asOf: string;
  conditions: readonly PurchaseCondition[];
  /** The oldest observation date still used (priceCutoff). */
  notBefore?: string;
  /** The item's ship date: an observation before it (an announced price, a pre-order) is not a price
   *  anyone could pay for a machine in hand. */
  releasedOn?: string;
  /** Regions accepted (default PRICE_REGIONS). */
  regions?: readonly string[];
}

/** For each accepted condition, its latest usable observation on or before asOf (at most one per
 *  condition). Observations must be sorted by observedOn ascending (Dataset contract). */
export function latestPerCondition(
  observations: readonly PriceObservation[] | undefined,
  query: PriceQuery,
): PriceObservation[] {
  const { asOf, conditions, notBefore = '', releasedOn = '', regions = PRICE_REGIONS } = query;
  const out: PriceObservation[] = [];
  if (observations === undefined || observations.length === 0) return out;
  // ISO dates compare as strings; Math.max would turn them into NaN.
  // biome-ignore lint/complexity/useMathMinMax: string comparison of ISO dates, not numbers
  const floor = notBefore > releasedOn ? notBefore : releasedOn;
  for (const condition of new Set(conditions)) {
    // Walk back from the last observation on or before asOf to the latest usable one in this condition.
    for (let i = lastIndexOnOrBefore(observations, asOf); i >= 0; i--) {
      const obs = observations[i] as PriceObservation;
      if (obs.observedOn < floor) break;
      if (purchaseConditionOf(obs) !== condition || !regions.includes(obs.region)) continue;
      out.push(obs);
      break;
    }
  }
  return out;
}

/** The price a buyer pays as of asOf, before any carry-forward adjustment: the cheaper of the latest
 *  usable observation in each accepted condition. */
export function priceAsOf(
  observations: readonly PriceObservation[] | undefined,
  query: PriceQuery,
): PriceObservation | undefined {
  let best: PriceObservation | undefined;
  for (const obs of latestPerCondition(observations, query)) {
    if (best === undefined || obs.priceUsd < best.priceUsd) best = obs;
  }
  return best;
}

/** The ISO date maxAgeDays before asOf: the oldest price a search as of asOf still uses. A non-finite or
 *  negative age means no limit (''). */
export function priceCutoff(asOf: string, maxAgeDays: number): string {
  if (!Number.isFinite(maxAgeDays) || maxAgeDays < 0) return '';
  const t = Date.parse(`${asOf}T00:00:00Z`) - Math.round(maxAgeDays) * 86_400_000;
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
}
