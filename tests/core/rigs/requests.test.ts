// Building a rig request from an estimate or a bare size: which fields carry over, which are left out
// when not given (toStrictEqual: an absent field is not an undefined one), and the one CUDA context the
// estimate counts that the search reserves per device instead.
import { describe, expect, it } from 'vitest';
import type { MemoryEstimate } from '../../../src/core/memory/estimate-types';
import { CUDA_CONTEXT_RESERVE_BYTES } from '../../../src/core/rigs/constants';
import {
  acceleratorNeedBytes,
  rigRequestForMemory,
  rigRequestFromEstimate,
} from '../../../src/core/rigs/requests';
import type { RigConstraints } from '../../../src/core/rigs/types';

const GB = 1e9;
const constraints: RigConstraints = { conditions: ['new'], requireFp8: false, asOf: '2026-01-01' };
const estimate = (extra: Partial<MemoryEstimate> = {}): MemoryEstimate => ({
  weights: 40 * GB,
  kvCache: 8 * GB,
  overhead: 2 * GB,
  total: 50 * GB,
  routedExpertWeights: 0,
  activeWeightBytesPerToken: 40 * GB,
  activeExpertBytesPerToken: 0,
  kvBytesPerToken: 8 * GB,
  totalRange: { low: 48 * GB, high: 52 * GB },
  assumptions: [],
  ...extra,
});

describe('acceleratorNeedBytes', () => {
  it('is the total less one CUDA context (457 MiB, ollama cudaMinimumMemory), never below zero', () => {
    expect(CUDA_CONTEXT_RESERVE_BYTES).toBe(457 * 2 ** 20);
    expect(acceleratorNeedBytes(estimate())).toBe(50 * GB - 457 * 2 ** 20);
    expect(acceleratorNeedBytes(estimate({ total: 100 }))).toBe(0);
  });
});

describe('rigRequestFromEstimate', () => {
  it('a dense estimate: bytes per token are active weights plus KV; nothing offloadable; not MoE', () => {
    expect(rigRequestFromEstimate(estimate(), { constraints })).toStrictEqual({
      acceleratorBytes: 50 * GB - CUDA_CONTEXT_RESERVE_BYTES,
      offloadableBytes: 0,
      bytesPerToken: 48 * GB,
      offloadableBytesPerToken: 0,
      kvBytesPerToken: 8 * GB,
      constraints,
      moe: false,
    });
  });
  it('an MoE estimate carries its routed experts, and every option given', () => {
    const r = rigRequestFromEstimate(
      estimate({ routedExpertWeights: 30 * GB, activeExpertBytesPerToken: 3 * GB }),
      { constraints, batch: 4, engine: 'vllm', activeParameters: 37e9, weightFormat: 'fp8' },
    );
    expect(r).toStrictEqual({
      acceleratorBytes: 50 * GB - CUDA_CONTEXT_RESERVE_BYTES,
      offloadableBytes: 30 * GB,
      bytesPerToken: 48 * GB,
      offloadableBytesPerToken: 3 * GB,
      kvBytesPerToken: 8 * GB,
      constraints,
      batch: 4,
      engine: 'vllm',
      activeParameters: 37e9,
      weightFormat: 'fp8',
      moe: true,
    });
  });
  it('MoE is decided by the estimate, not the options (a 1-byte expert share counts)', () => {
    expect(
      rigRequestFromEstimate(estimate({ routedExpertWeights: 1 }), { constraints, moe: false }).moe,
    ).toBe(true);
  });
});

describe('rigRequestForMemory', () => {
  it('a bare size: every byte read per token, nothing offloadable, only the options given', () => {
    expect(rigRequestForMemory(512 * GB, { constraints })).toStrictEqual({
      acceleratorBytes: 512 * GB,
      offloadableBytes: 0,
      bytesPerToken: 512 * GB,
      offloadableBytesPerToken: 0,
      kvBytesPerToken: 0,
      constraints,
    });
    expect(
      rigRequestForMemory(512 * GB, {
        constraints,
        batch: 2,
        engine: 'llama.cpp',
        activeParameters: 1e9,
        weightFormat: 'q4_k_m',
        moe: true,
      }),
    ).toStrictEqual({
      acceleratorBytes: 512 * GB,
      offloadableBytes: 0,
      bytesPerToken: 512 * GB,
      offloadableBytesPerToken: 0,
      kvBytesPerToken: 0,
      constraints,
      batch: 2,
      engine: 'llama.cpp',
      activeParameters: 1e9,
      weightFormat: 'q4_k_m',
      moe: true,
    });
  });
});
