// The partial-offload contract: hardware a person owns, the llama.cpp flags they would pass, and what each device
// holds and how fast it runs. All sizes in bytes, bandwidth in GB/s (1e9 bytes/s), compute in TFLOPS.
import type { Assumption } from '../memory/estimate-types';
import type { FileLayout, OffloadOrder } from './constants';

export interface OffloadGpu {
  /** Display name, e.g. 'RTX 3090'. */
  name?: string;
  /** The GPU's memory, bytes (its total VRAM). The CUDA context is reserved out of it by the model. */
  memoryBytes: number;
  /** Memory bandwidth, GB/s; needed for decode speed. */
  bandwidthGBps?: number;
  /** Dense fp16 TFLOPS; needed for prompt-processing speed. */
  fp16Tflops?: number;
  /** Host-to-device link payload bandwidth, GB/s (default PCIe 4.0 x16, DEFAULT_PCIE_GBPS). */
  pcieGBps?: number;
}

export interface OffloadHardware {
  /** One or more GPUs, in llama.cpp's device order (CUDA0 first). */
  gpus: readonly OffloadGpu[];
  /** System RAM llama.cpp may use, bytes (what is left after the OS and other programs). */
  systemRamBytes: number;
  /** CPU memory bandwidth, GB/s (populated channels x transfer rate x 8 bytes); needed for decode speed. */
  cpuBandwidthGBps?: number;
  /** `--tensor-split` proportions, one per GPU. Absent: proportional to each GPU's memoryBytes (llama.cpp's
   *  default splits by the free memory it finds at load). */
  tensorSplit?: readonly number[];
}

export interface OffloadOptions {
  weightFormat: string;
  kvCacheFormat: string;
  contextTokens: number;
  /** Parallel sequences (llama.cpp -np), as in estimateMemory. */
  batch: number;
  /** Micro-batch (-ub), default 512: compute buffers are reserved for it and prompts are processed in steps of
   *  it. */
  nUbatch?: number;
  /** Which layers -ngl takes: 'output-first' (llama.cpp since PR #18148, December 2025, default) or
   *  'blocks-first' (older builds). */
  order?: OffloadOrder;
  /** How the GGUF orders its tensors (constants.ts FILE_LAYOUTS), default 'convert-hf'. Only the CPU_Mapped span
   *  depends on it. */
  fileLayout?: FileLayout;
}

export interface OffloadConfig {
  /** `-ngl`: layers on the GPUs, the output layer counted (n_layer + 1 = everything). Larger values are
   *  clamped, as llama.cpp does. */
  nGpuLayers: number;
  /** `--n-cpu-moe N`: the routed experts of blocks 0..N-1 stay on the CPU; 'all' is `--cpu-moe`
   *  (`-ot exps=CPU`). Default 0. */
  nCpuMoe?: number | 'all';
  /** Which N blocks nCpuMoe takes: 'first' (default, --n-cpu-moe) or 'last' (an -ot override naming them). */
  cpuMoeFrom?: 'first' | 'last';
  /** What moves: 'experts' (default, the routed experts) or 'ffn' (every ffn tensor of those blocks). */
  cpuMoeTensors?: 'experts' | 'ffn';
}

/** What one device holds, bytes. */
export interface OffloadDeviceBytes {
  /** Weights: the GPU's model buffer; on the CPU the tensors that must stay resident. */
  weightBytes: number;
  /** KV cache of the layers the device holds. */
  kvBytes: number;
  /** Compute buffer (llama.cpp reserves it for one n_ubatch worst case). */
  computeBytes: number;
  /** GPU: the CUDA context; CPU: the logits output buffer. */
  runtimeBytes: number;
  /** weightBytes + kvBytes + computeBytes + runtimeBytes. */
  totalBytes: number;
  /** The memory the device offers, bytes. */
  budgetBytes: number;
  fits: boolean;
  /** Transformer blocks whose attention (and dense FFN) the device holds. */
  blocks: number;
}

export interface OffloadGpuPlacement extends OffloadDeviceBytes {
  index: number;
  name?: string;
  /** First and last block held, or null if none. */
  firstBlock: number | null;
  lastBlock: number | null;
  holdsOutput: boolean;
}

export interface OffloadCpuPlacement extends OffloadDeviceBytes {
  /** What llama.cpp logs as `CPU_Mapped model buffer size`: the mmap range from the first to the last tensor
   *  kept on the CPU, in file order. It can include GPU tensors stored in between (their pages are read once
   *  and can be dropped), so weightBytes, not this, is what RAM must hold. */
  mappedWeightBytes: number;
  /** Blocks whose routed experts stay on the CPU. */
  expertBlocks: number;
}

export interface OffloadSpeed {
  /** Decode tokens/s (all sequences together) with an empty context. */
  decodeTokensPerSecond: number;
  /** Decode tokens/s with the whole context filled. */
  decodeTokensPerSecondAtFullContext: number;
  /** Seconds per decode step at an empty context, by part. */
  decodeSeconds: { gpu: number; cpu: number; fixed: number };
  /** Prompt tokens/s for long prompts, when every GPU has fp16Tflops. */
  prefillTokensPerSecond?: number;
  /** Seconds per ubatch of prompt: GPU compute and the PCIe copy of CPU-held weights (op offload). */
  prefillSeconds?: { compute: number; copy: number; cpu: number; ubatchTokens: number };
}

export const OFFLOAD_MODES = ['layers', 'experts'] as const;
export type OffloadMode = (typeof OFFLOAD_MODES)[number];

export interface OffloadPlan {
  mode: OffloadMode;
  config: { nGpuLayers: number; nCpuMoe: number };
  /** The llama.cpp flags that give this placement, e.g. '-ngl 41' or '-ngl 49 --n-cpu-moe 12'. */
  flags: string;
  /** Layers on the GPUs, the output layer counted, as llama.cpp logs `offloaded 41/81 layers to GPU`. */
  layersOnGpu: number;
  totalLayers: number;
  blocksOnGpu: number;
  outputOnGpu: boolean;
  gpus: OffloadGpuPlacement[];
  cpu: OffloadCpuPlacement;
  fitsGpu: boolean;
  fitsRam: boolean;
  /** fitsGpu && fitsRam. */
  fits: boolean;
  /** Present when every GPU has bandwidthGBps and the CPU bandwidth is given. */
  speed?: OffloadSpeed;
  assumptions: Assumption[];
}

export type OffloadErrorCode =
  | 'unknown-weight-format'
  | 'unknown-kv-format'
  | 'kv-format-unsupported-by-engine'
  | 'format-not-on-llama-cpp'
  | 'invalid-context'
  | 'invalid-batch'
  | 'invalid-ubatch'
  | 'invalid-order'
  | 'invalid-file-layout'
  | 'no-gpu'
  | 'invalid-gpu'
  | 'invalid-ram'
  | 'invalid-tensor-split'
  | 'invalid-gpu-layers'
  | 'invalid-cpu-moe';

export interface OffloadError {
  code: OffloadErrorCode;
  field: string;
  message: string;
}

export type OffloadResult = { ok: true; plan: OffloadPlan } | { ok: false; error: OffloadError };

/** The largest offload that fits, per engine mode. `experts` is null for a dense model. A plan is always given
 *  when the inputs are valid: the largest configuration that fits the GPUs, or the smallest one (-ngl 0) with
 *  fitsGpu false when nothing does; its fitsRam says whether RAM holds the rest. */
export interface OffloadFit {
  layers: OffloadPlan;
  experts: OffloadPlan | null;
  /** The plan to show first: the faster of the two that fit (experts when speeds are unknown), or layers. */
  recommended: OffloadPlan;
}

export type OffloadFitResult = ({ ok: true } & OffloadFit) | { ok: false; error: OffloadError };
