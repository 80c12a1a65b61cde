// The rest of the link codec, field by field: a part with an empty key, a repeated key's notice, the model-file
// reference (wrepo, wrev, wfile) in each partial combination, the validator's last checks, and the accessors
// that fill in a missing optional field.
import { describe, expect, it } from 'vitest';
import {
  budgetViewOf,
  DEFAULT_BUDGET_VIEW,
  DEFAULT_OWNED_HARDWARE,
  DEFAULT_PROJECTION_CLASS,
  DEFAULT_UNIFIED_MEMORY_LIMIT,
  decodeScenario,
  defaultScenario,
  isValidScenario,
  ownedHardwareOf,
  projectionClassOf,
  type Scenario,
  unifiedMemoryLimitOf,
} from '../../src/scenario';

const TODAY = '2026-12-03';
const decode = (query: string) => decodeScenario(query, { today: TODAY });
const FILES = 'Model files (wrepo, wrev, wfile)';

describe('parsing the query', () => {
  it('a part "=x" has an empty key, which is named as unknown', () => {
    const { notices } = decode('?v=1&=x');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('""');
    expect(notices[0]).not.toContain('"=x"');
  });

  it('a part "=x" keeps its value: a repeated empty key names both values', () => {
    const { notices } = decode('?v=1&=a&=b');
    expect(notices).toContain('The link gives "" more than once; used the first ("a"), ignored "b".');
  });

  it('a repeated key: the first value is used and the notice names both', () => {
    const d = decode('?v=1&batch=2&batch=3&batch=4');
    expect(d.scenario.batch).toBe(2);
    expect(d.notices).toEqual([
      'The link gives "batch" more than once; used the first ("2"), ignored "3" and 1 more.',
    ]);
  });
});

describe('the model-file reference', () => {
  it('a repo and a file without a revision read the main branch', () => {
    const d = decode('?v=1&wrepo=org/model-GGUF&wfile=model-Q4_K_M.gguf');
    expect(d.notices).toEqual([]);
    expect(d.scenario.weights).toEqual({
      repo: 'org/model-GGUF',
      revision: 'main',
      file: 'model-Q4_K_M.gguf',
    });
  });

  for (const [what, query, shown] of [
    ['only a repo', 'wrepo=org/model-GGUF', '"org/model-GGUF@main:"'],
    ['only a revision', 'wrev=abc123', '"@abc123:"'],
    ['only a file', 'wfile=model.gguf', '"@main:model.gguf"'],
    ['a file that is not weights', 'wrepo=org/m&wfile=README.md', '"org/m@main:README.md"'],
  ] as const) {
    it(`${what}: named, and the predicted weights are kept`, () => {
      const d = decode(`?v=1&${query}`);
      expect(d.scenario.weights).toBeUndefined();
      expect(d.notices).toEqual([
        `${FILES}: ${shown} is not a repo and a .gguf or .safetensors file; using predicted weights.`,
      ]);
    });
  }
});

describe('isValidScenario, the optional fields', () => {
  const s = (extra: Partial<Scenario>): Scenario => ({ ...defaultScenario(TODAY), ...extra });
  it('accepts each when valid', () => {
    expect(isValidScenario(s({ weights: { repo: 'org/m', revision: 'main', file: 'm.gguf' } }))).toBe(true);
    expect(isValidScenario(s({ projectionClass: 'gpu-unified' }))).toBe(true);
    expect(isValidScenario(s({ unifiedMemoryLimit: 'factory' }))).toBe(true);
  });
  it('rejects a weights reference that is not a repo and a weights file', () =>
    expect(isValidScenario(s({ weights: { repo: 'org/m', revision: 'main', file: 'notes.txt' } }))).toBe(
      false,
    ));
  it('rejects an unknown projection class', () =>
    expect(isValidScenario(s({ projectionClass: 'cheap' as Scenario['projectionClass'] }))).toBe(false));
  it('rejects an unknown unified-memory limit', () =>
    expect(isValidScenario(s({ unifiedMemoryLimit: 'unlimited' as Scenario['unifiedMemoryLimit'] }))).toBe(
      false,
    ));
});

describe('accessors fill in a missing optional field', () => {
  const base = defaultScenario(TODAY);
  it('projection class', () => {
    expect(projectionClassOf({})).toBe(DEFAULT_PROJECTION_CLASS);
    expect(projectionClassOf({ projectionClass: 'gpu-unified' })).toBe('gpu-unified');
  });
  it('unified-memory limit', () => {
    expect(unifiedMemoryLimitOf({})).toBe(DEFAULT_UNIFIED_MEMORY_LIMIT);
    expect(unifiedMemoryLimitOf({ unifiedMemoryLimit: 'factory' })).toBe('factory');
  });
  it('budget view', () => {
    expect(budgetViewOf(base)).toEqual(DEFAULT_BUDGET_VIEW);
    const mine = { budgetUsd: 1, contextTokens: 4096, minTokensPerSecond: 2 };
    expect(budgetViewOf({ ...base, budgetView: mine })).toBe(mine);
  });
  it('owned hardware', () => {
    expect(ownedHardwareOf(base)).toEqual(DEFAULT_OWNED_HARDWARE);
    const mine = { ...DEFAULT_OWNED_HARDWARE, gpuCount: 4 };
    expect(ownedHardwareOf({ ...base, ownedHardware: mine })).toBe(mine);
  });
});
