// Plausibility: a price that moves by more than half within a month, in the same market, condition and
// region, is more often a typo, a wrong item or a bundle price than a real move. A warning: real spikes
// happen (DRAM in late 2025), and the note should then say so.

import { daysBetween } from '../../../core/units.ts';
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

export const MAX_JUMP_RATIO = 0.5;
export const JUMP_WINDOW_DAYS = 31;

export const priceJumpRule: LintRule = {
  id: 'price-jump',
  description: `warn on a price change > ${MAX_JUMP_RATIO * 100}% within ${JUMP_WINDOW_DAYS} days (same market, condition, region)`,
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.folder !== 'prices' || !f.data) continue;
      const groups = new Map<string, number[]>();
      f.data.observations.forEach((o, i) => {
        const key = `${o.market}|${o.condition}|${o.region}`;
        groups.set(key, [...(groups.get(key) ?? []), i]);
      });
      const obs = f.data.observations;
      for (const indexes of groups.values()) {
        const sorted = [...indexes].sort((a, b) => {
          const da = obs[a]?.observedOn ?? '';
          const db = obs[b]?.observedOn ?? '';
          return da < db ? -1 : da > db ? 1 : a - b;
        });
        for (let k = 1; k < sorted.length; k++) {
          const i = sorted[k] as number;
          const j = sorted[k - 1] as number;
          const cur = obs[i];
          const prev = obs[j];
          if (!cur || !prev || daysBetween(prev.observedOn, cur.observedOn) > JUMP_WINDOW_DAYS) continue;
          const change = (cur.priceUsd - prev.priceUsd) / prev.priceUsd;
          if (Math.abs(change) <= MAX_JUMP_RATIO) continue;
          out.push({
            file: f.path,
            jsonPath: `$.observations[${i}].priceUsd`,
            severity: 'warning',
            rule: 'price-jump',
            message: `${cur.market}/${cur.condition}/${cur.region} price ${change > 0 ? 'rose' : 'fell'} ${Math.round(Math.abs(change) * 100)}% in ${daysBetween(prev.observedOn, cur.observedOn)} days ($${prev.priceUsd} on ${prev.observedOn} at $.observations[${j}] to $${cur.priceUsd} on ${cur.observedOn})`,
            fix: 'check both prices against their sources (typo? bundle not divided by quantity? another variant?); if the move is real, say why in "note"',
          });
        }
      }
    }
    return out;
  },
};
