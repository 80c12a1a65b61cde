// modelFromHfConfig: a Hugging Face config.json (as published, including the nested text_config of
// multimodal checkpoints) -> ModelSpec with its full tensor inventory in llama.cpp's GGUF naming.
// Tensor shapes follow llama.cpp's loaders in src/llama-model.cpp (LLM_ARCH_LLAMA, QWEN2, QWEN3, QWEN3MOE,
// GEMMA2, GEMMA3, PHI3, DEEPSEEK2, OPENAI_MOE, LLAMA4, GLM4_MOE) and the converter convert_hf_to_gguf.py
// (https://github.com/ggml-org/llama.cpp). Anything malformed throws ModelConfigError naming the field.
import {
  ARCHITECTURES,
  type Architecture,
  type AttentionLayerSpec,
  type MlaSpec,
  type ModelSpec,
  type MoeSpec,
  type TensorRole,
  type TensorSpec,
} from './model-spec.ts';

export class ModelConfigError extends Error {
  /** The config field at fault, as a dotted path (e.g. 'text_config.num_hidden_layers'). */
  readonly field: string;
  constructor(field: string, expectation: string) {
    super(`${field}: ${expectation}`);
    this.name = 'ModelConfigError';
    this.field = field;
  }
}

// Bounds that reject absurd values while admitting every released model (the largest today: 16384 hidden,
// 126 layers, 262k vocabulary, 384 experts).
const LIMITS = {
  hidden: 131_072,
  layers: 1_024,
  heads: 4_096,
  headDim: 4_096,
  vocab: 4_194_304,
  intermediate: 1_048_576,
  experts: 65_536,
  window: 1 << 30,
  /** Llama 4 Scout declares 10M tokens; allow some headroom. */
  context: 1 << 25,
} as const;

/** RoPE scalings that stretch the trained context: original_max_position_embeddings x factor tokens
 *  (transformers' rope_utils: 'yarn', 'longrope', 'dynamic' NTK, 'linear'; Llama 3.1's 'llama3' keeps
 *  max_position_embeddings as the limit). */
const STRETCHING_ROPE = new Set(['yarn', 'longrope', 'dynamic', 'linear']);

/** The longest context the model was built for: max_position_embeddings, or what a stretching RoPE scaling
 *  declares (DeepSeek-V3: 4096 x 40 = 163,840; Qwen2.5 with yarn: 32,768 x 4 = 131,072), whichever is larger;
 *  null when the config says neither. */
function contextLimitOf(c: Reader): number | null {
  const base = c.intOrNull('max_position_embeddings', 1, LIMITS.context);
  const rope = c.raw('rope_scaling');
  let scaled: number | null = null;
  if (isObject(rope)) {
    const own = (k: string): unknown => (Object.hasOwn(rope, k) ? rope[k] : undefined);
    const type = own('rope_type') ?? own('type');
    const factor = own('factor');
    const original = own('original_max_position_embeddings');
    if (
      typeof type === 'string' &&
      STRETCHING_ROPE.has(type) &&
      typeof factor === 'number' &&
      typeof original === 'number' &&
      Number.isFinite(factor * original) &&
      factor >= 1
    ) {
      scaled = Math.min(LIMITS.context, Math.round(original * factor));
    }
  }
  if (base === null) return scaled;
  return scaled === null ? base : Math.max(base, scaled);
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v;
}

class Reader {
  constructor(
    private readonly obj: Json,
    private readonly prefix: string,
  ) {}

  path(field: string): string {
    return this.prefix ? `${this.prefix}.${field}` : field;
  }

  has(field: string): boolean {
    const v = this.obj[field];
    return v !== undefined && v !== null;
  }

  raw(field: string): unknown {
    return this.obj[field];
  }

  int(field: string, min: number, max: number): number {
    const v = this.obj[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new ModelConfigError(
        this.path(field),
        `expected an integer from ${min} to ${max}, got ${describe(v)}`,
      );
    }
    return v;
  }

  optInt(field: string, fallback: number, min: number, max: number): number {
    return this.has(field) ? this.int(field, min, max) : fallback;
  }

  /** An integer or null (both 'absent' and null mean null). */
  intOrNull(field: string, min: number, max: number): number | null {
    return this.has(field) ? this.int(field, min, max) : null;
  }

  optBool(field: string, fallback: boolean): boolean {
    if (!this.has(field)) return fallback;
    const v = this.obj[field];
    if (typeof v !== 'boolean')
      throw new ModelConfigError(this.path(field), `expected true or false, got ${describe(v)}`);
    return v;
  }

  optNumber(field: string, fallback: number, min: number, max: number): number {
    if (!this.has(field)) return fallback;
    const v = this.obj[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      throw new ModelConfigError(
        this.path(field),
        `expected a number from ${min} to ${max}, got ${describe(v)}`,
      );
    }
    return v;
  }

  optIntArray(field: string, min: number, max: number): number[] | null {
    if (!this.has(field)) return null;
    const v = this.obj[field];
    if (!Array.isArray(v))
      throw new ModelConfigError(this.path(field), `expected an array of integers, got ${describe(v)}`);
    return v.map((x, i) => {
      if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
        throw new ModelConfigError(
          `${this.path(field)}[${i}]`,
          `expected an integer from ${min} to ${max}, got ${describe(x)}`,
        );
      }
      return x;
    });
  }

  optStringArray(field: string): string[] | null {
    if (!this.has(field)) return null;
    const v = this.obj[field];
    if (!Array.isArray(v))
      throw new ModelConfigError(this.path(field), `expected an array of strings, got ${describe(v)}`);
    return v.map((x, i) => {
      if (typeof x !== 'string') {
        throw new ModelConfigError(`${this.path(field)}[${i}]`, `expected a string, got ${describe(x)}`);
      }
      return x;
    });
  }
}

const MODEL_TYPE_ALIASES: Readonly<Record<string, Architecture>> = {
  llama: 'llama',
  mistral: 'mistral',
  mixtral: 'mixtral',
  qwen2: 'qwen2',
  qwen3: 'qwen3',
  qwen3_moe: 'qwen3_moe',
  gemma2: 'gemma2',
  gemma3: 'gemma3',
  gemma3_text: 'gemma3',
  phi3: 'phi3',
  deepseek_v2: 'deepseek_v2',
  deepseek_v3: 'deepseek_v3',
  kimi_k2: 'kimi_k2',
  gpt_oss: 'gpt_oss',
  llama4: 'llama4',
  llama4_text: 'llama4',
  glm4_moe: 'glm4_moe',
};

/** Defaults of the transformers config classes for structural fields that published config.json files
 *  omit. google/gemma-3-27b-it's text_config has no vocab_size. Gemma3TextConfig.__init__ (transformers
 *  src/transformers/models/gemma3/configuration_gemma3.py at 008f5c8c29be84d4721dc6d1e0fcd72300580be4):
 *  vocab_size=262_208, head_dim=256, num_key_value_heads=4, sliding_window=4096,
 *  max_position_embeddings=131_072 (Gemma 3's 128K context); its other structural
 *  defaults are applied where they are read (tie_word_embeddings=True, sliding_window_pattern=6,
 *  attention_bias=False). */
const CLASS_DEFAULTS: Partial<Record<Architecture, Json>> = {
  gemma3: {
    vocab_size: 262_208,
    head_dim: 256,
    num_key_value_heads: 4,
    sliding_window: 4096,
    max_position_embeddings: 131_072,
  },
};

/** Collects tensors; sorted at the end the way llama.cpp's weight_name_comparer does (layer, then name). */
class TensorList {
  readonly items: TensorSpec[] = [];

  add(layer: number, base: string, role: TensorRole, ne0: number, ne1 = 1, ne2 = 1): void {
    const name = layer >= 0 ? `blk.${layer}.${base}` : base;
    const oneD = ne1 === 1 && ne2 === 1;
    // llama-quant.cpp tensor_allows_quantization: only 2-D/3-D tensors whose name ends in 'weight', not
    // '_norm.weight', not 'ffn_gate_inp.weight'.
    const quantizable =
      !oneD &&
      name.endsWith('.weight') &&
      !name.includes('_norm.weight') &&
      !name.includes('ffn_gate_inp.weight');
    this.items.push({ name, layer, role, ne0, ne1, ne2, oneD, quantizable });
  }

  sorted(): TensorSpec[] {
    return this.items.sort((a, b) => (a.layer !== b.layer ? a.layer - b.layer : a.name < b.name ? -1 : 1));
  }
}

/**
 * Parse a Hugging Face config.json into a ModelSpec. Throws ModelConfigError (never TypeError) when the
 * config is malformed: not an object, an unsupported model_type, a missing or mistyped field, or sizes that
 * are zero, negative, non-integer or absurd.
 */
export function modelFromHfConfig(config: unknown, name?: string): ModelSpec {
  if (!isObject(config))
    throw new ModelConfigError('(config)', `expected a JSON object, got ${describe(config)}`);
  const top = new Reader(config, '');
  const rawType = config.model_type;
  if (typeof rawType !== 'string') {
    throw new ModelConfigError(
      'model_type',
      `expected a string naming the architecture, got ${describe(rawType)}`,
    );
  }
  const architecture = MODEL_TYPE_ALIASES[rawType];
  if (!architecture) {
    throw new ModelConfigError(
      'model_type',
      `expected one of ${ARCHITECTURES.join(', ')}, got ${describe(rawType)}`,
    );
  }

  // Multimodal checkpoints (gemma3, llama4) nest the language model in text_config. Fields a published
  // config leaves out take the transformers config class default (CLASS_DEFAULTS).
  const defaults = CLASS_DEFAULTS[architecture] ?? {};
  let c = new Reader({ ...defaults, ...config }, '');
  if (config.text_config !== undefined && config.text_config !== null) {
    if (!isObject(config.text_config)) {
      throw new ModelConfigError('text_config', `expected an object, got ${describe(config.text_config)}`);
    }
    c = new Reader({ ...defaults, ...config.text_config }, 'text_config');
  }

  const hidden = c.int('hidden_size', 1, LIMITS.hidden);
  const numLayers = c.int('num_hidden_layers', 1, LIMITS.layers);
  const vocab = c.int('vocab_size', 1, LIMITS.vocab);
  const numHeads = c.int('num_attention_heads', 1, LIMITS.heads);
  const numKvHeads = c.optInt('num_key_value_heads', numHeads, 1, LIMITS.heads);
  if (numHeads % numKvHeads !== 0) {
    throw new ModelConfigError(
      c.path('num_key_value_heads'),
      `expected a divisor of num_attention_heads (${numHeads}), got ${numKvHeads}`,
    );
  }
  const intermediate = c.int('intermediate_size', 1, LIMITS.intermediate);

  // Gemma ties its embeddings by default; the others default to untied (transformers' config classes).
  const tieDefault = architecture === 'gemma2' || architecture === 'gemma3';
  const tiedEmbeddings = c.has('tie_word_embeddings')
    ? c.optBool('tie_word_embeddings', tieDefault)
    : top.optBool('tie_word_embeddings', tieDefault);

  const isMla =
    architecture === 'deepseek_v2' || architecture === 'deepseek_v3' || architecture === 'kimi_k2';
  let mla: MlaSpec | null = null;
  let headDimK: number;
  let headDimV: number;
  if (isMla) {
    mla = {
      qLoraRank: c.intOrNull('q_lora_rank', 1, LIMITS.hidden),
      kvLoraRank: c.int('kv_lora_rank', 1, LIMITS.hidden),
      qkNopeHeadDim: c.int('qk_nope_head_dim', 1, LIMITS.headDim),
      qkRopeHeadDim: c.int('qk_rope_head_dim', 1, LIMITS.headDim),
      vHeadDim: c.int('v_head_dim', 1, LIMITS.headDim),
    };
    headDimK = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
    headDimV = mla.vHeadDim;
  } else {
    if (c.has('head_dim')) {
      headDimK = c.int('head_dim', 1, LIMITS.headDim);
    } else {
      if (hidden % numHeads !== 0) {
        throw new ModelConfigError(
          c.path('head_dim'),
          `expected head_dim, or hidden_size (${hidden}) divisible by num_attention_heads (${numHeads})`,
        );
      }
      headDimK = hidden / numHeads;
    }
    headDimV = headDimK;
  }

  const moe = readMoe(architecture, c, numLayers);
  const attentionLayers = readAttentionLayers(architecture, c, numLayers);

  let publishedFormat: ModelSpec['publishedFormat'] = null;
  const qc = top.raw('quantization_config') ?? c.raw('quantization_config');
  if (isObject(qc)) {
    if (qc.quant_method === 'fp8') publishedFormat = 'fp8';
    if (qc.quant_method === 'mxfp4') publishedFormat = 'mxfp4';
  }

  const list = new TensorList();
  const qDim = numHeads * headDimK;
  const kvDimK = numKvHeads * headDimK;
  const kvDimV = numKvHeads * headDimV;
  const oDim = numHeads * headDimV;

  // Which attention projections carry biases: Qwen2 q/k/v (Qwen2Attention), gpt-oss q/k/v/o, GLM-4.5 q/k/v
  // (attention_bias); others follow attention_bias, which applies to all four in LlamaAttention.
  const attentionBias = c.optBool('attention_bias', architecture === 'qwen2' || architecture === 'gpt_oss');
  const qkvBias = attentionBias || architecture === 'qwen2';
  const oBias = attentionBias && architecture !== 'qwen2' && architecture !== 'glm4_moe';
  const qkNorm =
    architecture === 'qwen3' ||
    architecture === 'qwen3_moe' ||
    architecture === 'gemma3' ||
    (architecture === 'glm4_moe' && c.optBool('use_qk_norm', false));

  list.add(-1, 'token_embd.weight', 'embedding', hidden, vocab);
  list.add(-1, 'output_norm.weight', 'norm', hidden);
  if (!tiedEmbeddings) list.add(-1, 'output.weight', 'output', hidden, vocab);

  const moeLayerSet = new Set(moe?.moeLayers ?? []);
  const denseFf =
    architecture === 'llama4' ? c.int('intermediate_size_mlp', 1, LIMITS.intermediate) : intermediate;
  const addBlock = (list: TensorList, l: number, isMoeLayer: boolean): void => {
    list.add(l, 'attn_norm.weight', 'norm', hidden);
    if (mla) {
      addMlaAttention(list, l, hidden, numHeads, mla);
    } else if (architecture === 'phi3') {
      // llama.cpp PHI3 keeps the fused qkv projection (LLM_TENSOR_ATTN_QKV).
      list.add(l, 'attn_qkv.weight', 'attention', hidden, qDim + kvDimK + kvDimV);
      list.add(l, 'attn_output.weight', 'attention', oDim, hidden);
    } else {
      list.add(l, 'attn_q.weight', 'attention', hidden, qDim);
      list.add(l, 'attn_k.weight', 'attention', hidden, kvDimK);
      list.add(l, 'attn_v.weight', 'attention', hidden, kvDimV);
      list.add(l, 'attn_output.weight', 'attention', oDim, hidden);
      if (qkvBias) {
        list.add(l, 'attn_q.bias', 'bias', qDim);
        list.add(l, 'attn_k.bias', 'bias', kvDimK);
        list.add(l, 'attn_v.bias', 'bias', kvDimV);
      }
      if (oBias) list.add(l, 'attn_output.bias', 'bias', hidden);
      if (qkNorm) {
        list.add(l, 'attn_q_norm.weight', 'norm', headDimK);
        list.add(l, 'attn_k_norm.weight', 'norm', headDimK);
      }
    }
    if (architecture === 'gpt_oss') list.add(l, 'attn_sinks.weight', 'bias', numHeads);
    if (architecture === 'gemma2' || architecture === 'gemma3') {
      list.add(l, 'post_attention_norm.weight', 'norm', hidden);
      list.add(l, 'post_ffw_norm.weight', 'norm', hidden);
    }
    // The pre-FFN norm (ffn_norm; post_attention_norm in gpt-oss and GLM naming, same size).
    list.add(l, 'ffn_norm.weight', 'norm', hidden);

    if (moe && isMoeLayer) {
      addMoeFfn(list, l, architecture, hidden, moe);
    } else if (architecture === 'phi3') {
      // PHI3: gate and up fused into one ffn_up of 2 x n_ff rows.
      list.add(l, 'ffn_up.weight', 'dense_ffn', hidden, 2 * intermediate);
      list.add(l, 'ffn_down.weight', 'dense_ffn', intermediate, hidden);
    } else {
      list.add(l, 'ffn_gate.weight', 'dense_ffn', hidden, denseFf);
      list.add(l, 'ffn_up.weight', 'dense_ffn', hidden, denseFf);
      list.add(l, 'ffn_down.weight', 'dense_ffn', denseFf, hidden);
    }
  };
  for (let l = 0; l < numLayers; l++) addBlock(list, l, moeLayerSet.has(l));
  const tensors = list.sorted();

  // Multi-token-prediction blocks (DeepSeek-V3 / GLM-4.5 num_nextn_predict_layers) follow the main layers:
  // one more decoder block (MoE when the model is) plus eh_proj (2h -> h) and three norms, as llama.cpp's
  // NEXTN tensors name them. convert_hf_to_gguf.py writes them for GLM4_MOE (block_count = num_hidden_layers +
  // num_nextn_predict_layers) but llama.cpp loads them with TENSOR_SKIP (llama-model-loader.cpp: "model has
  // unused tensor ... ignoring"), so they count in the file, not in memory; the DeepSeek converter drops them.
  const mtpCount = c.optInt('num_nextn_predict_layers', 0, 0, 16);
  const mtpList = new TensorList();
  for (let l = numLayers; l < numLayers + mtpCount; l++) {
    addBlock(mtpList, l, moe !== null && moe.moeLayers.length > 0);
    mtpList.add(l, 'nextn.eh_proj.weight', 'attention', 2 * hidden, hidden);
    mtpList.add(l, 'nextn.enorm.weight', 'norm', hidden);
    mtpList.add(l, 'nextn.hnorm.weight', 'norm', hidden);
    mtpList.add(l, 'nextn.shared_head_norm.weight', 'norm', hidden);
  }
  const mtpTensors = mtpList.sorted();
  let mtpParameters = 0;
  for (const t of mtpTensors) mtpParameters += t.ne0 * t.ne1 * t.ne2;

  return {
    name: name ?? rawType,
    architecture,
    hiddenSize: hidden,
    numLayers,
    vocabSize: vocab,
    numHeads,
    numKvHeads: mla ? 1 : numKvHeads,
    headDimK,
    headDimV,
    intermediateSize: intermediate,
    tiedEmbeddings,
    mla,
    moe,
    attentionLayers,
    tensors,
    publishedFormat,
    mtpParameters,
    mtpTensors,
    ggufStoresMtp: architecture === 'glm4_moe',
    maxContextTokens: contextLimitOf(c),
  };
}

function addMlaAttention(list: TensorList, l: number, hidden: number, numHeads: number, mla: MlaSpec): void {
  const qHead = mla.qkNopeHeadDim + mla.qkRopeHeadDim;
  if (mla.qLoraRank !== null) {
    list.add(l, 'attn_q_a.weight', 'attention', hidden, mla.qLoraRank);
    list.add(l, 'attn_q_a_norm.weight', 'norm', mla.qLoraRank);
    list.add(l, 'attn_q_b.weight', 'attention', mla.qLoraRank, numHeads * qHead);
  } else {
    list.add(l, 'attn_q.weight', 'attention', hidden, numHeads * qHead);
  }
  list.add(l, 'attn_kv_a_mqa.weight', 'attention', hidden, mla.kvLoraRank + mla.qkRopeHeadDim);
  list.add(l, 'attn_kv_a_norm.weight', 'norm', mla.kvLoraRank);
  // Current convert_hf_to_gguf.py splits kv_b_proj into per-head 3-D k_b {nope, kv_lora, n_head} and
  // v_b {kv_lora, v_head, n_head} for the absorbed-MLA path and writes no attn_kv_b (ik_llama.cpp PR #409
  // recomputes attn_kv_b because "mainline llama.cpp GGUFs" lack it).
  list.add(l, 'attn_k_b.weight', 'attention', mla.qkNopeHeadDim, mla.kvLoraRank, numHeads);
  list.add(l, 'attn_v_b.weight', 'attention', mla.kvLoraRank, mla.vHeadDim, numHeads);
  list.add(l, 'attn_output.weight', 'attention', numHeads * mla.vHeadDim, hidden);
}

function addMoeFfn(list: TensorList, l: number, arch: Architecture, hidden: number, moe: MoeSpec): void {
  const e = moe.numExperts;
  const ff = moe.expertIntermediateSize;
  list.add(l, 'ffn_gate_inp.weight', 'router', hidden, e);
  if (arch === 'gpt_oss') list.add(l, 'ffn_gate_inp.bias', 'bias', e);
  // DeepSeek-V3 / Kimi K2 / GLM-4.5 route with a learned score-correction bias (topk_method noaux_tc).
  if (arch === 'deepseek_v3' || arch === 'kimi_k2' || arch === 'glm4_moe')
    list.add(l, 'exp_probs_b.bias', 'bias', e);
  list.add(l, 'ffn_gate_exps.weight', 'routed_expert', hidden, ff, e);
  list.add(l, 'ffn_up_exps.weight', 'routed_expert', hidden, ff, e);
  list.add(l, 'ffn_down_exps.weight', 'routed_expert', ff, hidden, e);
  if (arch === 'gpt_oss') {
    // Per-expert biases: routed like the expert weights (llama.cpp's -ot "exps=CPU" moves them too).
    list.add(l, 'ffn_gate_exps.bias', 'routed_expert', ff, e);
    list.add(l, 'ffn_up_exps.bias', 'routed_expert', ff, e);
    list.add(l, 'ffn_down_exps.bias', 'routed_expert', hidden, e);
  }
  if (moe.sharedIntermediateSize > 0) {
    const s = moe.sharedIntermediateSize;
    list.add(l, 'ffn_gate_shexp.weight', 'shared_expert', hidden, s);
    list.add(l, 'ffn_up_shexp.weight', 'shared_expert', hidden, s);
    list.add(l, 'ffn_down_shexp.weight', 'shared_expert', s, hidden);
  }
}

function readMoe(arch: Architecture, c: Reader, numLayers: number): MoeSpec | null {
  const range = (from: number, pred: (l: number) => boolean) => {
    const out: number[] = [];
    for (let l = from; l < numLayers; l++) if (pred(l)) out.push(l);
    return out;
  };
  switch (arch) {
    case 'mixtral':
    case 'gpt_oss': {
      const numExperts = c.int('num_local_experts', 2, LIMITS.experts);
      const topK = c.int(arch === 'gpt_oss' ? 'experts_per_token' : 'num_experts_per_tok', 1, numExperts);
      return {
        numExperts,
        expertsPerToken: topK,
        expertIntermediateSize: c.int('intermediate_size', 1, LIMITS.intermediate),
        sharedIntermediateSize: 0,
        moeLayers: range(0, () => true),
      };
    }
    case 'qwen3_moe': {
      const numExperts = c.int('num_experts', 2, LIMITS.experts);
      const step = c.optInt('decoder_sparse_step', 1, 1, LIMITS.layers);
      const mlpOnly = new Set(c.optIntArray('mlp_only_layers', 0, numLayers - 1) ?? []);
      // Qwen3MoeDecoderLayer: sparse when not in mlp_only_layers and (layer_idx + 1) % decoder_sparse_step == 0.
      return {
        numExperts,
        expertsPerToken: c.int('num_experts_per_tok', 1, numExperts),
        expertIntermediateSize: c.int('moe_intermediate_size', 1, LIMITS.intermediate),
        sharedIntermediateSize: 0,
        moeLayers: range(0, (l) => !mlpOnly.has(l) && (l + 1) % step === 0),
      };
    }
    case 'deepseek_v2':
    case 'deepseek_v3':
    case 'kimi_k2':
    case 'glm4_moe': {
      const numExperts = c.int('n_routed_experts', 2, LIMITS.experts);
      const ff = c.int('moe_intermediate_size', 1, LIMITS.intermediate);
      const firstDense = c.optInt('first_k_dense_replace', 0, 0, numLayers);
      const freq = c.optInt('moe_layer_freq', 1, 1, LIMITS.layers);
      const nShared = c.optInt('n_shared_experts', 0, 0, LIMITS.experts);
      // DeepseekV3DecoderLayer: MoE when layer_idx >= first_k_dense_replace and layer_idx % moe_layer_freq == 0.
      return {
        numExperts,
        expertsPerToken: c.int('num_experts_per_tok', 1, numExperts),
        expertIntermediateSize: ff,
        sharedIntermediateSize: nShared * ff,
        moeLayers: range(firstDense, (l) => l % freq === 0),
      };
    }
    case 'llama4': {
      const numExperts = c.int('num_local_experts', 1, LIMITS.experts);
      const ff = c.int('intermediate_size', 1, LIMITS.intermediate);
      const explicit = c.optIntArray('moe_layers', 0, numLayers - 1);
      const step = c.optInt('interleave_moe_layer_step', 1, 1, LIMITS.layers);
      // Llama4TextConfig: moe_layers = range(step - 1, num_hidden_layers, step) unless given.
      const moeLayers = explicit ?? range(step - 1, (l) => (l - (step - 1)) % step === 0);
      // Every Llama 4 MoE layer has one shared expert as wide as a routed one (Llama4TextMoe.shared_expert).
      return {
        numExperts,
        expertsPerToken: c.int('num_experts_per_tok', 1, numExperts),
        expertIntermediateSize: ff,
        sharedIntermediateSize: ff,
        moeLayers,
      };
    }
    default:
      return null;
  }
}

function readAttentionLayers(arch: Architecture, c: Reader, numLayers: number): AttentionLayerSpec[] {
  const full: AttentionLayerSpec = { kind: 'full', windowTokens: 0, windowInLlamaCpp: false };
  const out: AttentionLayerSpec[] = [];
  const layerTypes = c.optStringArray('layer_types');
  if (layerTypes && layerTypes.length !== numLayers) {
    throw new ModelConfigError(
      c.path('layer_types'),
      `expected ${numLayers} entries (num_hidden_layers), got ${layerTypes.length}`,
    );
  }

  if (arch === 'llama4') {
    const chunk = c.intOrNull('attention_chunk_size', 1, LIMITS.window);
    // Llama4TextConfig.__post_init__ (transformers, src/transformers/models/llama4/configuration_llama4.py
    // at 008e574391258935f3ecc3035c882e73bbcac419): `self.no_rope_layers if self.no_rope_layers else
    // default`, so an absent, null or EMPTY list (the published Scout/Maverick configs have
    // "no_rope_layers": []) means the default pattern: layer l uses RoPE iff (l + 1) % interval != 0,
    // no_rope_layer_interval defaulting to 4. A given list holds 1 for a RoPE layer, 0 for NoPE.
    const listed = c.optIntArray('no_rope_layers', 0, 1);
    const noRope = listed && listed.length > 0 ? listed : null;
    if (noRope && noRope.length < numLayers) {
      throw new ModelConfigError(
        c.path('no_rope_layers'),
        `expected at least ${numLayers} entries (num_hidden_layers) or an empty list, got ${noRope.length}`,
      );
    }
    const interval = c.optInt('no_rope_layer_interval', 4, 1, LIMITS.layers);
    for (let l = 0; l < numLayers; l++) {
      // Llama4TextAttention: RoPE layers use chunked attention; NoPE layers attend globally.
      // llama.cpp uses n_swa = chunk, LLAMA_SWA_TYPE_CHUNKED.
      const ropeLayer = noRope ? noRope[l] === 1 : (l + 1) % interval !== 0;
      out.push(
        chunk !== null && ropeLayer ? { kind: 'chunked', windowTokens: chunk, windowInLlamaCpp: true } : full,
      );
    }
    return out;
  }

  const window = c.intOrNull('sliding_window', 1, LIMITS.window);
  const hybrid = arch === 'gemma2' || arch === 'gemma3' || arch === 'gpt_oss';
  if (layerTypes) {
    for (let l = 0; l < numLayers; l++) {
      const t = layerTypes[l];
      if (t === 'sliding_attention') {
        if (window === null) {
          throw new ModelConfigError(
            c.path('sliding_window'),
            'expected an integer window, since layer_types has sliding layers',
          );
        }
        out.push({ kind: 'sliding', windowTokens: window, windowInLlamaCpp: hybrid });
      } else if (t === 'full_attention') {
        out.push(full);
      } else {
        throw new ModelConfigError(
          `${c.path('layer_types')}[${l}]`,
          `expected "sliding_attention" or "full_attention", got ${describe(t)}`,
        );
      }
    }
    return out;
  }
  for (let l = 0; l < numLayers; l++) {
    let sliding = false;
    if (arch === 'gemma2')
      sliding = l % 2 === 0; // Gemma2DecoderLayer: is_sliding = not bool(layer_idx % 2)
    else if (arch === 'gemma3') {
      const pattern = c.optInt('sliding_window_pattern', 6, 1, LIMITS.layers);
      sliding = (l + 1) % pattern !== 0; // Gemma3: every pattern-th layer is global
    } else if (arch === 'gpt_oss')
      sliding = l % 2 === 0; // gpt-oss: alternating, starting sliding
    else if (arch === 'mistral' || arch === 'phi3') sliding = window !== null; // uniform SWA (vLLM only)
    if (sliding && window === null) {
      throw new ModelConfigError(
        c.path('sliding_window'),
        'expected an integer window for a sliding-window architecture',
      );
    }
    out.push(
      sliding && window !== null ? { kind: 'sliding', windowTokens: window, windowInLlamaCpp: hybrid } : full,
    );
  }
  return out;
}
