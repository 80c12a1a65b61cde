// One gate for data: the app, the scripts and the tests get the dataset through here, and here the data files
// pass the same rules as `npm run lint:data` (src/data/lint). Every error drops exactly the record it is about
// and is returned, marked with what was left out, for the page to name:
// - an error inside one price observation or series point ($.observations[3]..., $.points[2]...) drops that
//   observation or point;
// - any other error drops the whole file (a hardware item takes its prices with it: parseDataset then names
//   them as referring to nothing);
// - a model preset with an error is left out of the picker.
// Warnings drop nothing and are not returned (lint:data prints them for contributors). Pure: the caller reads
// the files and gives today's date (the "not in the future" rule needs it).

import { classifyDataPath } from './files.ts';
import { runLint } from './lint/run-lint.ts';
import type { LintInputFile } from './lint/types';
import { parseDataset } from './parse.ts';
import type { DataProblem } from './problems';
import type { Dataset } from './schema';

/** Rules about a file's text layout, not its values (key order, indentation): nothing the page shows is wrong
 *  when they fire, and `npm run lint:data -- --fix` repairs them, so they drop nothing. lint:data still fails
 *  on them. */
export const LAYOUT_RULES: ReadonlySet<string> = new Set(['canonical-format']);

/** A model preset file that passed the gate. */
export interface GatedModelFile {
  path: string;
  json: unknown;
}

export interface GatedData {
  dataset: Dataset;
  /** Model presets (data/models/*.json) that passed, sorted by path. */
  models: GatedModelFile[];
  /** Every error, each with `leftOut` naming what the app does not get because of it. */
  problems: DataProblem[];
}

const RECORD_PATH = /^\$\.(observations|points)\[(\d+)\]/;
const RECORD_ARRAY: Readonly<Record<string, string>> = { prices: 'observations', series: 'points' };

export function gateDataFiles(files: readonly LintInputFile[], today: string): GatedData {
  const errors = runLint(files, today).filter((p) => p.severity === 'error' && !LAYOUT_RULES.has(p.rule));
  const droppedFiles = new Set<string>();
  const droppedRecords = new Map<string, Set<number>>();
  const problems: DataProblem[] = [];
  for (const p of errors) {
    const { folder } = classifyDataPath(p.file);
    const record = RECORD_PATH.exec(p.jsonPath);
    if (record && RECORD_ARRAY[folder] === record[1]) {
      const index = Number(record[2]);
      const set = droppedRecords.get(p.file) ?? new Set<number>();
      set.add(index);
      droppedRecords.set(p.file, set);
      problems.push({ ...p, leftOut: `${p.file} $.${record[1]}[${index}]` });
    } else {
      droppedFiles.add(p.file);
      problems.push({ ...p, leftOut: p.file });
    }
  }

  const kept: LintInputFile[] = [];
  for (const f of files) {
    if (droppedFiles.has(f.path) || f.syntaxError !== undefined || f.json === undefined) continue;
    const records = droppedRecords.get(f.path);
    const arrayKey = RECORD_ARRAY[classifyDataPath(f.path).folder];
    const json = f.json as Record<string, unknown>;
    if (records && arrayKey && Array.isArray(json[arrayKey])) {
      const list = json[arrayKey] as unknown[];
      kept.push({ ...f, json: { ...json, [arrayKey]: list.filter((_, i) => !records.has(i)) } });
    } else {
      kept.push(f);
    }
  }

  const parsed = parseDataset(kept.filter((f) => /^data\/(hardware|prices|series)\//.test(f.path)));
  // What parseDataset finds after the gate follows from it (prices of an item that was left out).
  for (const p of parsed.problems) if (p.severity === 'error') problems.push({ ...p, leftOut: p.file });

  const models = kept
    .filter((f) => classifyDataPath(f.path).folder === 'models')
    .map((f) => ({ path: f.path, json: f.json }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { dataset: parsed.dataset, models, problems };
}
