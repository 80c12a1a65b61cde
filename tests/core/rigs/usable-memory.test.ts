// One usable-memory rule per platform class, at its edges.
import { describe, expect, it } from 'vitest';
import { CUDA_CONTEXT_RESERVE_BYTES } from '../../../src/core/rigs/constants';
import { unifiedPlatformClass, usableGpuBytes, usableUnified } from '../../../src/core/rigs/usable-memory';
import type { HardwareItem } from '../../../src/data/schema';

const GiB = 2 ** 30;
const src = { url: 'https://example.org', retrievedOn: '2026-01-01' };
const machine = (sizeGiB: number, target: string): HardwareItem => ({
  id: 'm',
  name: 'M',
  vendor: 'V',
  kind: 'unified',
  releasedOn: '2024-01-01',
  memory: { sizeGiB, type: 'unified' },
  bandwidthGBps: 500,
  architecture: { name: 'x', target, source: src },
  sources: [src],
});

describe('usableUnified', () => {
  it('Apple factory limit: 2/3 up to 36 GiB, 3/4 above (the 36 GiB machine is the last at 2/3)', () => {
    expect(usableUnified(machine(36, 'apple-m3'), 'factory').bytes).toBe(24 * GiB);
    expect(usableUnified(machine(48, 'apple-m4'), 'factory').bytes).toBe(36 * GiB);
    expect(usableUnified(machine(512, 'apple-m3'), 'factory').bytes).toBe(384 * GiB);
  });
  it('Apple raised: all but 8 GiB, with the sysctl value in MB in the rule', () => {
    const r = usableUnified(machine(48, 'apple-m4'), 'raised');
    expect(r.bytes).toBe(40 * GiB);
    expect(r.rule).toContain('iogpu.wired_limit_mb=40960');
  });
  it('Strix Halo: 96 of 128 GiB from the BIOS, 120 with the GTT limit raised; 64 GiB machines likewise', () => {
    expect(usableUnified(machine(128, 'gfx1151'), 'factory').bytes).toBe(96 * GiB);
    expect(usableUnified(machine(128, 'gfx1151'), 'raised').bytes).toBe(120 * GiB);
    expect(usableUnified(machine(64, 'gfx1151'), 'factory').bytes).toBe(48 * GiB);
    expect(usableUnified(machine(64, 'gfx1151'), 'raised').bytes).toBe(56 * GiB);
  });
  it('GB10: the 101.3 GiB CUDA has free at boot, whatever the option', () => {
    const spark = machine(128, 'sm_121');
    expect(unifiedPlatformClass(spark)).toBe('gb10');
    expect(usableUnified(spark, 'raised').bytes).toBeCloseTo(101.3 * GiB, 0);
    expect(usableUnified(spark, 'factory').bytes).toBe(usableUnified(spark, 'raised').bytes);
  });
  it('other NVIDIA unified machines lose one CUDA context; unknown platforms the OS reserve', () => {
    expect(usableUnified(machine(748, 'sm_103'), 'raised').bytes).toBe(
      748 * GiB - CUDA_CONTEXT_RESERVE_BYTES,
    );
    expect(usableUnified(machine(64, 'arm64'), 'raised').bytes).toBe(56 * GiB);
  });
  it('a Grace superchip that states its GPU memory counts only that: the CPU LPDDR5X is not GPU memory', () => {
    const station = machine(748, 'sm_103');
    station.memory = {
      sizeGiB: 748,
      type: 'unified',
      acceleratorUsableGiB: 252,
      acceleratorUsableSource: src,
    };
    const r = usableUnified(station, 'raised');
    expect(r.bytes).toBe(252 * GiB - CUDA_CONTEXT_RESERVE_BYTES);
    expect(r.rule).toContain('496 GiB');
    // A stated share equal to the pool is the pool (one memory).
    station.memory = {
      sizeGiB: 748,
      type: 'unified',
      acceleratorUsableGiB: 748,
      acceleratorUsableSource: src,
    };
    expect(usableUnified(station, 'raised').bytes).toBe(748 * GiB - CUDA_CONTEXT_RESERVE_BYTES);
  });
});

describe('usableGpuBytes', () => {
  it('NVIDIA cards lose a CUDA context; AMD and Intel cards do not', () => {
    const card = (target: string): HardwareItem => ({
      ...machine(24, target),
      kind: 'gpu',
      memory: { sizeGiB: 24, type: 'dedicated' },
    });
    expect(usableGpuBytes(card('sm_86'))).toBe(24 * GiB - CUDA_CONTEXT_RESERVE_BYTES);
    expect(usableGpuBytes(card('gfx1100'))).toBe(24 * GiB);
  });
});
