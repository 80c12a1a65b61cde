// Every date (observedOn, retrievedOn, releasedOn) is a real calendar date in ISO form and not after today;
// a source cannot have been retrieved before the date of the price it shows.

import { isIsoDate } from '../../../core/units.ts';
import type { DataProblem } from '../../problems';
import { toJsonPath } from '../../problems.ts';
import { findKeyed } from '../context.ts';
import type { LintRule } from '../types';

const DATE_KEYS = new Set(['observedOn', 'retrievedOn', 'releasedOn']);

export const datesRule: LintRule = {
  id: 'dates',
  description: 'real ISO dates, none in the future, none retrieved before observed',
  check({ files, today }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.json === undefined) continue;
      for (const { path, value } of findKeyed(f.json, DATE_KEYS)) {
        const key = String(path[path.length - 1]);
        if (!isIsoDate(value)) {
          out.push({
            file: f.path,
            jsonPath: toJsonPath(path),
            severity: 'error',
            rule: 'dates',
            message: `${JSON.stringify(value)} is not a real date in the form YYYY-MM-DD`,
            fix: 'write the date as YYYY-MM-DD (a page with only a month: use the 15th and say so in "note")',
          });
        } else if (value > today) {
          out.push({
            file: f.path,
            jsonPath: toJsonPath(path),
            severity: 'error',
            rule: 'dates',
            message: `${key} ${value} is in the future (today is ${today})`,
            fix:
              key === 'releasedOn'
                ? 'add the item once it has shipped, or use the announced date if it is already on sale'
                : 'use the date the page shows or the date you read it; neither can be after today',
          });
        }
      }
      const observations =
        f.folder === 'prices' ? f.data?.observations : f.folder === 'series' ? f.data?.points : undefined;
      const arrayKey = f.folder === 'prices' ? 'observations' : 'points';
      (observations ?? []).forEach((o, i) => {
        if (o.source.retrievedOn < o.observedOn) {
          out.push({
            file: f.path,
            jsonPath: `$.${arrayKey}[${i}].source.retrievedOn`,
            severity: 'warning',
            rule: 'dates',
            message: `retrieved on ${o.source.retrievedOn}, before the observation date ${o.observedOn}`,
            fix: 'set retrievedOn to the day you read the source (on or after observedOn), or correct observedOn',
          });
        }
      });
    }
    return out;
  },
};
