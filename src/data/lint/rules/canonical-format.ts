// Files are stored in one canonical form (keys in schema order, 2-space indentation, trailing newline,
// "$schema" pointer) so that diffs in pull requests show only real changes. `npm run lint:data -- --fix`
// rewrites a file into this form. Model presets are left alone: their config is copied verbatim.

import { canonicalText, isCanonicalFolder } from '../../canonical.ts';
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

function firstDifferentLine(a: string, b: string): number {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) if (al[i] !== bl[i]) return i + 1;
  return 0;
}

export const canonicalFormatRule: LintRule = {
  id: 'canonical-format',
  description: 'canonical formatting (schema key order, 2-space JSON, trailing newline, $schema)',
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.json === undefined || !isCanonicalFolder(f.folder)) continue;
      const want = canonicalText(f.folder, f.json);
      if (want === f.text) continue;
      const line = firstDifferentLine(f.text, want);
      out.push({
        file: f.path,
        jsonPath: '$',
        severity: 'error',
        rule: 'canonical-format',
        message: `not in canonical form (first difference at line ${line}: key order, indentation, trailing newline or "$schema")`,
        fix: 'run `npm run lint:data -- --fix`, which rewrites the file without changing any value',
      });
    }
    return out;
  },
};
