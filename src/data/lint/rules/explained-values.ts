// Numbers that were derived need their derivation beside them: a bundle price divided by its quantity and a
// converted currency say so in "note"; a GPU-usable share of unified memory cites where the limit is documented.
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

export const explainedValuesRule: LintRule = {
  id: 'explained-values',
  description: 'bundle and converted prices have a note; acceleratorUsableGiB has a source',
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.folder === 'hardware' && f.data?.memory?.acceleratorUsableGiB !== undefined) {
        if (f.data.memory.acceleratorUsableSource === undefined) {
          out.push({
            file: f.path,
            jsonPath: '$.memory.acceleratorUsableSource',
            severity: 'error',
            rule: 'explained-values',
            message: 'memory.acceleratorUsableGiB is given without the page that documents the limit',
            fix: 'add memory.acceleratorUsableSource { url, retrievedOn }, or leave acceleratorUsableGiB out',
          });
        }
      }
      if (f.folder !== 'prices' || !f.data) continue;
      f.data.observations.forEach((o, i) => {
        if (o.note?.trim()) return;
        if (o.quantity > 1) {
          out.push({
            file: f.path,
            jsonPath: `$.observations[${i}].note`,
            severity: 'error',
            rule: 'explained-values',
            message: `quantity ${o.quantity} without a note saying what the bundle was and how it was divided`,
            fix: `add a "note" like "kit of ${o.quantity} at $X, divided by ${o.quantity}"`,
          });
        }
        if (o.original !== undefined) {
          out.push({
            file: f.path,
            jsonPath: `$.observations[${i}].note`,
            severity: 'error',
            rule: 'explained-values',
            message: `converted from ${o.original.amount} ${o.original.currency} without a note giving the rate`,
            fix: 'add a "note" with the exchange rate used and its date (and where it came from)',
          });
        }
      });
    }
    return out;
  },
};
