// Test helpers: presets from data/models, hand-written configs from published config.json files, and a
// small seeded PRNG (mulberry32) so property tests are reproducible.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Preset {
  id: string;
  name: string;
  config: Record<string, unknown>;
}

export function loadPresets(): Preset[] {
  const dir = join(ROOT, 'data/models');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        id: string;
        name: string;
        config: Record<string, unknown>;
      };
      return { id: raw.id, name: raw.name, config: raw.config };
    });
}

export function loadPreset(id: string): Preset {
  const raw = JSON.parse(readFileSync(join(ROOT, 'data/models', `${id}.json`), 'utf8')) as Preset;
  return { id: raw.id, name: raw.name, config: raw.config };
}

/** mulberry32: a 32-bit seeded PRNG, returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** meta-llama/Llama-3.1-8B config.json (https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json). */
export const LLAMA_31_8B = {
  architectures: ['LlamaForCausalLM'],
  attention_bias: false,
  hidden_size: 4096,
  intermediate_size: 14336,
  max_position_embeddings: 131072,
  mlp_bias: false,
  model_type: 'llama',
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  rms_norm_eps: 1e-5,
  rope_scaling: {
    factor: 8.0,
    low_freq_factor: 1.0,
    high_freq_factor: 4.0,
    original_max_position_embeddings: 8192,
    rope_type: 'llama3',
  },
  rope_theta: 500000.0,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  vocab_size: 128256,
};

/** openai/gpt-oss-20b config.json (https://huggingface.co/openai/gpt-oss-20b/blob/main/config.json), the
 *  fields the memory model reads. */
export const GPT_OSS_20B = {
  architectures: ['GptOssForCausalLM'],
  attention_bias: true,
  experts_per_token: 4,
  head_dim: 64,
  hidden_size: 2880,
  intermediate_size: 2880,
  layer_types: Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention')),
  max_position_embeddings: 131072,
  model_type: 'gpt_oss',
  num_attention_heads: 64,
  num_experts_per_tok: 4,
  num_hidden_layers: 24,
  num_key_value_heads: 8,
  num_local_experts: 32,
  quantization_config: {
    modules_to_not_convert: [
      'model.layers.*.self_attn',
      'model.layers.*.mlp.router',
      'model.embed_tokens',
      'lm_head',
    ],
    quant_method: 'mxfp4',
  },
  sliding_window: 128,
  tie_word_embeddings: false,
  vocab_size: 201088,
};
