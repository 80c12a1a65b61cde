// The per-tensor and per-layer views the partial-offload placement reads must add up to the memory model's
// totals, so splitting a model across devices neither loses nor invents bytes.
import { describe, expect, it } from 'vitest';
import { estimateMemory, modelFromHfConfig } from '../../../src/core/index';
import { kvCacheFormatById, weightFormatById } from '../../../src/core/memory/formats';
import { kvBytesReadPerLayer, llamaCppKvBytesPerLayer } from '../../../src/core/memory/kv-cache';
import {
  llamaCppComputeBufferBytes,
  llamaCppLayerActivationBytes,
  llamaCppLogitsBytes,
} from '../../../src/core/memory/overhead';
import { tensorBytes } from '../../../src/core/memory/weights';
import { loadPreset } from './helpers';

const wf = (id: string) => {
  const f = weightFormatById(id);
  if (!f) throw new Error(id);
  return f;
};
const kf = (id: string) => {
  const f = kvCacheFormatById(id);
  if (!f) throw new Error(id);
  return f;
};

const model = (id: string) => modelFromHfConfig(loadPreset(id).config, id);
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

describe('tensorBytes', () => {
  it.each([
    ['qwen3-30b-a3b', 'q4_k_m'],
    ['llama-3-1-8b', 'bf16'],
    ['glm-4-5-air', 'q4_k_m'],
    ['gpt-oss-20b', 'mxfp4'],
    ['deepseek-v3', 'fp8'],
  ])('%s %s: model tensors sum to the estimate weights, all tensors to the file bytes', (id, format) => {
    const m = model(id);
    const tb = tensorBytes(m, wf(format), 'llama.cpp');
    const e = estimateMemory(m, { weightFormat: format, kvCacheFormat: 'f16', contextTokens: 1, batch: 1 });
    expect(sum(tb.bytes.subarray(0, tb.mainCount))).toBe(e.weights);
    // Stored-but-unloaded MTP blocks (GLM GGUF) are the entries past mainCount.
    if (tb.isGguf) expect(sum(tb.bytes)).toBe(e.weightsFileBytes);
    expect(tb.tensors).toHaveLength(tb.bytes.length);
  });

  it('reports the GGUF layout only for formats llama.cpp loads', () => {
    const m = model('llama-3-1-8b');
    expect(tensorBytes(m, wf('q4_k_m'), 'llama.cpp').isGguf).toBe(true);
    expect(tensorBytes(m, wf('fp16'), 'llama.cpp').isGguf).toBe(true);
    expect(tensorBytes(m, wf('fp8'), 'llama.cpp').isGguf).toBe(false);
    expect(tensorBytes(m, wf('q4_k_m'), 'vllm').isGguf).toBe(true);
    expect(tensorBytes(m, wf('bf16'), 'vllm').isGguf).toBe(false);
  });
});

describe('llamaCppKvBytesPerLayer', () => {
  it.each([
    ['llama-3-1-8b', 8192, 1, 'f16'],
    ['gemma-3-27b', 32768, 2, 'q8_0'],
    ['gpt-oss-20b', 131072, 1, 'f16'],
    ['deepseek-v3', 4096, 4, 'f16'],
  ])('%s at %i tokens x %i sums to the estimate', (id, ctx, batch, kv) => {
    const m = model(id);
    const perLayer = llamaCppKvBytesPerLayer(m, kf(kv), ctx, batch);
    const e = estimateMemory(m, { weightFormat: 'q4_k_m', kvCacheFormat: kv, contextTokens: ctx, batch });
    expect(perLayer).toHaveLength(m.numLayers);
    expect(sum(perLayer)).toBe(e.kvCache);
  });

  it('gives a sliding layer its window, not the context (gemma-3: 1024 + 512 cells, padded)', () => {
    const m = model('gemma-3-27b');
    const perLayer = llamaCppKvBytesPerLayer(m, kf('f16'), 32768, 1);
    const full = Math.max(...perLayer);
    const sliding = Math.min(...perLayer);
    // Gemma 3 27B: 16 KV heads x (128 + 128) x 2 B per cell.
    expect(full).toBe(32768 * 16 * 256 * 2);
    expect(sliding).toBe(1536 * 16 * 256 * 2);
  });
});

describe('kvBytesReadPerLayer', () => {
  it('sums to the estimate kvBytesPerToken at the full context', () => {
    const m = model('gemma-3-27b');
    const e = estimateMemory(m, {
      weightFormat: 'q4_k_m',
      kvCacheFormat: 'f16',
      contextTokens: 20000,
      batch: 1,
    });
    expect(sum(kvBytesReadPerLayer(m, kf('f16'), 20000))).toBe(e.kvBytesPerToken);
    expect(sum(kvBytesReadPerLayer(m, kf('f16'), 0))).toBe(0);
  });
});

describe('compute buffer parts', () => {
  it('the llama.cpp compute buffer is the larger of logits and layer activations', () => {
    for (const id of ['llama-3-1-8b', 'qwen3-30b-a3b', 'gemma-2-9b']) {
      const m = model(id);
      expect(llamaCppComputeBufferBytes(m, 512)).toBe(
        Math.max(llamaCppLogitsBytes(m, 512), llamaCppLayerActivationBytes(m, 512)),
      );
    }
    // Llama 3.1 8B: 4 B x 512 x (128256 + 4096) logits and hidden state.
    expect(llamaCppLogitsBytes(model('llama-3-1-8b'), 512)).toBe(4 * 512 * (128256 + 4096));
  });
});
