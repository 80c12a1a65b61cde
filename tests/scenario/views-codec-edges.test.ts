// The quick-question fields of a link, field by field: the exact notice each bad value gets (label, the value,
// the rule it broke, what is used instead), and the validator that decides whether a scenario is one the codec
// could have produced, at each limit and one past it.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUDGET_VIEW,
  DEFAULT_OWNED_HARDWARE,
  decodeScenario,
  defaultScenario,
  isValidScenario,
  LIMITS,
  type OwnedHardwareChoice,
  type Scenario,
  VIEW_LIMITS,
} from '../../src/scenario';

const TODAY = '2026-12-03';
const decode = (query: string) => decodeScenario(query, { today: TODAY });

describe('a bad quick-question value: its notice, word for word', () => {
  const cases: [string, string][] = [
    ['ask=everything', 'Open question (ask): "everything" is not budget or hardware; using neither.'],
    ['abudget=12.5', 'Budget question (abudget): "12.5" is not a whole number; using the default (3000).'],
    [
      'actx=100',
      `Budget question context (actx): "100" is outside ${LIMITS.contextTokens.min}–${LIMITS.contextTokens.max}; using the default (8192).`,
    ],
    ['atps=1001', 'Budget question speed (atps): "1001" is outside 0–1000; using the default (5).'],
    ['own=tpu', 'Hardware kind (own): "tpu" is not gpus, unified or cpu; using the default (gpus).'],
    ['ogpu=RTX_3090', 'GPU (ogpu): "RTX_3090" is not an item id; using the default (nvidia-rtx-3090-24gb).'],
    ['on=17', 'GPU count (on): "17" is outside 1–16; using the default (1).'],
    ['ovram=0', 'GPU memory (ovram): "0" is outside 1–2048; using the default (24).'],
    ['obw=fast', 'GPU bandwidth (obw): "fast" is not a number; using the default (936).'],
    ['obw=936.1234', 'GPU bandwidth (obw): "936.1234" is not a number; using the default (936).'],
    [
      'omac=Mac',
      'Unified machine (omac): "Mac" is not an item id; using the default (apple-mac-studio-m2-ultra-192gb).',
    ],
    ['oram=16385', 'System RAM (oram): "16385" is outside 0–16384; using the default (64).'],
    [
      'oramcfg=ddr4--3200',
      'RAM setup (oramcfg): "ddr4--3200" is not an item id; using the default (ddr4-3200-2ch).',
    ],
    ['orambw=0.5', 'RAM bandwidth (orambw): "0.5" is outside 1–100000; using the default (51.2).'],
    ['ngl=x', 'GPU layers (ngl): "x" is not a whole number; using the largest that fits.'],
    ['ncmoe=1001', 'CPU-MoE layers (ncmoe): "1001" is outside 0–1000; using the largest that fits.'],
    ['ngl=10&ncmoe=5', 'CPU-MoE layers (ncmoe) was ignored: the link also sets GPU layers (ngl).'],
  ];
  for (const [query, notice] of cases) {
    it(query, () => expect(decode(`?v=1&${query}`).notices).toEqual([notice]));
  }

  it('an item id of 120 characters is read, one of 121 is not', () => {
    const id120 = `a${'-b'.repeat(59)}c`; // 1 + 118 + 1
    expect(id120).toHaveLength(120);
    expect(decode(`?v=1&ogpu=${id120}`).scenario.ownedHardware?.gpuId).toBe(id120);
    const id121 = `${id120}d`;
    const d = decode(`?v=1&ogpu=${id121}`);
    expect(d.scenario.ownedHardware?.gpuId).toBe(DEFAULT_OWNED_HARDWARE.gpuId);
    expect(d.notices).toHaveLength(1);
  });

  it('a decimal bandwidth keeps three places; a GPU count does not take one', () => {
    expect(decode('?v=1&obw=936.125').scenario.ownedHardware?.gpuBandwidthGBps).toBe(936.125);
    expect(decode('?v=1&on=1.0').notices).toEqual([
      'GPU count (on): "1.0" is not a whole number; using the default (1).',
    ]);
  });
});

describe('isValidScenario on the quick-question fields', () => {
  const base = (): Scenario => ({
    ...defaultScenario(TODAY),
    ask: 'hardware',
    budgetView: { ...DEFAULT_BUDGET_VIEW },
    ownedHardware: { ...DEFAULT_OWNED_HARDWARE, offload: { mode: 'layers', nGpuLayers: 10 } },
  });
  const withOwned = (o: Partial<OwnedHardwareChoice>): Scenario => {
    const s = base();
    s.ownedHardware = { ...(s.ownedHardware as OwnedHardwareChoice), ...o };
    return s;
  };
  const withBudget = (b: Partial<Scenario['budgetView'] & object>): Scenario => {
    const s = base();
    s.budgetView = { ...DEFAULT_BUDGET_VIEW, ...b };
    return s;
  };

  it('accepts the defaults, and each limit exactly', () => {
    expect(isValidScenario(base())).toBe(true);
    const V = VIEW_LIMITS;
    for (const s of [
      withBudget({ budgetUsd: V.budgetUsd.min }),
      withBudget({ budgetUsd: V.budgetUsd.max }),
      withBudget({ contextTokens: LIMITS.contextTokens.max }),
      withBudget({ minTokensPerSecond: V.minTokensPerSecond.max }),
      withOwned({ gpuCount: V.gpuCount.max }),
      withOwned({ gpuMemoryGiB: V.gpuMemoryGiB.min }),
      withOwned({ gpuBandwidthGBps: V.bandwidthGBps.max }),
      withOwned({ gpuBandwidthGBps: 1.125 }),
      withOwned({ ramGiB: V.ramGiB.max }),
      withOwned({ ramBandwidthGBps: V.bandwidthGBps.min }),
      withOwned({ offload: { mode: 'experts', nCpuMoe: V.offloadLayers.max } }),
      withOwned({ offload: undefined }),
    ])
      expect(isValidScenario(s)).toBe(true);
  });

  const bad: [string, () => Scenario][] = [
    ['an unknown ask', () => ({ ...base(), ask: 'everything' as Scenario['ask'] })],
    ['a fractional budget', () => withBudget({ budgetUsd: 12.5 })],
    ['a budget one past the maximum', () => withBudget({ budgetUsd: VIEW_LIMITS.budgetUsd.max + 1 })],
    ['a context one below the minimum', () => withBudget({ contextTokens: LIMITS.contextTokens.min - 1 })],
    ['a speed one past the maximum', () => withBudget({ minTokensPerSecond: 1001 })],
    ['an unknown kind', () => withOwned({ kind: 'tpu' as OwnedHardwareChoice['kind'] })],
    ['a GPU id with capitals', () => withOwned({ gpuId: 'RTX-3090' })],
    ['zero GPUs', () => withOwned({ gpuCount: 0 })],
    ['1.5 GPUs', () => withOwned({ gpuCount: 1.5 })],
    ['GPU memory one past the maximum', () => withOwned({ gpuMemoryGiB: 2049 })],
    ['a bandwidth with four decimals', () => withOwned({ gpuBandwidthGBps: 936.1234 })],
    ['an infinite bandwidth', () => withOwned({ gpuBandwidthGBps: Number.POSITIVE_INFINITY })],
    ['a bandwidth one past the maximum', () => withOwned({ gpuBandwidthGBps: 100_001 })],
    ['a unified id with a space', () => withOwned({ unifiedId: 'mac studio' })],
    ['negative RAM', () => withOwned({ ramGiB: -1 })],
    ['a RAM id with an underscore', () => withOwned({ ramId: 'ddr4_3200' })],
    ['a RAM bandwidth below 1', () => withOwned({ ramBandwidthGBps: 0.5 })],
    ['a fractional layer count', () => withOwned({ offload: { mode: 'layers', nGpuLayers: 1.5 } })],
    [
      'a CPU-MoE count one past the maximum',
      () => withOwned({ offload: { mode: 'experts', nCpuMoe: 1001 } }),
    ],
  ];
  for (const [what, make] of bad) it(`rejects ${what}`, () => expect(isValidScenario(make())).toBe(false));
});
