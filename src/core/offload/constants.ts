// Every constant of the partial-offload model, each with the source or measurement it comes from. The speed
// efficiencies of a GPU and of a CPU streaming weights are the rig search's (src/core/rigs/constants.ts),
// imported, not restated; this file holds only what partial offload adds: llama.cpp's placement rules, the op
// offload threshold and the PCIe link.

export { CUDA_CONTEXT_BYTES } from '../memory/overhead';
export {
  BYTES_PER_GB,
  CPU_DECODE_EFFICIENCY,
  CPU_DECODE_FIXED_SECONDS,
  GPU_DECODE_EFFICIENCY,
  GPU_DECODE_FIXED_SECONDS,
  PREFILL_EFFICIENCY,
} from '../rigs/constants';

export const LLAMA_MODEL_URL = 'https://github.com/ggml-org/llama.cpp/blob/master/src/llama-model.cpp';
export const LLAMA_ARG_URL = 'https://github.com/ggml-org/llama.cpp/blob/master/common/arg.cpp';
export const GGML_CUDA_URL =
  'https://github.com/ggml-org/llama.cpp/blob/master/ggml/src/ggml-cuda/ggml-cuda.cu';
export const GGML_BACKEND_URL = 'https://github.com/ggml-org/llama.cpp/blob/master/ggml/src/ggml-backend.cpp';

/** Which layers `-ngl N` puts on the GPU. llama.cpp's `llama_model::load_tensors` (src/llama-model.cpp)
 *  numbers the output layer n_layer, after the n_layer blocks, and computes
 *  `i_gpu_start = max(n_layer + 1 - n_gpu_layers, 0)`: layers i_gpu_start..n_layer go to the GPU, so the output
 *  layer is the first to be offloaded and `-ngl N` holds N - 1 blocks plus the output layer. That order came
 *  with PR #18148 "llama: offload output layer to GPU first" (merged December 2025,
 *  https://github.com/ggml-org/llama.cpp/pull/18148); before it, `i_gpu_start = max(n_layer - n_gpu_layers, 0)`
 *  gave N blocks and kept the output layer on the CPU until `-ngl` exceeded n_layer ('blocks-first', still what
 *  logs from older builds show). */
export const OFFLOAD_ORDERS = ['output-first', 'blocks-first'] as const;
export type OffloadOrder = (typeof OFFLOAD_ORDERS)[number];
export const DEFAULT_OFFLOAD_ORDER: OffloadOrder = 'output-first';
export const OUTPUT_FIRST_PR_URL = 'https://github.com/ggml-org/llama.cpp/pull/18148';

/** Where the file stores its tensors, which decides the span `CPU_Mapped model buffer size` reports (the mapped
 *  range from the first to the last CPU-held tensor, GPU tensors in between included):
 *  - 'convert-hf': convert_hf_to_gguf.py, the converter since 2024: output, output_norm and token_embd first,
 *    then the blocks (the order our tensor tables list);
 *  - 'output-last': the 2023 convert.py that wrote most older uploads (TheBloke's among them): token_embd
 *    first, then the blocks, then output_norm and output at the end of the file, so a CPU-held output layer
 *    maps the whole file. */
export const FILE_LAYOUTS = ['convert-hf', 'output-last'] as const;
export type FileLayout = (typeof FILE_LAYOUTS)[number];
export const DEFAULT_FILE_LAYOUT: FileLayout = 'convert-hf';

/** The expert tensors `--cpu-moe` and `--n-cpu-moe N` keep on the CPU: common/common.h LLM_FFN_EXPS_REGEX
 *  `\.ffn_(up|down|gate|gate_up)_(ch|)exps`, and for `--n-cpu-moe N` one override per block i < N built by
 *  llm_ffn_exps_block_regex(i) = `blk\.i` + that pattern (common/arg.cpp, PR #15077
 *  https://github.com/ggml-org/llama.cpp/pull/15077): the experts of the *first* N blocks. llama.cpp matches
 *  with std::regex_search, so expert biases (gpt-oss `ffn_up_exps.bias`) go with their weights; shared experts
 *  (`_shexp`) and the router stay where their layer is. */
export const EXPERT_TENSOR_PATTERN = /\.ffn_(up|down|gate|gate_up)_(ch|)exps/;

/** What an `-ot "blk\.(…)\.ffn=CPU"` override moves, as many expert-offload guides and logs write it: every
 *  feed-forward tensor of the block (norm, router, routed and shared experts), not only the routed experts. */
export const FFN_TENSOR_PATTERN = /\.ffn/;

/** Which blocks an expert override takes and which of their tensors: llama.cpp's `--n-cpu-moe N` is the routed
 *  experts of the first N blocks; an `-ot` override can name the last N blocks, or all their ffn tensors. */
export interface CpuOverride {
  from: 'first' | 'last';
  tensors: 'experts' | 'ffn';
}
export const DEFAULT_CPU_OVERRIDE: CpuOverride = { from: 'first', tensors: 'experts' };

/** The input embeddings never leave the host: load_tensors assigns `dev_input = cpu` ("there is very little
 *  benefit to offloading the input layer, so always keep it on the CPU"). */
export const INPUT_LAYER_ON_CPU = true;

/** GGUF aligns every tensor's data to 32 bytes (ggml/include/gguf.h GGUF_DEFAULT_ALIGNMENT); the mapped CPU
 *  buffer spans from the first to the last CPU tensor in file order, padding included. */
export const GGUF_ALIGNMENT = 32;

/** With a GPU present, an op whose weight sits in host memory runs on the GPU when its batch is at least 32
 *  tokens: the weight is copied over PCIe into the GPU's compute buffer first (ggml_backend_cuda_device_offload_op
 *  in ggml/src/ggml-cuda/ggml-cuda.cu, `get_op_batch_size(op) >= op_offload_min_batch_size`, default 32; the
 *  scheduler's op_offload in ggml/src/ggml-backend.cpp; PR #6083 "The weights are now copied to VRAM in the
 *  compute buffer", https://github.com/ggml-org/llama.cpp/pull/6083). For expert tensors only the experts the
 *  ubatch routes to are copied (PR #15346, https://github.com/ggml-org/llama.cpp/pull/15346). Decode (1 token)
 *  stays below the threshold, so CPU-held layers run on the CPU; prompt ubatches of 512 run on the GPU. */
export const OP_OFFLOAD_MIN_BATCH = 32;

/** llama.cpp's default micro-batch (common/common.h n_ubatch = 512): compute buffers are reserved for it and a
 *  long prompt is processed in steps of it. */
export const DEFAULT_N_UBATCH = 512;

/** PCIe payload bandwidth per direction of an x16 link, GB/s: 8 GT/s (3.0), 16 GT/s (4.0), 32 GT/s (5.0) per
 *  lane with 128b/130b encoding, x16 = 15.75 / 31.5 / 63.0 GB/s (table after the PCIe specifications,
 *  https://hpc-notes.pages.dev/reference/pcie). A GPU's link is a hardware fact the caller passes; 4.0 x16 is
 *  the default for a current consumer card. */
export const PCIE_X16_GBPS = { '3.0': 15.75, '4.0': 31.5, '5.0': 63.0 } as const;
export const DEFAULT_PCIE_GBPS = PCIE_X16_GBPS['4.0'];

/** Share of the PCIe payload bandwidth a host-to-device copy reaches. NVIDIA's nvbandwidth measured
 *  host_to_device_memcpy_ce at 23.90-26.38 GB/s (median 26.2) on eight RTX 4090s in PCIe 4.0 x16 slots
 *  (https://github.com/NVIDIA/nvbandwidth/issues/15): 26.2 / 31.5 = 0.83. That is pinned memory; llama.cpp's
 *  mmap-backed weights may copy slower (llama.cpp#25859 measured +21% prefill from page-locking them,
 *  https://github.com/ggml-org/llama.cpp/issues/25859), so prefill with CPU-held weights may be lower. */
export const PCIE_H2D_EFFICIENCY = 26.2 / 31.5;

/** Prompt processing with CPU-held weights: the copy of a layer's weights and the matmul that uses them run one
 *  after the other, not overlapped ("those copies run serially with the matmul that consumes them", profiled
 *  with Nsight in https://github.com/ggml-org/llama.cpp/issues/25859), so a ubatch takes compute time plus copy
 *  time. */
export const PREFILL_COPY_OVERLAPS_COMPUTE = false;

/** Share of the RAM bandwidth reached while the CPU reads routed experts for a GPU-held model
 *  (`--n-cpu-moe` / `--cpu-moe`). Dense layers kept in RAM stream at the rig search's CPU_DECODE_EFFICIENCY
 *  (0.52), but expert offload measured slower. Fitted to one measurement: Qwen3-30B-A3B-Instruct-2507 Q4_K_M,
 *  `-ngl 99 --n-cpu-moe 36`, on an RTX 2080 (448 GB/s) with an i9-10900X whose quad-channel DDR4 measured
 *  ~102 GB/s, generated 36.7 tok/s as measured by llama-server
 *  (https://github.com/AlexsJones/llmfit/pull/755). Of its 27.2 ms per token, 3.2 ms are the GPU's 1.10 GB at
 *  0.78 x 448 GB/s and 1.9 ms the fixed GPU step (GPU_DECODE_EFFICIENCY, GPU_DECODE_FIXED_SECONDS); the rest,
 *  22.2 ms for 0.816 GB of experts read from RAM, is 36.8 GB/s = 0.36 of 102 GB/s. Checked, not fitted, on
 *  gpt-oss-20b and DeepSeek-Coder-V2-Lite from the same machine (tests/golden/offload-speeds.json). Why expert
 *  reads run slower than dense ones (two GPU-CPU hand-offs per offloaded layer, many small expert matrices) is
 *  not established. */
export const EXPERT_CPU_DECODE_EFFICIENCY = 0.36;
