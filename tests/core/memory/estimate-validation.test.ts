// The estimate's option checks word for word, each limit at its edge and one past it.
import { describe, expect, it } from 'vitest';
import {
  EstimateOptionsError,
  estimateMemory,
  KV_CACHE_FORMATS,
  modelFromHfConfig,
  safeEstimateMemory,
  WEIGHT_FORMATS,
} from '../../../src/core/index';
import { MAX_BATCH, MAX_CONTEXT_TOKENS } from '../../../src/core/memory/estimate';
import { LLAMA_31_8B } from './helpers';

const ok = { weightFormat: 'q4_k_m', kvCacheFormat: 'f16', contextTokens: 8192, batch: 1 };
const errorOf = (patch: Record<string, unknown>) => {
  const r = safeEstimateMemory(modelFromHfConfig(LLAMA_31_8B), { ...ok, ...patch } as typeof ok);
  return r.ok ? null : r.error;
};

describe('estimate option checks', () => {
  it('names every format it accepts and echoes what it got', () => {
    expect(errorOf({ weightFormat: 'q4_k_xl' })?.message).toBe(
      `expected one of ${WEIGHT_FORMATS.map((f) => f.id).join(', ')}, got "q4_k_xl"`,
    );
    expect(errorOf({ weightFormat: 4 })?.message).toMatch(/^expected one of bf16, fp16, .*, got 4$/);
    expect(errorOf({ kvCacheFormat: 'int2' })?.message).toBe(
      `expected one of ${KV_CACHE_FORMATS.map((f) => f.id).join(', ')}, got "int2"`,
    );
    expect(errorOf({ kvCacheFormat: 'int2' })?.message).toContain('f16, ');
    expect(errorOf({ kvCacheFormat: null })?.code).toBe('unknown-kv-format');
    expect(errorOf({ engine: 'ollama' })?.message).toBe(`expected 'llama.cpp' or 'vllm', got "ollama"`);
    expect(errorOf({ engine: 7 })?.code).toBe('unknown-engine');
    expect(errorOf({ kvCacheFormat: 'fp8' })?.message).toMatch(
      /^fp8 KV cache is not offered by llama\.cpp \(offered by vllm\)$/,
    );
  });

  it('context: 1 and the maximum are accepted, 0 and one more are not, nor a string', () => {
    expect(errorOf({ contextTokens: 1 })).toBeNull();
    expect(
      errorOf({ contextTokens: MAX_CONTEXT_TOKENS, weightFormat: 'q4_0', kvCacheFormat: 'q4_0' }),
    ).toBeNull();
    expect(errorOf({ contextTokens: 0 })?.message).toBe(
      `expected a number from 1 to ${MAX_CONTEXT_TOKENS}, got 0`,
    );
    expect(errorOf({ contextTokens: MAX_CONTEXT_TOKENS + 1 })?.message).toBe(
      `expected a number from 1 to 1073741824, got ${MAX_CONTEXT_TOKENS + 1}`,
    );
    expect(errorOf({ contextTokens: '8192' })?.code).toBe('invalid-context');
  });

  it('batch: 1 and the maximum are accepted, 0 and one more are not, nor a string', () => {
    expect(MAX_BATCH).toBe(65536);
    expect(errorOf({ batch: MAX_BATCH, contextTokens: 1 })).toBeNull();
    expect(errorOf({ batch: 0 })?.message).toBe('expected a number from 1 to 65536, got 0');
    expect(errorOf({ batch: MAX_BATCH + 1 })?.message).toBe('expected a number from 1 to 65536, got 65537');
    expect(errorOf({ batch: Number.NaN })?.code).toBe('invalid-batch');
    expect(errorOf({ batch: '1' })?.field).toBe('batch');
  });

  it('estimateMemory throws the same error, named, with the field in its message', () => {
    try {
      estimateMemory(modelFromHfConfig(LLAMA_31_8B), { ...ok, batch: 0 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EstimateOptionsError);
      expect((e as Error).name).toBe('EstimateOptionsError');
      expect((e as Error).message).toBe('batch: expected a number from 1 to 65536, got 0');
      expect((e as EstimateOptionsError).error.code).toBe('invalid-batch');
    }
  });
});
