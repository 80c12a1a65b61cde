import { describe, expect, it } from 'vitest';
import { countParameters, ModelConfigError, modelFromHfConfig } from '../../../src/core/index';
import { GPT_OSS_20B, LLAMA_31_8B, loadPreset, loadPresets } from '../memory/helpers';

describe('modelFromHfConfig: parameter counts from the architecture', () => {
  it('Llama 3.1 8B matches the 8,030,261,248 parameters of its safetensors index exactly', () => {
    // https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/model.safetensors.index.json: total_size
    // 16,060,522,496 bytes of bf16 = 8,030,261,248 parameters.
    const m = modelFromHfConfig(LLAMA_31_8B, 'Llama 3.1 8B');
    expect(countParameters(m)).toEqual({ total: 8_030_261_248, active: 8_030_261_248 });
    expect(m.headDimK).toBe(128);
    expect(m.tensors.filter((t) => t.name === 'output.weight')).toHaveLength(1);
  });

  it('tied embeddings drop output.weight (Llama 3.2 3B: 3.21B parameters)', () => {
    const m = modelFromHfConfig(loadPreset('llama-3-2-3b').config);
    expect(m.tiedEmbeddings).toBe(true);
    expect(m.tensors.some((t) => t.name === 'output.weight')).toBe(false);
    expect(countParameters(m).total).toBe(3_212_749_824); // model card: 3.21B
  });

  it.each([
    // id, published total (B), published active (B), tolerance (B). Sources: model cards on Hugging Face.
    ['deepseek-r1', 671, 37, 1], // "671B total, 37B activated" (MTP layer excluded)
    ['kimi-k2', 1026, 32.9, 8], // "1 trillion total parameters, 32 billion activated"
    ['qwen3-30b-a3b', 30.5, 3.3, 0.1], // "30.5B total, 3.3B activated"
    ['qwen3-235b-a22b', 235, 22, 0.5], // "235B total, 22B activated"
    ['mixtral-8x7b', 46.7, 12.9, 0.1], // Mistral: 46.7B total, 12.9B per token
    ['gpt-oss-120b', 116.8, 5.1, 0.7], // OpenAI: 116.8B total, 5.1B active per token (excl. embeddings)
    ['gpt-oss-20b', 20.9, 3.6, 0.6], // OpenAI: 20.9B total, 3.6B active
    ['llama-4-maverick', 400, 17, 1], // Meta: 17B active, 400B total
  ])('%s: total %fB, active %fB', (id, total, active, tol) => {
    const p = countParameters(modelFromHfConfig(loadPreset(id).config));
    expect(Math.abs(p.total / 1e9 - total)).toBeLessThanOrEqual(tol);
    expect(Math.abs(p.active / 1e9 - active)).toBeLessThanOrEqual(tol);
  });

  it('every preset parses, with active <= total and finite counts', () => {
    for (const p of loadPresets()) {
      const m = modelFromHfConfig(p.config, p.name);
      const c = countParameters(m);
      expect(Number.isFinite(c.total), p.id).toBe(true);
      expect(c.active).toBeLessThanOrEqual(c.total);
      expect(m.attentionLayers).toHaveLength(m.numLayers);
    }
  });
});

describe('modelFromHfConfig: architecture details', () => {
  it('MLA (DeepSeek-V3): latent widths, k_b/v_b split, dense-first layers, shared expert, MTP reported apart', () => {
    const m = modelFromHfConfig(loadPreset('deepseek-r1').config);
    expect(m.mla).toEqual({
      qLoraRank: 1536,
      kvLoraRank: 512,
      qkNopeHeadDim: 128,
      qkRopeHeadDim: 64,
      vHeadDim: 128,
    });
    expect(m.moe?.moeLayers[0]).toBe(3);
    expect(m.moe?.moeLayers).toHaveLength(58);
    expect(m.moe?.sharedIntermediateSize).toBe(2048);
    const kb = m.tensors.find((t) => t.name === 'blk.0.attn_k_b.weight');
    expect(kb).toMatchObject({ ne0: 128, ne1: 512, ne2: 128 });
    expect(m.tensors.some((t) => t.name === 'blk.2.ffn_down.weight')).toBe(true);
    expect(m.tensors.some((t) => t.name === 'blk.3.ffn_down_exps.weight')).toBe(true);
    expect(m.publishedFormat).toBe('fp8');
    // https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/README_WEIGHTS.md: MTP module 11.5B unique
    expect(m.mtpParameters / 1e9).toBeGreaterThan(11.3);
    expect(m.mtpParameters / 1e9).toBeLessThan(11.8);
  });

  it('gpt-oss: alternating sliding/full layers from layer_types, biases, sinks, MXFP4 published', () => {
    const m = modelFromHfConfig(GPT_OSS_20B);
    expect(m.attentionLayers.filter((l) => l.kind === 'sliding')).toHaveLength(12);
    expect(m.attentionLayers[0]).toEqual({ kind: 'sliding', windowTokens: 128, windowInLlamaCpp: true });
    expect(m.attentionLayers[1]?.kind).toBe('full');
    expect(m.tensors.some((t) => t.name === 'blk.0.attn_sinks.weight')).toBe(true);
    expect(m.tensors.some((t) => t.name === 'blk.0.attn_output.bias')).toBe(true);
    expect(m.publishedFormat).toBe('mxfp4');
  });

  it('Gemma 3: nested text_config or plain, 5 local : 1 global layers', () => {
    const m = modelFromHfConfig(loadPreset('gemma-3-1b').config);
    const kinds = m.attentionLayers.map((l) => l.kind);
    expect(kinds.slice(0, 6)).toEqual(['sliding', 'sliding', 'sliding', 'sliding', 'sliding', 'full']);
    expect(m.tiedEmbeddings).toBe(true);
  });

  it('Llama 4: MoE interleave, shared expert, chunked attention with every 4th layer global', () => {
    const mav = modelFromHfConfig(loadPreset('llama-4-maverick').config);
    expect(mav.moe?.moeLayers.slice(0, 3)).toEqual([1, 3, 5]);
    expect(mav.tensors.find((t) => t.name === 'blk.0.ffn_down.weight')?.ne0).toBe(16384);
    expect(mav.tensors.find((t) => t.name === 'blk.1.ffn_down_shexp.weight')?.ne0).toBe(8192);
    expect(mav.attentionLayers.slice(0, 4).map((l) => l.kind)).toEqual([
      'chunked',
      'chunked',
      'chunked',
      'full',
    ]);
    expect(mav.attentionLayers[0]?.windowTokens).toBe(8192);
    const scout = modelFromHfConfig(loadPreset('llama-4-scout').config);
    expect(scout.moe?.moeLayers).toHaveLength(48);
  });

  it('Llama 4: an empty no_rope_layers list means the default pattern, as Llama4TextConfig reads it', () => {
    // transformers Llama4TextConfig.__post_init__: `self.no_rope_layers if self.no_rope_layers else
    // default_no_rope_layers` with RoPE iff (l + 1) % no_rope_layer_interval != 0 (interval 4).
    // The published Scout config.json carries "no_rope_layers": [].
    const cfg = loadPreset('llama-4-scout').config as { text_config: Record<string, unknown> };
    expect(cfg.text_config.no_rope_layers).toEqual([]);
    const kinds = (text: Record<string, unknown>) =>
      modelFromHfConfig({ ...cfg, text_config: text }).attentionLayers.map((l) => l.kind);
    const scout = kinds(cfg.text_config);
    expect(scout.filter((k) => k === 'full')).toHaveLength(12);
    expect(scout.slice(0, 8)).toEqual([
      'chunked',
      'chunked',
      'chunked',
      'full',
      'chunked',
      'chunked',
      'chunked',
      'full',
    ]);
    // Absent or null behave the same; an explicit list (1 = RoPE = chunked) is taken as given.
    const { no_rope_layers: _dropped, ...absent } = cfg.text_config;
    expect(kinds(absent)).toEqual(scout);
    expect(kinds({ ...cfg.text_config, no_rope_layers: null })).toEqual(scout);
    const alternating = Array.from({ length: 48 }, (_, l) => l % 2);
    expect(kinds({ ...cfg.text_config, no_rope_layers: alternating }).slice(0, 4)).toEqual([
      'full',
      'chunked',
      'full',
      'chunked',
    ]);
    // no_rope_layer_interval changes the default pattern.
    const everyOther = kinds({ ...cfg.text_config, no_rope_layer_interval: 2 });
    expect(everyOther.slice(0, 4)).toEqual(['chunked', 'full', 'chunked', 'full']);
    // A non-empty list shorter than the model is malformed (transformers: "at least the same length").
    expect(() =>
      modelFromHfConfig({ ...cfg, text_config: { ...cfg.text_config, no_rope_layers: [1, 1] } }),
    ).toThrow(/^text_config\.no_rope_layers: expected at least 48 entries/);
  });

  it('Qwen2 carries q/k/v biases; Qwen3 carries q/k norms and an explicit head_dim', () => {
    const q2 = modelFromHfConfig(loadPreset('qwen2-5-7b').config);
    expect(q2.tensors.some((t) => t.name === 'blk.0.attn_q.bias')).toBe(true);
    expect(q2.tensors.some((t) => t.name === 'blk.0.attn_output.bias')).toBe(false);
    const q3 = modelFromHfConfig(loadPreset('qwen3-0-6b').config);
    expect(q3.headDimK).toBe(128); // hidden 1024 / 16 heads would give 64
    expect(q3.tensors.some((t) => t.name === 'blk.0.attn_k_norm.weight')).toBe(true);
  });

  it('Phi-3 keeps llama.cpp fused qkv and gate_up tensors', () => {
    const m = modelFromHfConfig(loadPreset('phi-3-5-mini').config);
    expect(m.tensors.some((t) => t.name === 'blk.0.attn_qkv.weight')).toBe(true);
    expect(m.tensors.find((t) => t.name === 'blk.0.ffn_up.weight')?.ne1).toBe(2 * m.intermediateSize);
  });

  it('tensors are sorted by layer then name, as llama.cpp orders them for the quantizer', () => {
    const m = modelFromHfConfig(LLAMA_31_8B);
    for (let i = 1; i < m.tensors.length; i++) {
      const a = m.tensors[i - 1];
      const b = m.tensors[i];
      if (!a || !b) continue;
      expect(a.layer < b.layer || (a.layer === b.layer && a.name < b.name)).toBe(true);
    }
  });
});

describe('modelFromHfConfig: malformed configs throw ModelConfigError naming the field', () => {
  const base = LLAMA_31_8B as Record<string, unknown>;
  const cases: [string, unknown, string][] = [
    ['not an object (string)', 'config.json', '(config)'],
    ['not an object (null)', null, '(config)'],
    ['an array', [1, 2], '(config)'],
    ['missing model_type', { ...base, model_type: undefined }, 'model_type'],
    ['unsupported model_type', { ...base, model_type: 'bert' }, 'model_type'],
    // Names every object inherits are not architectures (they once read as llama).
    ['model_type "constructor"', { ...base, model_type: 'constructor' }, 'model_type'],
    ['model_type "__proto__"', { ...base, model_type: '__proto__' }, 'model_type'],
    ['model_type "toString"', { ...base, model_type: 'toString' }, 'model_type'],
    ['model_type "hasOwnProperty"', { ...base, model_type: 'hasOwnProperty' }, 'model_type'],
    ['model_type "valueOf"', { ...base, model_type: 'valueOf' }, 'model_type'],
    [
      'hidden_size only on the prototype',
      Object.assign(
        Object.create({ hidden_size: 4096 }),
        Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'hidden_size')),
      ),
      'hidden_size',
    ],
    [
      'text_config only on the prototype (ignored), with a bad top-level field',
      Object.assign(Object.create({ text_config: { num_hidden_layers: 0 } }), { ...base, hidden_size: 'x' }),
      'hidden_size',
    ],
    ['missing hidden_size', { ...base, hidden_size: undefined }, 'hidden_size'],
    ['string hidden_size', { ...base, hidden_size: '4096' }, 'hidden_size'],
    ['negative layers', { ...base, num_hidden_layers: -32 }, 'num_hidden_layers'],
    ['zero heads', { ...base, num_attention_heads: 0 }, 'num_attention_heads'],
    ['absurd vocab', { ...base, vocab_size: 1e12 }, 'vocab_size'],
    ['fractional intermediate', { ...base, intermediate_size: 14336.5 }, 'intermediate_size'],
    ['NaN-like string', { ...base, num_key_value_heads: 'NaN' }, 'num_key_value_heads'],
    ['kv heads not dividing heads', { ...base, num_key_value_heads: 5 }, 'num_key_value_heads'],
    ['head_dim missing and not derivable', { ...base, hidden_size: 4097 }, 'head_dim'],
    ['tie_word_embeddings not boolean', { ...base, tie_word_embeddings: 'yes' }, 'tie_word_embeddings'],
    ['text_config not an object', { ...base, text_config: 7 }, 'text_config'],
    ['MoE without experts', { ...base, model_type: 'mixtral' }, 'num_local_experts'],
    ['layer_types of wrong length', { ...GPT_OSS_20B, layer_types: ['full_attention'] }, 'layer_types'],
    [
      'layer_types with an unknown kind',
      { ...GPT_OSS_20B, layer_types: GPT_OSS_20B.layer_types.map(() => 'linear') },
      'layer_types[0]',
    ],
    [
      'MLA without kv_lora_rank',
      { ...loadPreset('deepseek-r1').config, kv_lora_rank: undefined },
      'kv_lora_rank',
    ],
  ];
  it.each(cases)('%s', (_label, config, field) => {
    let error: unknown;
    try {
      modelFromHfConfig(config);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelConfigError);
    expect((error as ModelConfigError).field).toBe(field);
    expect((error as Error).message.startsWith(`${field}: expected`)).toBe(true);
  });

  it('a JSON "__proto__" key is an ordinary (unknown) field, not a prototype', () => {
    const text = JSON.stringify(base).replace(
      '{',
      '{"__proto__": {"model_type": "qwen2", "hidden_size": 8},',
    );
    const m = modelFromHfConfig(JSON.parse(text));
    expect(m.architecture).toBe('llama');
    expect(m.hiddenSize).toBe(4096);
  });

  it('names the nested path inside text_config', () => {
    const cfg = loadPreset('llama-4-scout').config as { text_config: Record<string, unknown> };
    const bad = { ...cfg, text_config: { ...cfg.text_config, num_hidden_layers: 0 } };
    expect(() => modelFromHfConfig(bad)).toThrow(/^text_config\.num_hidden_layers: expected an integer/);
  });
});

describe('configs as published, with omitted fields', () => {
  it('Gemma 3 27B: nested text_config without vocab_size takes the Gemma3TextConfig default 262,208', () => {
    // data/models/gemma-3-27b.json: google/gemma-3-27b-it's config.json, whose text_config names no vocab_size,
    // tie_word_embeddings or sliding_window_pattern.
    const config = loadPreset('gemma-3-27b').config as { text_config: Record<string, unknown> };
    expect(config.text_config.vocab_size).toBeUndefined();
    const m = modelFromHfConfig(config);
    expect(m.vocabSize).toBe(262_208);
    expect(m.tiedEmbeddings).toBe(true);
    expect(m.attentionLayers.filter((l) => l.kind === 'full')).toHaveLength(10);
    expect(m.attentionLayers.filter((l) => l.kind === 'sliding' && l.windowTokens === 1024)).toHaveLength(52);
    // 27,432,406,640 with the SigLIP tower and projector (423,060,336), which rigcast leaves out
    // (tests/golden/safetensors-sizes.json has the derivation).
    expect(countParameters(m).total).toBe(27_009_346_304);
  });

  it('Gemma 3: omitted head_dim, num_key_value_heads and sliding_window take the Gemma3TextConfig defaults', () => {
    // transformers configuration_gemma3.py (008f5c8c): head_dim=256, num_key_value_heads=4, sliding_window=4096.
    const config = loadPreset('gemma-3-27b').config as { text_config: Record<string, unknown> };
    const { head_dim: _h, num_key_value_heads: _k, sliding_window: _w, ...text } = config.text_config;
    const m = modelFromHfConfig({ ...config, text_config: text });
    expect(m.headDimK).toBe(256);
    expect(m.numKvHeads).toBe(4);
    expect(m.attentionLayers[0]).toMatchObject({ kind: 'sliding', windowTokens: 4096 });
  });
});
