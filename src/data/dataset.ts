// The app's dataset: parsed and validated at BUILD time by scripts/vite-dataset-plugin.ts (which runs
// parseDataset through src/data/load-node.ts in Node), so the browser gets plain data and no zod. A broken
// file never breaks the build or the app: it is left out and listed in datasetProblems for the UI.
import { datasetProblems as builtProblems, packedDataset } from 'virtual:rigcast-dataset';
import type { DataProblem } from './problems';
import type { Dataset } from './schema';
import { unpackSources } from './shared-sources';

export const dataset: Dataset = unpackSources<Dataset>(packedDataset);
export const datasetProblems: readonly DataProblem[] = builtProblems;
