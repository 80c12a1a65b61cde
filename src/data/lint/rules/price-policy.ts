// What a price is (data/README.md): the midpoint of a quoted range, never its low end; a price from a region
// other than the US or global keeps the amount as published. Errors where the data contradicts itself.
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

/** How far priceUsd may sit from the midpoint of its range: rounding to the cent or dollar. */
export const RANGE_MIDPOINT_TOLERANCE = 0.01;

export const pricePolicyRule: LintRule = {
  id: 'price-policy',
  description: 'a price with a range is its midpoint; a non-US price keeps its original amount',
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.folder !== 'prices' || !f.data) continue;
      f.data.observations.forEach((o, i) => {
        const at = `$.observations[${i}]`;
        if (o.range) {
          const { lowUsd, highUsd } = o.range;
          const mid = (lowUsd + highUsd) / 2;
          if (lowUsd > highUsd) {
            out.push({
              file: f.path,
              jsonPath: `${at}.range`,
              severity: 'error',
              rule: 'price-policy',
              message: `range low ${lowUsd} is above its high ${highUsd}`,
              fix: 'swap lowUsd and highUsd',
            });
          } else if (Math.abs(o.priceUsd - mid) > RANGE_MIDPOINT_TOLERANCE * mid) {
            out.push({
              file: f.path,
              jsonPath: `${at}.priceUsd`,
              severity: 'error',
              rule: 'price-policy',
              message: `priceUsd ${o.priceUsd} is not the midpoint ${mid} of its range ${lowUsd}–${highUsd}`,
              fix: `store the midpoint (${mid}) as priceUsd; a typical price is never the end of a range`,
            });
          }
        }
        if (o.region !== 'us' && o.region !== 'global' && o.original === undefined) {
          out.push({
            file: f.path,
            jsonPath: `${at}.original`,
            severity: 'error',
            rule: 'price-policy',
            message: `a "${o.region}" price without the amount as published`,
            fix: 'add original { amount, currency } and the rate used in note (the rig search uses us/global prices only)',
          });
        }
      });
    }
    return out;
  },
};
