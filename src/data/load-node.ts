// Reads data/**/*.json from disk for scripts and tests (Node only; the app uses src/data/dataset.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIso } from '../core/units.ts';
import { type GatedData, gateDataFiles } from './gate.ts';
import type { ParsedDataset } from './parse.ts';

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

/** Everything in <root>/data through the one gate (src/data/gate.ts): the dataset and model presets the app
 *  gets, and every error with what it left out. `today` decides what is "in the future". */
export function loadGatedData(root: string = REPO_ROOT, today: string = todayIso()): GatedData {
  return gateDataFiles(readDataFiles(root), today);
}

/** The dataset as the app sees it, and the errors that left records out, read from <root>/data. */
export function loadDatasetFromDisk(root: string = REPO_ROOT, today: string = todayIso()): ParsedDataset {
  const { dataset, problems } = loadGatedData(root, today);
  return { dataset, problems };
}
