// npx tsx scripts/mutation-survivors.ts [area ...] — the score of each mutation area from its last StrykerJS
// report (reports/mutation/mutation-<area>.json, written by `MUTATION_AREA=<area> npm run test:mutation`), per
// file, and every surviving or uncovered mutant as file:line, mutator, replacement and the source line. The
// score counts timeouts as detected and leaves out ignored (static) mutants, as Stryker's does.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Mutant {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const ROOT = resolve(import.meta.dirname, '..');
const areas =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['memory', 'projection', 'scenario', 'rigs'];
const detected = (s: string) => s === 'Killed' || s === 'Timeout';
const counted = (s: string) => detected(s) || s === 'Survived' || s === 'NoCoverage';
const pct = (k: number, n: number) => (n === 0 ? 'n/a' : `${((100 * k) / n).toFixed(2)}%`);

for (const area of areas) {
  const file = join(ROOT, 'reports/mutation', `mutation-${area}.json`);
  if (!existsSync(file)) {
    console.log(`${area}: no report (run MUTATION_AREA=${area} npm run test:mutation)`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  let k = 0;
  let n = 0;
  const lines: string[] = [];
  for (const [path, f] of Object.entries(report.files).sort()) {
    const src = f.source.split('\n');
    const fk = f.mutants.filter((m) => detected(m.status)).length;
    const fn = f.mutants.filter((m) => counted(m.status)).length;
    k += fk;
    n += fn;
    if (fn > 0) lines.push(`  ${path}: ${pct(fk, fn)} (${fk}/${fn})`);
    for (const m of f.mutants) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const line = m.location.start.line;
      const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
      lines.push(
        `    ${path}:${line} ${m.status === 'NoCoverage' ? 'no coverage' : 'survived'} ${m.mutatorName} -> ${replacement} | ${(src[line - 1] ?? '').trim().slice(0, 100)}`,
      );
    }
  }
  console.log(`${area}: ${pct(k, n)} (${k} of ${n} detected)`);
  for (const l of lines) console.log(l);
}
