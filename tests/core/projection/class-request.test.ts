// The rig request behind each rig class, on the reference workload's own numbers: a DeepSeek-V3-class MoE in
// fp8 (one byte a weight) that fills the target. At a 671e9-byte target it is DeepSeek-V3 itself, so every
// share comes out as the published parameter count (config.json: 256 routed experts of 3 x 7168 x 2048
// weights in 58 MoE layers, 8 of them per token; 37B active).
import { describe, expect, it } from 'vitest';
import { classFitFloor, classRequest, RIG_CLASS_SPECS } from '../../../src/core/projection/rig-classes';

const opts = { asOf: '2026-06-30', conditions: ['new', 'used'] as const, maxPriceAgeDays: 730 };
const EXPERT = 3 * 7168 * 2048;

describe('classRequest', () => {
  it('at 671e9 bytes the reference model: 37B active, 654B routed, 20.4B routed per token', () => {
    const r = classRequest('any', 671e9, opts);
    expect(r.acceleratorBytes).toBe(671e9);
    expect(r.bytesPerToken).toBeCloseTo(37e9, 0);
    expect(r.activeParameters).toBeCloseTo(37e9, 0);
    expect(r.offloadableBytes).toBeCloseTo(256 * 58 * EXPERT, 0);
    expect(r.offloadableBytesPerToken).toBeCloseTo(8 * 58 * EXPERT, 0);
    expect(r.kvBytesPerToken).toBe(0);
    expect(r.moe).toBe(true);
    expect(r.engine).toBe('llama.cpp');
    expect(r).not.toHaveProperty('weightFormat');
  });

  it('good fp8: vLLM on fp8 weights, native fp8, GPU or unified kinds, 10 tok/s decode and 200 prefill', () => {
    const r = classRequest('good-fp8', 512 * 2 ** 30, opts);
    expect(r.engine).toBe('vllm');
    expect(r.weightFormat).toBe('fp8');
    expect(r.constraints).toEqual({
      conditions: ['new', 'used'],
      requireFp8: true,
      asOf: '2026-06-30',
      maxResults: 1,
      maxPriceAgeDays: 730,
      rigKinds: ['multi-gpu', 'unified', 'unified-cluster'],
      minTokensPerSecond: 10,
      minPrefillTokensPerSecond: 200,
    });
  });

  it('any GPU or unified memory: llama.cpp, no speed floor, no fp8', () => {
    const r = classRequest('gpu-unified', 512 * 2 ** 30, { ...opts, maxResults: 5 });
    expect(r.engine).toBe('llama.cpp');
    expect(r).not.toHaveProperty('weightFormat');
    expect(r.constraints).toEqual({
      conditions: ['new', 'used'],
      requireFp8: false,
      asOf: '2026-06-30',
      maxResults: 5,
      maxPriceAgeDays: 730,
      rigKinds: ['multi-gpu', 'unified', 'unified-cluster'],
    });
  });

  it('any memory: every rig kind; a bandwidth floor only when asked', () => {
    const r = classRequest('any', 512 * 2 ** 30, opts);
    expect(r.constraints).toEqual({
      conditions: ['new', 'used'],
      requireFp8: false,
      asOf: '2026-06-30',
      maxResults: 1,
      maxPriceAgeDays: 730,
    });
    expect(
      classRequest('any', 512 * 2 ** 30, { ...opts, minBandwidthGBps: 400 }).constraints.minBandwidthGBps,
    ).toBe(400);
  });
});

describe('classFitFloor', () => {
  const at = (kinds: string[]) =>
    kinds.map((k, i) => ({ date: `2025-${String(i + 1).padStart(2, '0')}-28`, rigKind: k as 'unified' }));

  it('the first month the class own kind is cheapest, with how many months are left out', () => {
    expect(classFitFloor('any', at(['multi-gpu', 'cpu-server', 'unified']))).toEqual({
      date: '2025-02-01',
      reason:
        'before it the dataset prices no cpu-server or gpu-ram-hybrid rig of this size, so the cheapest rig was a GPU or unified machine, which says nothing about what CPU memory cost (1 month left out).',
    });
    expect(classFitFloor('any', at(['multi-gpu', 'unified', 'gpu-ram-hybrid']))?.reason).toContain(
      '(2 months left out)',
    );
  });

  it('none when the first month is already its own kind, when it never is, or for classes without own kinds', () => {
    expect(classFitFloor('any', at(['cpu-server', 'multi-gpu']))).toBeNull();
    expect(classFitFloor('any', at(['multi-gpu', 'unified']))).toBeNull();
    expect(classFitFloor('any', [])).toBeNull();
    expect(classFitFloor('gpu-unified', at(['multi-gpu', 'cpu-server']))).toBeNull();
    expect(RIG_CLASS_SPECS['good-fp8'].ownKinds).toBeUndefined();
  });
});
