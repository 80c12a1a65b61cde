// Grouping a repository listing into variants, and reading the quantization from GGUF file names. The names
// are real ones from public repositories (bartowski, unsloth, ggml-org, TheBloke, deepseek-ai, meta-llama).
import { describe, expect, it } from 'vitest';
import { groupRepoFiles, quantFromFileName } from '../../../src/core/inventory/repo-files';
import { classifyGgufTensor, classifySafetensorsTensor } from '../../../src/core/inventory/roles';

describe('quantFromFileName', () => {
  const cases: [string, string | null][] = [
    ['Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf', 'Q4_K_M'],
    ['UD-Q2_K_XL/DeepSeek-V3-0324-UD-Q2_K_XL-00001-of-00006.gguf', 'UD-Q2_K_XL'],
    ['llama-2-7b-chat.Q4_K_M.gguf', 'Q4_K_M'],
    ['qwen2.5-7b-instruct-q4_k_m.gguf', 'Q4_K_M'],
    ['gpt-oss-20b-mxfp4.gguf', 'MXFP4'],
    ['Qwen3-30B-A3B-IQ4_XS.gguf', 'IQ4_XS'],
    ['Llama-3.3-70B-Instruct-BF16-00001-of-00004.gguf', 'BF16'],
    ['model.gguf', null],
  ];
  for (const [name, quant] of cases)
    it(`${name} -> ${quant}`, () => expect(quantFromFileName(name)).toBe(quant));
});

describe('groupRepoFiles', () => {
  it('GGUF: single files and splits, each split set one variant, complete only with every split', () => {
    const v = groupRepoFiles([
      { path: 'README.md', size: 10 },
      { path: 'Model-Q4_K_M.gguf', size: 4_000 },
      { path: 'Model-Q8_0.gguf', size: 8_000 },
      { path: 'UD-Q2_K_XL/Model-UD-Q2_K_XL-00002-of-00003.gguf', size: 1_000 },
      { path: 'UD-Q2_K_XL/Model-UD-Q2_K_XL-00001-of-00003.gguf', size: 1_000 },
      { path: 'UD-Q2_K_XL/Model-UD-Q2_K_XL-00003-of-00003.gguf', size: 500 },
      { path: 'BF16/Model-BF16-00001-of-00002.gguf', size: 9_000 },
      { path: 'mmproj-F16.gguf', size: 600 },
    ]);
    expect(v.map((x) => [x.label, x.files.length, x.totalBytes, x.complete, x.projector])).toEqual([
      ['UD-Q2_K_XL', 3, 2_500, true, false],
      ['Q4_K_M', 1, 4_000, true, false],
      ['Q8_0', 1, 8_000, true, false],
      ['BF16', 1, 9_000, false, false],
      ['F16', 1, 600, true, true],
    ]);
    // Splits in order; the variant is named by its first file.
    const ud = v[0];
    expect(ud?.id).toBe('UD-Q2_K_XL/Model-UD-Q2_K_XL-00001-of-00003.gguf');
    expect(ud?.files.map((f) => f.path.slice(-19))).toEqual(
      ['-00001-of-00003.gguf', '-00002-of-00003.gguf', '-00003-of-00003.gguf'].map((s) => s.slice(-19)),
    );
  });

  it('safetensors: shards with "-" or "_" before the number, single files and folders apart', () => {
    const v = groupRepoFiles([
      { path: 'model-00002-of-00002.safetensors', size: 2 },
      { path: 'model-00001-of-00002.safetensors', size: 3 },
      { path: 'model.safetensors.index.json', size: 1 },
      { path: 'consolidated.safetensors', size: 6 },
      { path: 'original/model_00001-of-00001.safetensors', size: 7 },
    ]);
    expect(v.map((x) => [x.kind, x.label, x.totalBytes, x.complete])).toEqual([
      ['safetensors', 'model (2 shards)', 5, true],
      ['safetensors', 'consolidated.safetensors', 6, true],
      ['safetensors', 'original/model (1 shards)', 7, true],
    ]);
    expect(v[0]?.id).toBe('model-00001-of-00002.safetensors');
  });

  it('ignores entries without a usable size and keeps two variants with one label apart', () => {
    const v = groupRepoFiles([
      { path: 'a/M-Q4_K_M.gguf', size: 1 },
      { path: 'b/M-Q4_K_M.gguf', size: 2 },
      { path: 'c.gguf', size: Number.NaN },
    ]);
    expect(v.map((x) => x.label)).toEqual(['Q4_K_M (a/M-Q4_K_M.gguf)', 'Q4_K_M (b/M-Q4_K_M.gguf)']);
  });
});

describe('tensor roles', () => {
  const gguf: [string, string][] = [
    ['token_embd.weight', 'embedding'],
    ['output.weight', 'output'],
    ['output_norm.weight', 'norm'],
    ['rope_freqs.weight', 'other'],
    ['blk.3.attn_q.weight', 'attention'],
    ['blk.3.attn_kv_a_mqa.weight', 'attention'],
    ['blk.3.attn_q.bias', 'bias'],
    ['blk.3.attn_k_norm.weight', 'norm'],
    ['blk.3.ffn_up.weight', 'dense_ffn'],
    ['blk.3.ffn_down_exps.weight', 'routed_expert'],
    ['blk.3.ffn_gate_up_exps.weight', 'routed_expert'],
    ['blk.3.ffn_gate.7.weight', 'routed_expert'],
    ['blk.3.ffn_up_shexp.weight', 'shared_expert'],
    ['blk.3.ffn_gate_inp.weight', 'router'],
    ['blk.3.ffn_gate_inp_shexp.weight', 'router'],
    ['blk.3.exp_probs_b.bias', 'router'],
    ['blk.3.attn_sinks.weight', 'bias'],
    ['blk.92.nextn.eh_proj.weight', 'mtp'],
    ['v.blk.0.attn_q.weight', 'vision'],
  ];
  for (const [name, role] of gguf)
    it(`GGUF ${name} -> ${role}`, () => expect(classifyGgufTensor(name).role).toBe(role));
  it('GGUF blocks past block_count - nextn_predict_layers are MTP', () => {
    expect(classifyGgufTensor('blk.92.attn_q.weight', { mainLayers: 92 })).toEqual({
      role: 'mtp',
      layer: 92,
    });
    expect(classifyGgufTensor('blk.91.attn_q.weight', { mainLayers: 92 })).toEqual({
      role: 'attention',
      layer: 91,
    });
  });

  const hf: [string, string][] = [
    ['model.embed_tokens.weight', 'embedding'],
    ['lm_head.weight', 'output'],
    ['model.norm.weight', 'norm'],
    ['model.layers.0.self_attn.q_proj.weight', 'attention'],
    ['model.layers.0.self_attn.q_proj.weight_scale_inv', 'attention'],
    ['model.layers.0.self_attn.kv_a_proj_with_mqa.weight', 'attention'],
    ['model.layers.0.self_attn.q_proj.bias', 'bias'],
    ['model.layers.0.self_attn.sinks', 'bias'],
    ['model.layers.0.mlp.gate_proj.weight', 'dense_ffn'],
    ['model.layers.0.mlp.gate_proj.qweight', 'dense_ffn'],
    ['model.layers.5.mlp.experts.17.down_proj.weight', 'routed_expert'],
    ['model.layers.5.mlp.experts.gate_up_proj_blocks', 'routed_expert'],
    ['model.layers.5.block_sparse_moe.experts.3.w2.weight', 'routed_expert'],
    ['model.layers.5.mlp.shared_experts.up_proj.weight', 'shared_expert'],
    ['model.layers.5.mlp.shared_expert.up_proj.weight', 'shared_expert'],
    ['model.layers.5.mlp.shared_expert_gate.weight', 'router'],
    ['model.layers.5.mlp.gate.weight', 'router'],
    ['model.layers.5.mlp.gate.e_score_correction_bias', 'router'],
    ['model.layers.5.block_sparse_moe.gate.weight', 'router'],
    ['model.layers.5.mlp.router.weight', 'router'],
    ['model.layers.5.input_layernorm.weight', 'norm'],
    ['model.vision_tower.blocks.0.attn.qkv.weight', 'vision'],
    ['model.layers.61.embed_tokens.weight', 'embedding'],
  ];
  for (const [name, role] of hf)
    it(`safetensors ${name} -> ${role}`, () => expect(classifySafetensorsTensor(name).role).toBe(role));
  it('safetensors layers at or past num_hidden_layers are MTP (DeepSeek-V3 layer 61)', () => {
    expect(classifySafetensorsTensor('model.layers.61.embed_tokens.weight', { mainLayers: 61 }).role).toBe(
      'mtp',
    );
    expect(
      classifySafetensorsTensor('model.layers.60.mlp.experts.0.up_proj.weight', { mainLayers: 61 }).role,
    ).toBe('routed_expert');
  });
});
