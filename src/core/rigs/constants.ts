// Every constant the rig search uses, each with the measurement or document it comes from. Change a
// number here and the assumptions list the UI shows changes with it (see rigAssumptions below).
import type { Assumption } from '../memory/estimate-types';
import { CUDA_CONTEXT_BYTES } from '../memory/overhead';

export const BYTES_PER_GIB = 2 ** 30;
export const BYTES_PER_MIB = 2 ** 20;
/** Bandwidth in the dataset is GB/s with GB = 1e9 bytes (src/data/schema.ts). */
export const BYTES_PER_GB = 1e9;

/** Memory a CUDA context (with cuBLAS workspace) takes on each NVIDIA GPU. One number for the whole core:
 *  the memory model's CUDA_CONTEXT_BYTES (457 MiB, ollama's cudaMinimumMemory). Measured contexts range
 *  from 107 MiB (RTX 4060 Ti) to 555 MiB (RTX PRO 6000 Blackwell), llama.cpp PR #23604
 *  (https://github.com/ggml-org/llama.cpp/pull/23604). The memory estimate counts one context in its
 *  overhead; rigRequestFromEstimate takes it out and the rig search reserves one per NVIDIA device. */
export const CUDA_CONTEXT_RESERVE_BYTES = CUDA_CONTEXT_BYTES;

/** macOS lets the GPU wire at most Metal's recommendedMaxWorkingSetSize. On a 32 GB M1 Max it reports
 *  21845 MB = 2/3 of RAM (https://github.com/ggml-org/llama.cpp/pull/2011); on larger Macs it is about
 *  75% of RAM (GPUStack reads it as 75%: https://github.com/gpustack/gpustack/issues/1375). This is the
 *  'factory' limit. */
export const MACOS_GPU_WIRED_SHARE_SMALL = 2 / 3;
export const MACOS_GPU_WIRED_SHARE_LARGE = 0.75;
/** RAM size up to which the smaller share applies (the 32 GB measurement above; 36 GB is the next size). */
export const MACOS_GPU_WIRED_SMALL_MAX_BYTES = 36 * BYTES_PER_GIB;

/** What the OS keeps: 8 GiB, on a unified machine whose GPU limit is raised for a big model ('raised') and
 *  on a CPU server or hybrid, whose model weights share RAM with the OS. People
 *  running models near their RAM size raise macOS's limit with `sudo sysctl iogpu.wired_limit_mb=...` and
 *  leave about 8 GB to macOS (40960 MB on a 48 GB MacBook Pro:
 *  https://www.thinkdifferent.blog/blog/the-macbook-pro-setting-that-doubles-your-ai-performance/); an idle
 *  DGX OS desktop holds 8.0-8.7 GiB of a GB10's memory (https://github.com/Syllo/nvtop/issues/449). Dave2D
 *  left more, running DeepSeek-R1 with 448 of 512 GB wired
 *  (https://wccftech.com/m3-ultra-chip-handles-deepseek-r1-model-with-671-billion-parameters/). */
export const OS_RESERVE_BYTES = 8 * BYTES_PER_GIB;

/** Strix Halo's BIOS split ('factory'): AMD Variable Graphics Memory gives the GPU up to 96 GB of 128 GB
 *  (https://www.amd.com/en/blogs/2025/amd-ryzen-ai-max-395-processor-breakthrough-ai-.html); on Linux the
 *  GTT limit can be raised to nearly all of it ('raised', OS_RESERVE_BYTES left to the OS). */
export const STRIX_HALO_BIOS_SHARE = 96 / 128;

/** A 128 GB GB10 (DGX Spark) shares its memory between the OS and CUDA. NVML reports 128,501,256,192 bytes
 *  (https://github.com/leptonai/gpud/pull/1170) and CUDA 121.69 GiB in total, but at boot CUDA has only
 *  101.3-102.2 GiB free, headless with caches dropped, on drivers 580 and 610
 *  (https://github.com/MiaAI-Lab/GLM-5.3-Flash-EXL3-2x-DGX-Sparks/issues/47). We use the low end of what
 *  was measured free, per 128 GiB of memory. */
export const GB10_CUDA_FREE_BYTES_PER_128_GIB = 101.3 * BYTES_PER_GIB;

/** Default for the unified-memory limit option: big-model users raise the factory limit (above), so the
 *  raised limit is the default and the factory one is an option. */
export const DEFAULT_UNIFIED_MEMORY_LIMIT = 'raised' as const;

/** Decode speed = 1 / (bytes / (efficiency x bandwidth) + fixed time per token).
 *  GPUs with llama.cpp (CUDA): fitted to two measured points on the same card, XiongjieDai's llama-bench
 *  runs (https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference, README, LLaMA 3, May 2024):
 *  RTX 3090 (936 GB/s) 8B Q4_K_M (4.58 GiB) tg512 115.42 t/s and 2x3090 70B Q4_K_M (39.59 GiB) tg512
 *  16.57 t/s give efficiency 0.78 and 1.9 ms per token; the RTX 4090 pair (130.58 and 19.22 t/s at
 *  1008 GB/s) gives 0.84 and 1.85 ms. We use the 3090 figures, the lower of the two. Check on an MoE: 16x
 *  RTX 3090 ran DeepSeek-R1 Q8_0 (about 39 GB read per token) at tg 17.2-18.1 t/s with ik_llama.cpp
 *  (https://github.com/ikawrakow/ik_llama.cpp/issues/263); the formula gives 17.9. */
export const GPU_DECODE_EFFICIENCY = 0.78;
export const GPU_DECODE_FIXED_SECONDS = 1.9e-3;

/** Apple Silicon with llama.cpp (Metal), fitted the same way to the M2 Ultra (800 GB/s) rows of the same
 *  README: 8B Q4_K_M tg512 78.81 t/s and 70B Q4_K_M 12.48 t/s give efficiency 0.70 and 3.9 ms per token.
 *  Check: Jeff Geerling measured 14.41 t/s for 70B Q4_K_M on an M3 Ultra (819 GB/s), the formula gives 12.8
 *  (https://github.com/geerlingguy/beowulf-ai-cluster/issues/17). Also used for other unified machines
 *  (Strix Halo, GB10), for which we found no pair of measurements. */
export const UNIFIED_DECODE_EFFICIENCY = 0.7;
export const UNIFIED_DECODE_FIXED_SECONDS = 3.9e-3;
/** Not a model input, a check shown beside MoE quotes on Macs: DeepSeek-R1 671B at 4 bits ran at 17-18 t/s
 *  on an M3 Ultra 512 GB (Dave2D, https://wccftech.com/m3-ultra-chip-handles-deepseek-r1-model-with-671-billion-parameters/),
 *  below what the dense fit above predicts (about 22 t/s), so MoE on Metal may be slower than shown. */
export const UNIFIED_MOE_CHECK_NOTE =
  'For MoE on Apple Silicon this may be high: DeepSeek-R1 at 4 bits was reported at 17-18 t/s on an M3 Ultra, where this formula gives about 22.';

/** CPU-only servers with llama.cpp: Tencent Xuanwu Lab's EPYC 9135/9115 with 12x DDR5-5600 (537.6 GB/s
 *  theoretical) ran DeepSeek-R1 Q8_0 (37B active parameters x 8.5 bits = 39.3 GB per token) at 7.17 t/s
 *  peak, i.e. 282 GB/s = 0.52 of peak
 *  (https://xlab.tencent.com/cn/2025/03/16/DeepSeek-671B纯CPU部署实践经验分享(一)). No fixed term measured. */
export const CPU_DECODE_EFFICIENCY = 0.52;
export const CPU_DECODE_FIXED_SECONDS = 0;

/** Clusters of unified machines split layers across nodes (llama.cpp RPC, exo pipeline): each token passes
 *  every node once, so per-token time is the single-node time plus one network hop per extra node.
 *  Jeff Geerling measured 300 us per hop over TCP on Thunderbolt (RDMA on macOS 26.2 brings it under 50 us)
 *  (https://www.jeffgeerling.com/blog/2025/15-tb-vram-on-mac-studio-rdma-over-thunderbolt-5). We use the
 *  TCP figure; exo's RDMA tensor parallelism is reported faster (1.8x on 2 nodes, 3.2x on 4) but that is
 *  not what llama.cpp does, so it is not modelled. */
export const CLUSTER_HOP_SECONDS = 300e-6;

/** vLLM tensor parallelism over N GPUs: each GPU reads 1/N of the weights, but the all-reduce after each
 *  layer costs time. We scale speed by N x TP_EFFICIENCY_PER_DOUBLING^log2(N), which reproduces the one
 *  measured scaling we found, exo's 1.8x on 2 and 3.2x on 4 nodes (reported by Stabilise.io via
 *  https://aiexpert.news/en/article/the-10k-sovereign-ai-cluster-how-smbs-are-running-100b-parameter-models-on-apple).
 *  llama.cpp's default layer split does not speed up a single sequence (the 2x/4x/8x 4090 70B rows of the
 *  XiongjieDai README stay at 18.9-19.8 t/s). */
export const TP_EFFICIENCY_PER_DOUBLING = 0.9;

/** Prefill tokens/s = PREFILL_EFFICIENCY x dense fp16 FLOP/s / (2 x active parameters). An RTX 4090
 *  (165.2 dense fp16 TFLOPS with fp16 accumulate, Ada whitepaper) runs 8B Q4_K_M pp512 at 7139 t/s =
 *  114.7 TFLOPS = 0.69 of peak (XiongjieDai README above). */
export const PREFILL_EFFICIENCY = 0.69;

/** CPU prefill: CPU platforms carry fp16DenseTflops as their FP32 FMA peak (cores x clock x FLOPs per
 *  cycle, data/README.md). A 32-core Threadripper PRO 5975WX (AVX2, 32 x 3.6 GHz x 32 = 3.69 TFLOPS) runs
 *  LLaMA-3.1-8B Q6_0 pp512 at 174 t/s = 2 x 8.03e9 x 174 = 2.79 TFLOP/s = 0.76 of that peak
 *  (https://github.com/ikawrakow/ik_llama.cpp/pull/122, baseline column). */
export const CPU_PREFILL_EFFICIENCY = 0.76;

/** Where the dataset has no TFLOPS for a device, a conservative labelled default bounds batch and prefill
 *  speed rather than leaving compute unbounded: 10 TFLOPS for a GPU or unified machine (a GTX 1080 Ti's
 *  FP32 rate, the slowest card class rigcast offers) and 1 TFLOPS for a CPU platform (an 8-core AVX2 CPU at
 *  4 GHz: 8 x 4e9 x 32). */
export const DEFAULT_ACCELERATOR_TFLOPS = 10;
export const DEFAULT_CPU_TFLOPS = 1;

/** What a host draws without its GPUs, where the dataset does not say: 250 W, a conservative figure for one
 *  desktop or workstation CPU at full load (a 170 W-TDP Ryzen 9 or a 280 W Threadripper PRO runs near its
 *  TDP in prompt processing) plus board, drives and fans. Used only in the PSU check, and the quote says so. */
export const DEFAULT_HOST_POWER_W = 250;

/** Tensor parallelism exchanges activations after every layer. Measured with vLLM TP=2 on two RTX 5060 Ti,
 *  prefill at 32K peaked at 3-4 GB/s per link, 40-50% of a PCIe 4.0 x4 link
 *  (https://reddit.sentinel-team.org/posts/1t5nw2k/snapshots/2026-05-09T00%3A46%3A53.937033Z): x4 is the
 *  narrowest link that carries it; a mining board's x1 risers (about 1 GB/s) do not, so vLLM there runs
 *  pipeline parallel at one GPU's speed. */
export const TP_MIN_PCIE_LANES = 4;

/** Keep the sustained load at or below 80% of the PSU rating (size the PSU at 1.25x the draw), the usual
 *  rule for multi-GPU rigs (https://miningtech.no/en/strømforsyning-guide). */
export const PSU_MAX_SUSTAINED_LOAD = 0.8;

/** Running two DIMMs per channel lowers the memory clock. Intel Xeon 6700P/6500P: DDR5-6400 at 1 DPC,
 *  5200 at 2 DPC (ratio 0.81); ASRock Rack WRX90: 2 DPC forces DDR5 to ~4400 MT/s
 *  (https://maxj.phd/git/max/makenotwork/commit/ad63f4a16f618a21abeae3b306a4ed855da94278). We use 0.81. */
export const TWO_DPC_SPEED_RATIO = 5200 / 6400;

/** Bytes per DDR channel per transfer (a 64-bit channel). */
export const DDR_BYTES_PER_TRANSFER = 8;

/** A price up to this old is fresh: the coverage report counts fresh prices separately, and an older one
 *  gets a note with its age. */
export const FRESH_PRICE_DAYS = 365;

/** How long a price is carried forward (the default age limit of a search): an observation older than this
 *  is not used, so "today" is never priced from a years-old listing. Within it, a DIMM's price follows its
 *  DRAM generation's $/GB series since the day it was observed (price-index.ts; hardware and DRAM prices
 *  move tens of percent a year, see the 2025-26 series in data/series) and other parts keep their last
 *  price, flagged with its age. Two years lets a part priced at least yearly never drop out between two
 *  observations, so the cheapest-rig history has no cliff from a price expiring. */
export const CARRY_FORWARD_MAX_DAYS = 730;

/** Largest GPU count tried per rig (one 8-GPU chassis). */
export const MAX_GPUS_PER_RIG = 8;
/** Hybrids: how many GPUs sit beside the RAM (1-2, as llama.cpp -ot exps=CPU builds do). */
export const MAX_HYBRID_GPUS = 2;
/** Cluster sizes tried for unified machines (the item's cluster.maxNodes caps it further). */
export const MAX_CLUSTER_NODES = 4;

export const DEFAULT_MAX_RESULTS = 10;

/** The assumptions behind every quote, for the UI's "how is this computed" list. */
export function rigAssumptions(
  unifiedLimit: 'raised' | 'factory' = DEFAULT_UNIFIED_MEMORY_LIMIT,
): Assumption[] {
  return [
    {
      id: 'rigs-buildable',
      text: `A host is offered with N GPUs only if it has N bays, each card fits the bay width with all filled, the card's cooler suits the host's airflow (passive cards need server airflow), and the cards plus host draw <= ${PSU_MAX_SUSTAINED_LOAD * 100}% of its PSU; a host or card missing any of these facts is not offered.`,
      source: 'data/hardware (gpuBays, psuW, card)',
    },
    {
      id: 'rigs-engine-support',
      text: 'A rig is offered only if the engine runs on its devices and runs the weight format there (llama.cpp: CUDA 5.0+, ROCm, Metal, SYCL, CPU, GGUF files; vLLM: CUDA 7.0+ (7.5+ in current wheels), listed ROCm targets, fp8 from compute capability 8.9 or MI300, no GPU+RAM expert split, no CPU-only rigs).',
      source: 'https://docs.vllm.ai/en/latest/features/quantization/supported_hardware.html',
    },
    {
      id: 'rigs-cuda-context',
      text: `Each NVIDIA GPU loses ${CUDA_CONTEXT_RESERVE_BYTES / BYTES_PER_MIB} MiB to its CUDA context (moved from the memory estimate's overhead to each device).`,
      source: 'https://github.com/ggml-org/llama.cpp/pull/23604',
    },
    {
      id: 'rigs-vllm-utilization',
      text: 'vLLM gpu_memory_utilization is already in the memory estimate (its total is divided by it), so the rig search does not apply it again.',
      source: 'https://docs.vllm.ai/en/latest/configuration/engine_args.html',
    },
    unifiedLimit === 'raised'
      ? {
          id: 'rigs-unified-limit',
          text: `Unified machines: the GPU memory limit raised to all but ${OS_RESERVE_BYTES / BYTES_PER_GIB} GiB for the OS (macOS sysctl iogpu.wired_limit_mb, Linux GTT on Strix Halo); a GB10 gives CUDA the ${(GB10_CUDA_FREE_BYTES_PER_128_GIB / BYTES_PER_GIB).toFixed(1)} GiB per 128 GiB measured free at boot.`,
          source:
            'https://www.thinkdifferent.blog/blog/the-macbook-pro-setting-that-doubles-your-ai-performance/',
        }
      : {
          id: 'rigs-unified-limit',
          text: `Unified machines at their factory limit: macOS wires ${Math.round(MACOS_GPU_WIRED_SHARE_LARGE * 100)}% of RAM for the GPU (2/3 up to 36 GiB); Strix Halo's BIOS gives the GPU ${Math.round(STRIX_HALO_BIOS_SHARE * 100)}%.`,
          source: 'https://github.com/gpustack/gpustack/issues/1375',
        },
    {
      id: 'rigs-decode-gpu',
      text: `GPU decode: bytes per token / (${GPU_DECODE_EFFICIENCY} x bandwidth) + ${GPU_DECODE_FIXED_SECONDS * 1e3} ms (fitted to RTX 3090 llama-bench runs).`,
      source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference',
    },
    {
      id: 'rigs-decode-unified',
      text: `Unified-memory decode: bytes per token / (${UNIFIED_DECODE_EFFICIENCY} x bandwidth) + ${UNIFIED_DECODE_FIXED_SECONDS * 1e3} ms (fitted to M2 Ultra llama-bench runs).`,
      source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference',
    },
    {
      id: 'rigs-decode-cpu',
      text: `CPU decode: bytes per token / (${CPU_DECODE_EFFICIENCY} x populated-channel bandwidth) (Tencent Xuanwu Lab EPYC DeepSeek-R1 build).`,
      source: 'https://xlab.tencent.com/cn/2025/03/16/DeepSeek-671B纯CPU部署实践经验分享(一)',
    },
    {
      id: 'rigs-decode-hybrid',
      text: 'GPU+RAM hybrid decode: non-expert bytes at GPU speed plus routed-expert bytes at CPU speed, as llama.cpp -ot exps=CPU runs them.',
      source: 'https://github.com/ggml-org/llama.cpp/pull/11397',
    },
    {
      id: 'rigs-multi-gpu',
      text: `llama.cpp splits layers across GPUs (one GPU's speed); vLLM tensor parallel scales by N x ${TP_EFFICIENCY_PER_DOUBLING}^log2(N) where each GPU has PCIe x${TP_MIN_PCIE_LANES} or better, else runs pipeline parallel at one GPU's speed.`,
      source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference',
    },
    {
      id: 'rigs-cluster',
      text: `Clusters split layers across nodes: single-node speed plus ${CLUSTER_HOP_SECONDS * 1e6} us per extra node per token.`,
      source: 'https://www.jeffgeerling.com/blog/2025/15-tb-vram-on-mac-studio-rdma-over-thunderbolt-5',
    },
    {
      id: 'rigs-prefill',
      text: `Prefill: ${PREFILL_EFFICIENCY} x dense fp16 FLOP/s (GPUs, unified) or ${CPU_PREFILL_EFFICIENCY} x FP32 FMA peak (CPUs) / (2 x active parameters); where the dataset has no TFLOPS, ${DEFAULT_ACCELERATOR_TFLOPS} (accelerator) or ${DEFAULT_CPU_TFLOPS} (CPU) TFLOPS bound it, and decode at large batches.`,
      source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference',
    },
    {
      id: 'rigs-two-dpc',
      text: `DIMM fills use the board's slots (channels x DIMMs per channel); two DIMMs per channel run at the board's stated 2-DPC speed, else ${TWO_DPC_SPEED_RATIO.toFixed(2)} x the one-DIMM speed.`,
      source: 'https://maxj.phd/git/max/makenotwork/commit/ad63f4a16f618a21abeae3b306a4ed855da94278',
    },
    {
      id: 'rigs-pricing',
      text: 'Each part is priced at its latest US or global observation on or before the as-of date, on or after the day it shipped, in an accepted condition; power is the sum of TDPs.',
      source: 'data/prices',
    },
  ];
}
