// KV cache bytes as each engine allocates them.
//
// llama.cpp (https://github.com/ggml-org/llama.cpp):
//  - src/llama-context.cpp: cparams.n_ctx = GGML_PAD(n_ctx, 256); without --kv-unified each of the
//    n_seq_max streams gets n_ctx_seq = GGML_PAD(n_ctx / n_seq_max, 256) cells.
//  - src/llama-kv-cache.cpp: per layer K = ggml_new_tensor_3d(type_k, n_embd_k_gqa, kv_size, n_stream) and V
//    likewise, except `has_v = !is_mla`: MLA models cache only the latent (kv_lora_rank + qk_rope_head_dim)
//    as K and read V as a view of it.
//  - src/llama-kv-cache-iswa.cpp: sliding/chunked layers get
//    size_swa = GGML_PAD(min(size_base, n_swa * (unified ? n_seq_max : 1) + n_ubatch), 256) cells
//    ("the SWA cache is always padded to 256", issue #17037); common n_ubatch default 512. The SWA cache
//    takes the chosen KV type (PR #21277 kept it f16, reverted a day later in #21332). unslothai/unsloth
//    PR #7530 checked the same allocation against a live llama-server to the byte (39 configurations).
// vLLM (vllm/v1/kv_cache_interface.py, https://github.com/vllm-project/vllm):
//  - FullAttentionSpec: cdiv(max_model_len, block_size) pages of block_size * kv_heads * (head_size +
//    head_size_v) * dtype bytes; MLAAttentionSpec: one head of kv_lora_rank + qk_rope_head_dim.
//  - SlidingWindowSpec: cdiv(min(sliding_window - 1 + max_num_batched_tokens, max_model_len), block) + 1 pages.
//  - ChunkedLocalAttentionSpec: cdiv(min(attention_chunk_size + max_num_batched_tokens, max_model_len), block).
import type { ModelSpec } from '../model/model-spec';
import type { EngineId, KvCacheFormatInfo } from './formats';

/** llama-context.cpp pads n_ctx and n_ctx_seq to a multiple of 256. */
export const LLAMA_CPP_CTX_PAD = 256;
/** llama-kv-cache-iswa.cpp pads the SWA cache to 256. */
export const LLAMA_CPP_SWA_PAD = 256;
/** common/common.h: n_ubatch = 512, n_batch = 2048 (llama-server / llama-cli defaults). */
export const LLAMA_CPP_N_UBATCH = 512;
export const LLAMA_CPP_N_BATCH = 2048;
/** vllm/config/cache.py: default block_size 16 on CUDA. */
export const VLLM_BLOCK_SIZE = 16;
/** vllm/engine/arg_utils.py get_batch_defaults: max_num_batched_tokens for the OpenAI server is 2048 on
 *  GPUs under 70 GiB (8192 on H100-class cards). */
export const VLLM_MAX_NUM_BATCHED_TOKENS = 2048;

const pad = (x: number, n: number) => Math.ceil(x / n) * n;
const cdiv = (a: number, b: number) => Math.ceil(a / b);

function rowBytes(format: KvCacheFormatInfo, values: number): number {
  return Math.ceil(values / format.blockValues) * format.blockBytes;
}

export interface KvEstimate {
  bytes: number;
  /** KV bytes read per generated token of one sequence at the full context. */
  bytesReadPerToken: number;
  /** Cells (tokens) per stream of a full-attention layer, after engine rounding. */
  cellsPerSequence: number;
}

/** Per-token K and V widths (values) of a layer; V is 0 for MLA in llama.cpp. */
function kvWidths(model: ModelSpec): { k: number; v: number } {
  if (model.mla) return { k: model.mla.kvLoraRank + model.mla.qkRopeHeadDim, v: 0 };
  return { k: model.numKvHeads * model.headDimK, v: model.numKvHeads * model.headDimV };
}

export function estimateKvCache(
  model: ModelSpec,
  format: KvCacheFormatInfo,
  contextTokens: number,
  batch: number,
  engine: EngineId,
): KvEstimate {
  const { k, v } = kvWidths(model);
  const perTokenLayer = rowBytes(format, k) + rowBytes(format, v);
  let bytesRead = 0;
  for (const layer of model.attentionLayers) {
    const visible = layer.kind === 'full' ? contextTokens : Math.min(contextTokens, layer.windowTokens);
    bytesRead += visible * perTokenLayer;
  }

  if (engine === 'llama.cpp') {
    // The user runs -c contextTokens*batch -np batch; the cache is split in `batch` streams.
    const nCtx = pad(contextTokens * batch, LLAMA_CPP_CTX_PAD);
    const nCtxSeq = pad(Math.floor(nCtx / batch), LLAMA_CPP_CTX_PAD);
    const nUbatch = Math.min(LLAMA_CPP_N_UBATCH, LLAMA_CPP_N_BATCH, contextTokens * batch);
    let cells = 0;
    for (const layer of model.attentionLayers) {
      cells +=
        layer.kind !== 'full' && layer.windowInLlamaCpp
          ? pad(Math.min(nCtxSeq, layer.windowTokens + nUbatch), LLAMA_CPP_SWA_PAD)
          : nCtxSeq;
    }
    return { bytes: cells * batch * perTokenLayer, bytesReadPerToken: bytesRead, cellsPerSequence: nCtxSeq };
  }

  // vLLM: pages per request, times the concurrent requests.
  const page = VLLM_BLOCK_SIZE * perTokenLayer;
  const T = VLLM_MAX_NUM_BATCHED_TOKENS;
  let pages = 0;
  for (const layer of model.attentionLayers) {
    if (layer.kind === 'sliding') {
      pages += cdiv(Math.min(layer.windowTokens - 1 + T, contextTokens), VLLM_BLOCK_SIZE) + 1;
    } else if (layer.kind === 'chunked') {
      pages += cdiv(Math.min(layer.windowTokens + T, contextTokens), VLLM_BLOCK_SIZE);
    } else {
      pages += cdiv(contextTokens, VLLM_BLOCK_SIZE);
    }
  }
  return {
    bytes: pages * page * batch,
    bytesReadPerToken: bytesRead,
    cellsPerSequence: cdiv(contextTokens, VLLM_BLOCK_SIZE) * VLLM_BLOCK_SIZE,
  };
}

/** llama.cpp's KV cache split by layer, bytes, for the partial-offload placement (src/core/offload): each layer's
 *  K and V tensors are allocated on the device that holds the layer (llama-kv-cache.cpp: `offload ?
 *  model.dev_layer(il) : cpu`). Same cells as estimateKvCache, so the entries sum to its `bytes` for
 *  llama.cpp. */
export function llamaCppKvBytesPerLayer(
  model: ModelSpec,
  format: KvCacheFormatInfo,
  contextTokens: number,
  batch: number,
): number[] {
  const { k, v } = kvWidths(model);
  const perTokenLayer = rowBytes(format, k) + rowBytes(format, v);
  const nCtx = pad(contextTokens * batch, LLAMA_CPP_CTX_PAD);
  const nCtxSeq = pad(Math.floor(nCtx / batch), LLAMA_CPP_CTX_PAD);
  const nUbatch = Math.min(LLAMA_CPP_N_UBATCH, LLAMA_CPP_N_BATCH, contextTokens * batch);
  return model.attentionLayers.map((layer) => {
    const cells =
      layer.kind !== 'full' && layer.windowInLlamaCpp
        ? pad(Math.min(nCtxSeq, layer.windowTokens + nUbatch), LLAMA_CPP_SWA_PAD)
        : nCtxSeq;
    return cells * batch * perTokenLayer;
  });
}

/** KV bytes one generated token of one sequence reads from each layer when `filledTokens` are cached (a
 *  sliding or chunked layer reads at most its window). */
export function kvBytesReadPerLayer(
  model: ModelSpec,
  format: KvCacheFormatInfo,
  filledTokens: number,
): number[] {
  const { k, v } = kvWidths(model);
  const perTokenLayer = rowBytes(format, k) + rowBytes(format, v);
  return model.attentionLayers.map(
    (layer) =>
      (layer.kind === 'full' ? filledTokens : Math.min(filledTokens, layer.windowTokens)) * perTokenLayer,
  );
}
