// "What does my hardware run": one row per model, its best format that runs at the speed, largest first.
import { describe, expect, it } from 'vitest';
import {
  type HardwareSweepOptions,
  modelCandidates,
  type OwnedHardware,
  runOnOwned,
  sweepOwnedHardware,
} from '../../../src/core/index';
import { allModels, GiB, gpus, item, model, must } from './helpers';

const OPTIONS: HardwareSweepOptions = {
  engine: 'llama.cpp',
  kvCacheFormat: 'f16',
  contextTokens: 8192,
  batch: 1,
  minTokensPerSecond: 5,
};

const twoGpus = gpus('nvidia-rtx-3090-24gb', 2, 64);
const oneGpu = gpus('nvidia-rtx-3090-24gb', 1, 64);
const two = sweepOwnedHardware(allModels(), twoGpus, OPTIONS);
const one = sweepOwnedHardware(allModels(), oneGpu, OPTIONS);

/** The oracle: every format of the model tried best first with no shortcut, the first that runs at speed. */
function bruteForce(id: string, hw: OwnedHardware, o = OPTIONS): string | null {
  const m = model(id);
  for (const c of modelCandidates(m, o).candidates) {
    const r = runOnOwned(m.spec, m.parameters, { ...o, weightFormat: c.weightFormat }, hw, c.estimate);
    if (!r.ok || r.run.mode === 'none') continue;
    if ((r.run.decodeTokensPerSecond ?? 0) >= o.minTokensPerSecond) return c.weightFormat;
  }
  return null;
}

describe('sweepOwnedHardware: 2 x RTX 3090 + 64 GB DDR4', () => {
  it('every row runs, at the minimum speed or faster, ranked largest model first', () => {
    expect(two.rows.length).toBeGreaterThan(20);
    for (const r of two.rows) {
      expect(r.run.mode).not.toBe('none');
      expect(must(r.run.decodeTokensPerSecond)).toBeGreaterThanOrEqual(5);
    }
    for (let i = 1; i < two.rows.length; i++)
      expect(must(two.rows[i - 1]).totalParameters).toBeGreaterThanOrEqual(must(two.rows[i]).totalParameters);
    expect(new Set(two.rows.map((r) => r.modelId)).size).toBe(two.rows.length);
  });

  it('a 70B runs, and something larger than 70B runs with part of it in RAM', () => {
    const llama = must(two.rows.find((r) => r.modelId === 'llama-3-3-70b'));
    expect(['q8_0', 'q6_k', 'q5_k_m', 'q4_k_m']).toContain(llama.weightFormat);
    const top = must(two.rows[0]);
    expect(top.totalParameters).toBeGreaterThan(100e9);
    expect(top.run.mode).toBe('offload');
    expect(must(top.run.plan).flags).toMatch(/^-ngl \d+/);
  });

  it('the shortcut (estimate too big for all the memory, best format first) gives the oracle its answer', () => {
    for (const id of [
      'llama-3-1-405b',
      'qwen3-235b-a22b',
      'mixtral-8x22b',
      'llama-3-3-70b',
      'qwen3-32b',
      'gpt-oss-120b',
      'deepseek-r1',
      'llama-3-1-8b',
    ]) {
      const row = two.rows.find((r) => r.modelId === id);
      expect(row?.weightFormat ?? null, id).toBe(bruteForce(id, twoGpus));
    }
  });

  it('the format above each row does not run at the speed (it is the best that does)', () => {
    for (const r of two.rows.filter((x) => x.formatRank > 0).slice(0, 8)) {
      const m = model(r.modelId);
      const better = must(
        modelCandidates(m, OPTIONS).candidates.find((c) => c.formatRank === r.formatRank - 1),
      );
      const run = runOnOwned(
        m.spec,
        m.parameters,
        { ...OPTIONS, weightFormat: better.weightFormat },
        twoGpus,
        better.estimate,
      );
      const runsFast = run.ok && run.run.mode !== 'none' && (run.run.decodeTokensPerSecond ?? 0) >= 5;
      expect(runsFast, `${r.modelId} ${better.weightFormat}`).toBe(false);
    }
  });

  it('a second GPU never loses a model, nor runs one at a worse format', () => {
    for (const r of one.rows) {
      const onTwo = must(
        two.rows.find((x) => x.modelId === r.modelId),
        r.modelId,
      );
      expect(onTwo.formatRank).toBeLessThanOrEqual(r.formatRank);
    }
    expect(two.rows.length).toBeGreaterThanOrEqual(one.rows.length);
  });

  it('rules most candidates out without placing them', () => {
    expect(two.evaluatedCount).toBeLessThan(allModels().length * 3);
  });
});

describe('sweepOwnedHardware, other hardware', () => {
  it('a 512 GB Mac Studio runs DeepSeek-R1 whole', () => {
    const s = sweepOwnedHardware(
      allModels(),
      { kind: 'unified', machine: item('apple-mac-studio-m3-ultra-512gb') },
      OPTIONS,
    );
    const r1 = must(s.rows.find((r) => r.modelId === 'deepseek-r1'));
    expect(r1.run.mode).toBe('whole');
    expect(r1.run.needBytes).toBeLessThanOrEqual(r1.run.usableBytes);
  });

  it('16 GB of RAM and no GPU runs small models only', () => {
    const s = sweepOwnedHardware(
      allModels(),
      { kind: 'cpu', ram: { installedBytes: 16 * GiB, bandwidthGBps: 51.2 } },
      OPTIONS,
    );
    expect(s.rows.length).toBeGreaterThan(0);
    for (const r of s.rows) {
      expect(r.run.needBytes).toBeLessThanOrEqual(8 * GiB);
      // DeepSeek-V2-Lite (15.7B, 2.4B active) is the largest: an MoE reads little per token.
      expect(r.totalParameters).toBeLessThan(20e9);
    }
  });

  it('no minimum speed lets the largest model that fits through, however slow', () => {
    const slow = sweepOwnedHardware(allModels(), twoGpus, { ...OPTIONS, minTokensPerSecond: 0 });
    expect(must(slow.rows[0]).totalParameters).toBeGreaterThanOrEqual(must(two.rows[0]).totalParameters);
    expect(slow.rows.length).toBeGreaterThanOrEqual(two.rows.length);
  });
});
