// The format lists the UI offers: each GGUF format's nominal bits are its main ggml type's block bits
// (ggml-common.h), each checkpoint format's are its published layout, and the labels name the format.
import { describe, expect, it } from 'vitest';
import { ENGINE_IDS, KV_CACHE_FORMAT_IDS, WEIGHT_FORMAT_IDS } from '../../../src/core/memory/format-ids';
import {
  ENGINES,
  isEngineId,
  KV_CACHE_FORMATS,
  kvCacheFormatById,
  WEIGHT_FORMATS,
  type WeightFormatInfo,
  weightFormatById,
} from '../../../src/core/memory/formats';

// Main type of each llama.cpp mix (llama-quantize's ftype table) and its block: values and bytes per block
// in ggml-common.h.
const GGUF_MAIN: Record<string, [string, number, number]> = {
  q8_0: ['q8_0', 32, 34],
  q6_k: ['q6_K', 256, 210],
  q5_k_m: ['q5_K', 256, 176],
  q5_k_s: ['q5_K', 256, 176],
  q4_k_m: ['q4_K', 256, 144],
  q4_k_s: ['q4_K', 256, 144],
  q4_0: ['q4_0', 32, 18],
  q3_k_l: ['q3_K', 256, 110],
  q3_k_m: ['q3_K', 256, 110],
  q3_k_s: ['q3_K', 256, 110],
  q2_k: ['q2_K', 256, 84],
  iq4_xs: ['iq4_xs', 256, 136],
  iq4_nl: ['iq4_nl', 32, 18],
  iq3_m: ['iq3_s', 256, 110],
  iq3_xxs: ['iq3_xxs', 256, 98],
  iq2_m: ['iq2_s', 256, 82],
  iq2_xxs: ['iq2_xxs', 256, 66],
  iq1_m: ['iq1_m', 256, 56],
  iq1_s: ['iq1_s', 256, 50],
};
// Checkpoint layouts: 16-bit; 8-bit; AWQ 4 bits + fp16 scale + 4-bit zero per 128; MXFP4 17 B per 32
// (OCP MX v1.0); NVFP4 4 bits + fp8 scale per 16.
const CHECKPOINT_BITS: Record<string, number> = {
  bf16: 16,
  fp16: 16,
  fp8: 8,
  int8: 8,
  int4: 4 + (16 + 4) / 128,
  mxfp4: (17 * 8) / 32,
  nvfp4: 4 + 8 / 16,
};

describe('weight formats', () => {
  it('lists every weight format id once, in the id list order', () => {
    expect(WEIGHT_FORMATS.map((f) => f.id).sort()).toEqual([...WEIGHT_FORMAT_IDS].sort());
  });
  it.each(WEIGHT_FORMATS.map((f): [string, WeightFormatInfo] => [f.id, f]))('%s', (id, f) => {
    expect(weightFormatById(id)).toBe(f);
    const gguf = GGUF_MAIN[id];
    if (gguf) {
      const [, values, bytes] = gguf;
      expect(f.kind).toBe('gguf');
      expect(f.mix).toBe(id);
      expect(f.nominalBitsPerWeight).toBe((bytes * 8) / values);
      expect(f.label).toBe(`GGUF ${id.toUpperCase()}`);
    } else {
      expect(f.kind).toBe('safetensors');
      expect(f).not.toHaveProperty('mix');
      expect(f.nominalBitsPerWeight).toBeCloseTo(CHECKPOINT_BITS[id] as number, 3);
      expect(f.label.startsWith(id.toUpperCase())).toBe(true);
    }
  });
  it('an unknown id has no format', () => {
    expect(weightFormatById('q9_k')).toBeUndefined();
    expect(kvCacheFormatById('f32')).toBeUndefined();
  });
});

describe('KV cache formats and engines', () => {
  it.each([
    ['f16', 1, 2, ['llama.cpp', 'vllm'], 'F16'],
    ['bf16', 1, 2, ['llama.cpp', 'vllm'], 'BF16'],
    ['fp8', 1, 1, ['vllm'], 'FP8 (vLLM)'],
    ['q8_0', 32, 34, ['llama.cpp'], 'Q8_0 (llama.cpp)'],
    ['q4_0', 32, 18, ['llama.cpp'], 'Q4_0 (llama.cpp)'],
  ] as const)('%s: %i values in %i bytes, offered by %o', (id, values, bytes, engines, label) => {
    expect(kvCacheFormatById(id)).toEqual({ id, label, blockValues: values, blockBytes: bytes, engines });
  });
  it('lists every KV id and engine once', () => {
    expect(KV_CACHE_FORMATS.map((f) => f.id)).toEqual([...KV_CACHE_FORMAT_IDS]);
    expect(ENGINES).toEqual([
      { id: 'llama.cpp', label: 'llama.cpp' },
      { id: 'vllm', label: 'vLLM' },
    ]);
    expect(ENGINES.map((e) => e.id)).toEqual([...ENGINE_IDS]);
    expect(isEngineId('llama.cpp')).toBe(true);
    expect(isEngineId('vllm')).toBe(true);
    expect(isEngineId('tgi')).toBe(false);
    expect(isEngineId('')).toBe(false);
  });
});
