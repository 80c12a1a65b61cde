// The readable lines behind an offload plan, each naming its constant and source, for the UI's "how is this
// computed" list.
import type { Assumption } from '../memory/estimate-types';
import {
  CPU_DECODE_EFFICIENCY,
  CUDA_CONTEXT_BYTES,
  GGML_BACKEND_URL,
  GGML_CUDA_URL,
  GPU_DECODE_EFFICIENCY,
  GPU_DECODE_FIXED_SECONDS,
  LLAMA_ARG_URL,
  LLAMA_MODEL_URL,
  OP_OFFLOAD_MIN_BATCH,
  OUTPUT_FIRST_PR_URL,
  PCIE_H2D_EFFICIENCY,
  PREFILL_EFFICIENCY,
} from './constants';
import type { OffloadContext } from './placement';

const MiB = 2 ** 20;

export function offloadAssumptions(c: OffloadContext, opOffload: boolean): Assumption[] {
  const out: Assumption[] = [
    {
      id: 'offload-order',
      text:
        c.options.order === 'output-first'
          ? '-ngl N counts the output layer and offloads it first: N - 1 blocks plus the output layer (i_gpu_start = max(n_layer + 1 - N, 0)).'
          : '-ngl N as llama.cpp builds before December 2025 read it: the last N blocks, the output layer only once N exceeds n_layer.',
      source: c.options.order === 'output-first' ? LLAMA_MODEL_URL : OUTPUT_FIRST_PR_URL,
    },
    {
      id: 'offload-input-on-host',
      text: 'The input embeddings (token_embd) always stay in system RAM; each layer’s KV cache lives on the device holding the layer.',
      source: LLAMA_MODEL_URL,
    },
    {
      id: 'offload-cpu-moe',
      text: '--n-cpu-moe N keeps the routed experts (ffn_*_exps) of blocks 0..N-1 in RAM; --cpu-moe (-ot exps=CPU) keeps all of them.',
      source: LLAMA_ARG_URL,
    },
    {
      id: 'offload-mapped',
      text: 'The CPU weights are memory-mapped: the logged CPU_Mapped size spans the first to the last CPU tensor in the file; RAM must hold the CPU tensors themselves.',
      source: LLAMA_MODEL_URL,
    },
    {
      id: 'offload-compute',
      text: opOffload
        ? `Compute buffers for ${c.options.nUbatch}-token ubatches: GPU 0 also holds a copy of the largest RAM-held weight, because ubatches of ${OP_OFFLOAD_MIN_BATCH}+ tokens run RAM-held layers on the GPU. Approximation, checked on two -ngl 0 logs.`
        : `Micro-batch below ${OP_OFFLOAD_MIN_BATCH} tokens: RAM-held layers compute on the CPU; compute buffers approximated.`,
      source: GGML_CUDA_URL,
    },
    {
      id: 'offload-cuda-context',
      text: `Each GPU loses ${Math.round(CUDA_CONTEXT_BYTES / MiB)} MiB to its CUDA context (ollama cudaMinimumMemory).`,
      source: 'https://github.com/ollama/ollama/blob/main/discover/gpu.go',
    },
    {
      id: 'offload-decode',
      text: `Decode step = GPU bytes / (${GPU_DECODE_EFFICIENCY} x GPU bandwidth) + RAM bytes / (${CPU_DECODE_EFFICIENCY} x RAM bandwidth) + ${GPU_DECODE_FIXED_SECONDS * 1e3} ms, layers run one after another.`,
      source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference',
    },
    {
      id: 'offload-prefill',
      text: `Prompt ubatch = ${PREFILL_EFFICIENCY} x fp16 FLOP/s compute on the GPUs + RAM-held weights copied over PCIe at ${PCIE_H2D_EFFICIENCY.toFixed(2)} of the link, not overlapped.`,
      source: GGML_BACKEND_URL,
    },
  ];
  return out;
}
