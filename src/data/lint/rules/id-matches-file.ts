// The id inside a file equals its file name: data/hardware/<id>.json, data/prices/<itemId>.json,
// data/series/<id>.json, data/models/<id>.json. Ids are permanent and appear in shared links.
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

export const idMatchesFileRule: LintRule = {
  id: 'id-matches-file',
  description: 'the id in the file equals the file name',
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.data === undefined) continue;
      const [key, id] = f.folder === 'prices' ? ['itemId', f.data.itemId] : ['id', f.data.id];
      if (id === f.baseName) continue;
      out.push({
        file: f.path,
        jsonPath: `$.${key}`,
        severity: 'error',
        rule: 'id-matches-file',
        message: `${key} "${id}" differs from the file name "${f.baseName}.json"`,
        fix: `rename the file to data/${f.folder}/${id}.json, or set "${key}" to "${f.baseName}"`,
      });
    }
    return out;
  },
};
