// The price dataset is the heaviest part of the app (every price with its source), so it is loaded as its
// own chunk, with the core code that searches and projects it, right after start-up instead of holding up
// first paint. It is an immutable module, not state.
import type { DataProblem } from '../data/problems';
import type { Dataset } from '../data/schema';
import { lazyResource, type ResourceState } from './lazy-resource';

export type PriceEngine = typeof import('./price-engine');

export interface LoadedDataset {
  dataset: Dataset;
  problems: readonly DataProblem[];
  engine: PriceEngine;
}

const resource = lazyResource<LoadedDataset>('The price dataset', () =>
  import('./price-engine').then((m) => ({ dataset: m.dataset, problems: m.datasetProblems, engine: m })),
);

export const loadDataset = resource.load;
export function useDatasetState(): ResourceState<LoadedDataset> {
  return resource.use();
}
