// The assumptions list the app shows under the rig table: every rule the search applies, each with the
// figures it uses (written out here as the cited values, not recomputed) and a source.
import { beforeEach, describe, expect, it } from 'vitest';
import { rigAssumptions } from '../../../src/core/rigs/constants';
import { unifiedPlatformClass, usableUnified } from '../../../src/core/rigs/usable-memory';
import type { HardwareItem } from '../../../src/data/schema';

describe('rigAssumptions', () => {
  // Computed in each test (not when the file is collected), so per-test coverage sees which test reads it.
  let raised = rigAssumptions();
  beforeEach(() => {
    raised = rigAssumptions();
  });
  const byId = (list: ReturnType<typeof rigAssumptions>, id: string) =>
    list.find((a) => a.id === id)?.text ?? '';

  it('lists every rule once, each with a source, the raised unified limit by default', () => {
    expect(raised.map((a) => a.id)).toEqual([
      'rigs-buildable',
      'rigs-engine-support',
      'rigs-cuda-context',
      'rigs-vllm-utilization',
      'rigs-unified-limit',
      'rigs-decode-gpu',
      'rigs-decode-unified',
      'rigs-decode-cpu',
      'rigs-decode-hybrid',
      'rigs-multi-gpu',
      'rigs-cluster',
      'rigs-prefill',
      'rigs-two-dpc',
      'rigs-pricing',
    ]);
    for (const a of raised) {
      expect(a.text.length, a.id).toBeGreaterThan(60);
      expect(a.source, a.id).toMatch(/^(https:\/\/|data\/)/);
    }
  });
  it('states the figures each rule uses', () => {
    expect(byId(raised, 'rigs-buildable')).toContain('draw <= 80% of its PSU');
    expect(byId(raised, 'rigs-buildable')).toContain('passive cards need server airflow');
    expect(byId(raised, 'rigs-engine-support')).toContain('vLLM: CUDA 7.0+ (7.5+ in current wheels)');
    expect(byId(raised, 'rigs-cuda-context')).toBe(
      "Each NVIDIA GPU loses 457 MiB to its CUDA context (moved from the memory estimate's overhead to each device).",
    );
    expect(byId(raised, 'rigs-vllm-utilization')).toContain('gpu_memory_utilization');
    expect(byId(raised, 'rigs-unified-limit')).toContain('all but 8 GiB for the OS');
    expect(byId(raised, 'rigs-unified-limit')).toContain('the 101.3 GiB per 128 GiB');
    expect(byId(raised, 'rigs-decode-gpu')).toBe(
      'GPU decode: bytes per token / (0.78 x bandwidth) + 1.9 ms (fitted to RTX 3090 llama-bench runs).',
    );
    expect(byId(raised, 'rigs-decode-unified')).toBe(
      'Unified-memory decode: bytes per token / (0.7 x bandwidth) + 3.9 ms (fitted to M2 Ultra llama-bench runs).',
    );
    expect(byId(raised, 'rigs-decode-cpu')).toContain('(0.52 x populated-channel bandwidth)');
    expect(byId(raised, 'rigs-decode-hybrid')).toContain('-ot exps=CPU');
    expect(byId(raised, 'rigs-multi-gpu')).toContain('N x 0.9^log2(N) where each GPU has PCIe x4 or better');
    expect(byId(raised, 'rigs-cluster')).toContain('plus 300 us per extra node per token');
    expect(byId(raised, 'rigs-prefill')).toContain('Prefill: 0.69 x dense fp16 FLOP/s');
    expect(byId(raised, 'rigs-prefill')).toContain('0.76 x FP32 FMA peak');
    expect(byId(raised, 'rigs-prefill')).toContain('10 (accelerator) or 1 (CPU) TFLOPS');
    expect(byId(raised, 'rigs-two-dpc')).toContain('else 0.81 x the one-DIMM speed');
    expect(byId(raised, 'rigs-pricing')).toContain('on or after the day it shipped');
  });
  it('the factory option states macOS’s 75% and the Strix Halo BIOS split instead', () => {
    const factory = byId(rigAssumptions('factory'), 'rigs-unified-limit');
    expect(factory).toContain('macOS wires 75% of RAM for the GPU (2/3 up to 36 GiB)');
    expect(factory).toContain("Strix Halo's BIOS gives the GPU 75%");
    expect(factory).not.toBe(byId(raised, 'rigs-unified-limit'));
    expect(rigAssumptions('factory').find((a) => a.id === 'rigs-unified-limit')?.source).toContain(
      'gpustack',
    );
    expect(raised.find((a) => a.id === 'rigs-unified-limit')?.source).toContain('thinkdifferent');
  });
});

describe('usable-memory rules in words', () => {
  const src = { url: 'https://example.org', retrievedOn: '2026-01-01' };
  const machine = (sizeGiB: number, target: string, extra: Partial<HardwareItem> = {}): HardwareItem => ({
    id: 'm',
    name: 'M',
    vendor: 'V',
    kind: 'unified',
    releasedOn: '2024-01-01',
    memory: { sizeGiB, type: 'unified' },
    architecture: { name: 'x', target, source: src },
    sources: [src],
    ...extra,
  });
  it('says the limit and how to change it', () => {
    expect(usableUnified(machine(128, 'apple-m4'), 'factory').rule).toBe(
      'macOS factory GPU wired limit: 96 of 128 GiB (raise it with sudo sysctl iogpu.wired_limit_mb).',
    );
    expect(usableUnified(machine(128, 'gfx1151'), 'raised').rule).toBe(
      'Linux GTT limit raised to 120 of 128 GiB (amdgpu/ttm page limit; the OS keeps 8 GiB).',
    );
    expect(usableUnified(machine(128, 'gfx1151'), 'factory').rule).toBe(
      'BIOS graphics-memory split: 96 of 128 GiB for the GPU.',
    );
    expect(usableUnified(machine(128, 'sm_121'), 'raised').rule).toBe(
      'GB10: CUDA has about 101.3 of 128 GiB free at boot (the OS shares the pool).',
    );
    expect(usableUnified(machine(748, 'sm_103'), 'raised').rule).toBe('748 GiB less one CUDA context.');
    expect(usableUnified(machine(64, 'arm64'), 'raised').rule).toBe('64 GiB less 8 GiB for the OS.');
  });
  it('platform classes at their edges: gfx1150/1151 are Strix Halo, gfx1100 is not; 12.1 is GB10, 12.0 is not', () => {
    expect(unifiedPlatformClass(machine(128, 'gfx1150'))).toBe('strix-halo');
    expect(unifiedPlatformClass(machine(128, 'gfx1151'))).toBe('strix-halo');
    expect(unifiedPlatformClass(machine(128, 'gfx1100'))).toBe('other');
    expect(unifiedPlatformClass(machine(128, 'sm_121'))).toBe('gb10');
    expect(unifiedPlatformClass(machine(128, 'sm_120'))).toBe('nvidia-grace');
    expect(unifiedPlatformClass(machine(128, 'sm_122'))).toBe('nvidia-grace');
    expect(unifiedPlatformClass(machine(128, 'apple-m2'))).toBe('apple');
  });
  it('a machine without a memory size has no usable memory rather than a crash', () => {
    const bare = machine(0, 'sm_103');
    bare.memory = undefined;
    expect(usableUnified(bare, 'raised').bytes).toBe(0);
  });
});
