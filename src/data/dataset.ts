// The app's dataset: Vite inlines every data file at build time (no runtime fetch) and it is parsed once,
// here. A broken file never crashes the app: it is left out and listed in datasetProblems for the UI.
import { parseDataset } from './parse';
import type { DataProblem } from './problems';
import type { Dataset } from './schema';

const modules: Record<string, unknown> = import.meta.glob('../../data/{hardware,prices,series}/*.json', {
  eager: true,
  import: 'default',
});

const parsed = parseDataset(Object.entries(modules).map(([path, json]) => ({ path, json })));

export const dataset: Dataset = parsed.dataset;
export const datasetProblems: readonly DataProblem[] = parsed.problems;
