// Hardware ids and their aliases are unique across all items (an alias is an old id kept for old links, so
// it may not name another item); series ids and model ids are unique within their folder.
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

export const uniqueIdsRule: LintRule = {
  id: 'unique-ids',
  description: 'ids and aliases are unique',
  check({ files }) {
    const out: DataProblem[] = [];
    const seen = new Map<string, string>(); // folder-scoped key -> file
    const claim = (scope: string, id: string, file: string, jsonPath: string) => {
      const key = `${scope}:${id}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, file);
        return;
      }
      out.push({
        file,
        jsonPath,
        severity: 'error',
        rule: 'unique-ids',
        message: `"${id}" is already used ${first === file ? 'in this file' : `by ${first}`}`,
        fix:
          first === file
            ? 'remove the repeated alias (an alias must differ from the id and from other aliases)'
            : 'pick a distinct id for the newer item (ids are permanent: never reuse or rename an old one)',
      });
    };
    // Ids first, then aliases: when an alias collides with an id, the alias is the one to change.
    for (const f of files) {
      if (f.folder === 'hardware' && f.data) claim('hardware', f.data.id, f.path, '$.id');
      else if ((f.folder === 'series' || f.folder === 'models') && f.data)
        claim(f.folder, f.data.id, f.path, '$.id');
    }
    for (const f of files) {
      if (f.folder !== 'hardware' || !f.data) continue;
      for (const [i, a] of (f.data.aliases ?? []).entries()) claim('hardware', a, f.path, `$.aliases[${i}]`);
    }
    return out;
  },
};
