// Weight bytes of a model at a format, tensor by tensor. GGUF formats follow llama.cpp's quantization mix
// (gguf-mix.ts); safetensors formats quantize the linear layers and keep embeddings, lm_head, norms and the
// router at 16 bits, as the published checkpoints do.
import type { Architecture, ModelSpec, TensorSpec } from '../model/model-spec';
import type { EngineId, WeightFormatInfo } from './formats';
import { type GgmlType, ggmlRowBytes } from './ggml-types';
import { type GgufMix, ggufTensorList, ggufTensorTypes } from './gguf-mix';

export interface WeightSummary {
  /** All weight bytes loaded into memory (every expert). */
  totalBytes: number;
  /** Bytes of the weight files: totalBytes plus stored-but-unloaded MTP blocks (GGUF of GLM-4.5; the
   *  safetensors checkpoints of DeepSeek-V3 and GLM-4.5). */
  fileBytes: number;
  /** Bytes of routed-expert tensors. */
  routedExpertBytes: number;
  /** Bytes read per generated token: everything except the unused rows of an untied token embedding, with
   *  routed experts scaled by experts_per_token / num_experts. */
  activeBytesPerToken: number;
  activeExpertBytesPerToken: number;
  /** Tensor count per storage type, for the assumptions list. */
  typeCounts: Partial<Record<string, number>>;
}

// Scale layouts of the safetensors formats, in bytes.
/** DeepSeek-V3 / Qwen3-FP8 checkpoints: quantization_config.weight_block_size [128, 128], one fp32
 *  weight_scale_inv per 128x128 block (https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json). */
export const FP8_BLOCK = 128;
export const FP8_SCALE_BYTES = 4;
/** AWQ GEMM layout (AutoAWQ): qweight packs 8 int4 per int32; scales fp16 [in/group, out]; qzeros packs
 *  8 int4 zeros per int32 [in/group, out/8] -> 2 + 0.5 bytes per group of 128 per output channel. */
export const INT4_GROUP = 128;
export const INT4_GROUP_OVERHEAD_BYTES = 2.5;
/** Per-output-channel symmetric int8 (compressed-tensors W8A8 / W8A16): one 16-bit scale per row. */
export const INT8_SCALE_BYTES = 2;
/** NVFP4 (NVIDIA ModelOpt): e2m1 values, one fp8 e4m3 scale per 16 values, plus fp32 per-tensor global
 *  scales (weight_scale_2 and input_scale). ggml's block_nvfp4 has the same 4.5 bits/value. */
export const NVFP4_GROUP = 16;
export const NVFP4_PER_TENSOR_BYTES = 8;
/** MXFP4 (OCP Microscaling v1.0): 32 e2m1 values share one e8m0 scale: 17 bytes per 32 (ggml block_mxfp4). */
export const MXFP4_BLOCK_VALUES = 32;
export const MXFP4_BLOCK_BYTES = 17;

/** Architectures whose safetensors checkpoints store, per MTP layer, the layer's own BF16 copies of the
 *  token embedding and output head (model.layers.61.embed_tokens.weight, model.layers.61.shared_head.head
 *  .weight in DeepSeek-V3/R1). README_WEIGHTS.md lists both in the MTP module as sharing parameters with the
 *  main model (https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/README_WEIGHTS.md: "11.5B unique
 *  parameters (excluding the shared 0.9B Embedding and 0.9B output Head)"), yet they are in the files: the
 *  HF parameter count of deepseek-ai/DeepSeek-R1, 684.531B
 *  (https://huggingface.co/datasets/ThaiLLM-Leaderboard/requests/blob/main/deepseek-ai/DeepSeek-R1_eval_request_False.json),
 *  equals our tensor list plus its fp8 scales (682.678B) only with these two 129280 x 7168 matrices added.
 *  Engines load neither for plain decoding, so they count as file-only bytes. */
const MTP_STORES_EMBEDDING_AND_HEAD: readonly Architecture[] = ['deepseek_v3'];

const isLinear = (t: TensorSpec) => t.quantizable && t.role !== 'embedding' && t.role !== 'output';

function elements(t: TensorSpec): number {
  return t.ne0 * t.ne1 * t.ne2;
}

function ggufBytes(t: TensorSpec, type: GgmlType): number {
  return t.ne1 * t.ne2 * ggmlRowBytes(type, t.ne0);
}

/** Bytes of one tensor in a safetensors format (vLLM loads these as stored). */
function safetensorsBytes(t: TensorSpec, format: string, isMoe: boolean): number {
  const n = elements(t);
  const rows = t.ne1 * t.ne2;
  if (!isLinear(t) || format === 'bf16' || format === 'fp16') return 2 * n;
  switch (format) {
    case 'fp8':
      return n + Math.ceil(t.ne1 / FP8_BLOCK) * Math.ceil(t.ne0 / FP8_BLOCK) * t.ne2 * FP8_SCALE_BYTES;
    case 'int8':
      return n + rows * INT8_SCALE_BYTES;
    case 'int4':
      return n / 2 + Math.ceil(t.ne0 / INT4_GROUP) * rows * INT4_GROUP_OVERHEAD_BYTES;
    case 'nvfp4':
      return n / 2 + Math.ceil(t.ne0 / NVFP4_GROUP) * rows + NVFP4_PER_TENSOR_BYTES;
    case 'mxfp4':
      // gpt-oss ships MXFP4 routed experts and bf16 for the rest; a dense model gets MXFP4 linear layers.
      if (isMoe && t.role !== 'routed_expert') return 2 * n;
      return Math.ceil(t.ne0 / MXFP4_BLOCK_VALUES) * rows * MXFP4_BLOCK_BYTES;
    default:
      return 2 * n;
  }
}

const cache = new WeakMap<ModelSpec, Map<string, WeightSummary>>();

/** Weight bytes for `format` on `engine`. Memoized per model object: the UI recomputes on every slider move
 *  and the weights depend only on model, format and engine. */
export function weightSummary(model: ModelSpec, format: WeightFormatInfo, engine: EngineId): WeightSummary {
  let perModel = cache.get(model);
  if (!perModel) {
    perModel = new Map();
    cache.set(model, perModel);
  }
  const key = `${format.id}|${engine}`;
  const hit = perModel.get(key);
  if (hit) return hit;
  const summary = computeWeightSummary(model, format, engine);
  perModel.set(key, summary);
  return summary;
}

/** Which GGUF mix applies, if any: the GGUF formats, and on llama.cpp also the 16-bit and MXFP4 formats
 *  (converted by convert_hf_to_gguf.py / llama-quantize MXFP4_MOE). */
function mixFor(format: WeightFormatInfo, engine: EngineId, isMoe: boolean): GgufMix | 'f16' | 'bf16' | null {
  if (format.kind === 'gguf' && format.mix) return format.mix;
  if (engine !== 'llama.cpp') return null;
  if (format.id === 'bf16' || format.id === 'fp16') return format.id === 'bf16' ? 'bf16' : 'f16';
  // llama-quantize MXFP4_MOE only puts 3-D expert tensors in MXFP4 (a dense model would stay Q8_0), so a
  // dense model keeps the safetensors MXFP4 layout.
  if (format.id === 'mxfp4') return isMoe ? 'mxfp4_moe' : null;
  return null;
}

/** The bytes of every tensor a loaded model holds, in file order, for one format and engine. */
export interface TensorBytes {
  /** The tensors in the order the file stores them: a GGUF's tensor list (ggufTensorList: model.tensors,
   *  then stored MTP blocks) for the GGUF mixes, model.tensors then mtpTensors otherwise. */
  tensors: readonly TensorSpec[];
  /** Bytes of each tensor, same index as `tensors`. */
  bytes: Float64Array;
  /** Storage type of each tensor (a ggml type for GGUF mixes, the format id otherwise). */
  types: readonly string[];
  /** How many leading entries are model tensors; the rest are stored-but-unloaded MTP blocks. */
  mainCount: number;
  /** A GGUF layout applies (the GGUF formats, and 16-bit / MXFP4-MoE on llama.cpp). */
  isGguf: boolean;
}

const tensorCache = new WeakMap<ModelSpec, Map<string, TensorBytes>>();

/** Bytes per tensor for `format` on `engine`, memoized per model object. weightSummary sums these; the
 *  partial-offload placement (src/core/offload) assigns them to devices one by one. */
export function tensorBytes(model: ModelSpec, format: WeightFormatInfo, engine: EngineId): TensorBytes {
  let perModel = tensorCache.get(model);
  if (!perModel) {
    perModel = new Map();
    tensorCache.set(model, perModel);
  }
  const key = `${format.id}|${engine}`;
  const hit = perModel.get(key);
  if (hit) return hit;
  const result = computeTensorBytes(model, format, engine);
  perModel.set(key, result);
  return result;
}

function computeTensorBytes(model: ModelSpec, format: WeightFormatInfo, engine: EngineId): TensorBytes {
  const mix = mixFor(format, engine, model.moe !== null);
  // GGUF formats cover the file's tensor list (MTP blocks included where stored); the safetensors formats the
  // model, then the MTP blocks a published checkpoint carries.
  const tensors = mix ? ggufTensorList(model) : [...model.tensors, ...model.mtpTensors];
  const bytes = new Float64Array(tensors.length);
  const types: string[] = new Array(tensors.length);
  if (mix === 'f16' || mix === 'bf16') {
    for (let i = 0; i < tensors.length; i++) {
      const t = tensors[i] as TensorSpec;
      // convert_hf_to_gguf.py: 1-D tensors, norms, biases and the router are written as F32.
      const type: GgmlType = t.quantizable ? mix : 'f32';
      bytes[i] = ggufBytes(t, type);
      types[i] = type;
    }
  } else if (mix) {
    const ggmlTypes = ggufTensorTypes(model, mix, { hasImatrix: true });
    for (let i = 0; i < tensors.length; i++) {
      const type = ggmlTypes[i] as GgmlType;
      bytes[i] = ggufBytes(tensors[i] as TensorSpec, type);
      types[i] = type;
    }
  } else {
    const isMoe = model.moe !== null;
    for (let i = 0; i < tensors.length; i++) {
      bytes[i] = safetensorsBytes(tensors[i] as TensorSpec, format.id, isMoe);
      types[i] = format.id;
    }
  }
  return { tensors, bytes, types, mainCount: model.tensors.length, isGguf: mix !== null };
}

function computeWeightSummary(model: ModelSpec, format: WeightFormatInfo, engine: EngineId): WeightSummary {
  const { tensors, bytes, types, mainCount: nMain, isGguf } = tensorBytes(model, format, engine);
  const typeCounts: Partial<Record<string, number>> = {};
  if (isGguf) {
    for (let i = 0; i < nMain; i++) {
      const type = types[i] as string;
      typeCounts[type] = (typeCounts[type] ?? 0) + 1;
    }
  } else {
    typeCounts[format.id] = nMain;
  }

  const activeFraction = model.moe ? model.moe.expertsPerToken / model.moe.numExperts : 1;
  let totalBytes = 0;
  let fileOnlyBytes = 0;
  if (!isGguf && MTP_STORES_EMBEDDING_AND_HEAD.includes(model.architecture)) {
    const mtpLayers = new Set(model.mtpTensors.map((t) => t.layer)).size;
    fileOnlyBytes += mtpLayers * 2 * model.vocabSize * model.hiddenSize * 2;
  }
  let routedExpertBytes = 0;
  let activeBytesPerToken = 0;
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i] as TensorSpec;
    const b = bytes[i] as number;
    if (i >= nMain) {
      // MTP blocks: stored in the file, not loaded for plain decoding.
      fileOnlyBytes += b;
      continue;
    }
    totalBytes += b;
    if (t.role === 'routed_expert') {
      routedExpertBytes += b;
      activeBytesPerToken += b * activeFraction;
    } else if (t.role === 'embedding' && !model.tiedEmbeddings) {
      activeBytesPerToken += b / t.ne1; // one row looked up per token
    } else {
      activeBytesPerToken += b;
    }
  }
  return {
    totalBytes,
    fileBytes: totalBytes + fileOnlyBytes,
    routedExpertBytes,
    activeBytesPerToken,
    activeExpertBytesPerToken: routedExpertBytes * activeFraction,
    typeCounts,
  };
}
