// Published partial-offload decode speeds (tests/golden/offload-speeds.json), all from one RTX 2080 + i9-10900X
// machine with measured RAM bandwidth. Each tested case carries its tolerance; the calibration case (which fixes
// EXPERT_CPU_DECODE_EFFICIENCY) and the unexplained outlier are reported by scripts/accuracy-report.ts only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeOffload } from '../../../src/core/index';
import { ROOT } from '../memory/helpers';
import { model } from './helpers';

interface SpeedGolden {
  rig: { gpuMemoryBytes: number; gpuBandwidthGBps: number; cpuBandwidthGBps: number; systemRamBytes: number };
  cases: {
    model: string;
    weightFormat: string;
    nGpuLayers: number;
    nCpuMoe?: number;
    publishedTokensPerSecond: number;
    url: string;
    tolerance?: number;
    role?: 'calibration' | 'outlier';
  }[];
}

const golden = JSON.parse(
  readFileSync(join(ROOT, 'tests/golden/offload-speeds.json'), 'utf8'),
) as SpeedGolden;

function predictedSpeed(c: SpeedGolden['cases'][number], rig = golden.rig): number {
  const r = placeOffload(
    model(c.model),
    { weightFormat: c.weightFormat, kvCacheFormat: 'f16', contextTokens: 4096, batch: 1 },
    {
      gpus: [{ memoryBytes: rig.gpuMemoryBytes, bandwidthGBps: rig.gpuBandwidthGBps }],
      systemRamBytes: rig.systemRamBytes,
      cpuBandwidthGBps: rig.cpuBandwidthGBps,
    },
    { nGpuLayers: c.nGpuLayers, ...(c.nCpuMoe !== undefined ? { nCpuMoe: c.nCpuMoe } : {}) },
  );
  if (!r.ok || !r.plan.speed) throw new Error(`${c.model}: no speed`);
  return r.plan.speed.decodeTokensPerSecond;
}

describe('partial-offload decode speed vs published measurements', () => {
  const tested = golden.cases.filter((c) => c.role === undefined);

  it('tests dense layer offload and MoE expert offload', () => {
    expect(tested.filter((c) => c.nCpuMoe === undefined).length).toBeGreaterThanOrEqual(3);
    expect(tested.filter((c) => c.nCpuMoe !== undefined).length).toBeGreaterThanOrEqual(2);
  });

  for (const c of tested) {
    const flags = c.nCpuMoe !== undefined ? `--n-cpu-moe ${c.nCpuMoe}` : `-ngl ${c.nGpuLayers}`;
    it(`${c.model} ${flags}: ${c.publishedTokensPerSecond} tok/s within ${(c.tolerance ?? 0) * 100}%`, () => {
      const ours = predictedSpeed(c);
      const err = (ours - c.publishedTokensPerSecond) / c.publishedTokensPerSecond;
      expect(Math.abs(err)).toBeLessThanOrEqual(c.tolerance as number);
    });
  }

  it('the calibration case reproduces its own measurement (it fixes the expert efficiency)', () => {
    const c = golden.cases.find((x) => x.role === 'calibration');
    expect(c).toBeDefined();
    const ours = predictedSpeed(c as SpeedGolden['cases'][number]);
    expect(
      Math.abs(ours / (c as { publishedTokensPerSecond: number }).publishedTokensPerSecond - 1),
    ).toBeLessThan(0.01);
  });
});
