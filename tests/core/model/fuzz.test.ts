// Seeded fuzz: mutate real configs (delete a field, wrong type, negative, huge, NaN-like strings, nested
// objects) and check that modelFromHfConfig either returns a model whose estimates are all finite, or throws
// ModelConfigError - never a TypeError, never NaN.
import { describe, expect, it } from 'vitest';
import { estimateMemory, ModelConfigError, modelFromHfConfig } from '../../../src/core/index';
import { loadPresets, pick, prng } from '../memory/helpers';

const MUTATIONS: ((v: unknown) => unknown)[] = [
  () => undefined,
  () => null,
  () => 'NaN',
  () => 'Infinity',
  () => '4096',
  () => -1,
  () => 0,
  () => 1.5,
  () => 1e12,
  () => Number.MAX_SAFE_INTEGER,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => true,
  () => [],
  () => ({}),
  () => [1, 'two', null],
  (v) => (typeof v === 'number' ? v * 7 + 3 : v),
  (v) => (typeof v === 'number' ? -v : v),
];

type Obj = Record<string, unknown>;

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Every key path in the config, descending into text_config and quantization_config. */
function paths(obj: Obj, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, v] of Object.entries(obj)) {
    out.push([...prefix, k]);
    if (v && typeof v === 'object' && !Array.isArray(v) && prefix.length < 2)
      out.push(...paths(v as Obj, [...prefix, k]));
  }
  return out;
}

function mutate(config: Obj, rand: () => number): Obj {
  const c = clone(config);
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const all = paths(c);
    const path = pick(rand, all);
    let parent: Obj = c;
    for (const key of path.slice(0, -1)) parent = parent[key] as Obj;
    const key = path[path.length - 1] as string;
    const next = pick(rand, MUTATIONS)(parent[key]);
    if (next === undefined) delete parent[key];
    else parent[key] = next;
  }
  return c;
}

describe('modelFromHfConfig fuzz (seeded mutations of every preset)', () => {
  it('only ModelConfigError escapes, and accepted configs estimate without NaN', () => {
    const presets = loadPresets();
    const rand = prng(0xc0ffee);
    let rejected = 0;
    let accepted = 0;
    for (let i = 0; i < 600; i++) {
      const preset = pick(rand, presets);
      const config = mutate(preset.config, rand);
      let model: ReturnType<typeof modelFromHfConfig> | undefined;
      try {
        model = modelFromHfConfig(config, preset.id);
      } catch (e) {
        expect(e, `${preset.id}: ${(e as Error).message}`).toBeInstanceOf(ModelConfigError);
        expect((e as ModelConfigError).message).toMatch(/^[\w.[\]()]+: expected /);
        rejected++;
        continue;
      }
      accepted++;
      const e = estimateMemory(model, {
        weightFormat: pick(rand, ['q4_k_m', 'bf16', 'iq2_xxs', 'mxfp4', 'int4']),
        kvCacheFormat: 'f16',
        contextTokens: 32768,
        batch: 2,
      });
      for (const x of [
        e.weights,
        e.kvCache,
        e.overhead,
        e.total,
        e.kvBytesPerToken,
        e.activeWeightBytesPerToken,
      ]) {
        expect(Number.isFinite(x), `${preset.id} ${JSON.stringify(config).slice(0, 200)}`).toBe(true);
      }
    }
    // both outcomes are exercised
    expect(rejected).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(100);
  }, 120_000);
});
