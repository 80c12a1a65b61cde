import { describe, expect, it } from 'vitest';
import {
  ENGINES,
  EstimateOptionsError,
  estimateMemory,
  KV_CACHE_FORMATS,
  modelFromHfConfig,
  safeEstimateMemory,
  WEIGHT_FORMATS,
} from '../../../src/core/index';
import { estimateOverhead, VLLM_GPU_MEMORY_UTILIZATION } from '../../../src/core/memory/overhead';
import { GPT_OSS_20B, LLAMA_31_8B, loadPreset } from './helpers';

const llama = modelFromHfConfig(LLAMA_31_8B);
const ok = { weightFormat: 'q4_k_m', kvCacheFormat: 'f16', contextTokens: 8192, batch: 1 };

describe('closed lists', () => {
  it('offers exactly the weight formats of the contract', () => {
    expect(WEIGHT_FORMATS.map((f) => f.id)).toEqual([
      'bf16',
      'fp16',
      'fp8',
      'int8',
      'int4',
      'mxfp4',
      'nvfp4',
      'q8_0',
      'q6_k',
      'q5_k_m',
      'q5_k_s',
      'q4_k_m',
      'q4_k_s',
      'q4_0',
      'q3_k_l',
      'q3_k_m',
      'q3_k_s',
      'q2_k',
      'iq4_xs',
      'iq4_nl',
      'iq3_m',
      'iq3_xxs',
      'iq2_m',
      'iq2_xxs',
      'iq1_m',
      'iq1_s',
    ]);
    expect(KV_CACHE_FORMATS.map((f) => f.id)).toEqual(['f16', 'bf16', 'fp8', 'q8_0', 'q4_0']);
    expect(ENGINES.map((e) => e.id)).toEqual(['llama.cpp', 'vllm']);
    for (const f of WEIGHT_FORMATS) expect(f.nominalBitsPerWeight).toBeGreaterThan(1);
  });
});

describe('estimateMemory', () => {
  it('total = weights + kvCache + overhead, inside its range, with sourced assumptions', () => {
    for (const engine of ['llama.cpp', 'vllm']) {
      const e = estimateMemory(llama, { ...ok, kvCacheFormat: 'bf16', engine });
      expect(e.total).toBeCloseTo(e.weights + e.kvCache + e.overhead, 3);
      expect(e.totalRange.low).toBeLessThanOrEqual(e.total);
      expect(e.totalRange.high).toBeGreaterThanOrEqual(e.total);
      expect(e.assumptions.length).toBeGreaterThan(3);
      for (const a of e.assumptions) {
        expect(a.text.length).toBeGreaterThan(10);
        expect(a.source).toMatch(/^https:\/\//);
      }
    }
  });

  it('vLLM total is (weights + kv + activations + runtime) / gpu_memory_utilization 0.9', () => {
    // vLLM's default gpu_memory_utilization is 0.9 (CacheConfig, vllm/config/cache.py): the GPU must be big
    // enough that 90% of it holds everything, so exactly 10% of the total is the reserve vLLM leaves unused.
    for (const contextTokens of [4096, 32_768]) {
      const opts = {
        ...ok,
        contextTokens,
        weightFormat: 'bf16',
        kvCacheFormat: 'bf16',
        engine: 'vllm',
      } as const;
      const e = estimateMemory(llama, opts);
      const oh = estimateOverhead(llama, 'vllm', contextTokens, 1);
      const used = e.weights + e.kvCache + oh.activations + oh.runtime;
      expect((e.total - used) / e.total).toBeCloseTo(0.1, 12);
      expect(e.overhead).toBeCloseTo(e.total - e.weights - e.kvCache, 3);
    }
    expect(VLLM_GPU_MEMORY_UTILIZATION).toBe(0.9);
    const e = estimateMemory(llama, { ...ok, weightFormat: 'bf16', kvCacheFormat: 'bf16', engine: 'vllm' });
    expect(e.weights).toBe(8_030_261_248 * 2);
  });

  it('dense models read all weights but the embedding table per token; MoE reads the active experts', () => {
    const dense = estimateMemory(llama, ok);
    expect(dense.routedExpertWeights).toBe(0);
    expect(dense.activeExpertBytesPerToken).toBe(0);
    expect(dense.activeWeightBytesPerToken).toBeLessThan(dense.weights);
    expect(dense.activeWeightBytesPerToken).toBeGreaterThan(dense.weights * 0.9);
    const moe = estimateMemory(modelFromHfConfig(GPT_OSS_20B), { ...ok, weightFormat: 'mxfp4' });
    expect(moe.routedExpertWeights / moe.weights).toBeGreaterThan(0.8);
    expect(moe.activeExpertBytesPerToken).toBeCloseTo(moe.routedExpertWeights * (4 / 32), 0);
    expect(moe.activeWeightBytesPerToken).toBeLessThan(moe.weights / 3);
  });

  it('gpt-oss-20b in llama.cpp MXFP4_MOE: experts MXFP4, the rest Q8_0 (ggml-org GGUF is 12.1 GB)', () => {
    // https://huggingface.co/ggml-org/gpt-oss-20b-GGUF: gpt-oss-20b-mxfp4.gguf 12.1 GB
    const e = estimateMemory(modelFromHfConfig(GPT_OSS_20B), { ...ok, weightFormat: 'mxfp4' });
    expect(Math.abs(e.weights / 12.1e9 - 1)).toBeLessThan(0.03);
  });

  it('DeepSeek-R1 published fp8 checkpoint: ~671B weights at 1 byte plus bf16 embeddings and block scales', () => {
    const e = estimateMemory(modelFromHfConfig(loadPreset('deepseek-r1').config), {
      ...ok,
      weightFormat: 'fp8',
      engine: 'vllm',
    });
    // 671B at 1 byte + 2 x 0.93B bf16 embedding/head (README_WEIGHTS.md) + one fp32 scale per 16384 weights
    expect(e.weights / 1e9).toBeGreaterThan(672);
    expect(e.weights / 1e9).toBeLessThan(675);
  });
});

describe('safeEstimateMemory: typed errors instead of throws', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['unknown weight format', { weightFormat: 'q4_k_xl' }, 'unknown-weight-format', 'weightFormat'],
    ['unknown kv format', { kvCacheFormat: 'int2' }, 'unknown-kv-format', 'kvCacheFormat'],
    ['unknown engine', { engine: 'ollama' }, 'unknown-engine', 'engine'],
    ['fp8 KV on llama.cpp', { kvCacheFormat: 'fp8' }, 'kv-format-unsupported-by-engine', 'kvCacheFormat'],
    [
      'q4_0 KV on vLLM',
      { kvCacheFormat: 'q4_0', engine: 'vllm' },
      'kv-format-unsupported-by-engine',
      'kvCacheFormat',
    ],
    ['zero context', { contextTokens: 0 }, 'invalid-context', 'contextTokens'],
    ['NaN context', { contextTokens: Number.NaN }, 'invalid-context', 'contextTokens'],
    ['infinite context', { contextTokens: Number.POSITIVE_INFINITY }, 'invalid-context', 'contextTokens'],
    ['negative batch', { batch: -1 }, 'invalid-batch', 'batch'],
    ['huge batch', { batch: 1e9 }, 'invalid-batch', 'batch'],
  ];
  it.each(cases)('%s', (_label, patch, code, field) => {
    const r = safeEstimateMemory(llama, { ...ok, ...patch } as typeof ok);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.field).toBe(field);
    }
    expect(() => estimateMemory(llama, { ...ok, ...patch } as typeof ok)).toThrow(EstimateOptionsError);
  });

  it('floors fractional context and batch', () => {
    const a = estimateMemory(llama, { ...ok, contextTokens: 4096.7, batch: 2.9 });
    const b = estimateMemory(llama, { ...ok, contextTokens: 4096, batch: 2 });
    expect(a.total).toBe(b.total);
  });
});

describe('multi-token-prediction blocks: in the files, not in memory', () => {
  it('GLM GGUFs store the NextN block (block_count = layers + nextn) but llama.cpp skips loading it', () => {
    const glm = modelFromHfConfig(loadPreset('glm-4-7').config);
    expect(glm.ggufStoresMtp).toBe(true);
    expect(glm.mtpTensors.some((t) => t.name === 'blk.92.nextn.eh_proj.weight')).toBe(true);
    const e = estimateMemory(glm, { ...ok, weightFormat: 'q4_k_m' });
    const fileOnly = (e.weightsFileBytes ?? 0) - e.weights;
    // one MoE block of 160 experts x 3 x 5120 x 1536 at ~4.5-6.6 bits, about 2.2-2.6 GB
    expect(fileOnly / 1e9).toBeGreaterThan(2);
    expect(fileOnly / 1e9).toBeLessThan(3);
  });

  it('DeepSeek GGUFs drop the MTP block; the fp8 checkpoint carries it (685B on the model page)', () => {
    const ds = modelFromHfConfig(loadPreset('deepseek-r1').config);
    const gguf = estimateMemory(ds, { ...ok, weightFormat: 'q4_k_m' });
    expect(gguf.weightsFileBytes).toBe(gguf.weights);
    const fp8 = estimateMemory(ds, { ...ok, weightFormat: 'fp8', engine: 'vllm' });
    expect(((fp8.weightsFileBytes ?? 0) - fp8.weights) / 1e9).toBeGreaterThan(11);
  });
});

describe('bytes read per generated token', () => {
  const bf16 = (id: string) =>
    estimateMemory(modelFromHfConfig(loadPreset(id).config, id), {
      weightFormat: 'bf16',
      kvCacheFormat: 'bf16',
      contextTokens: 4096,
      batch: 1,
      engine: 'vllm',
    });

  it('an untied embedding is looked up one row per token; everything else is read whole', () => {
    // Llama 3.1 8B: 8,030,261,248 parameters, a 128,256 x 4,096 embedding apart from the output head.
    const e = bf16('llama-3-1-8b');
    expect(e.weights).toBe(2 * 8_030_261_248);
    expect(e.activeWeightBytesPerToken).toBe(2 * (8_030_261_248 - 128_256 * 4096 + 4096));
    expect(e.activeExpertBytesPerToken).toBe(0);
  });

  it('a tied embedding is the output head too, so it is read whole: every weight byte per token', () => {
    const e = bf16('llama-3-2-3b');
    expect(e.activeWeightBytesPerToken).toBe(e.weights);
  });

  it('an MoE reads its experts_per_token of num_experts routed experts', () => {
    // Mixtral 8x7B: 32 layers x 8 experts x 3 matrices of 4,096 x 14,336; 2 of 8 experts per token.
    const e = bf16('mixtral-8x7b');
    const routed = 2 * 32 * 8 * 3 * 4096 * 14_336;
    expect(e.routedExpertWeights).toBe(routed);
    expect(e.activeExpertBytesPerToken).toBe(routed / 4);
    expect(e.activeWeightBytesPerToken).toBe(e.weights - routed + routed / 4 - 2 * 32_000 * 4096 + 2 * 4096);
  });
});
