// Reads data/**/*.json from disk for scripts and tests (Node only; the app uses src/data/dataset.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParsedDataset, parseDataset } from './parse.ts';
import type { DataProblem } from './problems';

/** The repository root, found from this file's location (src/data/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface DiskDataFile {
  /** Path from the repository root with forward slashes: data/hardware/x.json. */
  path: string;
  absolutePath: string;
  text: string;
  /** The parsed JSON, or undefined when the text is not valid JSON (see syntaxError). */
  json: unknown;
  syntaxError?: string;
}

function walk(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return e.isFile() && e.name.endsWith('.json') ? [full] : [];
  });
}

/** Every .json file under <root>/data except the generated JSON Schemas in data/schema/. */
export function readDataFiles(root: string = REPO_ROOT): DiskDataFile[] {
  return walk(join(root, 'data'))
    .map((absolutePath) => {
      const path = relative(root, absolutePath).split('\\').join('/');
      const text = readFileSync(absolutePath, 'utf8');
      try {
        return { path, absolutePath, text, json: JSON.parse(text) as unknown };
      } catch (e) {
        return { path, absolutePath, text, json: undefined, syntaxError: (e as Error).message };
      }
    })
    .filter((f) => !f.path.startsWith('data/schema/'))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function syntaxProblem(f: DiskDataFile): DataProblem {
  return {
    file: f.path,
    jsonPath: '$',
    severity: 'error',
    rule: 'json-syntax',
    message: `not valid JSON: ${f.syntaxError ?? 'unknown error'}`,
    fix: 'fix the syntax at the position given (a missing comma or quote, or a trailing comma)',
  };
}

/** The dataset as the app would see it, plus every problem, read from <root>/data. */
export function loadDatasetFromDisk(root: string = REPO_ROOT): ParsedDataset {
  const files = readDataFiles(root);
  const parsed = parseDataset(
    files.filter((f) => f.syntaxError === undefined && /^data\/(hardware|prices|series)\//.test(f.path)),
  );
  return {
    dataset: parsed.dataset,
    problems: [...files.filter((f) => f.syntaxError !== undefined).map(syntaxProblem), ...parsed.problems],
  };
}
