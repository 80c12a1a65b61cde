// The ids of the memory model's closed sets, and nothing else: the scenario (src/scenario) carries them in
// share links and imports this file instead of the core barrel, so the app's first-paint chunk does not
// pull in the memory model. formats.ts describes each id; a share link's ids are permanent.

/** llama.cpp GGUF quantization mixes (tools/quantize names in lower case, llama-quant.cpp). */
export const GGUF_FORMAT_IDS = [
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
] as const;

/** Weight formats: safetensors dtypes and quantizations, then the GGUF mixes. */
export const WEIGHT_FORMAT_IDS = [
  'bf16',
  'fp16',
  'fp8',
  'int8',
  'int4',
  'mxfp4',
  'nvfp4',
  ...GGUF_FORMAT_IDS,
] as const;
export type WeightFormatId = (typeof WEIGHT_FORMAT_IDS)[number];

/** KV cache formats: llama.cpp --cache-type-k/-v and vLLM --kv-cache-dtype values. */
export const KV_CACHE_FORMAT_IDS = ['f16', 'bf16', 'fp8', 'q8_0', 'q4_0'] as const;
export type KvCacheFormatId = (typeof KV_CACHE_FORMAT_IDS)[number];

export const ENGINE_IDS = ['llama.cpp', 'vllm'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];
