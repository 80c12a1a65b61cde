// "What can I run for $X?": every model x format at one context and minimum decode speed, each with the
// cheapest rig that holds it at that speed (findCheapestRigs), ranked largest model first. The sweep does not
// depend on the budget: the cheapest rig that meets the speed either costs at most $X or nothing does, so one
// sweep answers every budget and rowsWithinBudget only filters it.
import type { Dataset } from '../../data/schema';
import { findCheapestRigs } from '../rigs/find-cheapest-rigs';
import { rigRequestFromEstimate } from '../rigs/requests';
import type { PurchaseCondition, RigQuote, RigRequest } from '../rigs/types';
import {
  compareRank,
  modelCandidates,
  type RankKey,
  type SweepCandidate,
  type SweepModel,
  type SweepSkip,
  type SweepWorkload,
} from './candidates';

export interface BudgetSweepOptions extends SweepWorkload {
  /** Minimum aggregate decode tokens/s (0 = none). */
  minTokensPerSecond: number;
  conditions: readonly PurchaseCondition[];
  requireFp8: boolean;
  /** Prices as of this ISO date. */
  asOf: string;
}

export interface BudgetRow extends RankKey {
  modelName: string;
  weightFormat: SweepCandidate['weightFormat'];
  activeParameters: number;
  contextTokens: number;
  /** The memory estimate's total, bytes. */
  memoryBytes: number;
  /** The cheapest rig that holds it at the minimum speed. */
  rig: RigQuote;
}

export interface BudgetSweep {
  options: BudgetSweepOptions;
  /** Every candidate that found a rig, ranked (compareRank, then price). */
  rows: BudgetRow[];
  skipped: SweepSkip[];
  /** Model x format combinations tried. */
  candidateCount: number;
}

/** The rig request the sweep makes for one candidate (exported so tests can re-run it under a budget). */
export function budgetRequest(candidate: SweepCandidate, options: BudgetSweepOptions): RigRequest {
  return rigRequestFromEstimate(candidate.estimate, {
    constraints: {
      conditions: options.conditions,
      requireFp8: options.requireFp8,
      asOf: options.asOf,
      ...(options.minTokensPerSecond > 0 ? { minTokensPerSecond: options.minTokensPerSecond } : {}),
      maxResults: 1,
    },
    batch: options.batch,
    engine: options.engine,
    weightFormat: candidate.weightFormat,
    activeParameters: candidate.model.parameters.active,
  });
}

/** The cheapest rig for one candidate, or why there is none. */
export function evaluateBudgetCandidate(
  dataset: Dataset,
  candidate: SweepCandidate,
  options: BudgetSweepOptions,
): BudgetRow | SweepSkip {
  const { model, weightFormat } = candidate;
  const result = findCheapestRigs(dataset, budgetRequest(candidate, options));
  const rig = result.kind === 'found' ? result.rigs[0] : undefined;
  if (rig === undefined) {
    return {
      modelId: model.id,
      modelName: model.name,
      weightFormat,
      reason: 'no-rig',
      message: result.kind === 'none' ? result.message : 'No rig found.',
    };
  }
  return {
    modelId: model.id,
    modelName: model.name,
    weightFormat,
    formatRank: candidate.formatRank,
    totalParameters: model.parameters.total,
    activeParameters: model.parameters.active,
    contextTokens: options.contextTokens,
    memoryBytes: candidate.estimate.total,
    rig,
  };
}

export function isBudgetRow(x: BudgetRow | SweepSkip): x is BudgetRow {
  return 'rig' in x;
}

/** Ranked: largest model first, better format first, then cheaper. */
export function compareBudgetRows(a: BudgetRow, b: BudgetRow): number {
  return compareRank(a, b) || a.rig.totalPriceUsd - b.rig.totalPriceUsd;
}

/** Every candidate of every model (what sweepBudget evaluates), for callers that spread the work over
 *  several frames. */
export function budgetCandidates(
  models: readonly SweepModel[],
  options: BudgetSweepOptions,
): { candidates: SweepCandidate[]; skipped: SweepSkip[] } {
  const candidates: SweepCandidate[] = [];
  const skipped: SweepSkip[] = [];
  for (const model of models) {
    const one = modelCandidates(model, options);
    candidates.push(...one.candidates);
    skipped.push(...one.skipped);
  }
  return { candidates, skipped };
}

/** Assemble a sweep from evaluated candidates. */
export function collectBudgetSweep(
  options: BudgetSweepOptions,
  evaluated: readonly (BudgetRow | SweepSkip)[],
  skipped: readonly SweepSkip[],
): BudgetSweep {
  const rows = evaluated.filter(isBudgetRow).sort(compareBudgetRows);
  const notRun = evaluated.filter((x): x is SweepSkip => !isBudgetRow(x));
  return { options, rows, skipped: [...skipped, ...notRun], candidateCount: evaluated.length };
}

/** The whole sweep in one call. */
export function sweepBudget(
  dataset: Dataset,
  models: readonly SweepModel[],
  options: BudgetSweepOptions,
): BudgetSweep {
  const { candidates, skipped } = budgetCandidates(models, options);
  const evaluated = candidates.map((c) => evaluateBudgetCandidate(dataset, c, options));
  return collectBudgetSweep(options, evaluated, skipped);
}

/** The rows a budget buys (rig price <= budgetUsd; 0 or less means no limit), ranked. With bestPerModel,
 *  only each model's best format that fits. */
export function rowsWithinBudget(
  sweep: BudgetSweep,
  budgetUsd: number,
  opts: { bestPerModel?: boolean } = {},
): BudgetRow[] {
  const within = sweep.rows.filter((r) => budgetUsd <= 0 || r.rig.totalPriceUsd <= budgetUsd);
  if (!opts.bestPerModel) return within;
  const seen = new Set<string>();
  return within.filter((r) => {
    if (seen.has(r.modelId)) return false;
    seen.add(r.modelId);
    return true;
  });
}
