import { describe, expect, it } from 'vitest';
import {
  CONDITION_SETS,
  decodeScenario,
  defaultScenario,
  ENGINE_IDS,
  encodeScenario,
  isValidScenario,
  KV_FORMAT_IDS,
  LIMITS,
  PROJECTION_CLASSES,
  RATE_ASSUMPTIONS,
  type Scenario,
  UNIFIED_MEMORY_LIMITS,
  WEIGHT_FORMAT_IDS,
} from '../../src/scenario';
import fixtures from './link-fixtures.json';

const TODAY = '2026-11-25';
const MODEL_IDS = ['llama-3-1-70b', 'llama-3-1-8b', 'deepseek-r1', 'qwen3-235b-a22b'];

/** mulberry32: a small seeded PRNG so the property tests are reproducible. */
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

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}
function int(r: () => number, l: { min: number; max: number }): number {
  return l.min + Math.floor(r() * (l.max - l.min + 1));
}

function randomScenario(r: () => number): Scenario {
  const custom = r() < 0.2;
  const day = new Date(
    Date.UTC(2000, 0, 1) + Math.floor(r() * (Date.UTC(2026, 10, 25) - Date.UTC(2000, 0, 1))),
  );
  return {
    modelId: custom ? 'custom' : pick(r, MODEL_IDS),
    hfRepo: custom ? pick(r, ['meta-llama/Llama-3.1-8B', 'Qwen/Qwen3-32B', 'org.x/name_y-1.5']) : null,
    weightFormat: pick(r, WEIGHT_FORMAT_IDS),
    kvCacheFormat: pick(r, KV_FORMAT_IDS),
    contextTokens: int(r, LIMITS.contextTokens),
    batch: int(r, LIMITS.batch),
    engine: pick(r, ENGINE_IDS),
    conditions: pick(r, CONDITION_SETS),
    requireFp8: r() < 0.5,
    minTokensPerSecond: int(r, LIMITS.minTokensPerSecond),
    budgetUsd: int(r, LIMITS.budgetUsd),
    asOf: day.toISOString().slice(0, 10),
    targetMemoryGiB: int(r, LIMITS.targetMemoryGiB),
    thresholdUsd: int(r, LIMITS.thresholdUsd),
    rate: pick(r, RATE_ASSUMPTIONS),
    customDeclinePercent: int(r, LIMITS.customDeclinePercent),
    includeSpike: r() < 0.5,
    fitStartYear: r() < 0.3 ? 0 : int(r, LIMITS.fitStartYear),
    ...(r() < 0.5 ? { projectionClass: pick(r, PROJECTION_CLASSES) } : {}),
    ...(r() < 0.5 ? { unifiedMemoryLimit: pick(r, UNIFIED_MEMORY_LIMITS) } : {}),
  };
}

describe('encodeScenario / decodeScenario', () => {
  it('writes a readable, versioned query for the defaults', () => {
    const query = encodeScenario(defaultScenario(TODAY));
    expect(
      query.startsWith('?v=1&model=llama-3-1-70b&wf=q4_k_m&kv=f16&ctx=32768&batch=1&engine=llama.cpp'),
    ).toBe(true);
    expect(query).toContain('&asof=2026-11-25');
  });

  it('round-trips 2000 seeded random scenarios with no notices', () => {
    const r = rng(20261125);
    for (let i = 0; i < 2000; i++) {
      const scenario = randomScenario(r);
      expect(isValidScenario(scenario)).toBe(true);
      const decoded = decodeScenario(encodeScenario(scenario), { today: TODAY, modelIds: MODEL_IDS });
      expect(decoded.notices).toEqual([]);
      expect(decoded.scenario).toEqual(scenario);
    }
  });

  it('keeps "/" readable in a Hugging Face id', () => {
    const s = { ...defaultScenario(TODAY), modelId: 'custom', hfRepo: 'Qwen/Qwen3-32B' };
    expect(encodeScenario(s)).toContain('model=custom&hf=Qwen/Qwen3-32B&');
  });

  it('never throws on garbage and always yields a valid scenario', () => {
    const r = rng(7);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789=&?%#+-_./ \u00e9\u{1f600}\u0000';
    const keys = ['v', 'model', 'hf', 'wf', 'kv', 'ctx', 'batch', 'asof', 'target', 'from', 'fp8'];
    for (let i = 0; i < 3000; i++) {
      let query = '';
      const length = Math.floor(r() * 80);
      for (let j = 0; j < length; j++) {
        query += r() < 0.15 ? `&${pick(r, keys)}=` : pick(r, [...alphabet]);
      }
      const result = decodeScenario(query, { today: TODAY, modelIds: MODEL_IDS });
      expect(isValidScenario(result.scenario)).toBe(true);
      for (const notice of result.notices) expect(notice.length).toBeLessThan(400);
    }
  });

  it('falls back field by field and names each bad field', () => {
    const { scenario, notices } = decodeScenario(
      '?v=1&model=not-a-model&wf=q9_z&ctx=banana&batch=0&asof=2026-02-30&fp8=yes&engine=vllm&target=1024',
      { today: TODAY, modelIds: MODEL_IDS },
    );
    const defaults = defaultScenario(TODAY);
    expect(scenario).toEqual({ ...defaults, engine: 'vllm', targetMemoryGiB: 1024 });
    const joined = notices.join('\n');
    for (const field of ['(model)', '(wf)', '(ctx)', '(batch)', '(asof)', '(fp8)'])
      expect(joined).toContain(field);
    expect(notices).toHaveLength(6);
  });

  it('reads a future as-of date as today, with a notice', () => {
    const { scenario, notices } = decodeScenario('?v=1&asof=2099-01-01', { today: TODAY });
    expect(scenario.asOf).toBe(TODAY);
    expect(notices.join()).toContain('future');
  });

  it('drops a custom model without an hf id and says the config is not in the link', () => {
    const { scenario, notices } = decodeScenario('?v=1&model=custom&wf=q8_0', { today: TODAY });
    expect(scenario.modelId).toBe('llama-3-1-70b');
    expect(scenario.weightFormat).toBe('q8_0');
    expect(notices.join()).toContain('custom config.json');
  });

  it('names unknown fields and caps how many it lists', () => {
    const { notices } = decodeScenario('?v=1&a=1&b=2&c=3&d=4&e=5&f=6&g=7', { today: TODAY });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('"a"');
    expect(notices[0]).toContain('and 2 more');
  });

  it('resolves renamed preset ids through aliases', () => {
    const { scenario, notices } = decodeScenario('?v=1&model=llama-31-70b', {
      today: TODAY,
      modelIds: MODEL_IDS,
      modelAliases: { 'llama-31-70b': 'llama-3-1-70b' },
    });
    expect(scenario.modelId).toBe('llama-3-1-70b');
    expect(notices).toEqual([]);
  });

  it('reads links from a newer version with a notice, and unversioned links through the v0 migration', () => {
    expect(decodeScenario('?v=7&ctx=8192', { today: TODAY }).notices.join()).toContain('newer');
    const old = decodeScenario('?model=llama-3-1-8b&ctx=8192', { today: TODAY, modelIds: MODEL_IDS });
    expect(old.notices).toEqual([]);
    expect(old.scenario.contextTokens).toBe(8192);
    expect(old.scenario.modelId).toBe('llama-3-1-8b');
  });

  it('writes the projection class and the unified-memory limit once chosen, and reads them back', () => {
    expect(encodeScenario(defaultScenario(TODAY))).not.toContain('class=');
    const s: Scenario = { ...defaultScenario(TODAY), projectionClass: 'any', unifiedMemoryLimit: 'factory' };
    const query = encodeScenario(s);
    expect(query).toContain('&class=any&umem=factory');
    expect(decodeScenario(query, { today: TODAY, modelIds: MODEL_IDS })).toEqual({
      scenario: s,
      notices: [],
    });
  });

  it('falls back from an unknown class or limit with a notice naming the field', () => {
    const { scenario, notices } = decodeScenario('?v=1&class=cpu-only&umem=max', { today: TODAY });
    expect(scenario.projectionClass).toBeUndefined();
    expect(scenario.unifiedMemoryLimit).toBeUndefined();
    expect(notices.join('\n')).toContain('(class)');
    expect(notices.join('\n')).toContain('(umem)');
  });

  it('returns the defaults for an empty query', () => {
    for (const q of ['', '?', '?&&', '#x']) {
      expect(decodeScenario(q, { today: TODAY })).toEqual({ scenario: defaultScenario(TODAY), notices: [] });
    }
  });
});

interface LinkFixture {
  name: string;
  query: string;
  today: string;
  expected: Scenario;
  noticeCount: number;
}

describe('frozen link fixtures (old links must keep decoding to the same scenario)', () => {
  for (const fixture of fixtures as LinkFixture[]) {
    it(fixture.name, () => {
      const result = decodeScenario(fixture.query, { today: fixture.today, modelIds: MODEL_IDS });
      expect(result.scenario).toEqual(fixture.expected);
      expect(result.notices).toHaveLength(fixture.noticeCount);
    });
  }
});

describe('every dropped or changed value gets a notice', () => {
  it('an hf id beside a preset model is dropped with a notice naming it', () => {
    const { scenario, notices } = decodeScenario('?v=1&model=llama-3-1-8b&hf=Qwen/Qwen3-8B', {
      today: TODAY,
      modelIds: MODEL_IDS,
    });
    expect(scenario.modelId).toBe('llama-3-1-8b');
    expect(scenario.hfRepo).toBeNull();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('(hf)');
    expect(notices[0]).toContain('Qwen/Qwen3-8B');
  });

  it('an hf id beside a model that fell back is named too', () => {
    const { notices } = decodeScenario('?v=1&model=no-such-model&hf=Qwen/Qwen3-8B', {
      today: TODAY,
      modelIds: MODEL_IDS,
    });
    expect(notices.join('\n')).toContain('(hf)');
  });

  it('a key given twice keeps the first value and names the ignored one', () => {
    const { scenario, notices } = decodeScenario('?v=1&ctx=8192&batch=2&ctx=65536', { today: TODAY });
    expect(scenario.contextTokens).toBe(8192);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('ctx');
    expect(notices[0]).toContain('65536');
  });

  it('many duplicates make one notice each, never more than a few lines', () => {
    const query = `?v=1${'&ctx=1'.repeat(500)}&batch=1&batch=2`;
    const { notices } = decodeScenario(query, { today: TODAY });
    expect(notices.length).toBeLessThanOrEqual(3);
    expect(notices.join('\n')).toContain('batch');
  });
});

describe('the codec accepts exactly the ranges the controls offer', () => {
  it('mintps: the slider maximum is accepted and one above it falls back with a notice', () => {
    const max = LIMITS.minTokensPerSecond.max;
    expect(decodeScenario(`?v=1&mintps=${max}`, { today: TODAY })).toMatchObject({
      scenario: { minTokensPerSecond: max },
      notices: [],
    });
    const over = decodeScenario(`?v=1&mintps=${max + 1}`, { today: TODAY });
    expect(over.scenario.minTokensPerSecond).toBe(0);
    expect(over.notices.join()).toContain('(mintps)');
  });
});
