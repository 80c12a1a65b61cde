// Each file is valid JSON and matches the schema of its folder (src/data/schema.ts; the envelope of a model
// preset for data/models). A file anywhere else under data/ is flagged.
import type { DataProblem } from '../../problems';
import { zodProblems } from '../../zod-problems.ts';
import { schemaFor } from '../context.ts';
import type { LintRule } from '../types';

export const schemaRule: LintRule = {
  id: 'schema',
  description: 'valid JSON matching the schema of its folder',
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.syntaxError !== undefined) {
        out.push({
          file: f.path,
          jsonPath: '$',
          severity: 'error',
          rule: 'schema',
          message: `not valid JSON: ${f.syntaxError}`,
          fix: 'fix the syntax at the position given (often a missing comma or quote, or a trailing comma)',
        });
        continue;
      }
      if (f.folder === 'unknown') {
        out.push({
          file: f.path,
          jsonPath: '$',
          severity: 'error',
          rule: 'schema',
          message: 'not in a known folder, so nothing reads it',
          fix: 'move it to data/hardware, data/prices, data/series or data/models (see data/README.md)',
        });
        continue;
      }
      const schema = schemaFor(f.folder);
      const parsed = schema?.safeParse(f.json);
      if (parsed && !parsed.success) out.push(...zodProblems(f.path, 'schema', parsed.error, f.json));
    }
    return out;
  },
};
