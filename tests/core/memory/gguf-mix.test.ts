import { describe, expect, it } from 'vitest';
import { modelFromHfConfig } from '../../../src/core/index';
import { GGML_BLOCKS, ggmlRowBytes } from '../../../src/core/memory/ggml-types';
import { fallbackType, ggufTensorTypes, moreBitsLayer } from '../../../src/core/memory/gguf-mix';
import { LLAMA_31_8B, loadPreset } from './helpers';

describe('ggml block sizes (ggml-common.h static_asserts)', () => {
  it.each([
    ['q8_0', 32, 34],
    ['q4_0', 32, 18],
    ['q5_0', 32, 22],
    ['q4_k', 256, 144],
    ['q5_k', 256, 176],
    ['q6_k', 256, 210],
    ['q3_k', 256, 110],
    ['q2_k', 256, 84],
    ['iq4_xs', 256, 136],
    ['iq4_nl', 32, 18],
    ['iq3_s', 256, 110],
    ['iq3_xxs', 256, 98],
    ['iq2_xxs', 256, 66],
    ['iq2_xs', 256, 74],
    ['iq2_s', 256, 82],
    ['iq1_s', 256, 50],
    ['iq1_m', 256, 56],
    ['mxfp4', 32, 17],
    ['nvfp4', 64, 36],
  ] as const)('%s: %i values in %i bytes', (type, values, bytes) => {
    expect(GGML_BLOCKS[type]).toEqual({ blockValues: values, blockBytes: bytes });
    expect(ggmlRowBytes(type, 4096)).toBe((4096 / values) * bytes);
  });
});

describe('llama_tensor_get_type port', () => {
  it('use_more_bits: first and last eighth plus every third layer in between (32 layers -> 16)', () => {
    const bumped = Array.from({ length: 32 }, (_, i) => i).filter((i) => moreBitsLayer(i, 32));
    expect(bumped).toEqual([0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24, 27, 28, 29, 30, 31]);
  });

  it('Q4_K_M on Llama 3.1 8B: output Q6_K, token_embd Q4_K, bumped attn_v/ffn_down Q6_K, norms f32', () => {
    const m = modelFromHfConfig(LLAMA_31_8B);
    const types = ggufTensorTypes(m, 'q4_k_m', { hasImatrix: true });
    const typeOf = (name: string) => types[m.tensors.findIndex((t) => t.name === name)];
    expect(typeOf('output.weight')).toBe('q6_k');
    expect(typeOf('token_embd.weight')).toBe('q4_k');
    expect(typeOf('blk.0.attn_v.weight')).toBe('q6_k');
    expect(typeOf('blk.4.attn_v.weight')).toBe('q4_k');
    expect(typeOf('blk.6.ffn_down.weight')).toBe('q6_k');
    expect(typeOf('blk.7.ffn_down.weight')).toBe('q4_k');
    expect(typeOf('blk.7.ffn_gate.weight')).toBe('q4_k');
    expect(typeOf('blk.7.attn_norm.weight')).toBe('f32');
    // 225 quantized 2-D tensors + output: llama_model_loader lists "type q4_K: 193, type q6_K: 33" for this mix
    const count = (t: string) => types.filter((x) => x === t).length;
    expect(count('q6_k')).toBe(16 + 16 + 1);
    expect(count('q4_k')).toBe(32 * 7 - 32 + 1);
  });

  it('Q6_K on Llama 3.1 8B: all 226 matrices q6_K, as the loader log in abetlen/llama-cpp-python#1710 shows', () => {
    const m = modelFromHfConfig(LLAMA_31_8B);
    const types = ggufTensorTypes(m, 'q6_k', { hasImatrix: true });
    expect(types.filter((t) => t === 'q6_k')).toHaveLength(226);
    // the log's 66 f32 tensors include rope_freqs, which rigcast does not model (64 values)
    expect(types.filter((t) => t === 'f32')).toHaveLength(65);
  });

  it('tied embeddings quantize token_embd like output (Q6_K)', () => {
    const m = modelFromHfConfig(loadPreset('llama-3-2-3b').config);
    const types = ggufTensorTypes(m, 'q4_k_m', { hasImatrix: true });
    expect(types[m.tensors.findIndex((t) => t.name === 'token_embd.weight')]).toBe('q6_k');
  });

  it('8-expert models (Mixtral) get Q8_0 attn_v and attn_k, Q5_K attn_output', () => {
    const m = modelFromHfConfig(loadPreset('mixtral-8x7b').config);
    const types = ggufTensorTypes(m, 'q3_k_m', { hasImatrix: true });
    const typeOf = (name: string) => types[m.tensors.findIndex((t) => t.name === name)];
    expect(typeOf('blk.5.attn_v.weight')).toBe('q8_0');
    expect(typeOf('blk.5.attn_k.weight')).toBe('q8_0');
    expect(typeOf('blk.5.attn_output.weight')).toBe('q5_k');
    expect(typeOf('blk.5.ffn_gate_inp.weight')).toBe('f32');
  });

  it('row lengths not divisible by 256 fall back (Qwen2.5-32B ffn_down, 27648 = 108 x 256 is fine; 29568 is not)', () => {
    expect(fallbackType('q4_k', 27648)).toBe('q4_k');
    expect(fallbackType('q4_k', 29568)).toBe('q5_0');
    expect(fallbackType('q6_k', 128)).toBe('q8_0');
    expect(fallbackType('q2_k', 128)).toBe('q4_0');
    expect(fallbackType('iq2_xxs', 128)).toBe('iq4_nl');
    expect(fallbackType('q4_k', 100)).toBe('f16');
  });

  it('MLA k_b (row of 128) falls back from Q4_K to Q5_0; MXFP4_MOE puts 3-D tensors in MXFP4, the rest Q8_0', () => {
    const m = modelFromHfConfig(loadPreset('deepseek-r1').config);
    const q4 = ggufTensorTypes(m, 'q4_k_m', { hasImatrix: true });
    expect(q4[m.tensors.findIndex((t) => t.name === 'blk.0.attn_k_b.weight')]).toBe('q5_0');
    const mx = ggufTensorTypes(m, 'mxfp4_moe', { hasImatrix: true });
    expect(mx[m.tensors.findIndex((t) => t.name === 'blk.10.ffn_up_exps.weight')]).toBe('mxfp4');
    expect(mx[m.tensors.findIndex((t) => t.name === 'blk.10.ffn_up_shexp.weight')]).toBe('q8_0');
    expect(mx[m.tensors.findIndex((t) => t.name === 'output.weight')]).toBe('q8_0');
  });
});
