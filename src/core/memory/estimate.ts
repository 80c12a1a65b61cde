// estimateMemory: weights + KV cache + runtime overhead for one model, format, context, batch and engine.
// See ./README.md for the formulas and their sources.
import type { ModelSpec } from '../model/model-spec';
import { bytesToGiB } from '../units';
import type { Assumption, ExactWeights, MemoryEstimate } from './estimate-types';
import {
  type EngineId,
  isEngineId,
  KV_CACHE_FORMATS,
  type KvCacheFormatInfo,
  kvCacheFormatById,
  WEIGHT_FORMATS,
  type WeightFormatInfo,
  weightFormatById,
} from './formats';
import {
  estimateKvCache,
  LLAMA_CPP_CTX_PAD,
  LLAMA_CPP_N_UBATCH,
  VLLM_BLOCK_SIZE,
  VLLM_MAX_NUM_BATCHED_TOKENS,
} from './kv-cache';
import {
  CUDA_CONTEXT_BYTES,
  estimateOverhead,
  VLLM_CUDA_GRAPH_BYTES,
  VLLM_GPU_MEMORY_UTILIZATION,
} from './overhead';
import { weightSummary } from './weights';

export interface EstimateOptions {
  weightFormat: string;
  kvCacheFormat: string;
  contextTokens: number;
  batch: number;
  /** 'llama.cpp' (default) or 'vllm'. */
  engine?: string;
  /** Weights read from the model's files (src/core/inventory/exact-weights.ts): used instead of the
   *  predicted mix; the KV cache and overhead still come from the model spec. */
  exactWeights?: ExactWeights;
}

/** Largest context and batch accepted: beyond any released model (10M tokens) with room to spare. */
export const MAX_CONTEXT_TOKENS = 1 << 30;
export const MAX_BATCH = 1 << 16;

export type EstimateErrorCode =
  | 'unknown-weight-format'
  | 'unknown-kv-format'
  | 'unknown-engine'
  | 'kv-format-unsupported-by-engine'
  | 'invalid-context'
  | 'invalid-batch';

export interface EstimateError {
  code: EstimateErrorCode;
  /** The option at fault. */
  field: keyof EstimateOptions;
  message: string;
}

export type EstimateResult = { ok: true; estimate: MemoryEstimate } | { ok: false; error: EstimateError };

/** Thrown by estimateMemory (only) when the options are invalid; safeEstimateMemory returns it instead. */
export class EstimateOptionsError extends Error {
  readonly error: EstimateError;
  constructor(error: EstimateError) {
    super(`${error.field}: ${error.message}`);
    this.name = 'EstimateOptionsError';
    this.error = error;
  }
}

const LLAMA_QUANT_URL = 'https://github.com/ggml-org/llama.cpp/blob/master/src/llama-quant.cpp';
const GGML_COMMON_URL = 'https://github.com/ggml-org/llama.cpp/blob/master/ggml/src/ggml-common.h';
const KV_CACHE_URL = 'https://github.com/ggml-org/llama.cpp/blob/master/src/llama-kv-cache.cpp';
const ISWA_URL = 'https://github.com/ggml-org/llama.cpp/blob/master/src/llama-kv-cache-iswa.cpp';
const CONTEXT_URL = 'https://github.com/ggml-org/llama.cpp/blob/master/src/llama-context.cpp';
const VLLM_KV_URL = 'https://github.com/vllm-project/vllm/blob/main/vllm/v1/kv_cache_interface.py';
const VLLM_ARGS_URL = 'https://github.com/vllm-project/vllm/blob/main/vllm/engine/arg_utils.py';
const VLLM_CACHE_URL = 'https://github.com/vllm-project/vllm/blob/main/vllm/config/cache.py';
const VLLM_RUNNER_URL = 'https://github.com/vllm-project/vllm/blob/main/vllm/v1/worker/gpu_model_runner.py';
const OLLAMA_GPU_URL = 'https://github.com/ollama/ollama/blob/main/discover/gpu.go';

const fmtGiB = (b: number) => `${bytesToGiB(b).toFixed(2)} GiB`;

/** Relative uncertainty of the weight bytes: GGUF releases vary by importance matrix, converter version and
 *  metadata; 16-bit checkpoints are exact up to the tensors we do not model (vision towers, MTP). */
function weightBand(format: WeightFormatInfo): number {
  if (format.kind === 'gguf') return 0.03;
  if (format.id === 'bf16' || format.id === 'fp16') return 0.005;
  return 0.02;
}

function validate(
  options: EstimateOptions,
):
  | EstimateError
  | { format: WeightFormatInfo; kv: KvCacheFormatInfo; engine: EngineId; ctx: number; batch: number } {
  const format =
    typeof options.weightFormat === 'string' ? weightFormatById(options.weightFormat) : undefined;
  if (!format) {
    return {
      code: 'unknown-weight-format',
      field: 'weightFormat',
      message: `expected one of ${WEIGHT_FORMATS.map((f) => f.id).join(', ')}, got ${JSON.stringify(options.weightFormat)}`,
    };
  }
  const kv = typeof options.kvCacheFormat === 'string' ? kvCacheFormatById(options.kvCacheFormat) : undefined;
  if (!kv) {
    return {
      code: 'unknown-kv-format',
      field: 'kvCacheFormat',
      message: `expected one of ${KV_CACHE_FORMATS.map((f) => f.id).join(', ')}, got ${JSON.stringify(options.kvCacheFormat)}`,
    };
  }
  const engineRaw = options.engine ?? 'llama.cpp';
  if (typeof engineRaw !== 'string' || !isEngineId(engineRaw)) {
    return {
      code: 'unknown-engine',
      field: 'engine',
      message: `expected 'llama.cpp' or 'vllm', got ${JSON.stringify(engineRaw)}`,
    };
  }
  if (!kv.engines.includes(engineRaw)) {
    return {
      code: 'kv-format-unsupported-by-engine',
      field: 'kvCacheFormat',
      message: `${kv.id} KV cache is not offered by ${engineRaw} (offered by ${kv.engines.join(', ')})`,
    };
  }
  const ctx = options.contextTokens;
  if (typeof ctx !== 'number' || !Number.isFinite(ctx) || ctx < 1 || ctx > MAX_CONTEXT_TOKENS) {
    return {
      code: 'invalid-context',
      field: 'contextTokens',
      message: `expected a number from 1 to ${MAX_CONTEXT_TOKENS}, got ${String(ctx)}`,
    };
  }
  const batch = options.batch;
  if (typeof batch !== 'number' || !Number.isFinite(batch) || batch < 1 || batch > MAX_BATCH) {
    return {
      code: 'invalid-batch',
      field: 'batch',
      message: `expected a number from 1 to ${MAX_BATCH}, got ${String(batch)}`,
    };
  }
  return { format, kv, engine: engineRaw, ctx: Math.floor(ctx), batch: Math.floor(batch) };
}

/**
 * Never throws: invalid options come back as { ok: false, error } naming the option. Context and batch are
 * floored to integers. For a valid ModelSpec every number in the estimate is finite.
 */
export function safeEstimateMemory(model: ModelSpec, options: EstimateOptions): EstimateResult {
  const v = validate(options);
  if ('code' in v) return { ok: false, error: v };
  return {
    ok: true,
    estimate: compute(model, v.format, v.kv, v.engine, v.ctx, v.batch, options.exactWeights),
  };
}

/** estimateMemory with the contract signature. Throws EstimateOptionsError for invalid options (unknown
 *  format or engine, a KV format the engine does not offer, context or batch not in [1, max]); use
 *  safeEstimateMemory for a no-throw path. */
export function estimateMemory(model: ModelSpec, options: EstimateOptions): MemoryEstimate {
  const r = safeEstimateMemory(model, options);
  if (!r.ok) throw new EstimateOptionsError(r.error);
  return r.estimate;
}

function compute(
  model: ModelSpec,
  format: WeightFormatInfo,
  kvFormat: KvCacheFormatInfo,
  engine: EngineId,
  ctx: number,
  batch: number,
  exact?: ExactWeights,
): MemoryEstimate {
  const w = exact
    ? {
        totalBytes: exact.loadedBytes,
        fileBytes: exact.fileBytes,
        routedExpertBytes: exact.routedExpertBytes,
        activeBytesPerToken: exact.activeBytesPerToken,
        activeExpertBytesPerToken: exact.activeExpertBytesPerToken,
        typeCounts: {},
      }
    : weightSummary(model, format, engine);
  const kv = estimateKvCache(model, kvFormat, ctx, batch, engine);
  const oh = estimateOverhead(model, engine, ctx, batch);
  // Weights read from the files are exact: no band.
  const band = exact ? 0 : weightBand(format);

  let total: number;
  let low: number;
  let high: number;
  if (engine === 'vllm') {
    // vLLM sizes its KV pool as gpu_memory_utilization x total GPU memory minus weights, activation peak and
    // non-torch memory, so the GPU must have (weights + kv + activations + runtime) / 0.9.
    const u = VLLM_GPU_MEMORY_UTILIZATION;
    total = (w.totalBytes + kv.bytes + oh.activations + oh.runtime) / u;
    low = (w.totalBytes * (1 - band) + kv.bytes + oh.activationsRange[0] + oh.runtimeRange[0]) / u;
    high = (w.totalBytes * (1 + band) + kv.bytes + oh.activationsRange[1] + oh.runtimeRange[1]) / u;
  } else {
    total = w.totalBytes + kv.bytes + oh.activations + oh.runtime;
    low = w.totalBytes * (1 - band) + kv.bytes + oh.activationsRange[0] + oh.runtimeRange[0];
    high = w.totalBytes * (1 + band) + kv.bytes + oh.activationsRange[1] + oh.runtimeRange[1];
  }
  const overhead = total - w.totalBytes - kv.bytes;

  return {
    weights: w.totalBytes,
    weightsFileBytes: w.fileBytes,
    kvCache: kv.bytes,
    overhead,
    total,
    routedExpertWeights: w.routedExpertBytes,
    activeWeightBytesPerToken: w.activeBytesPerToken,
    activeExpertBytesPerToken: w.activeExpertBytesPerToken,
    kvBytesPerToken: kv.bytesReadPerToken,
    totalRange: { low, high },
    assumptions: assumptions(
      model,
      format,
      kvFormat,
      engine,
      w.typeCounts,
      oh.activations,
      kv.cellsPerSequence,
      band,
      exact,
    ),
    ...(exact ? { exactWeights: exact } : {}),
  };
}

function assumptions(
  model: ModelSpec,
  format: WeightFormatInfo,
  kvFormat: KvCacheFormatInfo,
  engine: EngineId,
  typeCounts: Partial<Record<string, number>>,
  activations: number,
  cells: number,
  band: number,
  exact?: ExactWeights,
): Assumption[] {
  const out: Assumption[] = [];
  const mix = Object.entries(typeCounts)
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  if (exact) {
    out.push({
      id: 'exact-weights',
      text: `Weights: exact, from the files' headers (${exact.label}): every tensor's type and shape as stored${exact.notLoaded.length > 0 ? '; multi-token-prediction blocks stored but not loaded are left out' : ''}.`,
      source:
        exact.source === 'gguf'
          ? 'https://github.com/ggml-org/ggml/blob/master/docs/gguf.md'
          : 'https://github.com/huggingface/safetensors#format',
    });
  } else if (
    format.kind === 'gguf' ||
    (engine === 'llama.cpp' &&
      (format.id === 'bf16' || format.id === 'fp16' || (format.id === 'mxfp4' && model.moe !== null)))
  ) {
    out.push({
      id: 'gguf-mix',
      text: `Weights: ${format.label} tensor types chosen as llama-quantize does (llama_tensor_get_type): ${mix} tensors; norms, biases and router in f32.`,
      source: LLAMA_QUANT_URL,
    });
    out.push({
      id: 'ggml-block-sizes',
      text: 'Block sizes from ggml-common.h (e.g. q4_K 144 B per 256 values, q6_K 210/256, q8_0 34/32).',
      source: GGML_COMMON_URL,
    });
    if (format.kind === 'gguf' && engine === 'vllm') {
      out.push({
        id: 'gguf-on-vllm',
        text: 'vLLM loads GGUF files only for some architectures (experimental); the weights are the same bytes.',
        source: 'https://docs.vllm.ai/en/latest/features/quantization/gguf.html',
      });
    }
    if (format.kind === 'gguf') {
      out.push({
        id: 'gguf-imatrix',
        text: `Assumes an importance-matrix quantization (as bartowski/unsloth releases); release-to-release spread ±${band * 100}%.`,
        source: LLAMA_QUANT_URL,
      });
    }
  } else {
    const what: Record<string, string> = {
      bf16: '2 bytes per parameter.',
      fp16: '2 bytes per parameter.',
      fp8: 'linear layers 1 byte + one fp32 scale per 128x128 block (DeepSeek-V3 weight_block_size); embeddings, lm_head, norms in bf16.',
      int8: 'linear layers 1 byte + one 16-bit scale per output channel; embeddings, lm_head, norms in bf16.',
      int4: 'linear layers 4 bits + fp16 scale and 4-bit zero per group of 128 (AutoAWQ GEMM layout); embeddings, lm_head in fp16.',
      mxfp4:
        'MXFP4 (17 bytes per 32 values, OCP MX) on routed experts as gpt-oss ships, bf16 elsewhere; dense models: MXFP4 linear layers.',
      nvfp4:
        'linear layers 4 bits + one fp8 scale per 16 values + fp32 per-tensor scales (NVIDIA ModelOpt); embeddings, lm_head in bf16.',
    };
    out.push({
      id: 'safetensors-format',
      text: `Weights: ${format.label}: ${what[format.id] ?? ''}`,
      source: 'https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json',
    });
    if (engine === 'llama.cpp' && format.id !== 'bf16' && format.id !== 'fp16') {
      out.push({
        id: 'format-engine',
        text: `llama.cpp does not load ${format.id} safetensors checkpoints; the size shown is the checkpoint's.`,
        source: LLAMA_QUANT_URL,
      });
    }
  }
  if (model.moe) {
    out.push({
      id: 'moe-all-experts',
      text: `MoE: all ${model.moe.numExperts} experts per layer are resident; ${model.moe.expertsPerToken} are read per token.`,
      source: LLAMA_QUANT_URL,
    });
  }

  const kvLine = model.mla
    ? `KV cache: MLA latent only, ${model.mla.kvLoraRank} + ${model.mla.qkRopeHeadDim} values per layer per token (${engine === 'llama.cpp' ? 'llama.cpp has_v = !is_mla' : 'vLLM MLAAttentionSpec'}), ${kvFormat.label}.`
    : `KV cache: ${model.numKvHeads} KV heads x (${model.headDimK} + ${model.headDimV}) values per layer per token, ${kvFormat.label} (${kvFormat.blockBytes} B per ${kvFormat.blockValues} values).`;
  out.push({ id: 'kv-layout', text: kvLine, source: engine === 'llama.cpp' ? KV_CACHE_URL : VLLM_KV_URL });
  const windowed = model.attentionLayers.filter((l) => l.kind !== 'full');
  if (engine === 'llama.cpp') {
    out.push({
      id: 'llama-ctx-pad',
      text: `llama.cpp pads the context to a multiple of ${LLAMA_CPP_CTX_PAD} per sequence (${cells} cells), one cache stream per parallel sequence.`,
      source: CONTEXT_URL,
    });
    if (kvFormat.blockValues > 1) {
      out.push({
        id: 'llama-quantized-v',
        text: `A ${kvFormat.id} V cache needs flash attention (-fa), assumed on (llama.cpp refuses a quantized V cache without it).`,
        source: CONTEXT_URL,
      });
    }
    const honoured = windowed.filter((l) => l.windowInLlamaCpp);
    if (honoured.length > 0) {
      out.push({
        id: 'llama-swa',
        text: `${honoured.length} sliding/chunked layers hold min(context, window + n_ubatch ${LLAMA_CPP_N_UBATCH}) cells padded to 256 (iSWA cache, --swa-full off).`,
        source: ISWA_URL,
      });
    }
    if (windowed.length > honoured.length) {
      out.push({
        id: 'llama-swa-ignored',
        text: `${windowed.length - honoured.length} layers declare a sliding window that llama.cpp runs as full attention for this architecture.`,
        source: ISWA_URL,
      });
    }
    out.push({
      id: 'llama-compute-buffer',
      text: `Compute buffer ≈ ${fmtGiB(activations)}: f32 logits + hidden state (or FFN intermediates) of one ${LLAMA_CPP_N_UBATCH}-token ubatch with flash attention; approximation, x0.5–x2.`,
      source: CONTEXT_URL,
    });
    out.push({
      id: 'cuda-context',
      text: `CUDA context ${fmtGiB(CUDA_CONTEXT_BYTES)} per GPU (ollama cudaMinimumMemory 457 MiB; other tools use 250–650 MiB).`,
      source: OLLAMA_GPU_URL,
    });
  } else {
    out.push({
      id: 'vllm-blocks',
      text: `vLLM pages of ${VLLM_BLOCK_SIZE} tokens; sliding layers keep window - 1 + max_num_batched_tokens (${VLLM_MAX_NUM_BATCHED_TOKENS}) tokens + 1 page.`,
      source: VLLM_KV_URL,
    });
    if (windowed.length > 0) {
      out.push({
        id: 'vllm-hybrid-allocator',
        text: `${windowed.length} sliding/chunked layers capped by vLLM's hybrid KV cache manager (default); with --disable-hybrid-kv-cache-manager they are allocated in full.`,
        source: VLLM_KV_URL,
      });
    }
    out.push({
      id: 'vllm-batched-tokens',
      text: `max_num_batched_tokens ${VLLM_MAX_NUM_BATCHED_TOKENS} (OpenAI server default on GPUs under 70 GiB; 8192 on H100-class).`,
      source: VLLM_ARGS_URL,
    });
    out.push({
      id: 'vllm-activations',
      text: `Activation peak ≈ ${fmtGiB(activations)} from the profile run (FFN intermediates of ${VLLM_MAX_NUM_BATCHED_TOKENS} tokens + sampler logits); approximation, x0.5–x2.`,
      source: VLLM_RUNNER_URL,
    });
    out.push({
      id: 'vllm-runtime',
      text: `CUDA context ${fmtGiB(CUDA_CONTEXT_BYTES)} + CUDA graphs ${fmtGiB(VLLM_CUDA_GRAPH_BYTES)} (logged 0.1–0.7 GiB).`,
      source: OLLAMA_GPU_URL,
    });
    out.push({
      id: 'vllm-utilization',
      text: `Total = (weights + KV + activations + runtime) / gpu_memory_utilization ${VLLM_GPU_MEMORY_UTILIZATION}: the GPU memory vLLM needs at its default.`,
      source: VLLM_CACHE_URL,
    });
  }
  return out;
}
