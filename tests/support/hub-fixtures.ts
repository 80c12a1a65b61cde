// The repositories the network tests and the browser suite read: a GGUF repository of a Qwen3-30B-A3B-shaped
// MoE with its 151,936-token BPE vocabulary in the metadata (one single-file quantization, one custom mix in
// three splits, a vision projector), and a safetensors repository of Llama 3.1 8B in four bf16 shards with its
// config.json. Every header is real (written by model-files.ts); the tensor data is zeros.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GgmlType } from '../../src/core/memory/ggml-types';
import type { FakeRepo } from './fake-hub';
import {
  bpeTokenizerKv,
  buildGguf,
  buildSafetensors,
  type GgufKv,
  llamaSafetensorsTensors,
  moeGgufTensors,
  safetensorsTensorBytes,
  shardTensors,
} from './model-files';

const ROOT = join(import.meta.dirname, '../..');

export const QWEN_MOE = {
  layers: 48,
  hidden: 2048,
  ffn: 6144,
  heads: 32,
  kvHeads: 4,
  vocab: 151936,
  headDim: 128,
  experts: 128,
  expertsUsed: 8,
  expertFfn: 768,
};

export const GGUF_REPO = 'test-org/Qwen3-30B-A3B-GGUF';
export const ST_REPO = 'test-org/Llama-3.1-8B-Instruct';

const qwenKv = (fileType: number): GgufKv[] => [
  ['general.architecture', 'string', 'qwen3moe'],
  ['general.name', 'string', 'Qwen3 30B A3B'],
  ['qwen3moe.block_count', 'u32', 48],
  ['qwen3moe.embedding_length', 'u32', 2048],
  ['qwen3moe.expert_count', 'u32', 128],
  ['qwen3moe.expert_used_count', 'u32', 8],
  ['general.file_type', 'u32', fileType],
  ['general.quantization_version', 'u32', 2],
];

/** Q4_K_M-like: attn_v and ffn_down_exps of every other layer at Q6_K, output Q6_K, the rest Q4_K. */
const q4km = (name: string, layer: number): GgmlType =>
  name === 'output.weight' ||
  ((name.endsWith('attn_v.weight') || name.endsWith('ffn_down_exps.weight')) && layer % 2 === 0)
    ? 'q6_k'
    : 'q4_k';
/** A custom "dynamic" mix: experts at Q2_K, attention at Q6_K, embeddings Q8_0. */
const udQ2 = (name: string): GgmlType =>
  name.includes('_exps') ? 'q2_k' : name.startsWith('blk.') ? 'q6_k' : 'q8_0';

export interface HubFixtures {
  repos: FakeRepo[];
  /** Exact tensor bytes of each variant, from the writer (independent of the parser). */
  tensorBytes: Record<string, number>;
}

let cached: HubFixtures | null = null;

export function hubFixtures(): HubFixtures {
  if (cached) return cached;
  const tokenizer = bpeTokenizerKv(QWEN_MOE.vocab, 11);
  const single = buildGguf({ kv: [...qwenKv(15), ...tokenizer], tensors: moeGgufTensors(QWEN_MOE, q4km) });
  // The custom mix in three splits (gguf-split: all metadata in the first, split.* keys in every one).
  const all = moeGgufTensors(QWEN_MOE, udQ2);
  const parts = [all.slice(0, 200), all.slice(200, 400), all.slice(400)];
  const splitKv = (i: number): GgufKv[] => [
    ['split.no', 'u16', i],
    ['split.count', 'u16', 3],
    ['split.tensors.count', 'i32', all.length],
  ];
  const splits = parts.map((tensors, i) =>
    buildGguf({ kv: i === 0 ? [...qwenKv(10), ...splitKv(0), ...tokenizer] : splitKv(i), tensors }),
  );
  const mmproj = buildGguf({
    kv: [['general.architecture', 'string', 'clip']],
    tensors: [{ name: 'v.patch_embd.weight', dims: [14, 14, 3, 1152], type: 'f16' }],
  });
  const ggufRepo: FakeRepo = {
    id: GGUF_REPO,
    sha: '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d',
    baseModels: ['Qwen/Qwen3-30B-A3B'],
    files: [
      { path: 'Qwen3-30B-A3B-Q4_K_M.gguf', header: single.header, size: single.fileSize },
      ...splits.map((f, i) => ({
        path: `UD-Q2_K_XL/Qwen3-30B-A3B-UD-Q2_K_XL-0000${i + 1}-of-00003.gguf`,
        header: f.header,
        size: f.fileSize,
      })),
      { path: 'mmproj-F16.gguf', header: mmproj.header, size: mmproj.fileSize },
    ],
    smallFiles: { 'README.md': '# test' },
  };

  const llamaPreset = JSON.parse(readFileSync(join(ROOT, 'data/models/llama-3-1-8b.json'), 'utf8')) as {
    config: Record<string, unknown>;
  };
  const shape = { layers: 32, hidden: 4096, ffn: 14336, heads: 32, kvHeads: 8, vocab: 128256 };
  const shards = shardTensors(llamaSafetensorsTensors(shape), 4, safetensorsTensorBytes).map((s) =>
    buildSafetensors(s),
  );
  const stRepo: FakeRepo = {
    id: ST_REPO,
    sha: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9',
    files: shards.map((f, i) => ({
      path: `model-0000${i + 1}-of-00004.safetensors`,
      header: f.header,
      size: f.fileSize,
    })),
    smallFiles: {
      'config.json': JSON.stringify(llamaPreset.config),
      'model.safetensors.index.json': JSON.stringify({
        metadata: { total_size: 16060522496 },
        weight_map: {},
      }),
    },
  };
  cached = {
    repos: [ggufRepo, stRepo],
    tensorBytes: {
      'Qwen3-30B-A3B-Q4_K_M.gguf': single.tensorBytes,
      'UD-Q2_K_XL': splits.reduce((s, f) => s + f.tensorBytes, 0),
      [ST_REPO]: shards.reduce((s, f) => s + f.tensorBytes, 0),
    },
  };
  return cached;
}
