import { describe, expect, it } from 'vitest';
import type { MemoryEstimate } from '../../../src/core/memory/estimate-types';
import {
  bestOptionForBudget,
  bestOptionOnRig,
  fitsRig,
  largestContextOnRig,
  largestContextThatFits,
} from '../../../src/core/rigs/best-fit';
import { CUDA_CONTEXT_RESERVE_BYTES } from '../../../src/core/rigs/constants';
import { tensorParallelFactor } from '../../../src/core/rigs/speed';
import { fixture } from './fixture';

/** A toy dense estimate: weights + 0.1 MB of KV per context token. */
function estimate(weights: number, contextTokens = 8192): MemoryEstimate {
  const kvCache = contextTokens * 1e5;
  const total = weights + kvCache + 0.5e9;
  return {
    weights,
    kvCache,
    overhead: 0.5e9,
    total,
    routedExpertWeights: 0,
    activeWeightBytesPerToken: weights,
    activeExpertBytesPerToken: 0,
    kvBytesPerToken: kvCache,
    totalRange: { low: total, high: total },
    assumptions: [],
  };
}

// The fixture's prices are years old on purpose: lift the default age limit.
const constraints = {
  conditions: ['new', 'used'] as const,
  requireFp8: false,
  asOf: '2026-01-01',
  maxPriceAgeDays: Number.POSITIVE_INFINITY,
};

describe('inverse questions', () => {
  it('picks the most demanding quantization that fits a budget', () => {
    // 8B at 4, 8 and 16 bits: 4.8, 8.5 and 16 GB. With $1,100 only the 12 GB card + host ($1,000) fits.
    const quants = [
      { label: 'q4_k_m', value: 4.8e9 },
      { label: 'q8_0', value: 8.5e9 },
      { label: 'f16', value: 16e9 },
    ];
    const r = bestOptionForBudget(fixture, quants, (w) => estimate(w), {
      constraints: { ...constraints, conditions: ['new', 'used'], maxBudgetUsd: 1100 },
    });
    expect(r.kind === 'found' && r.label).toBe('q8_0');
    const rich = bestOptionForBudget(fixture, quants, (w) => estimate(w), {
      constraints: { ...constraints, conditions: ['new', 'used'], maxBudgetUsd: 2000 },
    });
    expect(rich.kind === 'found' && rich.label).toBe('f16');
  });

  it('bisects the largest context that fits a budget', () => {
    // $1,000 buys the 12 GB card: 12 GiB usable once the estimate's CUDA context moves to the card
    // (12.885 GB); 4.8 GB weights + 0.5 GB overhead leave 7.585 GB for KV at 0.1 MB per token = 75,849
    // tokens, 75,776 at a 256-token step.
    const r = largestContextThatFits(fixture, (t) => estimate(4.8e9, t), {
      constraints: { ...constraints, conditions: ['new', 'used'], maxBudgetUsd: 1000 },
      minTokens: 0,
      maxTokens: 1_000_000,
    });
    const usable = 12 * 2 ** 30 - CUDA_CONTEXT_RESERVE_BYTES;
    // The estimate's one CUDA context moves to the card, so the need is total - context.
    const exact = Math.floor((usable + CUDA_CONTEXT_RESERVE_BYTES - 4.8e9 - 0.5e9) / 1e5);
    expect(r?.contextTokens).toBe(Math.floor(exact / 256) * 256);
    expect(r?.rig.totalPriceUsd).toBe(1000);
  });

  it('checks an estimate against a chosen rig', () => {
    const r = largestContextThatFits(fixture, (t) => estimate(4.8e9, t), {
      constraints: { ...constraints, conditions: ['new', 'used'], maxBudgetUsd: 1000 },
      minTokens: 0,
      maxTokens: 8192,
    });
    if (r === undefined) throw new Error('expected a rig');
    expect(fitsRig(estimate(4.8e9, 8192), r.rig)).toBe(true);
    expect(fitsRig(estimate(20e9, 8192), r.rig)).toBe(false);
  });

  it('tensor-parallel factor matches the cited 1.8x on 2 and ~3.2x on 4', () => {
    expect(tensorParallelFactor(1)).toBe(1);
    expect(tensorParallelFactor(2)).toBeCloseTo(1.8, 10);
    expect(tensorParallelFactor(4)).toBeCloseTo(3.24, 10);
  });
});

describe('inverse questions on a chosen rig', () => {
  it('finds the largest context and best option that fit the rig', () => {
    const r = largestContextThatFits(fixture, (t) => estimate(4.8e9, t), {
      constraints: { ...constraints, conditions: ['new', 'used'], maxBudgetUsd: 1000 },
      minTokens: 0,
      maxTokens: 8192,
    });
    if (r === undefined) throw new Error('expected a rig');
    const usable = 12 * 2 ** 30 - CUDA_CONTEXT_RESERVE_BYTES;
    // The estimate's one CUDA context moves to the card, so the need is total - context.
    const exact = Math.floor((usable + CUDA_CONTEXT_RESERVE_BYTES - 4.8e9 - 0.5e9) / 1e5);
    expect(
      largestContextOnRig(r.rig, (t) => estimate(4.8e9, t), { minTokens: 0, maxTokens: 1e6, stepTokens: 1 }),
    ).toBe(exact);
    expect(
      largestContextOnRig(r.rig, (t) => estimate(20e9, t), { minTokens: 0, maxTokens: 1e6 }),
    ).toBeUndefined();
    const quants = [
      { label: 'q4', value: 4.8e9 },
      { label: 'q8', value: 8.5e9 },
      { label: 'f16', value: 16e9 },
    ];
    expect(bestOptionOnRig(r.rig, quants, (w) => estimate(w))?.label).toBe('q8');
  });
});
