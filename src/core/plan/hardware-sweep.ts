// "What does my hardware run?": for each model the best format (of the engine's sweep list) that runs on the
// hardware a person owns at one context and minimum decode speed, whole or with part of it in RAM, ranked
// largest model first. Each model's formats are tried best first and the first that runs is its row, so a
// model the hardware holds at Q8_0 costs one evaluation; a format too big for all the memory there is (GPUs
// plus RAM) is ruled out from its estimate without placing it.
import { CUDA_CONTEXT_RESERVE_BYTES, DEFAULT_UNIFIED_MEMORY_LIMIT } from '../rigs/constants';
import { acceleratorNeedBytes } from '../rigs/requests';
import { usableUnified } from '../rigs/usable-memory';
import {
  compareRank,
  modelCandidates,
  type RankKey,
  type SweepCandidate,
  type SweepModel,
  type SweepSkip,
  type SweepWorkload,
} from './candidates';
import { type OwnedHardware, type OwnedRun, runOnOwned, usableRamBytes } from './owned-hardware';

export interface HardwareSweepOptions extends SweepWorkload {
  /** Minimum aggregate decode tokens/s with the context filled (0 = none). */
  minTokensPerSecond: number;
}

export interface HardwareRow extends RankKey {
  modelName: string;
  weightFormat: SweepCandidate['weightFormat'];
  activeParameters: number;
  contextTokens: number;
  run: OwnedRun;
}

export interface HardwareSweep {
  options: HardwareSweepOptions;
  /** One row per model that runs: its best format that does. */
  rows: HardwareRow[];
  skipped: SweepSkip[];
  /** Model x format combinations placed or run (the rest were ruled out from their estimate). */
  evaluatedCount: number;
}

/** Every byte the hardware could hold a model in: GPUs and RAM (llama.cpp), GPUs only (vLLM), the unified
 *  memory under its GPU limit, or RAM less the OS's share. */
export function capacityBytes(hw: OwnedHardware, engine: HardwareSweepOptions['engine']): number {
  switch (hw.kind) {
    case 'gpus':
      return hw.count * hw.gpu.memoryBytes + (engine === 'vllm' ? 0 : usableRamBytes(hw.ram));
    case 'unified':
      return usableUnified(hw.machine, DEFAULT_UNIFIED_MEMORY_LIMIT).bytes;
    case 'cpu':
      return usableRamBytes(hw.ram);
  }
}

/** One model's row: its best format that runs at the speed, or the reason none does. */
export function sweepOwnedModel(
  model: SweepModel,
  hw: OwnedHardware,
  options: HardwareSweepOptions,
): { row: HardwareRow | null; skipped: SweepSkip[]; evaluated: number } {
  const { candidates, skipped } = modelCandidates(model, options);
  if (candidates.length === 0) return { row: null, skipped, evaluated: 0 };
  const capacity = capacityBytes(hw, options.engine);
  let evaluated = 0;
  let lastReason = '';
  for (const c of candidates) {
    // The estimate counts one CUDA context; GPUs get theirs in the placement, so compare without it.
    if (acceleratorNeedBytes(c.estimate) > capacity + CUDA_CONTEXT_RESERVE_BYTES) {
      lastReason = `${c.weightFormat} needs more memory than the hardware has`;
      continue;
    }
    evaluated++;
    const r = runOnOwned(
      model.spec,
      model.parameters,
      {
        weightFormat: c.weightFormat,
        kvCacheFormat: options.kvCacheFormat,
        contextTokens: options.contextTokens,
        batch: options.batch,
        engine: options.engine,
      },
      hw,
      c.estimate,
    );
    if (!r.ok) {
      lastReason = r.message;
      continue;
    }
    const run = r.run;
    if (run.mode === 'none') {
      lastReason = run.engineBlock ?? `${c.weightFormat} does not fit`;
      continue;
    }
    const speed = run.decodeTokensPerSecond;
    if (options.minTokensPerSecond > 0 && (speed === undefined || speed < options.minTokensPerSecond)) {
      lastReason = `${c.weightFormat} runs at ${speed === undefined ? 'an unknown speed' : `${speed.toFixed(1)} tok/s`}, below ${options.minTokensPerSecond}`;
      continue;
    }
    return {
      row: {
        modelId: model.id,
        modelName: model.name,
        weightFormat: c.weightFormat,
        formatRank: c.formatRank,
        totalParameters: model.parameters.total,
        activeParameters: model.parameters.active,
        contextTokens: options.contextTokens,
        run,
      },
      skipped,
      evaluated,
    };
  }
  skipped.push({
    modelId: model.id,
    modelName: model.name,
    reason: 'does-not-run',
    message: `${model.name}: no format runs (${lastReason}).`,
  });
  return { row: null, skipped, evaluated };
}

/** The whole sweep: one row per model that runs, largest model first. */
export function sweepOwnedHardware(
  models: readonly SweepModel[],
  hw: OwnedHardware,
  options: HardwareSweepOptions,
): HardwareSweep {
  const rows: HardwareRow[] = [];
  const skipped: SweepSkip[] = [];
  let evaluatedCount = 0;
  for (const model of models) {
    const one = sweepOwnedModel(model, hw, options);
    if (one.row) rows.push(one.row);
    skipped.push(...one.skipped);
    evaluatedCount += one.evaluated;
  }
  rows.sort(compareRank);
  return { options, rows, skipped, evaluatedCount };
}
