// Golden checks on real published files. Each file's tensor list is rebuilt from public metadata (the
// tensor names of its safetensors index or llama.cpp's load log, the shapes of its config.json, the types
// llama.cpp's log counts), written as a real header, parsed, and the parser's byte total compared with the
// total the file's publisher or llama.cpp printed. The expected numbers are the published ones, never a sum
// computed here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGgufHeader } from '../../../src/core/inventory/gguf';
import {
  inventoryFromGguf,
  inventoryFromSafetensors,
  roleBytes,
} from '../../../src/core/inventory/inventory';
import { parseSafetensorsHeader } from '../../../src/core/inventory/safetensors';
import type { GgmlType } from '../../../src/core/memory/ggml-types';
import {
  buildGguf,
  buildSafetensors,
  type GgufKv,
  llamaGgufTensors,
  llamaSafetensorsTensors,
  type SafetensorsTensorSpec,
  safetensorsTensorBytes,
  shardTensors,
} from '../../support/model-files';

const ROOT = join(import.meta.dirname, '../../..');
const llama31_8b = JSON.parse(readFileSync(join(ROOT, 'data/models/llama-3-1-8b.json'), 'utf8')).config as {
  hidden_size: number;
  intermediate_size: number;
  num_attention_heads: number;
  num_key_value_heads: number;
  num_hidden_layers: number;
  vocab_size: number;
};
const LLAMA_8B = {
  layers: llama31_8b.num_hidden_layers,
  hidden: llama31_8b.hidden_size,
  ffn: llama31_8b.intermediate_size,
  heads: llama31_8b.num_attention_heads,
  kvHeads: llama31_8b.num_key_value_heads,
  vocab: llama31_8b.vocab_size,
};

const MiB = 2 ** 20;
/** llama.cpp prints buffer sizes as "%8.2f MiB" (llama-model.cpp / llama-model-loader.cpp). */
const asLlamaCppMiB = (bytes: number) => (bytes / MiB).toFixed(2);

function parseAll(files: { header: Uint8Array; fileSize: number }[]) {
  return files.map((f, i) => {
    const r = parseSafetensorsHeader(f.header, { fileSize: f.fileSize });
    if (r.status !== 'complete') throw new Error(`shard ${i}: ${JSON.stringify(r)}`);
    return { path: `shard-${i}`, sizeBytes: f.fileSize, header: r.header };
  });
}

describe('golden: safetensors checkpoints against their index total_size', () => {
  it('meta-llama/Llama-3.1-8B: 4 bf16 shards, total_size 16060522496', () => {
    // Source: "total_size": 16060522496 and the weight_map names (model.embed_tokens.weight,
    // model.layers.N.{input_layernorm, mlp.{down,gate,up}_proj, post_attention_layernorm,
    // self_attn.{k,o,q,v}_proj}.weight, model.norm.weight, lm_head.weight in 4 shards) of
    // https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/model.safetensors.index.json, read in public
    // copies of that file; shapes from its config.json (data/models/llama-3-1-8b.json). The assignment of
    // tensors to the 4 shards is not reproduced (it does not change the total).
    const tensors = llamaSafetensorsTensors(LLAMA_8B);
    expect(tensors).toHaveLength(291);
    const shards = shardTensors(tensors, 4, safetensorsTensorBytes).map((s) => buildSafetensors(s));
    const result = inventoryFromSafetensors(parseAll(shards));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.inventory.totalBytes).toBe(16060522496);
    // And the HF API's parameter count (tests/golden/safetensors-sizes.json): 8,030,261,248.
    expect(result.inventory.tensors.reduce((s, t) => s + t.elements, 0)).toBe(8030261248);
    expect(result.inventory.byType).toEqual([
      { type: 'BF16', bytes: 16060522496, tensors: 291, elements: 8030261248 },
    ]);
  });

  it('BLOOM 176B: 72 bf16 shards, total_size 352494542848', () => {
    // Source: the model.safetensors.index.json of the BLOOM architecture at 176B, "total_size": 352494542848,
    // tensor names h.N.{input_layernorm, post_attention_layernorm}.{weight,bias},
    // h.N.self_attention.{query_key_value, dense}.{weight,bias}, h.N.mlp.{dense_h_to_4h, dense_4h_to_h}.{weight,bias},
    // word_embeddings.weight, word_embeddings_layernorm.{weight,bias}, ln_f.{weight,bias} in files
    // model_000NN-of-00072.safetensors, as committed in
    // https://huggingface.co/TurkuNLP/bloom-finnish-176b/commit/87478cc9563a33b187209b2489aba62fbc123afa.diff
    // (the bigscience/bloom index has the same layout:
    // https://huggingface.co/bigscience/bloom/commit/4bf48c6f3d2f4b183b84860a37f3e687964a3504). Shapes from
    // bigscience/bloom config.json: hidden_size 14336, n_layer 70, vocab_size 250880, fused QKV (3 x hidden),
    // 4 x hidden MLP (https://huggingface.co/bigscience/bloom/blob/main/config.json).
    const h = 14336;
    const tensors: SafetensorsTensorSpec[] = [
      { name: 'word_embeddings.weight', dtype: 'BF16', shape: [250880, h] },
      { name: 'word_embeddings_layernorm.weight', dtype: 'BF16', shape: [h] },
      { name: 'word_embeddings_layernorm.bias', dtype: 'BF16', shape: [h] },
    ];
    for (let i = 0; i < 70; i++) {
      const p = `h.${i}.`;
      tensors.push(
        { name: `${p}input_layernorm.weight`, dtype: 'BF16', shape: [h] },
        { name: `${p}input_layernorm.bias`, dtype: 'BF16', shape: [h] },
        { name: `${p}self_attention.query_key_value.weight`, dtype: 'BF16', shape: [3 * h, h] },
        { name: `${p}self_attention.query_key_value.bias`, dtype: 'BF16', shape: [3 * h] },
        { name: `${p}self_attention.dense.weight`, dtype: 'BF16', shape: [h, h] },
        { name: `${p}self_attention.dense.bias`, dtype: 'BF16', shape: [h] },
        { name: `${p}post_attention_layernorm.weight`, dtype: 'BF16', shape: [h] },
        { name: `${p}post_attention_layernorm.bias`, dtype: 'BF16', shape: [h] },
        { name: `${p}mlp.dense_h_to_4h.weight`, dtype: 'BF16', shape: [4 * h, h] },
        { name: `${p}mlp.dense_h_to_4h.bias`, dtype: 'BF16', shape: [4 * h] },
        { name: `${p}mlp.dense_4h_to_h.weight`, dtype: 'BF16', shape: [h, 4 * h] },
        { name: `${p}mlp.dense_4h_to_h.bias`, dtype: 'BF16', shape: [h] },
      );
    }
    tensors.push(
      { name: 'ln_f.weight', dtype: 'BF16', shape: [h] },
      { name: 'ln_f.bias', dtype: 'BF16', shape: [h] },
    );
    const shards = shardTensors(tensors, 72, safetensorsTensorBytes).map((s) => buildSafetensors(s));
    const result = inventoryFromSafetensors(parseAll(shards));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.inventory.totalBytes).toBe(352494542848);
    // Roles: the embedding, 70 blocks of attention and dense FFN; tied output (no lm_head).
    expect(roleBytes(result.inventory, 'embedding')).toBe(250880 * h * 2);
    expect(roleBytes(result.inventory, 'output')).toBe(0);
    expect(roleBytes(result.inventory, 'attention')).toBe(70 * 4 * h * h * 2);
    expect(roleBytes(result.inventory, 'dense_ffn')).toBe(70 * 8 * h * h * 2);
  });
});

/** The tensors of a Llama 3.x 8B GGUF as llama.cpp writes them (LLM_ARCH_LLAMA), with the 3.1 rope_freqs. */
function llama8bGguf(typeOf: (name: string, layer: number) => GgmlType, ropeFreqs: boolean) {
  const tensors = llamaGgufTensors(LLAMA_8B, typeOf);
  if (ropeFreqs) tensors.push({ name: 'rope_freqs.weight', dims: [64], type: 'f32' });
  return tensors;
}

const KV: GgufKv[] = [
  ['general.architecture', 'string', 'llama'],
  ['llama.block_count', 'u32', 32],
  ['llama.embedding_length', 'u32', 4096],
];

function counts(types: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of types) out[t] = (out[t] ?? 0) + 1;
  return out;
}

describe('golden: GGUF files against llama.cpp load logs (printed to 0.01 MiB)', () => {
  it('Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf: 292 tensors, CPU_Mapped model buffer 4685.30 MiB', () => {
    // Sources: llama.cpp's load log of Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf, "33 key-value pairs and 292
    // tensors", general.file_type 15 (https://github.com/ggml-org/llama.cpp/issues/9517), and of the same file
    // "load_tensors: CPU_Mapped model buffer size = 4685.30 MiB" (comment of 2025-05-20 in
    // https://github.com/ikawrakow/ik_llama.cpp/issues/437). The mapped buffer spans the file's tensor data,
    // first tensor to the end of the last (llama-model-loader.cpp get_mapping_range). Types: Q4_K_M keeps
    // output.weight and attn_v / ffn_down of half the layers (llama-quant.cpp use_more_bits: the first and last
    // eighth and every third layer between) in Q6_K, the other 2-D weights in Q4_K, norms and rope_freqs F32.
    const moreBits = (i: number) => i < 4 || i >= 28 || (i - 4) % 3 === 2;
    const typeOf = (name: string, layer: number): GgmlType =>
      name === 'output.weight' ||
      ((name.endsWith('attn_v.weight') || name.endsWith('ffn_down.weight')) && moreBits(layer))
        ? 'q6_k'
        : 'q4_k';
    const file = buildGguf({ kv: KV, tensors: llama8bGguf(typeOf, true) });
    const r = parseGgufHeader(file.header, { fileSize: file.fileSize });
    expect(r.status).toBe('complete');
    if (r.status !== 'complete') return;
    expect(r.header.tensors).toHaveLength(292);
    expect(counts(r.header.tensors.map((t) => t.type))).toEqual({ f32: 66, q4_k: 193, q6_k: 33 });
    expect(asLlamaCppMiB(r.header.dataBytes)).toBe('4685.30');
    // A different split of the Q6_K tensors (one attn_v more, one ffn_down less) is 13 MiB away: the
    // published figure pins which tensors are Q6_K, not only how many.
    const wrong = buildGguf({
      kv: KV,
      tensors: llama8bGguf(
        (name, layer) =>
          name === 'output.weight' ||
          (name.endsWith('attn_v.weight') && (moreBits(layer) || layer === 4)) ||
          (name.endsWith('ffn_down.weight') && moreBits(layer) && layer !== 0)
            ? 'q6_k'
            : 'q4_k',
        true,
      ),
    });
    const rw = parseGgufHeader(wrong.header);
    expect(rw.status === 'complete' && asLlamaCppMiB(rw.header.dataBytes)).not.toBe('4685.30');
  });

  it('Llama 3 8B Instruct Q8_0: CPU buffer 8137.64 MiB; offloaded, 7605.33 MiB on the GPU and 532.31 MiB left on the CPU', () => {
    // Source: https://github.com/ggml-org/llama.cpp/issues/8164 (a Llama 3 8B Instruct 8-bit file):
    // "CPU buffer size = 8137.64 MiB" with 0/33 layers offloaded; with 33/33 offloaded "ROCm0 buffer size =
    // 7605.33 MiB" and "CPU buffer size = 532.31 MiB" (token_embd stays on the CPU). Llama 3 (not 3.1) has no
    // rope_freqs: 291 tensors. Q8_0 puts every 2-D weight in Q8_0 (llama-quant.cpp), norms stay F32.
    const file = buildGguf({ kv: KV, tensors: llama8bGguf(() => 'q8_0', false) });
    const r = parseGgufHeader(file.header, { fileSize: file.fileSize });
    expect(r.status).toBe('complete');
    if (r.status !== 'complete') return;
    expect(asLlamaCppMiB(r.header.dataBytes)).toBe('8137.64');
    const inv = inventoryFromGguf([{ path: 'q8_0.gguf', sizeBytes: file.fileSize, header: r.header }]);
    expect(inv.ok).toBe(true);
    if (!inv.ok) return;
    const embedding = roleBytes(inv.inventory, 'embedding');
    expect(asLlamaCppMiB(embedding)).toBe('532.31');
    expect(asLlamaCppMiB(inv.inventory.totalBytes - embedding)).toBe('7605.33');
  });
});
