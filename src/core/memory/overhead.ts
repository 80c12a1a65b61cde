// Runtime overhead beyond weights and KV cache. These are approximations with stated error bands, not engine
// formulas: each constant names where it comes from.
import type { ModelSpec } from '../model/model-spec';
import { GIB_BYTES, MIB_BYTES } from '../units';
import type { EngineId } from './formats';
import { LLAMA_CPP_N_UBATCH, VLLM_MAX_NUM_BATCHED_TOKENS } from './kv-cache';

const MiB = MIB_BYTES;
const GiB = GIB_BYTES;

/** CUDA context and cuBLAS workspace per GPU: ollama reserves 457 MiB (discover/gpu.go cudaMinimumMemory,
 *  https://github.com/ollama/ollama); gguf-parser's --platform-footprint uses 250 MiB, gpu_poor 650 MB. */
export const CUDA_CONTEXT_BYTES = 457 * MiB;
export const CUDA_CONTEXT_RANGE: readonly [number, number] = [250 * MiB, 650 * MiB];

/** vLLM reserves 1 - gpu_memory_utilization of the GPU (default 0.9, vllm/config/cache.py). */
export const VLLM_GPU_MEMORY_UTILIZATION = 0.9;
/** vLLM CUDA graph pool: logged 0.11 GiB (vllm-windows-build#17, small model) to 0.73 GiB estimated
 *  ("Estimated CUDA graph memory: 0.73 GiB total", vllm-project/vllm PR #39559). */
export const VLLM_CUDA_GRAPH_BYTES = 0.5 * GiB;
export const VLLM_CUDA_GRAPH_RANGE: readonly [number, number] = [0.1 * GiB, 1.5 * GiB];
/** vLLM's profile run samples max_num_seqs dummy requests (vllm/engine/arg_utils.py default 256 for the
 *  OpenAI server on GPUs under 70 GiB). */
export const VLLM_MAX_NUM_SEQS = 256;

/** Error band of the compute-buffer / activation approximations (fraction of the estimate). */
export const ACTIVATION_BAND: readonly [number, number] = [0.5, 2];

export interface OverheadEstimate {
  /** Compute buffer (llama.cpp) or activation peak (vLLM), bytes. */
  activations: number;
  /** CUDA context (+ CUDA graphs for vLLM), bytes. */
  runtime: number;
  activationsRange: readonly [number, number];
  runtimeRange: readonly [number, number];
}

/** Widest FFN a token passes through: the dense width, or experts_per_token routed experts + shared. */
function ffnWidthPerToken(model: ModelSpec): number {
  const dense = model.architecture === 'llama4' ? 0 : model.intermediateSize;
  if (!model.moe) return dense;
  const moe = model.moe.expertsPerToken * model.moe.expertIntermediateSize + model.moe.sharedIntermediateSize;
  return Math.max(dense, moe);
}

export function estimateOverhead(
  model: ModelSpec,
  engine: EngineId,
  contextTokens: number,
  batch: number,
): OverheadEstimate {
  if (engine === 'llama.cpp') {
    const activations = llamaCppComputeBufferBytes(
      model,
      Math.min(LLAMA_CPP_N_UBATCH, contextTokens * batch),
    );
    return {
      activations,
      runtime: CUDA_CONTEXT_BYTES,
      activationsRange: [
        activations * (ACTIVATION_BAND[0] as number),
        activations * (ACTIVATION_BAND[1] as number),
      ],
      runtimeRange: CUDA_CONTEXT_RANGE,
    };
  }
  // vLLM's profile_run (vllm/v1/worker/gpu_model_runner.py) runs max_num_batched_tokens tokens through the
  // model and samples max_num_seqs logits; torch's peak is about the FFN intermediates in 16-bit
  // (gate/up output, activation, down input) plus two hidden-state buffers, and the f32 logits and
  // probabilities of the sampler.
  const activations = vllmActivationBytes(model, VLLM_MAX_NUM_BATCHED_TOKENS);
  const runtime = CUDA_CONTEXT_BYTES + VLLM_CUDA_GRAPH_BYTES;
  return {
    activations,
    runtime,
    activationsRange: [
      activations * (ACTIVATION_BAND[0] as number),
      activations * (ACTIVATION_BAND[1] as number),
    ],
    runtimeRange: [
      (CUDA_CONTEXT_RANGE[0] as number) + (VLLM_CUDA_GRAPH_RANGE[0] as number),
      (CUDA_CONTEXT_RANGE[1] as number) + (VLLM_CUDA_GRAPH_RANGE[1] as number),
    ],
  };
}

/** vLLM profile-run activation peak for `maxNumBatchedTokens` tokens: 16-bit FFN intermediates (3 x the
 *  per-token FFN width) and two hidden-state buffers per token, plus f32 logits and probabilities for
 *  VLLM_MAX_NUM_SEQS sampled sequences. Checked against vllm-project/vllm#10517 (Llama-3.1-8B on an RTX 3090,
 *  V0 engine, max_num_batched_tokens = max_model_len): peak_torch_memory minus the 14.96 GiB of bf16 weights
 *  is 2.10 GiB at 20000 tokens and 3.02 GiB at 29000; this gives 2.15 and 3.01 GiB. */
export function vllmActivationBytes(model: ModelSpec, maxNumBatchedTokens: number): number {
  const forward = 2 * maxNumBatchedTokens * (3 * ffnWidthPerToken(model) + 2 * model.hiddenSize);
  const sampler = 2 * 4 * VLLM_MAX_NUM_SEQS * model.vocabSize;
  return forward + sampler;
}

/** llama.cpp compute buffer of the device holding the output layer, with flash attention on (the default
 *  "auto" on CUDA). llama.cpp reserves its graph for one worst-case ubatch with every token an output
 *  (llama-context.cpp graph_reserve), and every intermediate is f32, so the peak is the ubatch's logits plus
 *  its last hidden state, 4 * n_ubatch * (n_vocab + n_embd), unless the FFN's gate and up outputs (2 * n_ff per
 *  token, k experts' worth for an MoE) are larger. Checked against logged buffers: a Qwen2.5-1.5B-shaped model
 *  at n_ubatch 8192 logs 4786.94 MiB (ggml-org/llama.cpp#10664; this gives 4796.5), Llama-2-7B at 512 logs
 *  71.01 MiB (InftyAI/llmaz#402; this gives 70.5). Without flash attention the KQ matrix,
 *  4 * n_kv * n_ubatch * n_head bytes, comes on top (ggml-org/llama.cpp#9229 logs 320.50 MiB for Llama-2-7B at
 *  4096 tokens), which this does not model. */
export function llamaCppComputeBufferBytes(model: ModelSpec, nUbatch: number): number {
  return Math.max(llamaCppLogitsBytes(model, nUbatch), llamaCppLayerActivationBytes(model, nUbatch));
}

/** The f32 logits and last hidden state of a ubatch whose tokens are all outputs: the output layer's part of
 *  llamaCppComputeBufferBytes. */
export function llamaCppLogitsBytes(model: ModelSpec, nUbatch: number): number {
  return 4 * nUbatch * (model.vocabSize + model.hiddenSize);
}

/** The f32 FFN gate and up outputs and two hidden states of a ubatch: the repeating layers' part of
 *  llamaCppComputeBufferBytes, which a device holding layers but not the output layer needs. */
export function llamaCppLayerActivationBytes(model: ModelSpec, nUbatch: number): number {
  return 4 * nUbatch * (2 * ffnWidthPerToken(model) + 2 * model.hiddenSize);
}
