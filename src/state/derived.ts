// Derived results: hooks that read the scenario and call the pure core, memoized on exactly the inputs
// each computation depends on (the projection does not depend on the model, the rig search does not
// depend on the projection settings). Nothing here is stored. A part that cannot answer yet says so with
// { status: 'unavailable' } instead of showing a number it cannot back.

import { useShallow } from 'zustand/react/shallow';
import type { MemoryEstimate, RigSearchResult, UsdPerGBSeries } from '../core';
// Value imports come from core submodules, not the barrel: the barrel would pull the rig search and the
// projection into the first-paint chunk; they load with the dataset (price-engine.ts).
import type { ParameterCount } from '../core/model/count-parameters';
import type { ModelSpec } from '../core/model/model-spec';
import type { Scenario } from '../scenario';
import {
  type ConditionSet,
  CUSTOM_MODEL_ID,
  type EngineId,
  type UnifiedMemoryLimitId,
  unifiedMemoryLimitOf,
  type WeightFormatId,
} from '../scenario';
import { type LoadedDataset, useDatasetState } from './dataset-resource';
import { purchaseConditions } from './history-seed';
import { lazyResource } from './lazy-resource';
import { findPreset, presetConfig, usePresetConfigsVersion } from './model-presets';
import { type CustomModel, useAppStore } from './store';
import { type LoadedWeightFiles, sameWeightFiles, useLoadedWeightFiles } from './weight-files';

type MemoryEngine = typeof import('./memory-engine');
const memoryEngine = lazyResource<MemoryEngine>('The memory model', () => import('./memory-engine'));
export const loadMemoryEngine = memoryEngine.load;

export type Derived<T> =
  | { status: 'ok'; value: T }
  | { status: 'unavailable'; reason: string }
  | { status: 'error'; message: string };

export type ConfigCheck = { ok: true } | { ok: false; message: string };

/** The scenario fields a hook reads, and only those: a component re-renders when one of them changes, not on
 *  every input (a context-length move does not re-render the projection). */
export function useScenarioFields<K extends keyof Scenario>(keys: readonly K[]): Pick<Scenario, K> {
  return useAppStore(
    useShallow((state) => {
      const picked = {} as Pick<Scenario, K>;
      for (const k of keys) picked[k] = state.scenario[k];
      return picked;
    }),
  );
}
const MEMORY_FIELDS = [
  'weightFormat',
  'kvCacheFormat',
  'contextTokens',
  'batch',
  'engine',
  'weights',
] as const;
const RIG_FIELDS = [
  'batch',
  'engine',
  'weightFormat',
  'conditions',
  'requireFp8',
  'minTokensPerSecond',
  'budgetUsd',
  'asOf',
  'unifiedMemoryLimit',
] as const;
/** Remember the last result of fn for the last arguments (compared with Object.is): several components
 *  ask for the same derived value on every render, and it is computed once per change of its inputs. */
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) {
      return lastResult;
    }
    lastResult = fn(...args);
    lastArgs = args;
    return lastResult;
  };
}

/** Validate a config.json with the memory model before it replaces the model in use. */
export async function checkModelConfig(config: unknown, name: string): Promise<ConfigCheck> {
  const loaded = await memoryEngine.load();
  if (loaded.status !== 'ready')
    return { ok: false, message: loaded.status === 'failed' ? loaded.message : '' };
  const { ModelConfigError, modelFromHfConfig } = loaded.value;
  try {
    modelFromHfConfig(config, name);
    return { ok: true };
  } catch (error) {
    if (error instanceof ModelConfigError) return { ok: false, message: error.message };
    return { ok: false, message: `the config could not be read (${String(error)}).` };
  }
}

export interface ModelInUse {
  name: string;
  origin: 'preset' | 'custom';
  spec: ModelSpec;
  parameters: ParameterCount;
}

const specCache = new Map<string, Derived<ModelInUse>>();
const customSpecCache = new WeakMap<CustomModel, Derived<ModelInUse>>();

function buildSpec(
  engine: MemoryEngine,
  config: unknown,
  name: string,
  origin: ModelInUse['origin'],
): Derived<ModelInUse> {
  try {
    const spec = engine.modelFromHfConfig(config, name);
    return { status: 'ok', value: { name, origin, spec, parameters: engine.countParameters(spec) } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'error', message: `The config of ${name} could not be read: ${message}` };
  }
}

function modelFor(engine: MemoryEngine, modelId: string, custom: CustomModel | null): Derived<ModelInUse> {
  if (modelId === CUSTOM_MODEL_ID) {
    if (!custom) {
      return {
        status: 'unavailable',
        reason: 'No custom config is loaded: paste, upload or fetch a config.json.',
      };
    }
    let cached = customSpecCache.get(custom);
    if (!cached) {
      cached = buildSpec(engine, custom.config, custom.name, 'custom');
      customSpecCache.set(custom, cached);
    }
    return cached;
  }
  let cached = specCache.get(modelId);
  if (!cached) {
    const preset = findPreset(modelId);
    const config = preset ? presetConfig(modelId) : null;
    if (config?.status === 'loading') return LOADING_MODEL;
    cached =
      preset && config?.status === 'ready'
        ? buildSpec(engine, config.config, preset.name, 'preset')
        : {
            status: 'error',
            message: config?.status === 'failed' ? config.message : `Unknown model preset "${modelId}".`,
          };
    specCache.set(modelId, cached);
  }
  return cached;
}

const LOADING_MODEL: Derived<ModelInUse> = { status: 'unavailable', reason: 'Loading the model config…' };
const LOADING_ENGINE: Derived<ModelInUse> = { status: 'unavailable', reason: 'Loading the memory model…' };

export function useModelInUse(): Derived<ModelInUse> {
  usePresetConfigsVersion();
  const engine = memoryEngine.use();
  const modelId = useAppStore((s) => s.scenario.modelId);
  const custom = useAppStore((s) => s.customModel);
  if (engine.status === 'loading') return LOADING_ENGINE;
  if (engine.status === 'failed') return { status: 'error', message: engine.message };
  if (modelId !== CUSTOM_MODEL_ID) presetConfig(modelId);
  return modelFor(engine.value, modelId, custom);
}

const computeEstimate = memoLast(
  (
    model: Derived<ModelInUse>,
    weightFormat: string,
    kvCacheFormat: string,
    contextTokens: number,
    batch: number,
    engine: string,
    files: LoadedWeightFiles | null,
  ): Derived<MemoryEstimate> => {
    if (model.status !== 'ok') return model;
    const memory = memoryEngine.get();
    if (memory.status !== 'ready') return LOADING_ENGINE as Derived<never>;
    const result = memory.value.safeEstimateMemory(model.value.spec, {
      weightFormat,
      kvCacheFormat,
      contextTokens,
      batch,
      engine,
      ...(files ? { exactWeights: exactWeightsOf(memory.value, model.value.spec, files, engine) } : {}),
    });
    return result.ok
      ? { status: 'ok', value: result.estimate }
      : { status: 'error', message: result.error.message };
  },
);

/** The exact weights of loaded model files for a model spec and engine (the nearest format's prediction
 *  depends on both), computed once per combination. */
const exactWeightsOf = memoLast(
  (engine: MemoryEngine, spec: ModelSpec, files: LoadedWeightFiles, engineId: string) =>
    engine.exactWeightsFor(spec, files.inventory, engineId === 'vllm' ? 'vllm' : 'llama.cpp', {
      label: files.label,
      quantName: files.quantName,
    }),
);

export function useMemoryEstimate(): Derived<MemoryEstimate> {
  const model = useModelInUse();
  const s = useScenarioFields(MEMORY_FIELDS);
  const loaded = useLoadedWeightFiles();
  // Loaded files count only while the scenario names them (a link can name files not read yet).
  const files = loaded && sameWeightFiles(loaded.ref, s.weights) ? loaded : null;
  return computeEstimate(model, s.weightFormat, s.kvCacheFormat, s.contextTokens, s.batch, s.engine, files);
}

const computeRigSearch = memoLast(
  (
    data: LoadedDataset,
    model: Derived<ModelInUse>,
    estimate: Derived<MemoryEstimate>,
    batch: number,
    engine: EngineId,
    weightFormat: WeightFormatId,
    conditions: ConditionSet,
    requireFp8: boolean,
    minTokensPerSecond: number,
    budgetUsd: number,
    asOf: string,
    unifiedMemoryLimit: UnifiedMemoryLimitId,
  ): Derived<RigSearchResult> => {
    if (estimate.status !== 'ok') {
      return {
        status: 'unavailable',
        reason:
          estimate.status === 'unavailable' ? estimate.reason : 'there is no memory estimate (see above).',
      };
    }
    const request = data.engine.rigRequestFromEstimate(estimate.value, {
      constraints: {
        conditions: purchaseConditions(conditions),
        requireFp8,
        asOf,
        ...(minTokensPerSecond > 0 ? { minTokensPerSecond } : {}),
        ...(budgetUsd > 0 ? { maxBudgetUsd: budgetUsd } : {}),
        unifiedMemoryLimit,
      },
      batch,
      engine,
      // The engine must run this format on the rig's devices (engine-support.ts).
      weightFormat,
      ...(model.status === 'ok' ? { activeParameters: model.value.parameters.active } : {}),
    });
    return { status: 'ok', value: data.engine.findCheapestRigs(data.dataset, request) };
  },
);

export function useRigSearch(): Derived<RigSearchResult> {
  const data = useDatasetState();
  const model = useModelInUse();
  const estimate = useMemoryEstimate();
  const s = useScenarioFields(RIG_FIELDS);
  if (data.status === 'loading') return { status: 'unavailable', reason: 'Loading the price dataset…' };
  if (data.status === 'failed') return { status: 'error', message: data.message };
  return computeRigSearch(
    data.value,
    model,
    estimate,
    s.batch,
    s.engine,
    s.weightFormat,
    s.conditions,
    s.requireFp8,
    s.minTokensPerSecond,
    s.budgetUsd,
    s.asOf,
    unifiedMemoryLimitOf(s),
  );
}

// The projection per rig class (issue 11) is in class-outlooks.ts: it is computed between frames, not here.

const computeUsdPerGb = memoLast((data: LoadedDataset) => data.engine.usdPerGBHistory(data.dataset));

export function useUsdPerGbHistory(): Derived<UsdPerGBSeries[]> {
  const data = useDatasetState();
  if (data.status === 'loading') return { status: 'unavailable', reason: 'Loading the price dataset…' };
  if (data.status === 'failed') return { status: 'error', message: data.message };
  return { status: 'ok', value: computeUsdPerGb(data.value) };
}
