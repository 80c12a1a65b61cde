// A CPU server's quote as a buyer reads it, on the hand-made fixture: its id and label, the parts and
// their roles, the notes (DIMMs, their power, a defaulted compute figure), fp8, and the compute roof when
// the batch is large. Figures by hand: 12 DDR5-4800 channels = 460.8 GB/s; 1 TFLOPS (the CPU default) at
// 0.76 efficiency over 2 x 37e9 FLOPs per token = 10.27 tokens/s of prefill.
import { beforeEach, describe, expect, it } from 'vitest';
import { findCheapestRigs } from '../../../src/core/rigs/find-cheapest-rigs';
import type { RigConstraints, RigQuote, RigRequest } from '../../../src/core/rigs/types';
import { fixture } from './fixture';

const constraints: RigConstraints = {
  conditions: ['new', 'used'],
  requireFp8: false,
  asOf: '2026-01-01',
  maxPriceAgeDays: Number.POSITIVE_INFINITY,
  rigKinds: ['cpu-server'],
};
const moe = (more: Partial<RigRequest> = {}): RigRequest => ({
  acceleratorBytes: 404e9,
  offloadableBytes: 380e9,
  bytesPerToken: 22e9,
  offloadableBytesPerToken: 16e9,
  kvBytesPerToken: 0.5e9,
  activeParameters: 37e9,
  constraints,
  ...more,
});
const cheapest = (r: RigRequest): RigQuote => {
  const result = findCheapestRigs(fixture, r);
  if (result.kind !== 'found') throw new Error(result.message);
  return result.rigs[0] as RigQuote;
};

describe('a CPU server quote', () => {
  // Searched in each test (not when the file is collected), so per-test coverage sees which test reads it.
  let q: RigQuote;
  beforeEach(() => {
    q = cheapest(moe());
  });
  it('is named by its platform and fill, with the platform and the DIMMs as parts', () => {
    expect(q.id).toBe('cpu-server:epyc-12ch:rdimm-64:x12');
    expect(q.label).toBe('EPYC 12-channel with 12 × 64 GiB');
    expect(q.components.map((c) => [c.itemId, c.role, c.quantity])).toEqual([
      ['epyc-12ch', 'cpu-platform', 1],
      ['rdimm-64', 'memory-module', 12],
    ]);
    expect(q.fp8).toBe('no');
    expect(q.powerW).toBe(400);
  });
  it('says the DIMMs, that their power is not counted, and that its compute figure is a default', () => {
    expect(q.notes[0]).toMatch(
      /^12 of 24 DIMM slots: 12 × 64 GB DDR5-4800 RDIMM, 1 per channel on 12 channels/,
    );
    expect(q.notes).toContain('DIMM power not counted.');
    expect(q.notes).toContain(
      'EPYC 12-channel: TFLOPS not in the dataset; a conservative 1 TFLOPS bounds compute.',
    );
    expect(q.prefillTokensPerSecond).toBeCloseTo((0.76 * 1e12) / (2 * 37e9), 9);
  });
  it('a large batch is bounded by compute, not bandwidth: 64 sequences x 74 GFLOP at 0.76 TFLOP/s', () => {
    const batch = cheapest(moe({ batch: 64 }));
    // 64 x 2 x 37e9 / 0.76e12 = 6.23 s per step, far above the time to read the weights: 64 / 6.23 s.
    expect(batch.decodeTokensPerSecond).toBeCloseTo(64 / ((64 * 2 * 37e9) / 0.76e12), 6);
  });
  it('vLLM does not run CPU-only rigs: none is quoted, and the answer points to the cheapest other kind', () => {
    const r = findCheapestRigs(fixture, moe({ engine: 'vllm' }));
    expect(r.kind).not.toBe('found');
    if (r.kind !== 'found') expect(r.message).toContain('the cheapest rig without it is 8 × Card 80 GB fp8');
  });
});
