// The price dataset is the heaviest part of the app (every price with its source), so it is loaded as its
// own chunk right after start-up instead of holding up first paint. It is an immutable module, not state:
// this file only tells React when it has arrived.
import { useSyncExternalStore } from 'react';
import type { DataProblem } from '../data/problems';
import type { Dataset } from '../data/schema';

export type PriceEngine = typeof import('./price-engine');

export interface LoadedDataset {
  dataset: Dataset;
  problems: readonly DataProblem[];
  engine: PriceEngine;
}

type DatasetState =
  | { status: 'loading' }
  | { status: 'ready'; value: LoadedDataset }
  | { status: 'failed'; message: string };

let state: DatasetState = { status: 'loading' };
const listeners = new Set<() => void>();
let started = false;

/** Start loading the dataset chunk (idempotent); resolves when it is in. */
export function loadDataset(): Promise<DatasetState> {
  if (started) return Promise.resolve(state);
  started = true;
  return import('./price-engine').then(
    (m) => {
      state = { status: 'ready', value: { dataset: m.dataset, problems: m.datasetProblems, engine: m } };
      for (const l of listeners) l();
      return state;
    },
    (error: unknown) => {
      state = { status: 'failed', message: `The price dataset could not be loaded (${String(error)}).` };
      for (const l of listeners) l();
      return state;
    },
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDatasetState(): DatasetState {
  return useSyncExternalStore(subscribe, () => state);
}
