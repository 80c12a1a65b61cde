// A price file's itemId names an existing hardware item (by its id; an alias works but is flagged).
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

export const referencesRule: LintRule = {
  id: 'references',
  description: 'price files reference an existing hardware item',
  check({ files }) {
    const ids = new Set<string>();
    const aliasOf = new Map<string, string>();
    for (const f of files) {
      if (f.folder !== 'hardware' || !f.data) continue;
      ids.add(f.data.id);
      for (const a of f.data.aliases ?? []) aliasOf.set(a, f.data.id);
    }
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.folder !== 'prices' || !f.data) continue;
      const { itemId } = f.data;
      if (ids.has(itemId)) continue;
      const canonical = aliasOf.get(itemId);
      out.push(
        canonical === undefined
          ? {
              file: f.path,
              jsonPath: '$.itemId',
              severity: 'error',
              rule: 'references',
              message: `no hardware item has id "${itemId}"`,
              fix: `add data/hardware/${itemId}.json, or set "itemId" to an existing item's id (check the spelling)`,
            }
          : {
              file: f.path,
              jsonPath: '$.itemId',
              severity: 'warning',
              rule: 'references',
              message: `"${itemId}" is an old alias of "${canonical}"`,
              fix: `set "itemId" to "${canonical}" and rename the file to data/prices/${canonical}.json`,
            },
      );
    }
    return out;
  },
};
