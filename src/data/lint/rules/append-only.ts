// Compared with the base of a pull request (lint:data --base=<ref>): price history is append-only and ids
// are permanent. A removed or edited observation is a warning (corrections happen; the pull request must
// say why); a hardware id or alias that disappears is an error, because shared links carry ids.
import type { DataProblem } from '../../problems';
import type { PriceObservation } from '../../schema';
import type { LintRule } from '../types';

// The facts of an observation; a note, retrievedOn, title or archivedUrl may be improved without a warning.
const key = (o: PriceObservation) =>
  JSON.stringify([
    o.observedOn,
    o.priceUsd,
    o.original ?? null,
    o.market,
    o.condition,
    o.region,
    o.quantity,
    o.source.url,
  ]);

export const appendOnlyRule: LintRule = {
  id: 'append-only',
  description: 'no observation removed or edited and no id dropped, compared with --base',
  check({ files, baseFiles }) {
    if (!baseFiles) return [];
    const out: DataProblem[] = [];

    const namesNow = new Set<string>();
    for (const f of files) {
      if (f.folder === 'hardware' && f.data)
        for (const n of [f.data.id, ...(f.data.aliases ?? [])]) namesNow.add(n);
    }
    for (const b of baseFiles) {
      if (b.folder !== 'hardware' || !b.data) continue;
      for (const n of [b.data.id, ...(b.data.aliases ?? [])]) {
        if (namesNow.has(n)) continue;
        out.push({
          file: b.path,
          jsonPath: '$.id',
          severity: 'error',
          rule: 'append-only',
          message: `hardware id "${n}" existed in the base and is gone; shared links that name it would break`,
          fix: `keep the item, or add "${n}" to "aliases" of the item that replaces it`,
        });
      }
    }

    const pricesNow = new Map<string, readonly PriceObservation[]>();
    for (const f of files)
      if (f.folder === 'prices' && f.data) pricesNow.set(f.data.itemId, f.data.observations);
    for (const b of baseFiles) {
      if (b.folder !== 'prices' || !b.data) continue;
      const now = pricesNow.get(b.data.itemId);
      const remaining = new Map<string, number>();
      for (const o of now ?? []) remaining.set(key(o), (remaining.get(key(o)) ?? 0) + 1);
      b.data.observations.forEach((o, i) => {
        const k = key(o);
        const left = remaining.get(k) ?? 0;
        if (left > 0) {
          remaining.set(k, left - 1);
          return;
        }
        out.push({
          file: b.path,
          jsonPath: `$.observations[${i}]`,
          severity: 'warning',
          rule: 'append-only',
          message: `the base's observation of ${o.observedOn} ($${o.priceUsd}, ${o.market}, ${o.source.url}) was removed or edited${now ? '' : ' (the whole price file is gone)'}`,
          fix: 'price history is append-only: add a new observation instead; if the old one was wrong, say why in the pull request',
        });
      });
    }
    return out;
  },
};
