// Pins each speed constant to the measurements its comment cites: recompute the fit from the published
// figures and check the constant in constants.ts still matches it.
import { describe, expect, it } from 'vitest';
import {
  CPU_DECODE_EFFICIENCY,
  GPU_DECODE_EFFICIENCY,
  GPU_DECODE_FIXED_SECONDS,
  PREFILL_EFFICIENCY,
  TWO_DPC_SPEED_RATIO,
  UNIFIED_DECODE_EFFICIENCY,
  UNIFIED_DECODE_FIXED_SECONDS,
} from '../../../src/core/rigs/constants';
import { tensorParallelFactor } from '../../../src/core/rigs/speed';

const GiB = 2 ** 30;

/** Fit seconds/token = bytes / (e x bw) + t0 through two (bytes, tokens/s) points on one device. */
function fitTwoPoints(bandwidthGBps: number, a: [number, number], b: [number, number]) {
  const [bytesA, tpsA] = a;
  const [bytesB, tpsB] = b;
  const efficiency = (bytesB - bytesA) / (bandwidthGBps * 1e9) / (1 / tpsB - 1 / tpsA);
  const fixedSeconds = 1 / tpsA - bytesA / (efficiency * bandwidthGBps * 1e9);
  return { efficiency, fixedSeconds };
}

// llama-bench tg512, XiongjieDai/GPU-Benchmarks-on-LLM-Inference README (LLaMA 3, May 2024):
// 8B Q4_K_M = 4.58 GiB, 70B Q4_K_M = 39.59 GiB.
const small = 4.58 * GiB;
const large = 39.59 * GiB;

describe('speed constants match their cited measurements', () => {
  it('GPU: RTX 3090 (936 GB/s), 115.42 t/s on 8B and 16.57 t/s on 70B over two cards', () => {
    const f = fitTwoPoints(936, [small, 115.42], [large, 16.57]);
    expect(GPU_DECODE_EFFICIENCY).toBeCloseTo(f.efficiency, 2);
    expect(GPU_DECODE_FIXED_SECONDS).toBeCloseTo(f.fixedSeconds, 4);
  });

  it('Apple: M2 Ultra (800 GB/s), 78.81 t/s on 8B and 12.48 t/s on 70B', () => {
    const f = fitTwoPoints(800, [small, 78.81], [large, 12.48]);
    expect(UNIFIED_DECODE_EFFICIENCY).toBeCloseTo(f.efficiency, 2);
    expect(UNIFIED_DECODE_FIXED_SECONDS).toBeCloseTo(f.fixedSeconds, 4);
  });

  it('CPU: DeepSeek-R1 Q8_0 (37B active x 8.5 bits) at 7.17 t/s on 12 x DDR5-5600', () => {
    const bytesPerToken = (37e9 * 8.5) / 8;
    const peak = 12 * 5600e6 * 8;
    expect(CPU_DECODE_EFFICIENCY).toBeCloseTo((bytesPerToken * 7.17) / peak, 2);
  });

  it('prefill: RTX 4090 8B Q4_K_M pp512 7138.99 t/s against 165.2 dense fp16 TFLOPS', () => {
    expect(PREFILL_EFFICIENCY).toBeCloseTo((7138.99 * 2 * 8.03e9) / 165.2e12, 2);
  });

  it('tensor parallel: exo reports 1.8x on 2 nodes and 3.2x on 4', () => {
    expect(tensorParallelFactor(2)).toBeCloseTo(1.8, 2);
    expect(Math.abs(tensorParallelFactor(4) - 3.2)).toBeLessThan(0.05);
  });

  it('two DIMMs per channel: DDR5-6400 drops to 5200', () => {
    expect(TWO_DPC_SPEED_RATIO * 6400).toBe(5200);
  });
});
