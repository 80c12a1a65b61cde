// The assumption lines shown under the memory estimate: which ones appear for which model, format and
// engine, and that each states the number it is about. The numbers are the models' published shapes and the
// engines' documented defaults, not the estimate's own arithmetic.
import { describe, expect, it } from 'vitest';
import { estimateMemory, type MemoryEstimate, modelFromHfConfig } from '../../../src/core/index';
import { loadPreset } from './helpers';

const model = (id: string) => modelFromHfConfig(loadPreset(id).config, id);
function lines(
  id: string,
  weightFormat: string,
  kvCacheFormat: string,
  engine: 'llama.cpp' | 'vllm',
  contextTokens = 8192,
): { ids: string[]; text: (id: string) => string; e: MemoryEstimate } {
  const e = estimateMemory(model(id), { weightFormat, kvCacheFormat, contextTokens, batch: 1, engine });
  return {
    ids: e.assumptions.map((a) => a.id),
    text: (aid: string) => e.assumptions.find((a) => a.id === aid)?.text ?? '',
    e,
  };
}

describe('which assumptions are listed', () => {
  it('a GGUF on llama.cpp with a quantized KV cache (Llama 3.1 8B Q4_K_M, q8_0 KV)', () => {
    expect(lines('llama-3-1-8b', 'q4_k_m', 'q8_0', 'llama.cpp').ids).toEqual([
      'gguf-mix',
      'ggml-block-sizes',
      'gguf-imatrix',
      'kv-layout',
      'llama-ctx-pad',
      'llama-quantized-v',
      'llama-compute-buffer',
      'cuda-context',
    ]);
    // An f16 cache needs no flash-attention note.
    expect(lines('llama-3-1-8b', 'q4_k_m', 'f16', 'llama.cpp').ids).not.toContain('llama-quantized-v');
    expect(lines('llama-3-1-8b', 'q4_k_m', 'q4_0', 'llama.cpp').ids).toContain('llama-quantized-v');
  });

  it('a safetensors checkpoint on vLLM (Llama 3.1 8B FP8)', () => {
    expect(lines('llama-3-1-8b', 'fp8', 'fp8', 'vllm').ids).toEqual([
      'safetensors-format',
      'kv-layout',
      'vllm-blocks',
      'vllm-batched-tokens',
      'vllm-activations',
      'vllm-runtime',
      'vllm-utilization',
    ]);
  });

  it('a GGUF on vLLM says vLLM loads GGUF only for some architectures; an MoE lists its experts', () => {
    const { ids } = lines('deepseek-r1', 'q4_k_m', 'f16', 'vllm');
    expect(ids.slice(0, 5)).toEqual([
      'gguf-mix',
      'ggml-block-sizes',
      'gguf-on-vllm',
      'gguf-imatrix',
      'moe-all-experts',
    ]);
    expect(lines('llama-3-1-8b', 'q4_k_m', 'f16', 'llama.cpp').ids).not.toContain('gguf-on-vllm');
  });

  it('16-bit weights on llama.cpp are a GGUF (types per tensor) without the imatrix note; elsewhere a checkpoint', () => {
    const gguf = lines('gemma-3-27b', 'bf16', 'f16', 'llama.cpp').ids;
    expect(gguf.slice(0, 2)).toEqual(['gguf-mix', 'ggml-block-sizes']);
    expect(gguf).not.toContain('gguf-imatrix');
    expect(lines('llama-3-1-8b', 'fp16', 'f16', 'llama.cpp').ids).toContain('gguf-mix');
    expect(lines('llama-3-1-8b', 'bf16', 'f16', 'vllm').ids[0]).toBe('safetensors-format');
  });

  it('MXFP4 on llama.cpp: gpt-oss (MoE) is a GGUF mix; a dense model is a checkpoint llama.cpp cannot load', () => {
    expect(lines('gpt-oss-20b', 'mxfp4', 'f16', 'llama.cpp').ids[0]).toBe('gguf-mix');
    const dense = lines('llama-3-1-8b', 'mxfp4', 'f16', 'llama.cpp').ids;
    expect(dense.slice(0, 2)).toEqual(['safetensors-format', 'format-engine']);
  });

  it.each(['fp8', 'int8', 'int4', 'nvfp4'])('%s on llama.cpp says llama.cpp does not load it', (format) => {
    const { ids, text } = lines('llama-3-1-8b', format, 'f16', 'llama.cpp');
    expect(ids.slice(0, 2)).toEqual(['safetensors-format', 'format-engine']);
    expect(text('format-engine')).toBe(
      `llama.cpp does not load ${format} safetensors checkpoints; the size shown is the checkpoint's.`,
    );
  });

  it('sliding-window layers: honoured by llama.cpp (gpt-oss), ignored by it (Phi-3.5), capped by vLLM', () => {
    const gptOss = lines('gpt-oss-20b', 'mxfp4', 'f16', 'llama.cpp');
    expect(gptOss.ids).toContain('llama-swa');
    expect(gptOss.ids).not.toContain('llama-swa-ignored');
    const phi = lines('phi-3-5-mini', 'q4_k_m', 'f16', 'llama.cpp');
    expect(phi.ids).toContain('llama-swa-ignored');
    expect(phi.ids).not.toContain('llama-swa');
    expect(phi.text('llama-swa-ignored')).toBe(
      '32 layers declare a sliding window that llama.cpp runs as full attention for this architecture.',
    );
    const vllm = lines('gemma-3-27b', 'bf16', 'f16', 'vllm');
    expect(vllm.ids).toContain('vllm-hybrid-allocator');
    expect(lines('llama-3-1-8b', 'bf16', 'f16', 'vllm').ids).not.toContain('vllm-hybrid-allocator');
  });
});

describe('each line states its numbers', () => {
  it('the GGUF mix counts the tensors of each type as llama.cpp loads them', () => {
    // llama_model_loader on Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf: "type f32: 65 tensors, type q4_K: 193
    // tensors, type q6_K: 33 tensors".
    const mix = lines('llama-3-1-8b', 'q4_k_m', 'f16', 'llama.cpp').text('gguf-mix');
    expect(mix).toMatch(/^Weights: GGUF Q4_K_M tensor types chosen as llama-quantize does/);
    for (const part of ['33 q6_k', '65 f32', '193 q4_k']) expect(mix).toContain(part);
    expect(lines('llama-3-1-8b', 'q4_k_m', 'f16', 'llama.cpp').text('gguf-imatrix')).toContain('±3%');
  });

  it('the KV layout: heads x (K + V) values, or the MLA latent, and the cache type', () => {
    // Llama 3.1 8B: 8 KV heads of 128; DeepSeek-R1: kv_lora_rank 512 + qk_rope_head_dim 64.
    expect(lines('llama-3-1-8b', 'q4_k_m', 'q8_0', 'llama.cpp').text('kv-layout')).toBe(
      'KV cache: 8 KV heads x (128 + 128) values per layer per token, Q8_0 (llama.cpp) (34 B per 32 values).',
    );
    expect(lines('deepseek-r1', 'q4_k_m', 'f16', 'vllm').text('kv-layout')).toBe(
      'KV cache: MLA latent only, 512 + 64 values per layer per token (vLLM MLAAttentionSpec), F16.',
    );
    expect(lines('deepseek-r1', 'q4_k_m', 'f16', 'llama.cpp').text('kv-layout')).toContain(
      '(llama.cpp has_v = !is_mla)',
    );
  });

  it('llama.cpp: context padded to 256 cells, compute buffer, CUDA context', () => {
    const l = lines('llama-3-1-8b', 'q4_k_m', 'q8_0', 'llama.cpp', 1000);
    expect(l.text('llama-ctx-pad')).toBe(
      'llama.cpp pads the context to a multiple of 256 per sequence (1024 cells), one cache stream per parallel sequence.',
    );
    expect(l.text('llama-quantized-v')).toBe(
      'A q8_0 V cache needs flash attention (-fa), assumed on (llama.cpp refuses a quantized V cache without it).',
    );
    // 4 B x 512 tokens x (128,256 vocabulary + 4,096 hidden) = 0.25 GiB.
    expect(l.text('llama-compute-buffer')).toMatch(/^Compute buffer ≈ 0\.25 GiB: .* 512-token ubatch/);
    // ollama's 457 MiB = 0.45 GiB.
    expect(l.text('cuda-context')).toMatch(/^CUDA context 0\.45 GiB per GPU/);
    expect(lines('gpt-oss-20b', 'mxfp4', 'f16', 'llama.cpp').text('llama-swa')).toBe(
      '12 sliding/chunked layers hold min(context, window + n_ubatch 512) cells padded to 256 (iSWA cache, --swa-full off).',
    );
  });

  it('vLLM: pages, batched tokens, activations, runtime and the 0.9 utilization', () => {
    const v = lines('llama-3-1-8b', 'fp8', 'fp8', 'vllm');
    expect(v.text('vllm-blocks')).toMatch(/^vLLM pages of 16 tokens; .*max_num_batched_tokens \(2048\)/);
    expect(v.text('vllm-batched-tokens')).toMatch(/^max_num_batched_tokens 2048 /);
    expect(v.text('vllm-activations')).toMatch(/^Activation peak ≈ \d\.\d\d GiB .*2048 tokens/);
    expect(v.text('vllm-runtime')).toBe('CUDA context 0.45 GiB + CUDA graphs 0.50 GiB (logged 0.1–0.7 GiB).');
    expect(v.text('vllm-utilization')).toContain('gpu_memory_utilization 0.9:');
    expect(lines('gemma-3-27b', 'bf16', 'f16', 'vllm').text('vllm-hybrid-allocator')).toMatch(
      /^52 sliding\/chunked layers capped by vLLM's hybrid KV cache manager/,
    );
  });

  it('an MoE names its experts: all resident, a few read per token', () => {
    // gpt-oss-20b: 32 experts per layer, 4 active per token (OpenAI's model card).
    expect(lines('gpt-oss-20b', 'mxfp4', 'f16', 'llama.cpp').text('moe-all-experts')).toBe(
      'MoE: all 32 experts per layer are resident; 4 are read per token.',
    );
  });

  it.each([
    ['bf16', '2 bytes per parameter.'],
    ['fp16', '2 bytes per parameter.'],
    ['fp8', 'one fp32 scale per 128x128 block'],
    ['int8', 'one 16-bit scale per output channel'],
    ['int4', 'per group of 128'],
    ['mxfp4', '17 bytes per 32 values'],
    ['nvfp4', 'one fp8 scale per 16 values'],
  ])('checkpoint format %s: %s', (format, fact) => {
    const text = lines('llama-3-1-8b', format, 'f16', 'vllm').text('safetensors-format');
    expect(text.startsWith('Weights: ')).toBe(true);
    expect(text).toContain(fact);
  });
});
