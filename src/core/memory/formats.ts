// The closed lists the UI offers: weight formats, KV cache formats and engines.
import type { EngineId, KvCacheFormatId, WeightFormatId } from './format-ids';
import type { GgufMix } from './gguf-mix';

export type { EngineId, KvCacheFormatId, WeightFormatId } from './format-ids';

export type WeightFormatKind = 'safetensors' | 'gguf';

export interface WeightFormatInfo {
  id: WeightFormatId;
  label: string;
  /** Nominal bits per weight of the format's main type, for display only (the estimate works per tensor). */
  nominalBitsPerWeight: number;
  kind: WeightFormatKind;
  /** The llama.cpp mix for GGUF formats. */
  mix?: GgufMix;
}

// Nominal bits: ggml-common.h block sizes for GGUF (e.g. q4_K 144 B / 256 = 4.5); 16/8/4 for the
// safetensors formats; AWQ/GPTQ 4 bits + fp16 scale and 4-bit zero per 128 = 4.156; MXFP4 17 B / 32 = 4.25
// (OCP MX v1.0: e8m0 scale per 32 fp4 values); NVFP4 4 bits + fp8 scale per 16 = 4.5.
export const WEIGHT_FORMATS = [
  { id: 'bf16', label: 'BF16 (unquantized)', nominalBitsPerWeight: 16, kind: 'safetensors' },
  { id: 'fp16', label: 'FP16 (unquantized)', nominalBitsPerWeight: 16, kind: 'safetensors' },
  { id: 'fp8', label: 'FP8 (e4m3, 128x128 block scales)', nominalBitsPerWeight: 8, kind: 'safetensors' },
  { id: 'int8', label: 'INT8 (W8, per-channel scales)', nominalBitsPerWeight: 8, kind: 'safetensors' },
  { id: 'int4', label: 'INT4 (AWQ/GPTQ, group 128)', nominalBitsPerWeight: 4.156, kind: 'safetensors' },
  {
    id: 'mxfp4',
    label: 'MXFP4 (experts, as gpt-oss ships)',
    nominalBitsPerWeight: 4.25,
    kind: 'safetensors',
  },
  { id: 'nvfp4', label: 'NVFP4 (fp8 scale per 16)', nominalBitsPerWeight: 4.5, kind: 'safetensors' },
  { id: 'q8_0', label: 'GGUF Q8_0', nominalBitsPerWeight: 8.5, kind: 'gguf', mix: 'q8_0' },
  { id: 'q6_k', label: 'GGUF Q6_K', nominalBitsPerWeight: 6.5625, kind: 'gguf', mix: 'q6_k' },
  { id: 'q5_k_m', label: 'GGUF Q5_K_M', nominalBitsPerWeight: 5.5, kind: 'gguf', mix: 'q5_k_m' },
  { id: 'q5_k_s', label: 'GGUF Q5_K_S', nominalBitsPerWeight: 5.5, kind: 'gguf', mix: 'q5_k_s' },
  { id: 'q4_k_m', label: 'GGUF Q4_K_M', nominalBitsPerWeight: 4.5, kind: 'gguf', mix: 'q4_k_m' },
  { id: 'q4_k_s', label: 'GGUF Q4_K_S', nominalBitsPerWeight: 4.5, kind: 'gguf', mix: 'q4_k_s' },
  { id: 'q4_0', label: 'GGUF Q4_0', nominalBitsPerWeight: 4.5, kind: 'gguf', mix: 'q4_0' },
  { id: 'q3_k_l', label: 'GGUF Q3_K_L', nominalBitsPerWeight: 3.4375, kind: 'gguf', mix: 'q3_k_l' },
  { id: 'q3_k_m', label: 'GGUF Q3_K_M', nominalBitsPerWeight: 3.4375, kind: 'gguf', mix: 'q3_k_m' },
  { id: 'q3_k_s', label: 'GGUF Q3_K_S', nominalBitsPerWeight: 3.4375, kind: 'gguf', mix: 'q3_k_s' },
  { id: 'q2_k', label: 'GGUF Q2_K', nominalBitsPerWeight: 2.625, kind: 'gguf', mix: 'q2_k' },
  { id: 'iq4_xs', label: 'GGUF IQ4_XS', nominalBitsPerWeight: 4.25, kind: 'gguf', mix: 'iq4_xs' },
  { id: 'iq4_nl', label: 'GGUF IQ4_NL', nominalBitsPerWeight: 4.5, kind: 'gguf', mix: 'iq4_nl' },
  { id: 'iq3_m', label: 'GGUF IQ3_M', nominalBitsPerWeight: 3.4375, kind: 'gguf', mix: 'iq3_m' },
  { id: 'iq3_xxs', label: 'GGUF IQ3_XXS', nominalBitsPerWeight: 3.0625, kind: 'gguf', mix: 'iq3_xxs' },
  { id: 'iq2_m', label: 'GGUF IQ2_M', nominalBitsPerWeight: 2.5625, kind: 'gguf', mix: 'iq2_m' },
  { id: 'iq2_xxs', label: 'GGUF IQ2_XXS', nominalBitsPerWeight: 2.0625, kind: 'gguf', mix: 'iq2_xxs' },
  { id: 'iq1_m', label: 'GGUF IQ1_M', nominalBitsPerWeight: 1.75, kind: 'gguf', mix: 'iq1_m' },
  { id: 'iq1_s', label: 'GGUF IQ1_S', nominalBitsPerWeight: 1.5625, kind: 'gguf', mix: 'iq1_s' },
] as const satisfies readonly WeightFormatInfo[];

export interface KvCacheFormatInfo {
  id: KvCacheFormatId;
  label: string;
  /** Values per block and bytes per block (ggml-common.h for q8_0/q4_0). */
  blockValues: number;
  blockBytes: number;
  /** Engines that offer it: llama.cpp --cache-type-k/-v {f16,bf16,q8_0,q4_0,...}; vLLM --kv-cache-dtype
   *  {auto,bfloat16,fp8,...}. */
  engines: readonly EngineId[];
}

export const KV_CACHE_FORMATS = [
  { id: 'f16', label: 'F16', blockValues: 1, blockBytes: 2, engines: ['llama.cpp', 'vllm'] },
  { id: 'bf16', label: 'BF16', blockValues: 1, blockBytes: 2, engines: ['llama.cpp', 'vllm'] },
  { id: 'fp8', label: 'FP8 (vLLM)', blockValues: 1, blockBytes: 1, engines: ['vllm'] },
  { id: 'q8_0', label: 'Q8_0 (llama.cpp)', blockValues: 32, blockBytes: 34, engines: ['llama.cpp'] },
  { id: 'q4_0', label: 'Q4_0 (llama.cpp)', blockValues: 32, blockBytes: 18, engines: ['llama.cpp'] },
] as const satisfies readonly KvCacheFormatInfo[];

export const ENGINES = [
  { id: 'llama.cpp', label: 'llama.cpp' },
  { id: 'vllm', label: 'vLLM' },
] as const satisfies readonly { id: EngineId; label: string }[];

const WEIGHT_BY_ID: ReadonlyMap<string, WeightFormatInfo> = new Map(WEIGHT_FORMATS.map((f) => [f.id, f]));
const KV_BY_ID: ReadonlyMap<string, KvCacheFormatInfo> = new Map(KV_CACHE_FORMATS.map((f) => [f.id, f]));

export function weightFormatById(id: string): WeightFormatInfo | undefined {
  return WEIGHT_BY_ID.get(id);
}
export function kvCacheFormatById(id: string): KvCacheFormatInfo | undefined {
  return KV_BY_ID.get(id);
}
export function isEngineId(id: string): id is EngineId {
  return id === 'llama.cpp' || id === 'vllm';
}
