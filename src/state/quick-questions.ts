// State for the quick questions (issues 13 and 17): "what can I run for $X" and "what does my hardware run".
// The sweeps run in the background in slices (background-job.ts), cached per dataset and inputs; the answers
// for the model in use (fits, offload plan, largest context) are memoized on exactly their inputs. Loaded only
// with the views (a lazy chunk), so none of this is in the first-paint bundle.

import { countParameters } from '../core/model/count-parameters';
import { modelFromHfConfig } from '../core/model/from-hf-config';
import { placeOffload } from '../core/offload/placement';
import type { OffloadPlan } from '../core/offload/types';
import {
  type BudgetRow,
  type BudgetSweep,
  type BudgetSweepOptions,
  collectBudgetSweep,
  evaluateBudgetCandidate,
  rowsWithinBudget,
} from '../core/plan/budget-sweep';
import { compareRank, modelCandidates, type SweepModel, type SweepSkip } from '../core/plan/candidates';
import {
  type HardwareRow,
  type HardwareSweep,
  type HardwareSweepOptions,
  sweepOwnedModel,
} from '../core/plan/hardware-sweep';
import {
  largestContextOnOwned,
  type OwnedGpu,
  type OwnedHardware,
  type OwnedRunOptions,
  type OwnedRunResult,
  offloadHardware,
  runOnOwned,
} from '../core/plan/owned-hardware';
import { RAM_CONFIGS, ramBandwidthGBps, ramConfigById } from '../core/plan/ram-configs';
import { loadModelPresetFile } from '../data/models';
import type { Dataset, HardwareItem } from '../data/schema';
import {
  type BudgetView,
  budgetViewOf,
  DEFAULT_OWNED_HARDWARE,
  LIMITS,
  MANUAL_ID,
  type OwnedHardwareChoice,
  ownedHardwareOf,
  type Scenario,
} from '../scenario';
import { type JobState, jobCache, useJobsVersion } from './background-job';
import { type LoadedDataset, useDatasetState } from './dataset-resource';
import { type Derived, type ModelInUse, memoLast, useModelInUse, useScenarioFields } from './derived';
import { lazyResource } from './lazy-resource';
import { MODEL_PRESETS } from './model-presets';
import { setScenario, useAppStore } from './store';

const GIB = 2 ** 30;

// ---- The presets every sweep proposes ----

const presetModels = lazyResource<SweepModel[]>('The model presets', async () => {
  const models: SweepModel[] = [];
  for (const preset of MODEL_PRESETS) {
    const file = await loadModelPresetFile(preset);
    try {
      const spec = modelFromHfConfig(file.config, preset.name);
      models.push({ id: preset.id, name: preset.name, spec, parameters: countParameters(spec) });
    } catch {
      // A preset whose config does not parse is left out of the sweeps (the data lint reports it).
    }
  }
  return models;
});

// ---- Settings shared by both sweeps ----

const SWEEP_FIELDS = ['engine', 'kvCacheFormat', 'batch', 'conditions', 'requireFp8', 'asOf'] as const;

export function useBudgetView(): BudgetView {
  const view = useAppStore((s) => s.scenario.budgetView);
  return view ?? budgetViewOf({} as Scenario);
}

export function setBudgetView(patch: Partial<BudgetView>): void {
  const s = useAppStore.getState().scenario;
  setScenario({ budgetView: { ...budgetViewOf(s), ...patch } });
}

// ---- What can I run for $X ----

export interface SweepProgress {
  done: number;
  total: number;
}

export type SweepAnswer<T> =
  | { status: 'running'; progress: SweepProgress }
  | { status: 'done'; value: T; ms: number };

const budgetJobs = jobCache<BudgetSweep>();
const datasetIds = new WeakMap<Dataset, number>();
let datasetCounter = 0;
function datasetKey(d: Dataset): number {
  let id = datasetIds.get(d);
  if (id === undefined) {
    id = ++datasetCounter;
    datasetIds.set(d, id);
  }
  return id;
}

function answerOf<T>(job: JobState<T>): SweepAnswer<T> {
  return job.status === 'running'
    ? { status: 'running', progress: { done: job.done, total: job.total } }
    : { status: 'done', value: job.value, ms: job.ms };
}

/** The budget sweep for the scenario's engine, KV format, batch, conditions, fp8 and as-of date at the budget
 *  question's context and speed: every model x format with its cheapest rig. Independent of the budget. */
export function useBudgetSweep(): Derived<SweepAnswer<BudgetSweep>> {
  useJobsVersion();
  const data = useDatasetState();
  const models = presetModels.use();
  const s = useScenarioFields(SWEEP_FIELDS);
  const view = useBudgetView();
  if (data.status === 'loading') return { status: 'unavailable', reason: 'Loading the price dataset…' };
  if (data.status === 'failed') return { status: 'error', message: data.message };
  if (models.status === 'loading') return { status: 'unavailable', reason: 'Loading the model presets…' };
  if (models.status === 'failed') return { status: 'error', message: models.message };
  const options: BudgetSweepOptions = {
    engine: s.engine,
    kvCacheFormat: s.kvCacheFormat,
    contextTokens: view.contextTokens,
    batch: s.batch,
    minTokensPerSecond: view.minTokensPerSecond,
    conditions: s.conditions === 'any' ? ['new', 'used'] : [s.conditions],
    requireFp8: s.requireFp8,
    asOf: s.asOf,
  };
  const dataset = data.value.dataset;
  const list = models.value;
  const key = [datasetKey(dataset), JSON.stringify(options)].join('|');
  const job = budgetJobs.get(key, () => {
    const evaluated: (BudgetRow | SweepSkip)[] = [];
    const skipped: SweepSkip[] = [];
    return {
      total: list.length,
      step: (i) => {
        const one = modelCandidates(list[i] as SweepModel, options);
        skipped.push(...one.skipped);
        for (const c of one.candidates) evaluated.push(evaluateBudgetCandidate(dataset, c, options));
      },
      finish: () => collectBudgetSweep(options, evaluated, skipped),
    };
  });
  return { status: 'ok', value: answerOf(job) };
}

export const budgetRows = memoLast(
  (sweep: BudgetSweep, budgetUsd: number, bestPerModel: boolean): BudgetRow[] =>
    rowsWithinBudget(sweep, budgetUsd, { bestPerModel }),
);

/** Make a budget row the scenario: its model, format and context, and the rig table's budget and speed so the
 *  table's first rig is the row's. */
export function chooseBudgetRow(row: BudgetRow, view: BudgetView): void {
  setScenario({
    modelId: row.modelId,
    hfRepo: null,
    weights: undefined,
    weightFormat: row.weightFormat,
    contextTokens: row.contextTokens,
    budgetUsd: view.budgetUsd,
    minTokensPerSecond: view.minTokensPerSecond,
  });
}

// ---- What does my hardware run ----

export function useOwnedChoice(): OwnedHardwareChoice {
  return useAppStore((s) => s.scenario.ownedHardware) ?? DEFAULT_OWNED_HARDWARE;
}

/** Change what the person owns; a change of hardware drops a slider setting made for the old hardware. */
export function setOwnedHardware(patch: Partial<OwnedHardwareChoice>, keepOffload = false): void {
  const current = ownedHardwareOf(useAppStore.getState().scenario);
  const next: OwnedHardwareChoice = { ...current, ...patch };
  if (!keepOffload && !('offload' in patch)) delete next.offload;
  setScenario({ ownedHardware: next });
}

export interface ResolvedHardware {
  hw: OwnedHardware;
  /** e.g. "2 × NVIDIA GeForce RTX 3090 + 64 GiB DDR4-3200, 2 channels (51.2 GB/s)". */
  title: string;
  /** Short: "2 × RTX 3090" / "Mac Studio" / "CPU". */
  deviceName: string;
  /** The link named an item the dataset does not have. */
  warnings: string[];
  /** Identifies the hardware (and the dataset it was resolved against) for caches. */
  key: string;
}

function ramOf(choice: OwnedHardwareChoice, dataset: Dataset, warnings: string[]) {
  const installedBytes = choice.ramGiB * GIB;
  if (choice.ramId === MANUAL_ID) {
    return {
      ram: { installedBytes, bandwidthGBps: choice.ramBandwidthGBps },
      label: `${choice.ramGiB} GiB RAM at ${choice.ramBandwidthGBps} GB/s`,
    };
  }
  const config = ramConfigById(choice.ramId);
  if (config) {
    const bw = ramBandwidthGBps(config);
    return {
      ram: { installedBytes, bandwidthGBps: bw },
      label: `${choice.ramGiB} GiB ${config.label.replace(/ \(.*\)$/, '')} (${bw.toFixed(1)} GB/s)`,
    };
  }
  const platform = dataset.items.find((i) => i.id === choice.ramId && i.kind === 'cpu-platform');
  if (platform?.bandwidthGBps !== undefined) {
    return {
      ram: { installedBytes, bandwidthGBps: platform.bandwidthGBps, platform },
      label: `${choice.ramGiB} GiB on ${platform.name} (${platform.bandwidthGBps} GB/s with every channel filled)`,
    };
  }
  warnings.push(`The RAM setup "${choice.ramId}" is not in the dataset; using DDR4-3200, 2 channels.`);
  const fallback = RAM_CONFIGS[1];
  return {
    ram: { installedBytes, bandwidthGBps: ramBandwidthGBps(fallback) },
    label: `${choice.ramGiB} GiB DDR4-3200, 2 channels`,
  };
}

function itemOf(dataset: Dataset, id: string, kind: HardwareItem['kind']): HardwareItem | undefined {
  const item = dataset.items.find((i) => i.id === id);
  return item && item.kind === kind && item.memory && item.bandwidthGBps !== undefined ? item : undefined;
}

function resolve(choice: OwnedHardwareChoice, dataset: Dataset): Omit<ResolvedHardware, 'key'> {
  const warnings: string[] = [];
  if (choice.kind === 'unified') {
    let machine = itemOf(dataset, choice.unifiedId, 'unified');
    if (!machine) {
      warnings.push(`The machine "${choice.unifiedId}" is not in the dataset; showing the default machine.`);
      machine = itemOf(dataset, DEFAULT_OWNED_HARDWARE.unifiedId, 'unified') as HardwareItem;
    }
    return { hw: { kind: 'unified', machine }, title: machine.name, deviceName: machine.name, warnings };
  }
  const ram = ramOf(choice, dataset, warnings);
  if (choice.kind === 'cpu') {
    return { hw: { kind: 'cpu', ram: ram.ram }, title: ram.label, deviceName: 'the CPU', warnings };
  }
  let gpu: OwnedGpu;
  if (choice.gpuId === MANUAL_ID) {
    gpu = {
      name: `${choice.gpuMemoryGiB} GiB GPU`,
      memoryBytes: choice.gpuMemoryGiB * GIB,
      bandwidthGBps: choice.gpuBandwidthGBps,
    };
  } else {
    let item = itemOf(dataset, choice.gpuId, 'gpu');
    if (!item) {
      warnings.push(`The GPU "${choice.gpuId}" is not in the dataset; showing the default GPU.`);
      item = itemOf(dataset, DEFAULT_OWNED_HARDWARE.gpuId, 'gpu') as HardwareItem;
    }
    gpu = {
      name: shortGpuName(item.name),
      memoryBytes: (item.memory?.sizeGiB ?? 0) * GIB,
      bandwidthGBps: item.bandwidthGBps as number,
      ...(item.fp16DenseTflops !== undefined ? { fp16Tflops: item.fp16DenseTflops } : {}),
      item,
    };
  }
  const deviceName = choice.gpuCount > 1 ? `${choice.gpuCount} × ${gpu.name}` : `the ${gpu.name}`;
  return {
    hw: { kind: 'gpus', gpu, count: choice.gpuCount, ram: ram.ram },
    title: `${choice.gpuCount} × ${gpu.item?.name ?? gpu.name} + ${ram.label}`,
    deviceName,
    warnings,
  };
}

/** What the hardware is, without the offload slider: a slider move must not re-resolve the hardware (and
 *  restart the sweep keyed on it). */
export function hardwareKey(choice: OwnedHardwareChoice): string {
  const { offload: _slider, ...hardware } = choice;
  return JSON.stringify(hardware);
}

function resolveByKey(key: string, dataset: Dataset, choice: OwnedHardwareChoice): ResolvedHardware {
  return { ...resolve(choice, dataset), key: `${datasetKey(dataset)}|${key}` };
}
let lastResolved: { key: string; dataset: Dataset; value: ResolvedHardware } | null = null;

/** The owned hardware as the core takes it, the same object for as long as the hardware is the same. */
export function resolveOwned(choice: OwnedHardwareChoice, dataset: Dataset): ResolvedHardware {
  const key = hardwareKey(choice);
  if (lastResolved && lastResolved.key === key && lastResolved.dataset === dataset) return lastResolved.value;
  const value = resolveByKey(key, dataset, choice);
  lastResolved = { key, dataset, value };
  return value;
}

/** "NVIDIA GeForce RTX 3090" -> "RTX 3090": the vendor and brand words a person leaves out. */
export function shortGpuName(name: string): string {
  return name.replace(/^(NVIDIA|AMD|Intel)\s+/, '').replace(/^(GeForce|Radeon|Arc)\s+/, '');
}

export function useResolvedHardware(): Derived<ResolvedHardware> {
  const data = useDatasetState();
  const choice = useOwnedChoice();
  if (data.status === 'loading') return { status: 'unavailable', reason: 'Loading the hardware dataset…' };
  if (data.status === 'failed') return { status: 'error', message: data.message };
  return { status: 'ok', value: resolveOwned(choice, data.value.dataset) };
}

const RUN_FIELDS = ['weightFormat', 'kvCacheFormat', 'contextTokens', 'batch', 'engine'] as const;

export interface OwnedAnswer {
  model: ModelInUse;
  hardware: ResolvedHardware;
  options: OwnedRunOptions;
  result: OwnedRunResult;
}

const computeOwnedRun = memoLast(
  (
    model: ModelInUse,
    hardware: ResolvedHardware,
    weightFormat: Scenario['weightFormat'],
    kvCacheFormat: string,
    contextTokens: number,
    batch: number,
    engine: Scenario['engine'],
  ): OwnedAnswer => {
    const options: OwnedRunOptions = { weightFormat, kvCacheFormat, contextTokens, batch, engine };
    return {
      model,
      hardware,
      options,
      result: runOnOwned(model.spec, model.parameters, options, hardware.hw),
    };
  },
);

/** How the model in use runs on the owned hardware at the scenario's format, context and batch. */
export function useOwnedRun(): Derived<OwnedAnswer> {
  const model = useModelInUse();
  const hardware = useResolvedHardware();
  const s = useScenarioFields(RUN_FIELDS);
  if (model.status !== 'ok') return model;
  if (hardware.status !== 'ok') return hardware;
  return {
    status: 'ok',
    value: computeOwnedRun(
      model.value,
      hardware.value,
      s.weightFormat,
      s.kvCacheFormat,
      s.contextTokens,
      s.batch,
      s.engine,
    ),
  };
}

export interface LargestContext {
  /** Largest context with the whole model on the device; null if none. */
  whole: number | null;
  /** Largest context with part of it in RAM (GPUs with llama.cpp), when the whole fit is shorter. */
  withOffload: number | null;
  /** The model's own limit, if it states one. */
  modelLimit: number | null;
}

const computeLargestContext = memoLast(
  (
    model: ModelInUse,
    hardware: ResolvedHardware,
    weightFormat: Scenario['weightFormat'],
    kvCacheFormat: string,
    batch: number,
    engine: Scenario['engine'],
  ): LargestContext => {
    const opts = { weightFormat, kvCacheFormat, batch, engine };
    const limits = {
      minTokens: LIMITS.contextTokens.min,
      maxTokens: LIMITS.contextTokens.max,
      stepTokens: 256,
    };
    const whole = largestContextOnOwned(model.spec, model.parameters, opts, hardware.hw, {
      ...limits,
      whole: true,
    });
    const cap = Math.min(LIMITS.contextTokens.max, model.spec.maxContextTokens ?? LIMITS.contextTokens.max);
    const canOffload = hardware.hw.kind === 'gpus' && engine !== 'vllm';
    const withOffload =
      canOffload && (whole === null || whole < cap - 256)
        ? largestContextOnOwned(model.spec, model.parameters, opts, hardware.hw, { ...limits, whole: false })
        : null;
    return { whole, withOffload, modelLimit: model.spec.maxContextTokens };
  },
);

/** The largest context the owned hardware gives the model in use (independent of the context slider, so a
 *  context drag does not recompute it). */
export function useOwnedLargestContext(): Derived<LargestContext> {
  const model = useModelInUse();
  const hardware = useResolvedHardware();
  const s = useScenarioFields(['weightFormat', 'kvCacheFormat', 'batch', 'engine'] as const);
  if (model.status !== 'ok') return model;
  if (hardware.status !== 'ok') return hardware;
  return {
    status: 'ok',
    value: computeLargestContext(
      model.value,
      hardware.value,
      s.weightFormat,
      s.kvCacheFormat,
      s.batch,
      s.engine,
    ),
  };
}

export interface OffloadView {
  /** The plan shown: the slider's setting, or the largest that fits. */
  plan: OffloadPlan;
  /** The largest that fits per mode (the slider's "reset" and its marks). */
  fitted: { layers: OffloadPlan; experts: OffloadPlan | null; recommended: OffloadPlan };
  /** True when the plan is the person's slider setting. */
  manual: boolean;
  /** -ngl runs 0..totalLayers; --n-cpu-moe 0..blocks. */
  totalLayers: number;
  blocks: number;
  moe: boolean;
}

const computeOffloadView = memoLast(
  (answer: OwnedAnswer, choice: OwnedHardwareChoice['offload']): OffloadView | null => {
    const run = answer.result.ok ? answer.result.run : null;
    const hw = answer.hardware.hw;
    if (!run?.offload || hw.kind !== 'gpus') return null;
    const fitted = run.offload;
    const base = {
      fitted,
      totalLayers: fitted.layers.totalLayers,
      blocks: fitted.layers.totalLayers - 1,
      moe: fitted.experts !== null,
    };
    if (!choice || (choice.mode === 'experts' && !base.moe))
      return { ...base, plan: fitted.recommended, manual: false };
    const s = answer.model.spec;
    const config =
      choice.mode === 'layers'
        ? { nGpuLayers: Math.min(choice.nGpuLayers, base.totalLayers), nCpuMoe: 0 }
        : { nGpuLayers: base.totalLayers, nCpuMoe: Math.min(choice.nCpuMoe, base.blocks) };
    const o = answer.options;
    const placed = placeOffload(
      s,
      {
        weightFormat: o.weightFormat,
        kvCacheFormat: o.kvCacheFormat,
        contextTokens: o.contextTokens,
        batch: o.batch,
      },
      offloadHardware(hw),
      config,
    );
    return placed.ok
      ? { ...base, plan: placed.plan, manual: true }
      : { ...base, plan: fitted.recommended, manual: false };
  },
);

/** The partial-offload plan to show for the model in use, following the slider when it was moved. */
export function useOffloadView(): Derived<OffloadView | null> {
  const answer = useOwnedRun();
  const choice = useAppStore((s) => s.scenario.ownedHardware?.offload);
  if (answer.status !== 'ok') return answer;
  return { status: 'ok', value: computeOffloadView(answer.value, choice) };
}

// ---- The largest models the owned hardware runs ----

const hardwareJobs = jobCache<HardwareSweep>();

export function useHardwareSweep(): Derived<SweepAnswer<HardwareSweep>> {
  useJobsVersion();
  const data = useDatasetState();
  const models = presetModels.use();
  const hardware = useResolvedHardware();
  const s = useScenarioFields(SWEEP_FIELDS);
  const view = useBudgetView();
  if (data.status !== 'ready')
    return data.status === 'failed'
      ? { status: 'error', message: data.message }
      : { status: 'unavailable', reason: 'Loading the hardware dataset…' };
  if (models.status === 'loading') return { status: 'unavailable', reason: 'Loading the model presets…' };
  if (models.status === 'failed') return { status: 'error', message: models.message };
  if (hardware.status !== 'ok') return hardware;
  const options: HardwareSweepOptions = {
    engine: s.engine,
    kvCacheFormat: s.kvCacheFormat,
    contextTokens: view.contextTokens,
    batch: s.batch,
    minTokensPerSecond: view.minTokensPerSecond,
  };
  const hwKey = hardware.value.key;
  // The resolved hardware is memoized on the choice and dataset, so its identity is a key; its JSON would be
  // cheaper to compare but drags dataset items along.
  const key = `${hwKey}|${JSON.stringify(options)}`;
  const list = models.value;
  const hw = hardware.value.hw;
  const job = hardwareJobs.get(key, () => {
    const rows: HardwareRow[] = [];
    const skipped: SweepSkip[] = [];
    let evaluatedCount = 0;
    return {
      total: list.length,
      step: (i) => {
        const one = sweepOwnedModel(list[i] as SweepModel, hw, options);
        if (one.row) rows.push(one.row);
        skipped.push(...one.skipped);
        evaluatedCount += one.evaluated;
      },
      finish: () => ({ options, rows: rows.sort(compareRank), skipped, evaluatedCount }),
    };
  });
  return { status: 'ok', value: answerOf(job) };
}

/** Make a row of the hardware list the scenario: its model, format and the sweep's context. */
export function chooseHardwareRow(row: HardwareRow): void {
  const s = useAppStore.getState().scenario;
  const owned = ownedHardwareOf(s);
  const { offload: _dropped, ...rest } = owned;
  setScenario({
    modelId: row.modelId,
    hfRepo: null,
    weights: undefined,
    weightFormat: row.weightFormat,
    contextTokens: row.contextTokens,
    ownedHardware: rest,
  });
}

export type { LoadedDataset };

export interface OwnedOptions {
  gpus: readonly HardwareItem[];
  unified: readonly HardwareItem[];
  platforms: readonly HardwareItem[];
}

const byName = (a: HardwareItem, b: HardwareItem) => a.name.localeCompare(b.name, 'en');

const computeOwnedOptions = memoLast((dataset: Dataset): OwnedOptions => {
  const usable = (i: HardwareItem) => i.memory !== undefined && i.bandwidthGBps !== undefined;
  return {
    gpus: dataset.items.filter((i) => i.kind === 'gpu' && usable(i)).sort(byName),
    unified: dataset.items.filter((i) => i.kind === 'unified' && usable(i)).sort(byName),
    platforms: dataset.items
      .filter((i) => i.kind === 'cpu-platform' && i.bandwidthGBps !== undefined)
      .sort(byName),
  };
});

/** The dataset's GPUs, unified machines and CPU platforms a person can pick from. */
export function useOwnedOptions(): Derived<OwnedOptions> {
  const data = useDatasetState();
  if (data.status === 'loading') return { status: 'unavailable', reason: 'Loading the hardware dataset…' };
  if (data.status === 'failed') return { status: 'error', message: data.message };
  return { status: 'ok', value: computeOwnedOptions(data.value.dataset) };
}
