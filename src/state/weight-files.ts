// The model files read for exact weights: their inventory (fetched on the person's request, like a custom
// config) is an input, kept here beside the scenario field that names them (Scenario.weights, carried by
// share links). The estimate uses the inventory only while the scenario still names the same files.
import { create } from 'zustand';
import type { TensorInventory } from '../core/inventory/inventory';
import type { WeightFilesRef } from '../scenario';
import { setScenario } from './store';

export interface LoadedWeightFiles {
  ref: WeightFilesRef;
  inventory: TensorInventory;
  /** The quantization in the file name (GGUF), if any. */
  quantName: string | null;
  /** e.g. 'bartowski/Meta-Llama-3.1-8B-Instruct-GGUF @ 4c506ee: Q4_K_M'. */
  label: string;
}

const useWeightFilesStore = create<{ loaded: LoadedWeightFiles | null }>(() => ({ loaded: null }));

export function sameWeightFiles(a: WeightFilesRef | undefined, b: WeightFilesRef | undefined): boolean {
  return !!a && !!b && a.repo === b.repo && a.revision === b.revision && a.file === b.file;
}

/** Use these files' exact weights (and, when given, switch the weight format to the one they declare). */
export function applyWeightFiles(loaded: LoadedWeightFiles, weightFormat?: string): void {
  useWeightFilesStore.setState({ loaded });
  setScenario({
    weights: loaded.ref,
    ...(weightFormat ? { weightFormat: weightFormat as never } : {}),
  });
}

/** Back to predicted weights. */
export function clearWeightFiles(): void {
  useWeightFilesStore.setState({ loaded: null });
  setScenario({ weights: undefined });
}

export function useLoadedWeightFiles(): LoadedWeightFiles | null {
  return useWeightFilesStore((s) => s.loaded);
}
