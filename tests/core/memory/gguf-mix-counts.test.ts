// How many tensors of each ggml type every mix gives, as llama.cpp's loader prints them ("type q4_K: 193
// tensors"). The counts are worked out by hand from llama_tensor_get_type in llama.cpp's src/llama-quant.cpp
// (https://github.com/ggml-org/llama.cpp/blob/master/src/llama-quant.cpp), per model shape:
// - Llama 3.1 8B: 32 blocks of 7 matrices (q, k, v, output, gate, up, down) + token_embd + output = 226
//   quantized tensors; n_gqa = 32 / 8 = 4. use_more_bits marks 16 of 32 layers (first 4, last 4, every third
//   between); the first eighth is 4 layers, the first sixteenth 2.
// - the same with 32 KV heads (n_gqa 1, as Llama 2 7B) and 32000 tokens;
// - an 80-block Llama 70B shape (n_gqa 8): LLM_TYPE_70B, whose Q3_K/Q4_K attn_v goes to Q5_K; use_more_bits
//   marks 40 of 80 layers, the first eighth is 10, the first sixteenth 5;
// - Mixtral 8x7B: 8 experts, 32 blocks of q, k, v, output and three 3-D expert tensors.
// Two of the rows are published loader logs: Llama 3.1 8B Q3_K_L "q3_K: 129, q5_K: 96, q6_K: 1"
// (lmstudio-community's file, log in https://github.com/yunwei37/My-AI-experiment/blob/main/docs/Notes/inference-locally.md)
// and a Llama 2 7B Q3_K_M "q3_K: 129, q4_K: 92, q5_K: 4, q6_K: 1"; the Q4_K_M row is in gguf-mix.test.ts.
// Norms and other 1-D tensors are f32 and not counted here.
import { describe, expect, it } from 'vitest';
import { modelFromHfConfig } from '../../../src/core/index';
import { type GgufMix, ggufTensorTypes } from '../../../src/core/memory/gguf-mix';
import { LLAMA_31_8B, loadPreset } from './helpers';

function counts(types: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of types) if (t !== 'f32') out[t] = (out[t] ?? 0) + 1;
  return out;
}

const shapes = {
  llama8b: () => modelFromHfConfig(LLAMA_31_8B),
  gqa1: () => modelFromHfConfig({ ...LLAMA_31_8B, num_key_value_heads: 32, vocab_size: 32000 }),
  llama70b: () =>
    modelFromHfConfig({
      ...LLAMA_31_8B,
      num_hidden_layers: 80,
      hidden_size: 8192,
      intermediate_size: 28672,
      num_attention_heads: 64,
      num_key_value_heads: 8,
    }),
  mixtral: () => modelFromHfConfig(loadPreset('mixtral-8x7b').config),
};

type Row = [keyof typeof shapes, GgufMix, boolean, Record<string, number>];
const rows: Row[] = [
  // Llama 3.1 8B, with an importance matrix.
  ['llama8b', 'q5_k_m', true, { q5_k: 193, q6_k: 33 }], // attn_v, ffn_down bumped on 16 layers each, output
  ['llama8b', 'q5_k_s', true, { q5_k: 225, q6_k: 1 }],
  ['llama8b', 'q4_k_s', true, { q4_k: 217, q5_k: 8, q6_k: 1 }], // attn_v of the first 4, ffn_down of the first 4
  ['llama8b', 'q4_0', true, { q4_0: 221, q4_1: 4, q6_k: 1 }], // ffn_down of the first eighth -> Q4_1 with imatrix
  ['llama8b', 'q4_0', false, { q4_0: 225, q6_k: 1 }],
  ['llama8b', 'q3_k_l', true, { q3_k: 129, q5_k: 96, q6_k: 1 }], // published log
  ['llama8b', 'q3_k_m', true, { q3_k: 129, q4_k: 92, q5_k: 4, q6_k: 1 }], // attn_v first 2, ffn_down first 2
  ['llama8b', 'q3_k_s', true, { q3_k: 225, q6_k: 1 }],
  ['llama8b', 'q2_k', true, { q2_k: 129, q3_k: 64, q4_k: 32, q6_k: 1 }], // n_gqa >= 4: attn_v Q4_K
  ['llama8b', 'iq4_xs', true, { iq4_xs: 193, q5_k: 32, q6_k: 1 }], // n_gqa >= 4: attn_v Q5_K
  ['llama8b', 'iq4_xs', false, { iq4_xs: 189, q5_k: 36, q6_k: 1 }], // + ffn_down of the first eighth
  ['llama8b', 'iq4_nl', false, { iq4_nl: 189, q5_k: 36, q6_k: 1 }],
  ['llama8b', 'iq3_m', true, { iq3_s: 157, q4_k: 68, q6_k: 1 }], // attn_v, attn_output, ffn_down first 4
  ['llama8b', 'iq3_xxs', true, { iq2_s: 64, iq3_s: 33, iq3_xxs: 96, q4_k: 32, q5_k: 1 }],
  ['llama8b', 'iq3_xxs', false, { iq2_s: 64, iq3_s: 33, iq3_xxs: 64, q3_k: 28, q4_k: 36, q5_k: 1 }],
  ['llama8b', 'iq2_m', true, { iq2_s: 156, iq3_s: 37, q4_k: 32, q5_k: 1 }],
  ['llama8b', 'iq2_xxs', true, { iq2_xxs: 188, q2_k: 5, q4_k: 32, q5_k: 1 }],
  ['llama8b', 'iq1_m', true, { iq1_m: 156, iq2_xxs: 32, q2_k: 5, q4_k: 32, q5_k: 1 }],
  ['llama8b', 'iq1_s', true, { iq1_s: 156, iq2_xxs: 32, q2_k: 5, q4_k: 32, q5_k: 1 }],
  ['llama8b', 'mxfp4_moe', true, { q8_0: 226 }], // no 3-D tensor: everything Q8_0
  // n_gqa 1: the attn_v rules that need n_gqa >= 4 do not apply.
  ['gqa1', 'q3_k_m', true, { q3_k: 129, q4_k: 92, q5_k: 4, q6_k: 1 }], // published log (Llama 2 7B)
  ['gqa1', 'q2_k', true, { q2_k: 129, q3_k: 96, q6_k: 1 }],
  ['gqa1', 'iq4_xs', true, { iq4_xs: 225, q6_k: 1 }],
  ['gqa1', 'iq3_xxs', true, { iq2_s: 64, iq3_s: 33, iq3_xxs: 128, q5_k: 1 }],
  ['gqa1', 'iq3_xxs', false, { iq2_s: 64, iq3_s: 65, q3_k: 28, q4_k: 4, iq3_xxs: 64, q5_k: 1 }],
  ['gqa1', 'iq2_m', true, { iq2_s: 156, iq3_s: 69, q5_k: 1 }],
  ['gqa1', 'iq2_xxs', true, { iq2_xxs: 188, q2_k: 37, q5_k: 1 }],
  // 80 layers, LLM_TYPE_70B.
  ['llama70b', 'q4_k_m', true, { q4_k: 441, q5_k: 40, q6_k: 81 }],
  ['llama70b', 'q4_k_s', true, { q4_k: 471, q5_k: 90, q6_k: 1 }],
  ['llama70b', 'q3_k_m', true, { q3_k: 321, q4_k: 155, q5_k: 85, q6_k: 1 }],
  ['llama70b', 'q3_k_s', true, { q3_k: 481, q5_k: 80, q6_k: 1 }],
  ['llama70b', 'q2_k', true, { q2_k: 321, q3_k: 160, q5_k: 80, q6_k: 1 }],
  ['llama70b', 'iq2_xxs', true, { iq2_xxs: 470, q2_k: 11, q4_k: 80, q5_k: 1 }], // the 70B rule is not in the low-IQ branch
  // 8 experts: attn_v and attn_k Q8_0 (low IQ: Q4_K), attn_output Q5_K, expert ffn_down by its own layer.
  ['mixtral', 'q4_k_m', true, { q4_k: 113, q5_k: 32, q6_k: 17, q8_0: 64 }],
  ['mixtral', 'q3_k_m', true, { q3_k: 97, q4_k: 30, q5_k: 34, q6_k: 1, q8_0: 64 }],
  ['mixtral', 'q2_k', true, { q2_k: 97, q3_k: 32, q5_k: 32, q6_k: 1, q8_0: 64 }],
  ['mixtral', 'iq3_m', true, { iq3_s: 113, q4_k: 16, q5_k: 32, q6_k: 1, q8_0: 64 }],
  ['mixtral', 'iq2_xxs', true, { iq2_xxs: 124, q2_k: 5, q4_k: 64, q5_k: 33 }],
];

describe('tensor counts per ggml type, as the loader prints them', () => {
  it.each(rows.map((r) => [`${r[0]} ${r[1]}${r[2] ? '' : ' (no imatrix)'}`, r] as const))(
    '%s',
    (_label, r) => {
      const [shape, mix, hasImatrix, expected] = r;
      expect(counts(ggufTensorTypes(shapes[shape](), mix, { hasImatrix }))).toEqual(expected);
    },
  );
});
