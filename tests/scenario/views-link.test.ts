// Share links of the quick questions (ask, abudget/actx/atps, own*, ngl/ncmoe): they round-trip, each bad value
// falls back to its default with a notice, and links without them decode as before.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUDGET_VIEW,
  DEFAULT_OWNED_HARDWARE,
  decodeScenario,
  defaultScenario,
  encodeScenario,
  isValidScenario,
  LIMITS,
  OWNED_KINDS,
  type Scenario,
  VIEW_LIMITS,
} from '../../src/scenario';

const TODAY = '2026-12-03';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: () => number, l: { min: number; max: number }) =>
  l.min + Math.floor(r() * (l.max - l.min + 1));
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;

function randomViews(r: () => number): Scenario {
  const s: Scenario = defaultScenario(TODAY);
  if (r() < 0.7) s.ask = pick(r, ['budget', 'hardware'] as const);
  if (r() < 0.7)
    s.budgetView = {
      budgetUsd: int(r, VIEW_LIMITS.budgetUsd),
      contextTokens: int(r, LIMITS.contextTokens),
      minTokensPerSecond: int(r, VIEW_LIMITS.minTokensPerSecond),
    };
  if (r() < 0.7) {
    const offload = r();
    s.ownedHardware = {
      kind: pick(r, OWNED_KINDS),
      gpuId: pick(r, ['nvidia-rtx-3090-24gb', 'manual', 'amd-radeon-rx-7900-xtx-24gb']),
      gpuCount: int(r, VIEW_LIMITS.gpuCount),
      gpuMemoryGiB: int(r, VIEW_LIMITS.gpuMemoryGiB),
      gpuBandwidthGBps: Math.round(r() * 100_000) / 10 + 1,
      unifiedId: pick(r, ['apple-mac-studio-m3-ultra-512gb', 'nvidia-dgx-spark-128gb']),
      ramGiB: int(r, VIEW_LIMITS.ramGiB),
      ramId: pick(r, ['ddr4-3200-2ch', 'ddr5-6000-12ch', 'manual', 'amd-epyc-rome-1p-sp3-platform']),
      ramBandwidthGBps: int(r, { min: 1, max: 2000 }),
      ...(offload < 0.3
        ? { offload: { mode: 'layers' as const, nGpuLayers: int(r, VIEW_LIMITS.offloadLayers) } }
        : offload < 0.6
          ? { offload: { mode: 'experts' as const, nCpuMoe: int(r, VIEW_LIMITS.offloadLayers) } }
          : {}),
    };
  }
  return s;
}

describe('quick questions in the link', () => {
  it('round-trips 1000 seeded random view settings with no notices', () => {
    const r = rng(20261203);
    for (let i = 0; i < 1000; i++) {
      const s = randomViews(r);
      expect(isValidScenario(s)).toBe(true);
      const d = decodeScenario(encodeScenario(s), { today: TODAY });
      expect(d.notices).toEqual([]);
      expect(d.scenario).toEqual(s);
    }
  });

  it('a scenario without them writes none of their keys, and reads back without them', () => {
    const q = encodeScenario(defaultScenario(TODAY));
    for (const key of ['ask=', 'abudget=', 'own=', 'ogpu=', 'ngl=', 'ncmoe='])
      expect(q).not.toContain(`&${key}`);
    const d = decodeScenario(q, { today: TODAY });
    expect(d.scenario.ask).toBeUndefined();
    expect(d.scenario.budgetView).toBeUndefined();
    expect(d.scenario.ownedHardware).toBeUndefined();
  });

  it('"2 x RTX 3090 + 64 GB DDR4" as a link', () => {
    const d = decodeScenario(
      '?v=1&ask=hardware&own=gpus&ogpu=nvidia-rtx-3090-24gb&on=2&oram=64&oramcfg=ddr4-3200-2ch',
      {
        today: TODAY,
      },
    );
    expect(d.notices).toEqual([]);
    expect(d.scenario.ask).toBe('hardware');
    expect(d.scenario.ownedHardware).toEqual({ ...DEFAULT_OWNED_HARDWARE, gpuCount: 2 });
  });

  it('one budget key makes the others their defaults', () => {
    const d = decodeScenario('?v=1&abudget=5000', { today: TODAY });
    expect(d.scenario.budgetView).toEqual({ ...DEFAULT_BUDGET_VIEW, budgetUsd: 5000 });
  });

  it('the budget at its edges: 0 and 10,000,000 pass, one more does not', () => {
    expect(decodeScenario('?v=1&abudget=0', { today: TODAY }).scenario.budgetView?.budgetUsd).toBe(0);
    expect(decodeScenario('?v=1&abudget=10000000', { today: TODAY }).scenario.budgetView?.budgetUsd).toBe(
      10_000_000,
    );
    const over = decodeScenario('?v=1&abudget=10000001', { today: TODAY });
    expect(over.scenario.budgetView?.budgetUsd).toBe(DEFAULT_BUDGET_VIEW.budgetUsd);
    expect(over.notices).toHaveLength(1);
    expect(over.notices[0]).toContain('(abudget)');
  });

  for (const [what, query, key] of [
    ['an unknown view', '?v=1&ask=everything', 'ask'],
    ['a negative budget', '?v=1&abudget=-5', 'abudget'],
    ['a context below the minimum', '?v=1&actx=100', 'actx'],
    ['an unknown hardware kind', '?v=1&own=tpu', 'own'],
    ['a GPU id with spaces', '?v=1&ogpu=RTX%203090', 'ogpu'],
    ['zero GPUs', '?v=1&on=0', 'on'],
    ['17 GPUs', '?v=1&on=17', 'on'],
    ['a bandwidth with a unit', '?v=1&obw=936GB', 'obw'],
    ['a RAM size in TB', '?v=1&oram=1.5', 'oram'],
    ['negative layers', '?v=1&ngl=-1', 'ngl'],
  ] as const) {
    it(`falls back with one notice: ${what}`, () => {
      const d = decodeScenario(query, { today: TODAY });
      expect(d.notices).toHaveLength(1);
      expect(d.notices[0]).toContain(`(${key})`);
      expect(isValidScenario(d.scenario)).toBe(true);
    });
  }

  it('ngl and ncmoe together: ngl wins, and the link says so', () => {
    const d = decodeScenario('?v=1&ngl=41&ncmoe=12', { today: TODAY });
    expect(d.scenario.ownedHardware?.offload).toEqual({ mode: 'layers', nGpuLayers: 41 });
    expect(d.notices).toHaveLength(1);
  });
});
