// "What can I run for $X": the sweep over every preset x format on the real dataset, and its budget filter.
import { describe, expect, it } from 'vitest';
import {
  acceleratorNeedBytes,
  type BudgetSweepOptions,
  budgetCandidates,
  budgetRequest,
  findCheapestRigs,
  fitsRig,
  rowsWithinBudget,
  SWEEP_FORMATS,
  sweepBudget,
} from '../../../src/core/index';
import { allModels, dataset, model, must } from './helpers';

const OPTIONS: BudgetSweepOptions = {
  engine: 'llama.cpp',
  kvCacheFormat: 'f16',
  contextTokens: 8192,
  batch: 1,
  minTokensPerSecond: 5,
  conditions: ['new', 'used'],
  requireFp8: false,
  asOf: '2026-12-03',
};

const sweep = sweepBudget(dataset, allModels(), OPTIONS);
const BUDGETS = [300, 600, 1000, 1500, 2000, 3000, 5000, 8000, 15_000, 30_000, 100_000, 1_000_000];

describe('sweepBudget on the real dataset', () => {
  it('tries every preset at every llama.cpp format of the list', () => {
    expect(sweep.candidateCount).toBe(allModels().length * SWEEP_FORMATS['llama.cpp'].length);
    expect(sweep.rows.length).toBeGreaterThan(100);
  });

  it('ranks the largest model first, then the better format, then the cheaper rig', () => {
    for (let i = 1; i < sweep.rows.length; i++) {
      const a = must(sweep.rows[i - 1]);
      const b = must(sweep.rows[i]);
      expect(a.totalParameters).toBeGreaterThanOrEqual(b.totalParameters);
      if (a.modelId === b.modelId) expect(a.formatRank).toBeLessThan(b.formatRank);
    }
  });

  it('a bigger budget never returns a smaller best model, nor a worse format of the same model', () => {
    let previous: { params: number; modelId: string; rank: number } | null = null;
    for (const budget of BUDGETS) {
      const best = rowsWithinBudget(sweep, budget, { bestPerModel: true })[0];
      if (best === undefined) {
        expect(previous).toBeNull();
        continue;
      }
      if (previous) {
        expect(best.totalParameters).toBeGreaterThanOrEqual(previous.params);
        if (best.modelId === previous.modelId) expect(best.formatRank).toBeLessThanOrEqual(previous.rank);
      }
      previous = { params: best.totalParameters, modelId: best.modelId, rank: best.formatRank };
    }
    expect(previous).not.toBeNull();
  });

  it("every row's rig costs at most the budget, holds the model and meets the speed", () => {
    const estimates = new Map(
      budgetCandidates(allModels(), OPTIONS).candidates.map((c) => [
        `${c.model.id}:${c.weightFormat}`,
        c.estimate,
      ]),
    );
    let checked = 0;
    for (const budget of [1000, 3000, 10_000]) {
      for (const row of rowsWithinBudget(sweep, budget)) {
        expect(row.rig.totalPriceUsd).toBeLessThanOrEqual(budget);
        expect(row.rig.decodeTokensPerSecond).toBeGreaterThanOrEqual(OPTIONS.minTokensPerSecond);
        const estimate = must(estimates.get(`${row.modelId}:${row.weightFormat}`));
        expect(row.memoryBytes).toBe(estimate.total);
        // The rig holds the estimate less the one CUDA context it counts (the rig reserves one per GPU).
        expect(row.rig.usableBytes).toBeGreaterThanOrEqual(acceleratorNeedBytes(estimate));
        // An expert split also keeps the non-expert part on the GPUs.
        if (estimate.routedExpertWeights > 0) expect(fitsRig(estimate, row.rig)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('the budget filter agrees with a search that is given the budget: same price in, nothing out', () => {
    const budget = 3000;
    const { candidates } = budgetCandidates(allModels(), OPTIONS);
    const inList = new Set(rowsWithinBudget(sweep, budget).map((r) => `${r.modelId}:${r.weightFormat}`));
    let checkedIn = 0;
    let checkedOut = 0;
    // Every 3rd candidate keeps the test quick while covering every model size.
    for (let i = 0; i < candidates.length; i += 3) {
      const c = must(candidates[i]);
      const request = budgetRequest(c, OPTIONS);
      request.constraints = { ...request.constraints, maxBudgetUsd: budget };
      const direct = findCheapestRigs(dataset, request);
      const key = `${c.model.id}:${c.weightFormat}`;
      if (inList.has(key)) {
        checkedIn++;
        expect(direct.kind).toBe('found');
        const row = must(sweep.rows.find((r) => `${r.modelId}:${r.weightFormat}` === key));
        if (direct.kind === 'found') {
          expect(must(direct.rigs[0]).totalPriceUsd).toBeCloseTo(row.rig.totalPriceUsd, 6);
        }
      } else {
        checkedOut++;
        expect(direct.kind).toBe('none');
      }
    }
    expect(checkedIn).toBeGreaterThan(5);
    expect(checkedOut).toBeGreaterThan(5);
  });

  it('at a budget exactly equal to a rig price the row is in; one dollar less it is out', () => {
    const row = must(rowsWithinBudget(sweep, 3000, { bestPerModel: true })[0]);
    const price = row.rig.totalPriceUsd;
    const key = (r: { modelId: string; weightFormat: string }) => `${r.modelId}:${r.weightFormat}`;
    expect(rowsWithinBudget(sweep, price).map(key)).toContain(key(row));
    expect(rowsWithinBudget(sweep, price - 1).map(key)).not.toContain(key(row));
  });

  it('best per model keeps one row per model: its best format within the budget', () => {
    const all = rowsWithinBudget(sweep, 2000);
    const best = rowsWithinBudget(sweep, 2000, { bestPerModel: true });
    expect(new Set(best.map((r) => r.modelId)).size).toBe(best.length);
    for (const row of best) {
      const ranks = all.filter((r) => r.modelId === row.modelId).map((r) => r.formatRank);
      expect(row.formatRank).toBe(Math.min(...ranks));
    }
  });

  it('a 0 budget means no limit', () => {
    expect(rowsWithinBudget(sweep, 0).length).toBe(sweep.rows.length);
  });
});

describe('sweepBudget options', () => {
  it('skips a model whose context limit is below the asked context, and says why', () => {
    const gemma = model('gemma-2-9b');
    expect(gemma.spec.maxContextTokens).toBe(8192);
    const s = sweepBudget(dataset, [gemma, model('llama-3-1-8b')], { ...OPTIONS, contextTokens: 16_384 });
    expect(s.rows.every((r) => r.modelId === 'llama-3-1-8b')).toBe(true);
    const skip = must(s.skipped.find((x) => x.modelId === 'gemma-2-9b'));
    expect(skip.reason).toBe('context');
    expect(skip.message).toContain('8192');
    // At its own limit it is tried.
    const at = sweepBudget(dataset, [gemma], { ...OPTIONS, contextTokens: 8192 });
    expect(at.rows.length).toBeGreaterThan(0);
  });

  it('with vLLM it tries bf16, fp8 and int4 only', () => {
    const s = sweepBudget(dataset, [model('qwen3-8b')], { ...OPTIONS, engine: 'vllm' });
    expect(s.candidateCount).toBe(3);
    for (const r of s.rows) expect(['bf16', 'fp8', 'int4']).toContain(r.weightFormat);
  });

  it('a higher minimum speed never makes a row cheaper', () => {
    const models = ['llama-3-1-8b', 'qwen3-32b', 'llama-3-3-70b'].map(model);
    const slow = sweepBudget(dataset, models, { ...OPTIONS, minTokensPerSecond: 1 });
    const fast = sweepBudget(dataset, models, { ...OPTIONS, minTokensPerSecond: 20 });
    for (const row of fast.rows) {
      const same = must(
        slow.rows.find((r) => r.modelId === row.modelId && r.weightFormat === row.weightFormat),
      );
      expect(row.rig.totalPriceUsd).toBeGreaterThanOrEqual(same.rig.totalPriceUsd);
      expect(row.rig.decodeTokensPerSecond).toBeGreaterThanOrEqual(20);
    }
    expect(fast.rows.length).toBeLessThanOrEqual(slow.rows.length);
  });
});
