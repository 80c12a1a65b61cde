// No price observation long before the item existed: more than MAX_DAYS_BEFORE_RELEASE before its releasedOn
// is almost always a wrong date or a price filed under the wrong item.

import { addDays } from '../../../core/units.ts';
import type { DataProblem } from '../../problems';
import type { HardwareItem } from '../../schema';
import type { LintRule } from '../types';

/** An announcement (with a list price) can precede shipping by months; a year is the outer limit. */
export const MAX_DAYS_BEFORE_RELEASE = 365;

export const releaseWindowRule: LintRule = {
  id: 'release-window',
  description: `no observation more than ${MAX_DAYS_BEFORE_RELEASE} days before the item's release`,
  check({ files }) {
    const items = new Map<string, HardwareItem>();
    for (const f of files) {
      if (f.folder !== 'hardware' || !f.data) continue;
      items.set(f.data.id, f.data);
      for (const a of f.data.aliases ?? []) items.set(a, f.data);
    }
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.folder !== 'prices' || !f.data) continue;
      const item = items.get(f.data.itemId);
      if (!item) continue; // the references rule reports it
      const earliest = addDays(item.releasedOn, -MAX_DAYS_BEFORE_RELEASE);
      f.data.observations.forEach((o, i) => {
        if (o.observedOn >= earliest) return;
        out.push({
          file: f.path,
          jsonPath: `$.observations[${i}].observedOn`,
          severity: 'error',
          rule: 'release-window',
          message: `observed ${o.observedOn}, more than ${MAX_DAYS_BEFORE_RELEASE} days before ${item.id} was released (${item.releasedOn})`,
          fix: `check the date against the source, check the item (is it a different model?), or correct releasedOn in data/hardware/${item.id}.json`,
        });
      });
    }
    return out;
  },
};
