// "I own this: what does it run?" For hardware a person already has (N x one GPU + system RAM, a unified
// machine, or a CPU with RAM), whether a model runs whole on it, runs with part of it in RAM (llama.cpp partial
// offload, src/core/offload), or not at all; with headroom, decode and prompt speed. The speed and usable-memory
// rules are the rig search's (src/core/rigs/speed.ts, usable-memory.ts), so a rig and the same hardware owned
// give the same tokens/s.
import type { HardwareItem } from '../../data/schema';
import { safeEstimateMemory } from '../memory/estimate';
import type { MemoryEstimate } from '../memory/estimate-types';
import type { WeightFormatId } from '../memory/format-ids';
import type { ParameterCount } from '../model/count-parameters';
import type { ModelSpec } from '../model/model-spec';
import type { OffloadOrder } from '../offload/constants';
import { fitOffload } from '../offload/fit';
import { placeOffload } from '../offload/placement';
import type { OffloadFit, OffloadHardware, OffloadOptions, OffloadPlan } from '../offload/types';
import {
  BYTES_PER_GIB,
  CPU_PREFILL_EFFICIENCY,
  CUDA_CONTEXT_RESERVE_BYTES,
  DEFAULT_CPU_TFLOPS,
  DEFAULT_UNIFIED_MEMORY_LIMIT,
  OS_RESERVE_BYTES,
} from '../rigs/constants';
import { verdictFor } from '../rigs/engine-support';
import { acceleratorNeedBytes, rigRequestFromEstimate } from '../rigs/requests';
import {
  type Compute,
  CPU_SPEED,
  computeOf,
  computeSeconds,
  GPU_SPEED,
  prefillTokensPerSecond,
  type SpeedProfile,
  stepBytes,
  streamSeconds,
  tensorParallelFactor,
  tokensPerSecond,
  UNIFIED_SPEED,
} from '../rigs/speed';
import { targetOf } from '../rigs/targets';
import type { RigEngine, RigRequest } from '../rigs/types';
import { usableUnified } from '../rigs/usable-memory';

/** One GPU model, from the dataset or entered by hand. */
export interface OwnedGpu {
  name: string;
  /** Its memory (VRAM), bytes. */
  memoryBytes: number;
  bandwidthGBps: number;
  /** Dense fp16 TFLOPS, for prompt speed. */
  fp16Tflops?: number;
  /** Host-to-device link, GB/s (default PCIe 4.0 x16, see src/core/offload/constants.ts). */
  pcieGBps?: number;
  /** The dataset item when picked from the dataset: engine support is checked against it, and a CUDA context
   *  is reserved only on NVIDIA cards. A GPU entered by hand is treated as an NVIDIA card. */
  item?: HardwareItem;
}

/** System RAM and what reads it. */
export interface OwnedRam {
  /** Installed RAM, bytes; the OS keeps OS_RESERVE_BYTES of it (src/core/rigs/constants.ts). */
  installedBytes: number;
  /** Peak bandwidth, GB/s (channels x MT/s x 8 bytes). */
  bandwidthGBps: number;
  /** The CPU platform, when picked from the dataset (its TFLOPS bound CPU prompt speed). */
  platform?: HardwareItem;
}

export type OwnedHardware =
  | { kind: 'gpus'; gpu: OwnedGpu; count: number; ram: OwnedRam }
  | { kind: 'unified'; machine: HardwareItem }
  | { kind: 'cpu'; ram: OwnedRam };

export interface OwnedRunOptions {
  weightFormat: WeightFormatId;
  kvCacheFormat: string;
  contextTokens: number;
  batch: number;
  engine: RigEngine;
  /** llama.cpp's -ngl order (default: current builds, output layer first). */
  order?: OffloadOrder;
}

/** whole: the model and its KV cache fit the GPUs / the unified memory / RAM; offload: llama.cpp splits it
 *  between the GPUs and RAM; none: it does not fit, or the engine cannot run the format here. */
export type OwnedRunMode = 'whole' | 'offload' | 'none';

export interface OwnedRun {
  mode: OwnedRunMode;
  /** Bytes the model needs on the device that holds it whole (its estimate less one CUDA context, which the
   *  usable side reserves per GPU). */
  needBytes: number;
  /** What the device offers the model whole: GPUs less their CUDA contexts, unified memory under its GPU
   *  limit, or RAM less the OS's share. */
  usableBytes: number;
  /** usableBytes - needBytes for a whole fit; for an offload, the RAM left over; negative when short. */
  headroomBytes: number;
  /** Aggregate decode tokens/s with the whole context filled (the rig search's figure). */
  decodeTokensPerSecond?: number;
  /** Decode tokens/s with an empty context (offload plans only). */
  decodeTokensPerSecondEmpty?: number;
  prefillTokensPerSecond?: number;
  /** GPUs with llama.cpp: the largest offload per mode, bytes per device and flags. */
  offload?: OffloadFit;
  /** The plan the numbers above come from (GPUs with llama.cpp). */
  plan?: OffloadPlan;
  /** Why the engine cannot run the format on this hardware. */
  engineBlock?: string;
  notes: string[];
}

export type OwnedRunResult = { ok: true; run: OwnedRun } | { ok: false; message: string };

const isNvidia = (item: HardwareItem | undefined) => item === undefined || targetOf(item).api === 'cuda';

/** RAM llama.cpp may use: what is installed less the OS's share. */
export function usableRamBytes(ram: OwnedRam): number {
  return Math.max(0, ram.installedBytes - OS_RESERVE_BYTES);
}

/** The GPUs and RAM as the offload model takes them. */
export function offloadHardware(hw: Extract<OwnedHardware, { kind: 'gpus' }>): OffloadHardware {
  const gpu = {
    name: hw.gpu.name,
    memoryBytes: hw.gpu.memoryBytes,
    bandwidthGBps: hw.gpu.bandwidthGBps,
    ...(hw.gpu.fp16Tflops !== undefined ? { fp16Tflops: hw.gpu.fp16Tflops } : {}),
    ...(hw.gpu.pcieGBps !== undefined ? { pcieGBps: hw.gpu.pcieGBps } : {}),
  };
  return {
    gpus: Array.from({ length: hw.count }, () => gpu),
    systemRamBytes: usableRamBytes(hw.ram),
    cpuBandwidthGBps: hw.ram.bandwidthGBps,
  };
}

function offloadOptions(o: OwnedRunOptions): OffloadOptions {
  return {
    weightFormat: o.weightFormat,
    kvCacheFormat: o.kvCacheFormat,
    contextTokens: o.contextTokens,
    batch: o.batch,
    ...(o.order ? { order: o.order } : {}),
  };
}

function requestFor(estimate: MemoryEstimate, o: OwnedRunOptions, parameters: ParameterCount): RigRequest {
  return rigRequestFromEstimate(estimate, {
    // Constraints are not used here: only the bytes per token and the parameters.
    constraints: { conditions: [], requireFp8: false, asOf: '2000-01-01' },
    batch: o.batch,
    engine: o.engine,
    weightFormat: o.weightFormat,
    activeParameters: parameters.active,
  });
}

/** Decode tokens/s on one device class: the step streams its bytes at the profile's efficiency, or is
 *  compute-bound, plus the fixed time per step; `factor` scales it (vLLM tensor parallel). */
function wholeSpeed(
  request: RigRequest,
  bandwidthGBps: number,
  profile: SpeedProfile,
  compute: Compute,
  factor = 1,
): { decode: number; prefill: number | undefined } {
  const step = stepBytes(request);
  const memSeconds = streamSeconds(step.nonExpertBytes + step.expertBytes, bandwidthGBps, profile);
  const seconds = Math.max(memSeconds, computeSeconds(request, step.batch, compute)) + profile.fixedSeconds;
  const prefill = prefillTokensPerSecond(request, compute);
  return {
    decode: tokensPerSecond(step.batch, seconds) * factor,
    prefill: prefill === undefined ? undefined : prefill * factor,
  };
}

function gpuCompute(gpu: OwnedGpu): Compute | undefined {
  if (gpu.item) return computeOf(gpu.item, false);
  return gpu.fp16Tflops === undefined
    ? undefined
    : computeOf({ fp16DenseTflops: gpu.fp16Tflops } as HardwareItem, false);
}

function cpuCompute(ram: OwnedRam): Compute {
  if (ram.platform) return computeOf(ram.platform, true);
  return { tflops: DEFAULT_CPU_TFLOPS, efficiency: CPU_PREFILL_EFFICIENCY, defaulted: true };
}

const gib = (bytes: number) => `${(bytes / BYTES_PER_GIB).toFixed(1)} GiB`;

function gpusWithLlamaCpp(
  model: ModelSpec,
  estimate: MemoryEstimate,
  o: OwnedRunOptions,
  hw: Extract<OwnedHardware, { kind: 'gpus' }>,
): OwnedRunResult {
  const hardware = offloadHardware(hw);
  const options = offloadOptions(o);
  // Every layer on the GPUs: what "fits whole" means, and the bytes it needs there (CUDA contexts included).
  const all = placeOffload(model, options, hardware, { nGpuLayers: model.numLayers + 1 });
  if (!all.ok) return { ok: false, message: all.error.message };
  const needBytes = all.plan.gpus.reduce((s, g) => s + g.totalBytes, 0);
  const usableBytes = all.plan.gpus.reduce((s, g) => s + g.budgetBytes, 0);
  const notes: string[] = [];
  if (hw.count > 1)
    notes.push(`llama.cpp splits the layers over ${hw.count} GPUs (--tensor-split by memory).`);
  if (hw.gpu.item === undefined)
    notes.push('A GPU entered by hand: a CUDA context is reserved on it as on NVIDIA cards.');
  const block = hw.gpu.item ? engineBlockOf(estimate, o, hw.gpu.item) : undefined;
  if (block) {
    return {
      ok: true,
      run: {
        mode: 'none',
        needBytes,
        usableBytes,
        headroomBytes: usableBytes - needBytes,
        engineBlock: block,
        notes,
      },
    };
  }
  let plan = all.plan;
  let offload: OffloadFit | undefined;
  if (!all.plan.fits) {
    const fit = fitOffload(model, options, hardware);
    if (!fit.ok) return { ok: false, message: fit.error.message };
    offload = { layers: fit.layers, experts: fit.experts, recommended: fit.recommended };
    plan = fit.recommended;
  }
  const mode: OwnedRunMode = all.plan.fits ? 'whole' : plan.fits ? 'offload' : 'none';
  return {
    ok: true,
    run: {
      mode,
      needBytes,
      usableBytes,
      headroomBytes: mode === 'whole' ? usableBytes - needBytes : plan.cpu.budgetBytes - plan.cpu.totalBytes,
      ...(plan.speed
        ? {
            decodeTokensPerSecond: plan.speed.decodeTokensPerSecondAtFullContext,
            decodeTokensPerSecondEmpty: plan.speed.decodeTokensPerSecond,
            ...(plan.speed.prefillTokensPerSecond !== undefined
              ? { prefillTokensPerSecond: plan.speed.prefillTokensPerSecond }
              : {}),
          }
        : {}),
      ...(offload ? { offload } : {}),
      plan,
      notes,
    },
  };
}

function engineBlockOf(estimate: MemoryEstimate, o: OwnedRunOptions, item: HardwareItem): string | undefined {
  const verdict = verdictFor(
    { engine: o.engine, weightFormat: o.weightFormat, moe: estimate.routedExpertWeights > 0 },
    item,
  );
  return verdict.runs ? undefined : `${item.name}: ${verdict.reason}`;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

function gpusWithVllm(
  estimate: MemoryEstimate,
  o: OwnedRunOptions,
  parameters: ParameterCount,
  hw: Extract<OwnedHardware, { kind: 'gpus' }>,
): OwnedRun {
  const perGpu = hw.gpu.memoryBytes - (isNvidia(hw.gpu.item) ? CUDA_CONTEXT_RESERVE_BYTES : 0);
  const needBytes = acceleratorNeedBytes(estimate);
  const usableBytes = hw.count * Math.max(0, perGpu);
  const block = hw.gpu.item ? engineBlockOf(estimate, o, hw.gpu.item) : undefined;
  const notes: string[] = ['vLLM keeps the whole model on the GPUs; for a split with RAM choose llama.cpp.'];
  const tp = hw.count > 1 && isPowerOfTwo(hw.count);
  if (hw.count > 1)
    notes.push(
      tp
        ? `Tensor parallel over ${hw.count} GPUs (${tensorParallelFactor(hw.count).toFixed(2)}x one GPU), assuming the board gives each GPU a PCIe link that carries it.`
        : `${hw.count} GPUs is not a power of two: pipeline parallel, one GPU's speed per sequence.`,
    );
  const compute = gpuCompute(hw.gpu);
  const speed = wholeSpeed(
    requestFor(estimate, o, parameters),
    hw.gpu.bandwidthGBps,
    GPU_SPEED,
    compute ?? { tflops: Number.POSITIVE_INFINITY, efficiency: 1, defaulted: true },
    tp ? tensorParallelFactor(hw.count) : 1,
  );
  const fits = needBytes <= usableBytes;
  return {
    mode: block || !fits ? 'none' : 'whole',
    needBytes,
    usableBytes,
    headroomBytes: usableBytes - needBytes,
    decodeTokensPerSecond: speed.decode,
    ...(compute && speed.prefill !== undefined ? { prefillTokensPerSecond: speed.prefill } : {}),
    ...(block ? { engineBlock: block } : {}),
    notes,
  };
}

function unifiedRun(
  estimate: MemoryEstimate,
  o: OwnedRunOptions,
  parameters: ParameterCount,
  machine: HardwareItem,
): OwnedRun {
  const usable = usableUnified(machine, DEFAULT_UNIFIED_MEMORY_LIMIT);
  const needBytes = acceleratorNeedBytes(estimate);
  const block = engineBlockOf(estimate, o, machine);
  const speed = wholeSpeed(
    requestFor(estimate, o, parameters),
    machine.bandwidthGBps ?? 0,
    UNIFIED_SPEED,
    computeOf(machine, false),
  );
  return {
    mode: block || needBytes > usable.bytes ? 'none' : 'whole',
    needBytes,
    usableBytes: usable.bytes,
    headroomBytes: usable.bytes - needBytes,
    decodeTokensPerSecond: speed.decode,
    ...(speed.prefill !== undefined ? { prefillTokensPerSecond: speed.prefill } : {}),
    ...(block ? { engineBlock: block } : {}),
    notes: [usable.rule],
  };
}

function cpuRun(
  estimate: MemoryEstimate,
  o: OwnedRunOptions,
  parameters: ParameterCount,
  ram: OwnedRam,
): OwnedRun {
  const needBytes = acceleratorNeedBytes(estimate);
  const usableBytes = usableRamBytes(ram);
  const block =
    o.engine === 'vllm'
      ? 'vLLM does not run models on the CPU in this calculator; choose llama.cpp.'
      : ram.platform
        ? engineBlockOf(estimate, o, ram.platform)
        : undefined;
  const speed = wholeSpeed(
    requestFor(estimate, o, parameters),
    ram.bandwidthGBps,
    CPU_SPEED,
    cpuCompute(ram),
  );
  return {
    mode: block || needBytes > usableBytes ? 'none' : 'whole',
    needBytes,
    usableBytes,
    headroomBytes: usableBytes - needBytes,
    decodeTokensPerSecond: speed.decode,
    ...(speed.prefill !== undefined ? { prefillTokensPerSecond: speed.prefill } : {}),
    ...(block ? { engineBlock: block } : {}),
    notes: [
      `${gib(usableBytes)} of ${gib(ram.installedBytes)} RAM for the model; the OS keeps ${gib(OS_RESERVE_BYTES)}.`,
    ],
  };
}

/** How one model, format and context runs on owned hardware. Never throws. */
export function runOnOwned(
  model: ModelSpec,
  parameters: ParameterCount,
  options: OwnedRunOptions,
  hw: OwnedHardware,
  estimate?: MemoryEstimate,
): OwnedRunResult {
  let e = estimate;
  if (e === undefined) {
    const r = safeEstimateMemory(model, {
      weightFormat: options.weightFormat,
      kvCacheFormat: options.kvCacheFormat,
      contextTokens: options.contextTokens,
      batch: options.batch,
      engine: options.engine,
    });
    if (!r.ok) return { ok: false, message: r.error.message };
    e = r.estimate;
  }
  switch (hw.kind) {
    case 'gpus':
      if (!(hw.count >= 1 && Number.isInteger(hw.count)))
        return { ok: false, message: `expected a whole number of GPUs, got ${hw.count}` };
      return options.engine === 'vllm'
        ? { ok: true, run: gpusWithVllm(e, options, parameters, hw) }
        : gpusWithLlamaCpp(model, e, options, hw);
    case 'unified':
      return { ok: true, run: unifiedRun(e, options, parameters, hw.machine) };
    case 'cpu':
      return { ok: true, run: cpuRun(e, options, parameters, hw.ram) };
  }
}

/** Whether the model runs whole at this context: for GPUs with llama.cpp, one placement with every layer on the
 *  GPUs (cheaper than a full fit). */
function runsWhole(
  model: ModelSpec,
  parameters: ParameterCount,
  o: OwnedRunOptions,
  hw: OwnedHardware,
): boolean {
  if (hw.kind === 'gpus' && o.engine !== 'vllm') {
    if (hw.gpu.item && engineBlockOfOptions(model, o, hw.gpu.item)) return false;
    const r = placeOffload(model, offloadOptions(o), offloadHardware(hw), {
      nGpuLayers: model.numLayers + 1,
    });
    return r.ok && r.plan.fits;
  }
  const r = runOnOwned(model, parameters, o, hw);
  return r.ok && r.run.mode === 'whole';
}

function engineBlockOfOptions(model: ModelSpec, o: OwnedRunOptions, item: HardwareItem): boolean {
  const verdict = verdictFor(
    { engine: o.engine, weightFormat: o.weightFormat, moe: model.moe !== null },
    item,
  );
  return !verdict.runs;
}

/**
 * The largest context (a multiple of stepTokens, at most the model's own limit and maxTokens) at which the model
 * runs whole (`whole: true`) or at all, by bisection: memory only grows with context. Null when even minTokens
 * does not.
 */
export function largestContextOnOwned(
  model: ModelSpec,
  parameters: ParameterCount,
  options: Omit<OwnedRunOptions, 'contextTokens'>,
  hw: OwnedHardware,
  opts: { minTokens: number; maxTokens: number; stepTokens?: number; whole: boolean },
): number | null {
  const step = Math.max(1, Math.floor(opts.stepTokens ?? 256));
  const cap = Math.min(opts.maxTokens, model.maxContextTokens ?? opts.maxTokens);
  const runs = (tokens: number): boolean => {
    const o = { ...options, contextTokens: tokens };
    if (opts.whole) return runsWhole(model, parameters, o, hw);
    const r = runOnOwned(model, parameters, o, hw);
    return r.ok && r.run.mode !== 'none';
  };
  let lo = Math.ceil(opts.minTokens / step);
  let hi = Math.floor(cap / step);
  if (hi < lo || !runs(lo * step)) return null;
  if (runs(hi * step)) return hi * step;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (runs(mid * step)) lo = mid;
    else hi = mid;
  }
  return lo * step;
}
