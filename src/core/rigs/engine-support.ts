// Which engine runs on which device, and which weight formats it runs there: the support table behind
// "a rig the engine cannot run is not offered". Each rule cites the document it comes from. A verdict is
// one of: runs natively, runs through a slower path (a note says which), or does not run (a reason says
// why, in words a buyer can check).
import type { HardwareItem } from '../../data/schema';
import type { WeightFormatId } from '../memory/format-ids';
import { GGUF_FORMAT_IDS } from '../memory/format-ids';
import { type DeviceTarget, describeTarget, targetOf } from './targets';
import type { RigEngine } from './types';

export interface SupportVerdict {
  runs: boolean;
  /** Why it does not run (runs = false), naming the rule. */
  reason?: string;
  /** How it runs when not on its fast path (a fallback kernel, an older release). */
  note?: string;
}

const RUNS: SupportVerdict = { runs: true };
const no = (reason: string): SupportVerdict => ({ runs: false, reason });
const slow = (note: string): SupportVerdict => ({ runs: true, note });

/** Sources of the rules below, for the assumptions list and the tests. */
export const ENGINE_SUPPORT_SOURCES = {
  /** ggml-cuda builds for compute capability 5.0 (Maxwell) and up with CUDA 12; 6.1 adds dp4a. */
  llamaCppCuda: 'https://github.com/ggml-org/llama.cpp/blob/master/ggml/src/ggml-cuda/CMakeLists.txt',
  /** llama.cpp backends: CUDA, HIP (ROCm), Metal, SYCL (Intel GPUs), Vulkan, CPU. */
  llamaCppBackends: 'https://github.com/ggml-org/llama.cpp/blob/master/docs/build.md',
  /** GGUF tensor types: no FP8 type; MXFP4 (39) and NVFP4 (40) exist. */
  ggufTypes: 'https://github.com/ggml-org/llama.cpp/blob/master/ggml/include/ggml.h',
  /** vLLM GPU requirements: CUDA compute capability 7.5+ in current wheels (7.0 in releases up to
   *  0.10.x); ROCm gfx90a, gfx942, gfx950, gfx1100/1101, gfx1200/1201, gfx1150/1151. */
  vllmGpu: 'https://docs.vllm.ai/en/latest/getting_started/installation/gpu.html',
  /** vLLM quantization x hardware table (AWQ from Turing, GPTQ from Volta, FP8 W8A8 from Ada/Hopper and
   *  AMD, Marlin FP8 weight-only on Ampere, INT8 W8A8 from Turing, GGUF on CUDA and AMD). */
  vllmQuantHardware: 'https://docs.vllm.ai/en/latest/features/quantization/supported_hardware.html',
  /** "vLLM supports FP8 MoE models only on Ada Lovelace or Hopper GPUs (>= SM 89)" (Red Hat AI). */
  vllmFp8Moe: 'https://huggingface.co/neuralmagic/DeepSeek-Coder-V2-Instruct-FP8/discussions/1',
  /** gpt-oss (MXFP4 MoE) in vLLM: Hopper, Blackwell, MI300X/MI325X/MI355X, Radeon AI PRO R9700; Marlin
   *  MXFP4 is the default elsewhere (vLLM issue 41477 on GB10). */
  vllmMxfp4: 'https://docs.vllm.ai/projects/recipes/en/latest/OpenAI/GPT-OSS.html',
  /** NVFP4 in vLLM: native FP4 GEMM on Blackwell; weight-only Marlin below compute capability 10.0
   *  (PR 19563); emulation on MI300/MI350 (PR 35733). */
  vllmNvfp4: 'https://github.com/vllm-project/vllm/pull/19563',
  /** vLLM on Apple silicon runs on the CPU (the GPU path is the separate vLLM-Metal plugin). */
  vllmApple: 'https://docs.vllm.ai/en/latest/getting_started/installation/cpu.html',
  /** vLLM's cpu_offload_gb streams weights over PCIe every step; it is not an expert split. */
  vllmCpuOffload: 'https://github.com/vllm-project/vllm/issues/3563',
  /** vLLM Intel XPU: Data Center GPU Max and Arc B-series. */
  vllmXpu: 'https://docs.vllm.ai/en/latest/getting_started/installation/gpu.html#intel-xpu',
} as const;

const GGUF_IDS: ReadonlySet<string> = new Set(GGUF_FORMAT_IDS);

/** vLLM's ROCm targets (vLLM GPU installation page). */
const VLLM_ROCM_TARGETS: ReadonlySet<string> = new Set([
  'gfx90a',
  'gfx942',
  'gfx950',
  'gfx1100',
  'gfx1101',
  'gfx1200',
  'gfx1201',
  'gfx1150',
  'gfx1151',
]);
/** AMD targets with fp8 matrix instructions that vLLM's FP8 W8A8 path uses (MI300, MI350, RDNA 4). */
const AMD_FP8_TARGETS: ReadonlySet<string> = new Set(['gfx942', 'gfx950', 'gfx1200', 'gfx1201']);
/** vLLM's Intel GPU (XPU) targets: Data Center GPU Max (xe-hpc) and Arc B-series (xe2). */
const VLLM_INTEL_GPU: ReadonlySet<string> = new Set(['xe-hpc', 'xe2']);

/** The lowest compute capability each engine builds for. */
export const LLAMA_CPP_MIN_COMPUTE_CAPABILITY = 5.0;
export const VLLM_MIN_COMPUTE_CAPABILITY = 7.0;
/** Current vLLM wheels need 7.5; Volta (7.0) runs releases up to 0.10.x or a source build. */
export const VLLM_CURRENT_MIN_COMPUTE_CAPABILITY = 7.5;

/** Can the engine run at all on this device (before the weight format is considered)? */
export function deviceSupport(engine: RigEngine, t: DeviceTarget): SupportVerdict {
  if (engine === 'llama.cpp') {
    switch (t.api) {
      case 'cuda':
        return t.computeCapability >= LLAMA_CPP_MIN_COMPUTE_CAPABILITY
          ? RUNS
          : no(
              `llama.cpp's CUDA backend needs compute capability ${LLAMA_CPP_MIN_COMPUTE_CAPABILITY.toFixed(1)} or newer`,
            );
      case 'rocm':
      case 'metal':
      case 'cpu':
        return RUNS;
      case 'intel':
        return t.arch.startsWith('gaudi') ? no('llama.cpp has no Intel Gaudi backend') : RUNS;
      case 'unknown':
        return no('the dataset does not record this device’s architecture');
    }
  }
  switch (t.api) {
    case 'cuda':
      if (t.computeCapability < VLLM_MIN_COMPUTE_CAPABILITY) {
        return no(
          `vLLM needs compute capability ${VLLM_MIN_COMPUTE_CAPABILITY.toFixed(1)} or newer (this is ${t.computeCapability.toFixed(1)})`,
        );
      }
      return t.computeCapability < VLLM_CURRENT_MIN_COMPUTE_CAPABILITY
        ? slow(
            `vLLM ${VLLM_CURRENT_MIN_COMPUTE_CAPABILITY.toFixed(1)}+ wheels dropped ${t.computeCapability.toFixed(1)}: use vLLM 0.10.x or build from source`,
          )
        : RUNS;
    case 'rocm':
      return VLLM_ROCM_TARGETS.has(t.gfx) ? RUNS : no(`vLLM's ROCm build does not list ${t.gfx}`);
    case 'metal':
      return no('vLLM runs on the CPU of a Mac, not its GPU');
    case 'intel':
      if (t.arch.startsWith('gaudi')) return RUNS;
      return VLLM_INTEL_GPU.has(t.arch)
        ? RUNS
        : no(`vLLM's Intel GPU backend supports Arc B-series and Data Center Max, not ${t.arch}`);
    case 'cpu':
      return no('rigcast does not model vLLM’s CPU backend (CPU-only rigs are offered for llama.cpp)');
    case 'unknown':
      return no('the dataset does not record this device’s architecture');
  }
}

/** Can the engine run this weight format on this device? `moe` matters for vLLM fp8 on Ampere. */
export function formatSupport(
  engine: RigEngine,
  t: DeviceTarget,
  format: WeightFormatId,
  moe: boolean,
): SupportVerdict {
  const device = deviceSupport(engine, t);
  if (!device.runs) return device;
  const verdict = engine === 'llama.cpp' ? llamaCppFormat(format) : vllmFormat(t, format, moe);
  if (!verdict.runs) return verdict;
  const note = [device.note, verdict.note].filter((n) => n !== undefined).join('; ');
  return note === '' ? RUNS : slow(note);
}

function llamaCppFormat(format: WeightFormatId): SupportVerdict {
  if (GGUF_IDS.has(format) || format === 'bf16' || format === 'fp16' || format === 'mxfp4') return RUNS;
  if (format === 'nvfp4') return slow('NVFP4 GGUF runs on Blackwell natively, elsewhere dequantized');
  const nearest = format === 'int4' ? 'Q4_K_M' : 'Q8_0';
  return no(
    `llama.cpp loads GGUF files, not ${format} checkpoints (convert to GGUF; ${nearest} is the nearest size)`,
  );
}

function vllmFormat(t: DeviceTarget, format: WeightFormatId, moe: boolean): SupportVerdict {
  const name = describeTarget(t);
  const cc = t.api === 'cuda' ? t.computeCapability : undefined;
  const gaudi = t.api === 'intel' && t.arch.startsWith('gaudi');
  const intelGpu = t.api === 'intel' && !gaudi;
  if (format === 'bf16' || format === 'fp16') {
    if (cc !== undefined && cc < 8 && format === 'bf16')
      return slow('no bf16 before compute capability 8.0: vLLM runs it as fp16 (--dtype half)');
    return RUNS;
  }
  if (GGUF_IDS.has(format)) {
    if (cc !== undefined || t.api === 'rocm')
      return slow('vLLM’s GGUF support is experimental and slower than llama.cpp');
    return no(`vLLM runs GGUF on CUDA and ROCm only, not on ${name}`);
  }
  switch (format) {
    case 'fp8':
      if (cc !== undefined) {
        if (cc >= 8.9) return RUNS;
        if (cc >= 8.0) {
          return moe
            ? no(`vLLM runs fp8 MoE models only on compute capability 8.9 or newer (this is ${name})`)
            : slow('fp8 weights through the Marlin weight-only kernel (no fp8 math before 8.9)');
        }
        return no(`vLLM has no fp8 path before compute capability 8.0 (this is ${name})`);
      }
      if (t.api === 'rocm')
        return AMD_FP8_TARGETS.has(t.gfx)
          ? RUNS
          : no(`vLLM’s fp8 on AMD needs MI300/MI350/RDNA 4, not ${name}`);
      if (gaudi) return RUNS;
      return no(`vLLM has no fp8 path on ${name}`);
    case 'int8':
      if (cc !== undefined)
        return cc >= 7.5
          ? RUNS
          : no(`vLLM's INT8 W8A8 needs compute capability 7.5 or newer (this is ${name})`);
      if (gaudi) return RUNS;
      return no(`vLLM's INT8 W8A8 runs on NVIDIA GPUs only, not ${name}`);
    case 'int4':
      if (cc !== undefined)
        return cc >= 7.5
          ? RUNS
          : slow('AWQ needs compute capability 7.5; a GPTQ checkpoint of the same size runs on Volta');
      if (intelGpu) return RUNS;
      return no(`vLLM's AWQ/GPTQ kernels do not run on ${name}`);
    case 'mxfp4':
      if (cc !== undefined) {
        if (cc >= 9.0 && cc < 12) return RUNS;
        if (cc >= 8.0) return slow('MXFP4 through the weight-only Marlin kernel');
        return no(`vLLM's MXFP4 kernels need compute capability 8.0 or newer (this is ${name})`);
      }
      if (t.api === 'rocm')
        return ['gfx942', 'gfx950', 'gfx1201'].includes(t.gfx)
          ? RUNS
          : no(`vLLM runs MXFP4 on MI300/MI355X and Radeon AI PRO R9700, not ${name}`);
      return no(`vLLM runs MXFP4 on NVIDIA and AMD GPUs only, not ${name}`);
    case 'nvfp4':
      if (cc !== undefined) {
        if (cc >= 10) return RUNS;
        if (cc >= 8.0) return slow('NVFP4 weights through the weight-only Marlin kernel (no FP4 math)');
        return no(`vLLM's NVFP4 paths need compute capability 8.0 or newer (this is ${name})`);
      }
      if (t.api === 'rocm' && ['gfx942', 'gfx950'].includes(t.gfx))
        return slow('NVFP4 emulated (dequantized to 16 bits): much slower than native');
      return no(`vLLM runs NVFP4 on NVIDIA GPUs (and emulated on MI300/MI350) only, not ${name}`);
    default:
      return no(`vLLM does not run ${format}`);
  }
}

/** Rig kinds an engine can run, independent of the device: vLLM has no expert split between GPU and RAM
 *  (its cpu_offload_gb streams weights over PCIe every step). */
export function engineRunsHybrid(engine: RigEngine): boolean {
  return engine === 'llama.cpp';
}

/** The verdict for one device under a request: its engine (default llama.cpp) and, when the request names
 *  one, its weight format. */
export function verdictFor(
  request: { engine?: RigEngine; weightFormat?: WeightFormatId; moe?: boolean },
  item: HardwareItem,
): SupportVerdict {
  const engine = request.engine ?? 'llama.cpp';
  const t = targetOf(item);
  return request.weightFormat === undefined
    ? deviceSupport(engine, t)
    : formatSupport(engine, t, request.weightFormat, request.moe ?? false);
}

/** Readable engine name for messages. */
export function engineName(engine: RigEngine | undefined): string {
  return engine === 'vllm' ? 'vLLM' : 'llama.cpp';
}
