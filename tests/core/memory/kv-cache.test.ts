import { describe, expect, it } from 'vitest';
import { estimateMemory, kvCacheFormatById, modelFromHfConfig } from '../../../src/core/index';
import { estimateKvCache } from '../../../src/core/memory/kv-cache';
import { GPT_OSS_20B, LLAMA_31_8B, loadPreset } from './helpers';

const MiB = 1024 * 1024;
const kv = (
  config: unknown,
  kvCacheFormat: string,
  contextTokens: number,
  batch: number,
  engine = 'llama.cpp',
) =>
  estimateMemory(modelFromHfConfig(config), {
    weightFormat: 'q4_k_m',
    kvCacheFormat,
    contextTokens,
    batch,
    engine,
  }).kvCache;

describe('KV cache, llama.cpp (llama-kv-cache.cpp, llama-context.cpp)', () => {
  it('Llama 3.1 8B at 8192 tokens, f16: 1024 MiB (32 layers x 8192 cells x 2 x 1024 values x 2 B)', () => {
    // llama.cpp prints "KV self size = 1024.00 MiB, K (f16): 512.00 MiB, V (f16): 512.00 MiB" for this.
    expect(kv(LLAMA_31_8B, 'f16', 8192, 1)).toBe(1024 * MiB);
  });

  it('pads the context to a multiple of 256 cells (GGML_PAD(n_ctx, 256))', () => {
    expect(kv(LLAMA_31_8B, 'f16', 1000, 1)).toBe(kv(LLAMA_31_8B, 'f16', 1024, 1));
    expect(kv(LLAMA_31_8B, 'f16', 1025, 1)).toBe(32 * 1280 * 2 * 1024 * 2);
  });

  it('q8_0 and q4_0 use their block sizes: 34 and 18 bytes per 32 values', () => {
    expect(kv(LLAMA_31_8B, 'q8_0', 8192, 1)).toBe(32 * 8192 * 2 * (1024 / 32) * 34);
    expect(kv(LLAMA_31_8B, 'q4_0', 8192, 1)).toBe(32 * 8192 * 2 * (1024 / 32) * 18);
  });

  it('one stream per sequence, each padded: batch 3 of 1000 tokens = 3 x 1024 cells', () => {
    expect(kv(LLAMA_31_8B, 'f16', 1000, 3)).toBe(3 * kv(LLAMA_31_8B, 'f16', 1000, 1));
  });

  it('MLA caches only the 512 + 64 latent as K (has_v = !is_mla): DeepSeek-R1 70,272 B per token in f16', () => {
    const cfg = loadPreset('deepseek-r1').config;
    expect(kv(cfg, 'f16', 4096, 1)).toBe(61 * 576 * 2 * 4096);
  });

  it('gpt-oss sliding layers hold pad256(min(n_ctx, 128 + 512)) = 768 cells (llama-kv-cache-iswa.cpp)', () => {
    const perCell = 8 * 64 * 2 * 2; // kv heads x head_dim x (K+V) x f16
    expect(kv(GPT_OSS_20B, 'f16', 32768, 1)).toBe(12 * 32768 * perCell + 12 * 768 * perCell);
    // below the window + ubatch the sliding layers are as large as the full ones
    expect(kv(GPT_OSS_20B, 'f16', 512, 1)).toBe(24 * 512 * perCell);
  });

  it('gpt-oss-20b at n_ctx 4096: the SWA half matches a logged llama.cpp iSWA cache (18.00 MiB, 768 cells)', () => {
    // https://github.com/ggml-org/llama.cpp/pull/17609 (PR description, a gpt-oss run: <|return|>/<|call|>
    // logit biases, ctx_size = 4096): "llama_kv_cache_iswa: creating     SWA KV cache, size = 768 cells" and
    // "llama_kv_cache: size =   18.00 MiB (   768 cells,  12 layers,  1/1 seqs), K (f16):    9.00 MiB,
    // V (f16):    9.00 MiB". 12 sliding layers of 8 KV heads x 64 = gpt-oss-20b. The excerpt does not show
    // the non-SWA line, so this is not in tests/golden/kv-sizes.json; the 12 full layers add 4096 cells each.
    const perCell = 8 * 64 * 2 * 2;
    const swaBytes = kv(GPT_OSS_20B, 'f16', 4096, 1) - 12 * 4096 * perCell;
    expect(swaBytes).toBe(18 * MiB);
  });

  it('Gemma 2 27B: 23 sliding layers of 4096 + 512, 23 full layers', () => {
    const cfg = loadPreset('gemma-2-27b').config;
    const perCell = 16 * 128 * 2 * 2;
    expect(kv(cfg, 'f16', 8192, 1)).toBe(23 * 8192 * perCell + 23 * 4608 * perCell);
  });

  it('Llama 4 chunked layers are capped at the 8192 chunk + ubatch', () => {
    const cfg = loadPreset('llama-4-scout').config;
    const perCell = 8 * 128 * 2 * 2;
    expect(kv(cfg, 'f16', 65536, 1)).toBe(12 * 65536 * perCell + 36 * 8704 * perCell);
  });
});

describe('KV cache, llama.cpp slots (unslothai/unsloth PR #7530, measured on a live llama-server)', () => {
  // Gemma 3 270M shapes (google/gemma-3-270m config.json): 18 layers, 1 KV head x 256, 5 sliding : 1 global.
  const gemma270m = {
    model_type: 'gemma3_text',
    hidden_size: 640,
    intermediate_size: 2048,
    num_attention_heads: 4,
    num_hidden_layers: 18,
    num_key_value_heads: 1,
    head_dim: 256,
    sliding_window: 512,
    vocab_size: 262144,
  };
  it('-c 1024 with 3 slots allocates 1536 cells, 27.0 MiB', () => {
    // 1024 / 3 = 341 per slot, padded to 512 per stream
    expect(kv(gemma270m, 'f16', 341, 3)).toBe(27 * MiB);
  });
  it('-c 1024 with 4 slots allocates 1024 cells, 18.0 MiB', () => {
    expect(kv(gemma270m, 'f16', 256, 4)).toBe(18 * MiB);
  });
});

describe('KV cache, vLLM (vllm/v1/kv_cache_interface.py)', () => {
  it('full attention: cdiv(ctx, 16) pages of 16 tokens', () => {
    const perToken = 32 * 1024 * 2 * 2;
    expect(kv(LLAMA_31_8B, 'bf16', 8192, 1, 'vllm')).toBe(8192 * perToken);
    expect(kv(LLAMA_31_8B, 'bf16', 8193, 1, 'vllm')).toBe(8208 * perToken);
    expect(kv(LLAMA_31_8B, 'fp8', 8192, 4, 'vllm')).toBe((4 * 8192 * perToken) / 2);
  });

  it('gpt-oss-120b holds 73,728 B per token across its 36 layers in bf16, as vLLM logs show (hf-mem#60)', () => {
    const m = modelFromHfConfig(loadPreset('gpt-oss-120b').config);
    const e = estimateMemory(m, {
      weightFormat: 'mxfp4',
      kvCacheFormat: 'bf16',
      contextTokens: 1,
      batch: 1,
      engine: 'vllm',
    });
    expect(e.kvBytesPerToken).toBe(73_728);
  });

  it('sliding layers: cdiv(min(window - 1 + max_num_batched_tokens, ctx), 16) + 1 pages', () => {
    const perPage = 16 * 8 * 128 * 2;
    const ctx = 32768;
    const expected = 12 * (ctx / 16) * perPage + 12 * (Math.ceil((128 - 1 + 2048) / 16) + 1) * perPage;
    expect(kv(GPT_OSS_20B, 'bf16', ctx, 1, 'vllm')).toBe(expected);
  });

  it('MLA: one head of kv_lora_rank + qk_rope_head_dim (MLAAttentionSpec)', () => {
    const cfg = loadPreset('deepseek-r1').config;
    expect(kv(cfg, 'bf16', 4096, 2, 'vllm')).toBe(2 * 61 * 4096 * 576 * 2);
  });
});

describe('KV cache: chunked layers on vLLM, bytes read per token, cells per sequence', () => {
  it('Llama 4 Scout on vLLM: 36 chunked layers hold cdiv(min(8192 + 2048, ctx), 16) pages, 12 full layers all', () => {
    // Llama-4-Scout text_config: 48 layers, every 4th global (no RoPE), attention_chunk_size 8192, 8 KV
    // heads of 128: 16 tokens x 8 x 128 x 2 (K and V) x 2 B = 65,536 B per page per layer.
    const perPage = 16 * 8 * 128 * 2 * 2;
    const cfg = loadPreset('llama-4-scout').config;
    expect(kv(cfg, 'bf16', 32_768, 1, 'vllm')).toBe((36 * 640 + 12 * 2048) * perPage);
    // Below the chunk, a chunked layer holds the whole context like a full one.
    expect(kv(cfg, 'bf16', 4096, 1, 'vllm')).toBe(48 * 256 * perPage);
  });

  it('a token reads the whole cache of full layers and only the window of sliding ones', () => {
    // gpt-oss-20b: 24 layers alternating full and 128-token sliding, 8 KV heads of 64: 2,048 B per token
    // per layer in f16.
    const e = estimateMemory(modelFromHfConfig(GPT_OSS_20B), {
      weightFormat: 'mxfp4',
      kvCacheFormat: 'f16',
      contextTokens: 4096,
      batch: 1,
      engine: 'llama.cpp',
    });
    expect(e.kvBytesPerToken).toBe(2048 * (12 * 4096 + 12 * 128));
    // Llama 3.1 8B has no window: a token reads every cached token of every layer (32 x 8 x 128 x 2 x 2 B).
    const llama = estimateMemory(modelFromHfConfig(LLAMA_31_8B), {
      weightFormat: 'q4_k_m',
      kvCacheFormat: 'f16',
      contextTokens: 5000,
      batch: 1,
      engine: 'vllm',
    });
    expect(llama.kvBytesPerToken).toBe(5000 * 32 * 8 * 128 * 2 * 2);
  });

  it('vLLM rounds a sequence up to whole 16-token pages; llama.cpp to 256 cells', () => {
    const model = modelFromHfConfig(LLAMA_31_8B);
    const f16 = kvCacheFormatById('f16');
    if (!f16) throw new Error('no f16');
    expect(estimateKvCache(model, f16, 1000, 1, 'vllm').cellsPerSequence).toBe(1008);
    expect(estimateKvCache(model, f16, 1000, 1, 'llama.cpp').cellsPerSequence).toBe(1024);
    // With several slots, llama.cpp splits the padded total and pads each slot again: -c 3000 -np 3.
    expect(estimateKvCache(model, f16, 1000, 3, 'llama.cpp').cellsPerSequence).toBe(1024);
  });
});
