// Reading an item's architecture target, at the pattern's edges, and the words messages use for it.
import { describe, expect, it } from 'vitest';
import { describeTarget, parseTarget, targetOf } from '../../../src/core/rigs/targets';
import type { HardwareItem } from '../../../src/data/schema';

const src = { url: 'https://example.org', retrievedOn: '2026-01-01' };

describe('parseTarget edges', () => {
  it('gfx targets have 3 or 4 hex digits after gfx; other spellings are unknown', () => {
    expect(parseTarget('gfx906')).toEqual({ api: 'rocm', gfx: 'gfx906', target: 'gfx906' });
    expect(parseTarget('gfx1151')).toEqual({ api: 'rocm', gfx: 'gfx1151', target: 'gfx1151' });
    expect(parseTarget('gfx90').api).toBe('unknown');
    expect(parseTarget('gfx11510').api).toBe('unknown');
    expect(parseTarget('xgfx906').api).toBe('unknown');
  });
  it('CUDA: the last digit is the minor version; sm_ with one digit is not a capability', () => {
    expect(parseTarget('sm_90')).toEqual({ api: 'cuda', computeCapability: 9, target: 'sm_90' });
    expect(parseTarget('sm_103')).toMatchObject({ computeCapability: 10.3 });
    expect(parseTarget('sm_9').api).toBe('unknown');
    expect(parseTarget('sm_90a').api).toBe('unknown');
  });
  it('Apple and Intel and CPU levels, whole strings only', () => {
    expect(parseTarget('apple-m4')).toEqual({ api: 'metal', generation: 4, target: 'apple-m4' });
    expect(parseTarget('apple-m10').api).toBe('unknown');
    expect(parseTarget('intel-xe2')).toEqual({ api: 'intel', arch: 'xe2', target: 'intel-xe2' });
    expect(parseTarget('intel-').api).toBe('unknown');
    expect(parseTarget('x86-64-v3')).toEqual({ api: 'cpu', level: 'x86-64-v3', target: 'x86-64-v3' });
    expect(parseTarget('arm64')).toEqual({ api: 'cpu', level: 'arm64', target: 'arm64' });
    expect(parseTarget('x86-64-v2').api).toBe('unknown');
    expect(parseTarget('x86-64-v4-amx-extra').api).toBe('unknown');
  });
});

describe('targetOf', () => {
  const base = { id: 'i', name: 'I', vendor: 'V', releasedOn: '2024-01-01', sources: [src] };
  it('a CPU platform without an architecture is still a CPU; any other item without one is unknown', () => {
    expect(targetOf({ ...base, kind: 'cpu-platform' } as HardwareItem)).toMatchObject({
      api: 'cpu',
      level: 'unknown level',
    });
    expect(targetOf({ ...base, kind: 'gpu' } as HardwareItem).api).toBe('unknown');
  });
  it('reads the architecture target, once per item', () => {
    const gpu = {
      ...base,
      kind: 'gpu',
      architecture: { name: 'Ada', target: 'sm_89', source: src },
    } as HardwareItem;
    const first = targetOf(gpu);
    expect(first).toMatchObject({ api: 'cuda', computeCapability: 8.9 });
    expect(targetOf(gpu)).toBe(first);
  });
});

describe('describeTarget', () => {
  it('names each kind of target in words', () => {
    expect(describeTarget(parseTarget('sm_61'))).toBe('compute capability 6.1');
    expect(describeTarget(parseTarget('sm_90'))).toBe('compute capability 9.0');
    expect(describeTarget(parseTarget('gfx906'))).toBe('gfx906');
    expect(describeTarget(parseTarget('apple-m3'))).toBe('Apple M3');
    expect(describeTarget(parseTarget('intel-xe-hpg'))).toBe('Intel xe-hpg');
    expect(describeTarget(parseTarget('arm64'))).toBe('an arm64 CPU');
    expect(describeTarget(parseTarget('x86-64-v4'))).toBe('an x86-64-v4 CPU');
    expect(describeTarget(parseTarget(undefined))).toBe('an architecture the dataset does not record');
  });
});
