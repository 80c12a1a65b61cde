// The same observation twice (same date, price, source and market) would count double in medians and fits.
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

export const duplicateObservationsRule: LintRule = {
  id: 'duplicate-observations',
  description: 'no observation repeated (same date, price, source and market)',
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      const rows =
        f.folder === 'prices' && f.data
          ? f.data.observations.map((o) => ({
              key: [o.observedOn, o.priceUsd, o.source.url, o.market],
              arr: 'observations',
            }))
          : f.folder === 'series' && f.data
            ? f.data.points.map((p) => ({ key: [p.observedOn, p.usdPerGB, p.source.url], arr: 'points' }))
            : [];
      const first = new Map<string, number>();
      rows.forEach((r, i) => {
        const key = JSON.stringify(r.key);
        const j = first.get(key);
        if (j === undefined) {
          first.set(key, i);
          return;
        }
        out.push({
          file: f.path,
          jsonPath: `$.${r.arr}[${i}]`,
          severity: 'error',
          rule: 'duplicate-observations',
          message: `repeats $.${r.arr}[${j}] (same date, price, source${r.arr === 'observations' ? ' and market' : ''})`,
          fix: `delete one of the two; if they are really two offers, say what differs in "note" and give each its own source URL`,
        });
      });
    }
    return out;
  },
};
