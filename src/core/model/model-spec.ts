// ModelSpec: what the memory model needs to know about a transformer, derived from its Hugging Face
// config.json by modelFromHfConfig. It carries the tensor inventory in llama.cpp's GGUF naming, so a GGUF
// quantization mix can be applied per tensor, and the per-layer attention layout the KV cache depends on.

export const ARCHITECTURES = [
  'llama',
  'mistral',
  'mixtral',
  'qwen2',
  'qwen3',
  'qwen3_moe',
  'gemma2',
  'gemma3',
  'phi3',
  'deepseek_v2',
  'deepseek_v3',
  'kimi_k2',
  'gpt_oss',
  'llama4',
  'glm4_moe',
] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** What a tensor does, for the active-bytes split and for the safetensors formats (which quantize only
 *  the linear layers). */
export type TensorRole =
  | 'embedding' // token_embd
  | 'output' // output (lm_head)
  | 'attention' // q/k/v/o and MLA projections
  | 'dense_ffn' // ffn gate/up/down of a dense layer
  | 'routed_expert' // ffn *_exps
  | 'shared_expert' // ffn *_shexp
  | 'router' // ffn_gate_inp (kept in f32 by llama.cpp)
  | 'norm' // 1-D norm weights
  | 'bias'; // 1-D or 2-D biases, attention sinks, router score bias

/** One tensor of the model as llama.cpp stores it in a GGUF file. ne0 is the row length (input features),
 *  ne1 the rows (output features), ne2 the expert count (1 for 2-D tensors). 1-D tensors have ne1 = ne2 = 1. */
export interface TensorSpec {
  /** GGUF name, e.g. 'blk.3.attn_v.weight', 'token_embd.weight', 'blk.5.ffn_down_exps.weight'. */
  name: string;
  /** Block index, -1 for the global tensors. */
  layer: number;
  role: TensorRole;
  ne0: number;
  ne1: number;
  ne2: number;
  /** 1-D tensor (norms, biases): always f32 in GGUF (convert_hf_to_gguf.py forces n_dims <= 1 to F32). */
  oneD: boolean;
  /** The quantizer may change its type (llama-quant.cpp tensor_allows_quantization): 2-D/3-D weights that
   *  are not norms and not the expert router. */
  quantizable: boolean;
}

export type WindowKind = 'full' | 'sliding' | 'chunked';

export interface AttentionLayerSpec {
  kind: WindowKind;
  /** Tokens the layer attends to (sliding window or chunk size); 0 for full attention. */
  windowTokens: number;
  /** llama.cpp honours the window for this layer (iSWA cache); false where llama.cpp runs it as full. */
  windowInLlamaCpp: boolean;
}

export interface MlaSpec {
  qLoraRank: number | null;
  kvLoraRank: number;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
}

export interface MoeSpec {
  numExperts: number;
  expertsPerToken: number;
  expertIntermediateSize: number;
  /** Width of the shared expert(s) FFN in total (0 if none). */
  sharedIntermediateSize: number;
  /** Indices of the layers whose FFN is a routed MoE. */
  moeLayers: number[];
}

export interface ModelSpec {
  name: string;
  architecture: Architecture;
  hiddenSize: number;
  numLayers: number;
  vocabSize: number;
  numHeads: number;
  numKvHeads: number;
  /** K (and Q) head width. For MLA, qk_nope + qk_rope. */
  headDimK: number;
  /** V head width. */
  headDimV: number;
  /** Dense FFN width (the dense layers of an MoE use it too). */
  intermediateSize: number;
  tiedEmbeddings: boolean;
  mla: MlaSpec | null;
  moe: MoeSpec | null;
  /** One entry per layer. */
  attentionLayers: AttentionLayerSpec[];
  /** Every tensor of the language model in GGUF naming, sorted by (layer, name) the way llama.cpp's
   *  weight_name_comparer orders them (the quantizer's counters depend on that order). Multi-token-prediction
   *  layers and vision towers are not included. */
  tensors: TensorSpec[];
  /** Format the checkpoint is published in on Hugging Face (from quantization_config), if quantized. */
  publishedFormat: 'fp8' | 'mxfp4' | null;
  /** Parameters of multi-token-prediction layers published with the checkpoint but not loaded for plain
   *  decoding (DeepSeek-V3 / GLM-4.5 num_nextn_predict_layers). Reported, not counted in the totals. */
  mtpParameters: number;
  /** The multi-token-prediction blocks' tensors (layers numLayers.. in GGUF naming), empty if none. */
  mtpTensors: TensorSpec[];
  /** GGUF files of this architecture store the MTP blocks (GLM4_MOE) although llama.cpp skips loading them. */
  ggufStoresMtp: boolean;
  /** The longest context the model was built for (max_position_embeddings, or its RoPE scaling's stretched
   *  length), tokens; null when the config does not say. Contexts beyond it are not offered. */
  maxContextTokens: number | null;
}
