// A price no single item sells for is a typo or a unit slip (cents for dollars, a currency left unconverted,
// a rack's price filed as one card's), never a market signal: an error, so the page never plots it. The
// plausibility rules (far-from-msrp, price-jump) only warn, because real prices can be odd; this one cannot.
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

/** Above any one thing in the dataset's scope (a card, a workstation, a server, a multi-GPU system); a
 *  price probe showed a $1e12 observation passing with only a warning. */
export const MAX_UNIT_PRICE_USD = 10_000_000;

export const priceBoundsRule: LintRule = {
  id: 'price-bounds',
  description: `no price above $${MAX_UNIT_PRICE_USD.toLocaleString('en-US')} for one unit`,
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.folder !== 'prices' || !f.data) continue;
      f.data.observations.forEach((o, i) => {
        const values: [string, number][] = [['priceUsd', o.priceUsd]];
        if (o.range) values.push(['range.lowUsd', o.range.lowUsd], ['range.highUsd', o.range.highUsd]);
        for (const [field, usd] of values) {
          if (usd <= MAX_UNIT_PRICE_USD) continue;
          out.push({
            file: f.path,
            jsonPath: `$.observations[${i}].${field}`,
            severity: 'error',
            rule: 'price-bounds',
            message: `$${usd.toExponential(2)} for one unit is more than any item in scope costs ($${MAX_UNIT_PRICE_USD.toLocaleString('en-US')})`,
            fix: 'check the number of digits, the currency and the quantity (a bundle price is divided by "quantity")',
          });
        }
      });
    }
    return out;
  },
};
