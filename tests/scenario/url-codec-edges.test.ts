// The codec at its edges: the exact notice a person reads for each kind of bad field, each range accepted at
// its ends and refused one past them, the query syntax corners, and isValidScenario field by field.
import { describe, expect, it } from 'vitest';
import {
  decodeScenario,
  defaultScenario,
  encodeScenario,
  isValidScenario,
  LIMITS,
  type Scenario,
  todayIso,
} from '../../src/scenario';

const TODAY = '2026-11-25';
const MODEL_IDS = ['llama-3-1-70b', 'llama-3-1-8b'];
const decode = (query: string) => decodeScenario(query, { today: TODAY, modelIds: MODEL_IDS });

describe('the notice for each bad field names its label, the value and what was used instead', () => {
  it.each([
    ['wf=zz9', 'Weight format (wf): "zz9" is not a known option; using the default (q4_k_m).'],
    ['kv=zz9', 'KV cache format (kv): "zz9" is not a known option; using the default (f16).'],
    ['engine=zz9', 'Engine (engine): "zz9" is not a known option; using the default (llama.cpp).'],
    ['cond=zz9', 'Condition (cond): "zz9" is not a known option; using the default (any).'],
    ['rate=zz9', 'Rate assumption (rate): "zz9" is not a known option; using the default (fitted).'],
    ['ctx=big', 'Context (ctx): "big" is not a whole number; using the default (32768).'],
    ['ctx=1023', 'Context (ctx): "1023" is outside 1024–1048576; using the default (32768).'],
    ['batch=0', 'Concurrent sequences (batch): "0" is outside 1–256; using the default (1).'],
    ['mintps=1001', 'Minimum tokens/s (mintps): "1001" is outside 0–1000; using the default (0).'],
    ['budget=x', 'Budget (budget): "x" is not a whole number; using the default (0).'],
    ['target=63', 'Target memory (target): "63" is outside 64–2048; using the default (512).'],
    ['threshold=999', 'Price threshold (threshold): "999" is outside 1000–100000; using the default (3000).'],
    ['decline=91', 'Custom decline (decline): "91" is outside 1–90; using the default (20).'],
    ['from=1999', 'Fit window start (from): "1999" is outside 2000–2030; using the default (0).'],
    ['fp8=yes', 'Native fp8 (fp8): "yes" is not 0 or 1; using the default (0).'],
    ['spike=2', 'Include the DRAM spike (spike): "2" is not 0 or 1; using the default (1).'],
    ['asof=2026-02-30', `As-of date (asof): "2026-02-30" is not a date YYYY-MM-DD; using today (${TODAY}).`],
    ['asof=2026-11-26', `As-of date (asof): "2026-11-26" is in the future; using today (${TODAY}).`],
    ['asof=1999-12-31', `As-of date (asof): "1999-12-31" is before 2000; using today (${TODAY}).`],
    ['model=Bad_Id', 'Model (model): "Bad_Id" is not a known preset; using the default (llama-3-1-70b).'],
    ['v=abc', 'Link version v="abc" is not a number; read it as v=1.'],
    ['v=2', 'This link was made by a newer rigcast (v=2); the fields this version understands were read.'],
    ['%E0%A4%A=1', 'Ignored a part of the link that is not valid URL encoding: "%E0%A4%A=1".'],
    ['hf=org/name', 'Hugging Face id (hf) "org/name" was ignored because the link has no model=custom.'],
    ['zz=1', 'Ignored unknown link field "zz".'],
  ])('%s', (part, notice) => {
    const { scenario, notices } = decode(`?v=1&${part}`.replace('v=1&v=', 'v='));
    expect(notices).toEqual([notice]);
    // Every bad field falls back: the scenario is the defaults.
    expect(scenario).toEqual(defaultScenario(TODAY));
  });

  it('a custom model with a bad hf id names both', () => {
    expect(decode('?v=1&model=custom&hf=a..b').notices).toEqual([
      'Hugging Face id (hf): "a..b" is not a Hugging Face model id (org/name).',
      'This link used a custom config.json, which a link cannot carry; showing llama-3-1-70b. Paste or upload the config to reproduce it.',
    ]);
  });

  it('values up to 40 characters are quoted whole; longer ones are clipped with an ellipsis', () => {
    const forty = 'a'.repeat(40);
    expect(decode(`?v=1&wf=${forty}`).notices[0]).toContain(`"${forty}"`);
    expect(decode(`?v=1&wf=${forty}b`).notices[0]).toContain(`"${forty}…"`);
  });

  it('names up to five unknown fields, then counts the rest; one field is "field", two are "fields"', () => {
    expect(decode('?v=1&a=1&b=2').notices).toEqual(['Ignored unknown link fields "a", "b".']);
    expect(decode('?v=1&a=1&b=2&c=3&d=4&e=5').notices).toEqual([
      'Ignored unknown link fields "a", "b", "c", "d", "e".',
    ]);
    expect(decode('?v=1&a=1&b=2&c=3&d=4&e=5&f=6').notices).toEqual([
      'Ignored unknown link fields "a", "b", "c", "d", "e" and 1 more.',
    ]);
  });

  it('a repeated key is named with the value used and the one ignored; more than five repeated keys are counted', () => {
    expect(decode('?v=1&ctx=8192&ctx=4096').notices).toEqual([
      'The link gives "ctx" more than once; used the first ("8192"), ignored "4096".',
    ]);
    const five = ['wf', 'kv', 'ctx', 'batch', 'engine'].map((k) => `&${k}=x&${k}=y`).join('');
    expect(decode(`?v=1${five}`).notices.filter((n) => n.startsWith('…and'))).toEqual([]);
    expect(decode('?v=1&ctx=8192&ctx=4096&ctx=2048').notices).toEqual([
      'The link gives "ctx" more than once; used the first ("8192"), ignored "4096" and 1 more.',
    ]);
    const six = ['wf', 'kv', 'ctx', 'batch', 'engine', 'cond'].map((k) => `&${k}=x&${k}=y`).join('');
    const { notices } = decode(`?v=1${six}`);
    expect(notices.filter((n) => n.startsWith('The link gives'))).toHaveLength(5);
    expect(notices).toContain('…and 1 more fields given more than once (first used).');
  });
});

describe('ranges: accepted at both ends, refused one past them', () => {
  const fields = {
    ctx: LIMITS.contextTokens,
    batch: LIMITS.batch,
    mintps: LIMITS.minTokensPerSecond,
    budget: LIMITS.budgetUsd,
    target: LIMITS.targetMemoryGiB,
    threshold: LIMITS.thresholdUsd,
    decline: LIMITS.customDeclinePercent,
    from: LIMITS.fitStartYear,
  } as const;
  it.each(Object.entries(fields))('%s', (key, { min, max }) => {
    expect(decode(`?v=1&${key}=${min}`).notices).toEqual([]);
    expect(decode(`?v=1&${key}=${max}`).notices).toEqual([]);
    expect(decode(`?v=1&${key}=${max + 1}`).notices).toHaveLength(1);
    if (min > 0) expect(decode(`?v=1&${key}=${min - 1}`).notices).toHaveLength(1);
  });

  it('only the fit window takes 0 (from the first observation) below its minimum', () => {
    expect(decode('?v=1&from=0').scenario.fitStartYear).toBe(0);
    expect(decode('?v=1&from=0').notices).toEqual([]);
    expect(decode('?v=1&ctx=0').notices).toHaveLength(1);
  });

  it('a whole number is digits only, 1 to 12 of them, nothing before or after', () => {
    for (const bad of [
      '8192x',
      'x8192',
      '-8192',
      '8192.0',
      ' 8192',
      '1e4',
      '0000000008192x',
      '1234567890123',
    ])
      expect(decode(`?v=1&ctx=${encodeURIComponent(bad)}`).scenario.contextTokens).toBe(32_768);
    expect(decode('?v=1&ctx=000000008192').scenario.contextTokens).toBe(8192);
  });

  it('the as-of date is accepted from 2000-01-01 to today', () => {
    expect(decode('?v=1&asof=2000-01-01').scenario.asOf).toBe('2000-01-01');
    expect(decode(`?v=1&asof=${TODAY}`).scenario.asOf).toBe(TODAY);
    for (const bad of ['x2024-01-01', '2024-01-01x', '2024-1-01'])
      expect(decode(`?v=1&asof=${bad}`).scenario.asOf).toBe(TODAY);
  });
});

describe('query syntax', () => {
  it('reads a query with or without its "?", up to a "#"', () => {
    expect(decode('v=1&ctx=8192')).toEqual(decode('?v=1&ctx=8192'));
    expect(decode('v=1&ctx=8192').notices).toEqual([]);
    expect(decode('?v=1&ctx=8192#ctx=4096').scenario.contextTokens).toBe(8192);
  });

  it('a value may contain "=", a key without one has the empty value, and "+" is a space', () => {
    expect(decode('?v=1&model=llama-3-1-8b=x').notices[0]).toContain('"llama-3-1-8b=x"');
    expect(decode('?v=1&spike').notices).toEqual([
      'Include the DRAM spike (spike): "" is not 0 or 1; using the default (1).',
    ]);
    expect(decode('?v=1&wf=q4+k').notices[0]).toContain('"q4 k"');
    expect(decode('?v=1&=5').notices).toEqual(['Ignored unknown link field "".']);
  });

  it('a custom model with a valid hf id decodes without a notice', () => {
    const r = decode('?v=1&model=custom&hf=Qwen/Qwen3-8B');
    expect(r.scenario).toMatchObject({ modelId: 'custom', hfRepo: 'Qwen/Qwen3-8B' });
    expect(r.notices).toEqual([]);
  });

  it('model ids: lowercase words joined by "-" or ".", nothing else (when no preset list is given)', () => {
    const open = (q: string) => decodeScenario(q, { today: TODAY }).scenario.modelId;
    expect(open('?v=1&model=some-new.model-2')).toBe('some-new.model-2');
    for (const bad of ['Some-model', 'model-', '-model', 'a--b', 'ok!', '!ok'])
      expect(open(`?v=1&model=${encodeURIComponent(bad)}`)).toBe('llama-3-1-70b');
  });

  it('an alias is followed only when the alias table owns it', () => {
    const r = decodeScenario('?v=1&model=constructor', { today: TODAY, modelAliases: {} });
    expect(r.scenario.modelId).toBe('constructor'); // a well-formed id, no preset list: taken as is
    const aliased = decodeScenario('?v=1&model=old-id', {
      today: TODAY,
      modelAliases: { 'old-id': 'llama-3-1-8b' },
    });
    expect(aliased.scenario.modelId).toBe('llama-3-1-8b');
  });

  it('not a string, or an unreadable today, still gives a scenario', () => {
    expect(decodeScenario(undefined as unknown as string, { today: TODAY })).toEqual({
      scenario: defaultScenario(TODAY),
      notices: [],
    });
    const before = todayIso();
    const r = decodeScenario('?v=1', { today: '2026-13-40' });
    expect([before, todayIso()]).toContain(r.scenario.asOf);
    expect(decodeScenario('?v=1', {}).scenario.asOf).toBe(r.scenario.asOf);
  });

  it('an explicit v=0 link goes through the v0 migration like an unversioned one', () => {
    expect(decode('?v=0&ctx=8192')).toEqual(decode('?ctx=8192'));
    expect(decode('?v=0&ctx=8192').notices).toEqual([]);
  });
});

describe('encodeScenario writes hf only for a custom model that has one', () => {
  it.each([
    [{ modelId: 'custom', hfRepo: 'Qwen/Qwen3-8B' }, 'Qwen/Qwen3-8B'],
    [{ modelId: 'custom', hfRepo: null }, null],
    [{ modelId: 'llama-3-1-8b', hfRepo: 'Qwen/Qwen3-8B' }, null],
  ] as const)('%o', (patch, hf) => {
    const query = encodeScenario({ ...defaultScenario(TODAY), ...patch });
    expect(new URLSearchParams(query).get('hf')).toBe(hf);
  });
});

describe('isValidScenario rejects each field out of range on its own', () => {
  const ok = defaultScenario(TODAY);
  it('accepts the defaults, a custom model with or without an id, and the fit window 0', () => {
    expect(isValidScenario(ok)).toBe(true);
    expect(isValidScenario({ ...ok, modelId: 'custom', hfRepo: null })).toBe(true);
    expect(isValidScenario({ ...ok, modelId: 'custom', hfRepo: 'Qwen/Qwen3-8B' })).toBe(true);
    expect(isValidScenario({ ...ok, fitStartYear: 0 })).toBe(true);
    expect(isValidScenario({ ...ok, fitStartYear: 2030, minTokensPerSecond: 1000 })).toBe(true);
  });
  it.each([
    ['a custom model with a bad id', { modelId: 'custom', hfRepo: 'a..b' }],
    ['a preset id in capitals', { modelId: 'Llama' }],
    ['a weight format', { weightFormat: 'q9' }],
    ['a KV format', { kvCacheFormat: 'q9' }],
    ['a context below the range', { contextTokens: 1023 }],
    ['a context above the range', { contextTokens: 1_048_577 }],
    ['a fractional context', { contextTokens: 4096.5 }],
    ['a batch of 0', { batch: 0 }],
    ['an engine', { engine: 'tgi' }],
    ['a condition', { conditions: 'mint' }],
    ['fp8 as a string', { requireFp8: 'yes' }],
    ['a speed above the range', { minTokensPerSecond: 1001 }],
    ['a negative budget', { budgetUsd: -1 }],
    ['an as-of that is not a date', { asOf: '2026-02-30' }],
    ['a target above the range', { targetMemoryGiB: 2049 }],
    ['a threshold below the range', { thresholdUsd: 999 }],
    ['a rate', { rate: 'fast' }],
    ['a decline of 0', { customDeclinePercent: 0 }],
    ['the spike switch as a number', { includeSpike: 1 }],
    ['a fit window of 1999', { fitStartYear: 1999 }],
  ])('%s', (_why, patch) => {
    expect(isValidScenario({ ...ok, ...patch } as unknown as Scenario)).toBe(false);
  });
});
