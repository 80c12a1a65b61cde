// Plausibility: a new, retail price more than 3x or under 0.3x the item's MSRP is more often the wrong item,
// a bundle or a currency slip than a real price. A warning: shortages (2021 GPUs, 2025-26 DRAM) do this.
// The low side is checked only within LOW_SIDE_WINDOW_DAYS of the MSRP: years on, new old stock of a
// data-center card at a tenth of its launch price is normal (a 2016 P100 at $390 in 2025).

import { daysBetween } from '../../../core/units.ts';
import type { DataProblem } from '../../problems';
import type { PriceObservation } from '../../schema';
import type { LintRule } from '../types';

export const MAX_MSRP_RATIO = 3;
export const MIN_MSRP_RATIO = 0.3;
export const LOW_SIDE_WINDOW_DAYS = 730;

/** The MSRP in force on a date: the latest msrp observation on or before it, else the earliest one. */
export function msrpOn(
  observations: readonly PriceObservation[],
  date: string,
): PriceObservation | undefined {
  const msrps = observations
    .filter((o) => o.market === 'msrp')
    .sort((a, b) => (a.observedOn < b.observedOn ? -1 : a.observedOn > b.observedOn ? 1 : 0));
  return msrps.filter((o) => o.observedOn <= date).pop() ?? msrps[0];
}

export const farFromMsrpRule: LintRule = {
  id: 'far-from-msrp',
  description: `warn on a new retail price > ${MAX_MSRP_RATIO}x, or within ${LOW_SIDE_WINDOW_DAYS} days of the MSRP < ${MIN_MSRP_RATIO}x, the item's MSRP`,
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.folder !== 'prices' || !f.data) continue;
      const obs = f.data.observations;
      obs.forEach((o, i) => {
        if (o.market !== 'retail' || o.condition !== 'new') return;
        const msrp = msrpOn(obs, o.observedOn);
        if (!msrp) return;
        const ratio = o.priceUsd / msrp.priceUsd;
        const tooLow =
          ratio < MIN_MSRP_RATIO && daysBetween(msrp.observedOn, o.observedOn) <= LOW_SIDE_WINDOW_DAYS;
        if (ratio <= MAX_MSRP_RATIO && !tooLow) return;
        out.push({
          file: f.path,
          jsonPath: `$.observations[${i}].priceUsd`,
          severity: 'warning',
          rule: 'far-from-msrp',
          message: `new retail $${o.priceUsd} on ${o.observedOn} is ${ratio.toFixed(2)}x the MSRP $${msrp.priceUsd} (${msrp.observedOn})`,
          fix: 'check the price, the item variant and the quantity against the source; if it is real (a shortage, a clearance), say so in "note"',
        });
      });
    }
    return out;
  },
};
