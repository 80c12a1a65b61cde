// Multi-GPU quotes on the hand-made fixture: llama.cpp splits layers (one card's bandwidth per token),
// vLLM runs tensor parallel on a x16 host (N cards' bandwidth, 0.9 per doubling: 1.80x on two cards), and
// the notes say which. Two 24 GB cards hold 40 GB; the 936 GB/s card has no TFLOPS in the fixture.
import { beforeEach, describe, expect, it } from 'vitest';
import { findCheapestRigs } from '../../../src/core/rigs/find-cheapest-rigs';
import type { RigConstraints, RigQuote, RigRequest } from '../../../src/core/rigs/types';
import { fixture } from './fixture';

const constraints: RigConstraints = {
  conditions: ['new', 'used'],
  requireFp8: false,
  asOf: '2026-01-01',
  maxPriceAgeDays: Number.POSITIVE_INFINITY,
  rigKinds: ['multi-gpu'],
  maxResults: 50,
};
const request = (engine: 'llama.cpp' | 'vllm', more: Partial<RigRequest> = {}): RigRequest => ({
  acceleratorBytes: 40e9,
  offloadableBytes: 0,
  bytesPerToken: 38e9,
  offloadableBytesPerToken: 0,
  kvBytesPerToken: 1e9,
  activeParameters: 40e9,
  engine,
  constraints,
  ...more,
});
const quote = (r: RigRequest, id: string): RigQuote => {
  const result = findCheapestRigs(fixture, r);
  if (result.kind !== 'found') throw new Error(result.message);
  const q = result.rigs.find((x) => x.id === id);
  if (!q) throw new Error(`${id} not among ${result.rigs.map((x) => x.id).join(', ')}`);
  return q;
};

describe('two 24 GB cards in the 4-slot host', () => {
  const id = 'multi-gpu:gpu-24gb:x2:host-4';
  // Searched in each test (not when the file is collected), so per-test coverage sees which test reads it.
  let split: RigQuote;
  let tp: RigQuote;
  beforeEach(() => {
    split = quote(request('llama.cpp'), id);
    tp = quote(request('vllm'), id);
  });

  it('llama.cpp: one card’s bandwidth per token, and the note says layer split', () => {
    expect(split.bandwidthGBps).toBe(936);
    expect(split.notes).toContain("llama.cpp layer split over 2 GPUs: one GPU's bandwidth per token.");
    expect(split.notes).toContain(
      'Card 24 GB: TFLOPS not in the dataset; a conservative 10 TFLOPS bounds compute.',
    );
    expect(split.components.map((c) => [c.itemId, c.role, c.quantity])).toEqual([
      ['gpu-24gb', 'gpu', 2],
      ['host-4', 'gpu-host', 1],
    ]);
  });
  it('vLLM: tensor parallel, both cards’ bandwidth, 1.80x the speed and the prefill', () => {
    expect(tp.bandwidthGBps).toBe(1872);
    expect(tp.notes).toContain('vLLM tensor parallel over 2 GPUs: 1.80x one GPU.');
    expect(tp.decodeTokensPerSecond / split.decodeTokensPerSecond).toBeCloseTo(1.8, 6);
    expect((tp.prefillTokensPerSecond ?? 0) / (split.prefillTokensPerSecond ?? 1)).toBeCloseTo(1.8, 6);
    // Ampere runs bf16 in vLLM without a note; no "does not run" either.
    expect(tp.notes.some((n) => n.startsWith('Does not run'))).toBe(false);
  });
  it('one card that holds it alone has no split note', () => {
    const one = quote(
      request('llama.cpp', { acceleratorBytes: 20e9, bytesPerToken: 19e9 }),
      'multi-gpu:gpu-24gb:x1:host-4',
    );
    expect(one.notes.some((n) => /split|parallel/.test(n))).toBe(false);
    expect(one.bandwidthGBps).toBe(936);
  });
  it('vLLM on a format with a slower path names the card and the path', () => {
    const fp8 = quote(request('vllm', { weightFormat: 'fp8' }), id);
    expect(fp8.notes).toContain(
      'Card 24 GB: fp8 weights through the Marlin weight-only kernel (no fp8 math before 8.9).',
    );
  });
  it('vLLM uses 1, 2, 4 or 8 cards (tensor parallel sizes); llama.cpp any count that fits', () => {
    const ids = (e: 'llama.cpp' | 'vllm') => {
      const r = findCheapestRigs(fixture, request(e, { acceleratorBytes: 60e9, bytesPerToken: 58e9 }));
      return r.kind === 'found'
        ? r.rigs.map((q) => q.id).filter((x) => x.startsWith('multi-gpu:gpu-24gb'))
        : [];
    };
    expect(ids('llama.cpp')).toContain('multi-gpu:gpu-24gb:x3:host-4');
    // Three cards would fit the 4-slot host, but vLLM's tensor parallel sizes are powers of two, and four
    // 350 W cards are over 80% of its 1600 W PSU (1,550 W > 1,280 W): no 24 GB rig for vLLM here.
    expect(ids('vllm')).toEqual([]);
  });
});
