// The price dataset, parsed at BUILD time: this Vite plugin runs the one data gate (src/data/gate.ts: the
// rules of `npm run lint:data`, then parseDataset) in Node, and serves the result to the app as the virtual
// module `virtual:rigcast-dataset` ({ dataset, datasetProblems }). The browser gets plain data, so zod and the
// schema never ship. A broken record never breaks the build: the gate leaves exactly that record out and
// lists it in datasetProblems, which the app names in its data notice.
import type { Plugin } from 'vite';
import { loadDatasetFromDisk, REPO_ROOT, readDataFiles } from '../src/data/load-node.ts';
import type { ParsedDataset } from '../src/data/parse';
import { packSources } from '../src/data/shared-sources.ts';

export const DATASET_MODULE_ID = 'virtual:rigcast-dataset';
const RESOLVED_ID = `\0${DATASET_MODULE_ID}`;

// The app shows every price's source URL and date, not the reviewers' notes and page titles beside them in
// data/; leaving those fields out of the bundle halves the dataset (about 80 -> 36 KB gzip). The data lint
// and the unit tests read the files from disk, untouched.
export const BUNDLE_DROPPED_DATA_FIELDS: ReadonlySet<string> = new Set([
  'note',
  'title',
  'archivedUrl',
  '$schema',
]);

/** The dataset as the browser gets it: gated and parsed from <root>/data, the dropped fields removed. */
export function datasetForBundle(root: string = REPO_ROOT, today?: string): ParsedDataset {
  const parsed = loadDatasetFromDisk(root, today);
  const dataset = JSON.parse(
    JSON.stringify(parsed.dataset, (key, value) => (BUNDLE_DROPPED_DATA_FIELDS.has(key) ? undefined : value)),
  ) as ParsedDataset['dataset'];
  return { dataset, problems: parsed.problems };
}

/** The virtual module's source. JSON.parse of a string literal: V8 parses JSON faster than an object literal
 *  of the same size (https://v8.dev/blog/cost-of-javascript-2019#json). Each distinct source record is stored
 *  once (src/data/shared-sources.ts); src/data/dataset.ts puts them back. */
export function datasetModuleSource(root: string = REPO_ROOT, today?: string): string {
  const { dataset, problems } = datasetForBundle(root, today);
  return [
    `export const packedDataset = JSON.parse(${JSON.stringify(JSON.stringify(packSources(dataset)))});`,
    `export const datasetProblems = JSON.parse(${JSON.stringify(JSON.stringify(problems))});`,
  ].join('\n');
}

export interface DatasetPluginOptions {
  /** The folder holding data/ (the repository by default; tests point it at a fixture). */
  root?: string;
}

export function datasetPlugin(options: DatasetPluginOptions = {}): Plugin {
  const root = options.root ?? REPO_ROOT;
  return {
    name: 'rigcast-dataset',
    resolveId: (id) => (id === DATASET_MODULE_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      // In dev, an edit to any data file rebuilds the module (a new file needs a restart of the dev server).
      for (const f of readDataFiles(root)) this.addWatchFile(f.absolutePath);
      return datasetModuleSource(root);
    },
  };
}
