// The speed formulas of the rig search on numbers worked out by hand (not by re-running the formulas):
// 1 GB at 100 GB/s read at half efficiency takes 20 ms; 2 FLOPs per active parameter per token; a batch of
// two tokens routed uniformly over 8 equally likely experts touches 1 - (7/8)^2 = 15/64 of them.
import { describe, expect, it } from 'vitest';
import {
  computeOf,
  computeSeconds,
  prefillTokensPerSecond,
  scaled,
  splitPrefillTokensPerSecond,
  stepBytes,
  streamSeconds,
  tensorParallelFactor,
  tokensPerSecond,
} from '../../../src/core/rigs/speed';
import type { RigRequest } from '../../../src/core/rigs/types';
import type { HardwareItem } from '../../../src/data/schema';

const GB = 1e9;
const request = (r: Partial<RigRequest>): RigRequest => ({
  acceleratorBytes: 0,
  offloadableBytes: 0,
  bytesPerToken: 0,
  offloadableBytesPerToken: 0,
  kvBytesPerToken: 0,
  constraints: { conditions: ['new'], requireFp8: false, asOf: '2026-01-01' },
  ...r,
});
const half = { tflops: 10, efficiency: 0.5, defaulted: false };

describe('stepBytes', () => {
  it('a dense model at batch 1 reads its bytes per token; KV stays in the non-expert part', () => {
    expect(stepBytes(request({ bytesPerToken: 10 * GB, kvBytesPerToken: 1 * GB }))).toEqual({
      nonExpertBytes: 10 * GB,
      expertBytes: 0,
      batch: 1,
    });
  });
  it('a batch reads the shared weights once, the KV of every sequence, and the union of routed experts', () => {
    // 20 GB per token: 2 GB KV, 8 GB routed experts active of 64 GB routed (p = 1/8), 10 GB shared.
    const r = request({
      bytesPerToken: 20 * GB,
      kvBytesPerToken: 2 * GB,
      offloadableBytesPerToken: 8 * GB,
      offloadableBytes: 64 * GB,
      batch: 2,
    });
    const s = stepBytes(r);
    expect(s.batch).toBe(2);
    expect(s.nonExpertBytes).toBeCloseTo(14 * GB, 0);
    expect(s.expertBytes).toBeCloseTo(15 * GB, 0);
    // At batch 1 the active experts only.
    expect(stepBytes({ ...r, batch: 1 }).expertBytes).toBe(8 * GB);
  });
  it('floors a fractional batch, reads batch < 1 as 1, and caps KV and experts at the bytes per token', () => {
    expect(stepBytes(request({ bytesPerToken: 10, batch: 2.9 })).batch).toBe(2);
    expect(stepBytes(request({ bytesPerToken: 10, batch: 0 })).batch).toBe(1);
    expect(stepBytes(request({ bytesPerToken: 10, kvBytesPerToken: 50 }))).toEqual({
      nonExpertBytes: 10,
      expertBytes: 0,
      batch: 1,
    });
    expect(
      stepBytes(
        request({
          bytesPerToken: 10,
          kvBytesPerToken: 4,
          offloadableBytesPerToken: 50,
          offloadableBytes: 50,
        }),
      ),
    ).toEqual({ nonExpertBytes: 4, expertBytes: 6, batch: 1 });
    expect(stepBytes(request({ bytesPerToken: -5 }))).toEqual({
      nonExpertBytes: 0,
      expertBytes: 0,
      batch: 1,
    });
  });
  it('when the routed total is not given (smaller than the active share), a batch reads the active experts once', () => {
    const s = stepBytes(
      request({ bytesPerToken: 10 * GB, offloadableBytesPerToken: 4 * GB, offloadableBytes: 0, batch: 4 }),
    );
    expect(s.expertBytes).toBeCloseTo(4 * GB, 0);
  });
});

describe('time and rate', () => {
  it('streamSeconds: 1 GB at 100 GB/s and 50% efficiency is 20 ms', () => {
    expect(streamSeconds(1 * GB, 100, { efficiency: 0.5, fixedSeconds: 0 })).toBeCloseTo(0.02, 12);
  });
  it('tokensPerSecond: the batch over the step time; a zero step stays finite', () => {
    expect(tokensPerSecond(4, 0.5)).toBe(8);
    expect(Number.isFinite(tokensPerSecond(1, 0))).toBe(true);
    expect(tokensPerSecond(1, 0)).toBeGreaterThan(1e11);
  });
  it('computeSeconds: 2 FLOPs per active parameter per token; none without a parameter count', () => {
    // 2 tokens x 2 x 1e9 parameters / (0.5 x 10e12 FLOP/s) = 0.8 ms.
    expect(computeSeconds(request({ activeParameters: 1e9 }), 2, half)).toBeCloseTo(0.0008, 12);
    expect(computeSeconds(request({}), 2, half)).toBe(0);
    expect(computeSeconds(request({ activeParameters: 0 }), 2, half)).toBe(0);
  });
  it('prefill: 0.5 x 10 TFLOPS / 2 GFLOP per token = 2,500 tokens/s; none without a parameter count', () => {
    expect(prefillTokensPerSecond(request({ activeParameters: 1e9 }), half)).toBeCloseTo(2500, 9);
    expect(prefillTokensPerSecond(request({}), half)).toBeUndefined();
  });
  it('split prefill adds the two sides’ times: 20 µs on the GPU + 2 ms on the CPU per token = 495 tokens/s', () => {
    const gpu = { tflops: 100, efficiency: 0.5, defaulted: false };
    const cpu = { tflops: 1, efficiency: 0.5, defaulted: false };
    const r = request({ activeParameters: 1e9 });
    expect(splitPrefillTokensPerSecond(r, gpu, cpu, 0.5)).toBeCloseTo(1 / 0.00202, 6);
    expect(splitPrefillTokensPerSecond(r, gpu, cpu, 0)).toBeCloseTo(25_000, 6);
    expect(splitPrefillTokensPerSecond(r, gpu, cpu, 1)).toBeCloseTo(250, 6);
    expect(splitPrefillTokensPerSecond(request({}), gpu, cpu, 0.5)).toBeUndefined();
  });
});

describe('compute roofs', () => {
  const item = (fp16DenseTflops?: number): HardwareItem => ({
    id: 'x',
    name: 'X',
    vendor: 'V',
    kind: 'gpu',
    releasedOn: '2024-01-01',
    sources: [{ url: 'https://example.org', retrievedOn: '2026-01-01' }],
    ...(fp16DenseTflops !== undefined ? { fp16DenseTflops } : {}),
  });
  it('uses the item’s dense TFLOPS when known, else a conservative labelled default (10 GPU, 1 CPU)', () => {
    expect(computeOf(item(165.2), false)).toMatchObject({ tflops: 165.2, defaulted: false });
    expect(computeOf(item(), false)).toMatchObject({ tflops: 10, defaulted: true });
    expect(computeOf(item(), true)).toMatchObject({ tflops: 1, defaulted: true });
    expect(computeOf(item(), true).efficiency).not.toBe(computeOf(item(), false).efficiency);
  });
  it('scaled adds the TFLOPS of n devices and keeps the rest', () => {
    expect(scaled(half, 4)).toEqual({ tflops: 40, efficiency: 0.5, defaulted: false });
  });
  it('tensor parallel: 1x on one GPU, 1.8x on 2, 3.24x on 4, 5.83x on 8 (0.9 per doubling, exo’s 1.8x/3.2x)', () => {
    expect(tensorParallelFactor(1)).toBe(1);
    expect(tensorParallelFactor(2)).toBeCloseTo(1.8, 12);
    expect(tensorParallelFactor(4)).toBeCloseTo(3.24, 12);
    expect(tensorParallelFactor(8)).toBeCloseTo(5.832, 12);
  });
});
