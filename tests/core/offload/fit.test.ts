// fitOffload: the largest -ngl / smallest --n-cpu-moe that fits, decided to the byte, and the RAM check.
import { describe, expect, it } from 'vitest';
import { fitOffload, type OffloadHardware, type OffloadOptions, placeOffload } from '../../../src/core/index';
import { GiB, model, must, rtx3090 } from './helpers';

const Q4: OffloadOptions = { weightFormat: 'q4_k_m', kvCacheFormat: 'f16', contextTokens: 8192, batch: 1 };

function gpuNeed(id: string, nGpuLayers: number, nCpuMoe?: number): number {
  const r = placeOffload(model(id), Q4, rtx3090(), {
    nGpuLayers,
    ...(nCpuMoe !== undefined ? { nCpuMoe } : {}),
  });
  if (!r.ok) throw new Error(r.error.message);
  return must(r.plan.gpus[0]).totalBytes;
}

function fitFor(id: string, hw: OffloadHardware) {
  const r = fitOffload(model(id), Q4, hw);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const withGpu = (memoryBytes: number, ram = 64 * GiB) =>
  rtx3090({ gpus: [{ memoryBytes, bandwidthGBps: 936, fp16Tflops: 71 }], systemRamBytes: ram });

describe('fitOffload, dense layer offload', () => {
  const id = 'llama-3-3-70b';

  it('Llama 3.3 70B Q4_K_M on one 24 GiB RTX 3090 + 64 GiB: a layer count, the flag, bytes and speed', () => {
    const r = fitFor(id, rtx3090());
    const p = r.layers;
    expect(r.experts).toBeNull();
    expect(p.fitsGpu).toBe(true);
    expect(p.fitsRam).toBe(true);
    expect(p.totalLayers).toBe(81);
    expect(p.layersOnGpu).toBeGreaterThan(30);
    expect(p.layersOnGpu).toBeLessThan(81);
    expect(p.flags).toBe(`-ngl ${p.layersOnGpu}`);
    expect(must(p.gpus[0]).totalBytes).toBeLessThanOrEqual(24 * GiB);
    expect(must(p.speed).decodeTokensPerSecond).toBeGreaterThan(0);
    expect(r.recommended).toBe(p);
    // One more layer would not fit.
    expect(gpuNeed(id, p.layersOnGpu + 1)).toBeGreaterThan(24 * GiB);
  });

  it('one byte short of the next layer fitting keeps the smaller -ngl; the exact size takes it', () => {
    const need = gpuNeed(id, 41);
    expect(fitFor(id, withGpu(need)).layers.layersOnGpu).toBe(41);
    expect(fitFor(id, withGpu(need - 1)).layers.layersOnGpu).toBe(40);
  });

  it('a GPU that holds everything gets -ngl n_layer + 1', () => {
    const p = fitFor(id, withGpu(80 * GiB)).layers;
    expect(p.layersOnGpu).toBe(81);
    expect(p.flags).toBe('-ngl 81');
    expect(p.cpu.blocks).toBe(0);
  });

  it('a GPU too small for even -ngl 0 returns -ngl 0 with fitsGpu false', () => {
    const p = fitFor(id, withGpu(256 * 2 ** 20)).layers;
    expect(p.layersOnGpu).toBe(0);
    expect(p.fitsGpu).toBe(false);
    expect(p.fits).toBe(false);
  });

  it('says when RAM cannot hold the rest', () => {
    const p = fitFor(id, withGpu(24 * GiB, 8 * GiB)).layers;
    expect(p.fitsGpu).toBe(true);
    expect(p.fitsRam).toBe(false);
    expect(p.fits).toBe(false);
  });
});

describe('fitOffload, MoE expert offload', () => {
  const id = 'qwen3-30b-a3b';

  it('picks the fewest first blocks whose experts must go to RAM, to the byte', () => {
    const need12 = gpuNeed(id, 49, 12);
    const at = must(fitFor(id, withGpu(need12)).experts);
    expect(at.config.nCpuMoe).toBe(12);
    expect(at.flags).toBe('-ngl 49 --n-cpu-moe 12');
    expect(must(fitFor(id, withGpu(need12 - 1)).experts).config.nCpuMoe).toBe(13);
  });

  it('needs no expert offload when the model fits', () => {
    const r = fitFor(id, withGpu(48 * GiB));
    expect(must(r.experts).config.nCpuMoe).toBe(0);
    expect(must(r.experts).flags).toBe('-ngl 49');
    expect(r.layers.layersOnGpu).toBe(49);
  });

  it('recommends expert offload over layer offload on a small GPU (faster at the same VRAM)', () => {
    const r = fitFor(id, withGpu(8 * GiB));
    expect(must(r.experts).fitsGpu).toBe(true);
    expect(r.layers.layersOnGpu).toBeLessThan(49);
    expect(must(must(r.experts).speed).decodeTokensPerSecond).toBeGreaterThan(
      must(r.layers.speed).decodeTokensPerSecond,
    );
    expect(r.recommended).toBe(r.experts);
  });

  it('falls back to --cpu-moe with fewer layers when even all experts in RAM do not fit', () => {
    const r = fitFor('qwen3-235b-a22b', withGpu(4 * GiB, 256 * GiB));
    const p = must(r.experts);
    expect(p.flags).toMatch(/^-ngl \d+ --cpu-moe$/);
    expect(p.layersOnGpu).toBeLessThan(95);
    expect(p.fitsGpu).toBe(true);
  });
});

describe('fitOffload errors', () => {
  it('returns the same typed errors as placeOffload', () => {
    const r = fitOffload(model('llama-3-1-8b'), { ...Q4, weightFormat: 'int4' }, rtx3090());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('format-not-on-llama-cpp');
  });
});
