// Unified-memory quotes on the hand-made fixture: the usable-memory rule and the notes a buyer reads, the
// MoE check note on Apple only, a cluster's node count, hop time and power, and the factory limit option.
// By hand: the 512 GiB Mac with the limit raised gives 504 GiB; 600 GiB needs 2 of them; at the factory
// limit (3/4) one gives 384 GiB.
import { describe, expect, it } from 'vitest';
import { UNIFIED_MOE_CHECK_NOTE } from '../../../src/core/rigs/constants';
import { findCheapestRigs } from '../../../src/core/rigs/find-cheapest-rigs';
import type { RigConstraints, RigQuote, RigRequest } from '../../../src/core/rigs/types';
import { fixture } from './fixture';

const GiB = 2 ** 30;
const constraints = (extra: Partial<RigConstraints> = {}): RigConstraints => ({
  conditions: ['new', 'used'],
  requireFp8: false,
  asOf: '2026-01-01',
  maxPriceAgeDays: Number.POSITIVE_INFINITY,
  rigKinds: ['unified', 'unified-cluster'],
  maxResults: 20,
  ...extra,
});
const request = (
  bytes: number,
  more: Partial<RigRequest> = {},
  extra: Partial<RigConstraints> = {},
): RigRequest => ({
  acceleratorBytes: bytes,
  offloadableBytes: 0,
  bytesPerToken: 10e9,
  offloadableBytesPerToken: 0,
  kvBytesPerToken: 0,
  constraints: constraints(extra),
  ...more,
});
const byId = (r: RigRequest, id: string): RigQuote | undefined => {
  const result = findCheapestRigs(fixture, r);
  return result.kind === 'found' ? result.rigs.find((q) => q.id === id) : undefined;
};

describe('unified machines', () => {
  it('one Mac: the raised limit’s rule, a defaulted compute note, no MoE note for a dense model', () => {
    const mac = byId(request(100 * GiB), 'unified:mac-512');
    expect(mac?.usableBytes).toBe(504 * GiB);
    expect(mac?.notes[0]).toContain('GPU wired limit raised to 504 of 512 GiB');
    expect(mac?.notes).toContain(
      'Mac 512 GB: TFLOPS not in the dataset; a conservative 10 TFLOPS bounds compute.',
    );
    expect(mac?.notes).not.toContain(UNIFIED_MOE_CHECK_NOTE);
    expect(mac?.kind).toBe('unified');
    expect(mac?.powerW).toBe(270);
  });
  it('an MoE on a Mac carries the measured check; on Strix Halo it does not', () => {
    const moe = { offloadableBytesPerToken: 5e9, offloadableBytes: 50e9 };
    expect(byId(request(100 * GiB, moe), 'unified:mac-512')?.notes).toContain(UNIFIED_MOE_CHECK_NOTE);
    expect(byId(request(100 * GiB, moe), 'unified:halo-128')?.notes).not.toContain(UNIFIED_MOE_CHECK_NOTE);
  });
  it('600 GiB takes two Macs: a cluster with its hop note, twice the memory and the power', () => {
    const pair = byId(request(600 * GiB), 'unified-cluster:mac-512:x2');
    expect(pair?.kind).toBe('unified-cluster');
    expect(pair?.label).toBe('2 × Mac 512 GB cluster');
    expect(pair?.usableBytes).toBe(2 * 504 * GiB);
    expect(pair?.powerW).toBe(540);
    expect(pair?.totalPriceUsd).toBe(2 * 9499);
    expect(pair?.notes).toContain(
      "2 nodes over Thunderbolt 5 (10 GB/s links), layers split across nodes: one node's speed plus 300 µs per hop.",
    );
    // One node's speed less a 300 µs hop: slower than one Mac on the same bytes.
    const one = byId(request(100 * GiB), 'unified:mac-512');
    expect(1 / (pair?.decodeTokensPerSecond ?? 1) - 1 / (one?.decodeTokensPerSecond ?? 1)).toBeCloseTo(
      300e-6,
      9,
    );
  });
  it('the factory limit: one Mac holds 384 GiB, 400 GiB needs two', () => {
    expect(
      byId(request(384 * GiB, {}, { unifiedMemoryLimit: 'factory' }), 'unified:mac-512')?.usableBytes,
    ).toBe(384 * GiB);
    expect(
      byId(request(384 * GiB + 1, {}, { unifiedMemoryLimit: 'factory' }), 'unified:mac-512'),
    ).toBeUndefined();
    expect(
      byId(request(400 * GiB, {}, { unifiedMemoryLimit: 'factory' }), 'unified-cluster:mac-512:x2'),
    ).toBeDefined();
  });
  it('Strix Halo has no cluster facts: a model bigger than one box is not split across boxes', () => {
    expect(byId(request(130 * GiB), 'unified-cluster:halo-128:x2')).toBeUndefined();
  });
  it('vLLM is not offered on a Mac (its GPU is not a vLLM target) but is on Strix Halo (gfx1151 is)', () => {
    const r = request(100 * GiB, { engine: 'vllm' }, { rigKinds: ['unified'] });
    expect(byId(r, 'unified:mac-512')).toBeUndefined();
    expect(byId(r, 'unified:halo-128')).toBeDefined();
  });
});
