// What a sweep tries: every model x every format of the engine's list, at one context, with its memory
// estimate. A model whose context limit is below the asked context is not tried (the row would promise a
// context the model was not built for), and is reported as skipped.
import { safeEstimateMemory } from '../memory/estimate';
import type { MemoryEstimate } from '../memory/estimate-types';
import type { WeightFormatId } from '../memory/format-ids';
import type { ParameterCount } from '../model/count-parameters';
import type { ModelSpec } from '../model/model-spec';
import type { RigEngine } from '../rigs/types';
import { SWEEP_FORMATS } from './sweep-formats';

/** A model the sweep may propose: a preset's spec and its parameter count. */
export interface SweepModel {
  id: string;
  name: string;
  spec: ModelSpec;
  parameters: ParameterCount;
}

/** The workload every candidate is estimated at. */
export interface SweepWorkload {
  engine: RigEngine;
  kvCacheFormat: string;
  contextTokens: number;
  /** Concurrent sequences. */
  batch: number;
  /** Formats to try, best quality first; default SWEEP_FORMATS[engine]. */
  formats?: readonly WeightFormatId[];
}

export interface SweepCandidate {
  model: SweepModel;
  weightFormat: WeightFormatId;
  /** 0 = the best-quality format of the list. */
  formatRank: number;
  estimate: MemoryEstimate;
}

export type SweepSkipReason = 'context' | 'estimate' | 'no-rig' | 'does-not-run';

/** A model or model x format the sweep did not list, and why. */
export interface SweepSkip {
  modelId: string;
  modelName: string;
  /** Absent when the whole model was skipped (its context limit). */
  weightFormat?: WeightFormatId;
  reason: SweepSkipReason;
  message: string;
}

/** What orders the rows: the largest model first (total parameters), then the better format, then the model
 *  id so equal models keep a stable order. */
export interface RankKey {
  modelId: string;
  totalParameters: number;
  formatRank: number;
}

export function compareRank(a: RankKey, b: RankKey): number {
  return (
    b.totalParameters - a.totalParameters ||
    a.formatRank - b.formatRank ||
    (a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : 0)
  );
}

export function formatsOf(workload: SweepWorkload): readonly WeightFormatId[] {
  return workload.formats ?? SWEEP_FORMATS[workload.engine];
}

/** True when the model was built for at least this context (or does not say). */
export function contextAllowed(model: ModelSpec, contextTokens: number): boolean {
  return model.maxContextTokens === null || contextTokens <= model.maxContextTokens;
}

/** One model's candidates, best format first, and the formats that could not be estimated. */
export function modelCandidates(
  model: SweepModel,
  workload: SweepWorkload,
): { candidates: SweepCandidate[]; skipped: SweepSkip[] } {
  const candidates: SweepCandidate[] = [];
  const skipped: SweepSkip[] = [];
  if (!contextAllowed(model.spec, workload.contextTokens)) {
    skipped.push({
      modelId: model.id,
      modelName: model.name,
      reason: 'context',
      message: `${model.name} was built for ${model.spec.maxContextTokens} tokens of context, less than ${workload.contextTokens}.`,
    });
    return { candidates, skipped };
  }
  const formats = formatsOf(workload);
  for (let rank = 0; rank < formats.length; rank++) {
    const weightFormat = formats[rank] as WeightFormatId;
    const result = safeEstimateMemory(model.spec, {
      weightFormat,
      kvCacheFormat: workload.kvCacheFormat,
      contextTokens: workload.contextTokens,
      batch: workload.batch,
      engine: workload.engine,
    });
    if (!result.ok) {
      skipped.push({
        modelId: model.id,
        modelName: model.name,
        weightFormat,
        reason: 'estimate',
        message: result.error.message,
      });
      continue;
    }
    candidates.push({
      model,
      weightFormat,
      formatRank: rank,
      estimate: result.estimate,
    });
  }
  return { candidates, skipped };
}
