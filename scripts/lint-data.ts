// npm run lint:data [-- --fix] [-- --json] [-- --root=<dir>] [-- --base=<git ref>]: lints every file under
// <dir>/data (default: this repository) with the rules in src/data/lint/rules/. --base compares with the
// data/ of a git ref (the pull request's base) for the append-only rule.
// Errors exit 1; warnings print and exit 0. --fix rewrites files into canonical form (key order,
// indentation, trailing newline, "$schema") and then lints again.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { canonicalText, isCanonicalFolder } from '../src/data/canonical';
import { classifyDataPath } from '../src/data/files';
import { nestsDeeperThan } from '../src/data/lint/json-depth';
import { runLint } from '../src/data/lint/run-lint';
import type { LintInputFile } from '../src/data/lint/types';
import { REPO_ROOT, readDataFiles } from '../src/data/load-node';
import { formatProblem } from '../src/data/problems';

const args = new Set(process.argv.slice(2));
const rootArg = process.argv.slice(2).find((a) => a.startsWith('--root='));
const root = rootArg ? resolve(rootArg.slice('--root='.length)) : REPO_ROOT;
const today = new Date().toISOString().slice(0, 10); // the real clock, UTC

if (args.has('--fix')) {
  let fixed = 0;
  for (const f of readDataFiles(root)) {
    const { folder } = classifyDataPath(f.path);
    // A file too deep to walk is named by the lint below, not rewritten (serialising it would overflow).
    if (f.syntaxError !== undefined || !isCanonicalFolder(folder) || nestsDeeperThan(f.json)) continue;
    const want = canonicalText(folder, f.json);
    if (want !== f.text) {
      writeFileSync(f.absolutePath, want);
      fixed++;
      console.log(`fixed ${f.path}`);
    }
  }
  console.log(`--fix rewrote ${fixed} file(s)`);
}

/** data/**.json as of a git ref, read with git (no checkout). */
function readBaseFiles(ref: string): LintInputFile[] {
  const git = (...a: string[]) => execFileSync('git', a, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  return git('ls-tree', '-r', '--name-only', ref, '--', 'data')
    .split('\n')
    .filter((p) => p.endsWith('.json') && !p.startsWith('data/schema/'))
    .map((path) => {
      const text = git('show', `${ref}:${path}`);
      try {
        return { path, text, json: JSON.parse(text) as unknown };
      } catch (e) {
        return { path, text, json: undefined, syntaxError: (e as Error).message };
      }
    });
}

const baseArg = process.argv.slice(2).find((a) => a.startsWith('--base='));
const baseFiles = baseArg ? readBaseFiles(baseArg.slice('--base='.length)) : undefined;
const files = readDataFiles(root);
const problems = runLint(files, today, baseFiles ? { baseFiles } : {});
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;

if (args.has('--json')) console.log(JSON.stringify(problems, null, 2));
else for (const p of problems) console.log(formatProblem(p));
console.log(
  `lint:data: ${files.length} files, ${errors} error(s), ${warnings} warning(s) (today ${today}${baseArg ? `, compared with ${baseArg.slice(7)}` : ''})`,
);
process.exitCode = errors > 0 ? 1 : 0;
