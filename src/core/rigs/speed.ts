// Decode and prefill speed of a rig from bandwidth and compute: the formulas behind RigQuote's tokens/s.
// Constants and their sources are in constants.ts.
import type { HardwareItem } from '../../data/schema';
import {
  BYTES_PER_GB,
  CPU_DECODE_EFFICIENCY,
  CPU_DECODE_FIXED_SECONDS,
  CPU_PREFILL_EFFICIENCY,
  DEFAULT_ACCELERATOR_TFLOPS,
  DEFAULT_CPU_TFLOPS,
  GPU_DECODE_EFFICIENCY,
  GPU_DECODE_FIXED_SECONDS,
  PREFILL_EFFICIENCY,
  TP_EFFICIENCY_PER_DOUBLING,
  UNIFIED_DECODE_EFFICIENCY,
  UNIFIED_DECODE_FIXED_SECONDS,
} from './constants';
import type { RigRequest } from './types';

export interface SpeedProfile {
  /** Share of peak bandwidth a decode step reaches. */
  efficiency: number;
  /** Fixed time per decode step (kernel launches, synchronisation), seconds. */
  fixedSeconds: number;
}

export const GPU_SPEED: SpeedProfile = {
  efficiency: GPU_DECODE_EFFICIENCY,
  fixedSeconds: GPU_DECODE_FIXED_SECONDS,
};
export const UNIFIED_SPEED: SpeedProfile = {
  efficiency: UNIFIED_DECODE_EFFICIENCY,
  fixedSeconds: UNIFIED_DECODE_FIXED_SECONDS,
};
export const CPU_SPEED: SpeedProfile = {
  efficiency: CPU_DECODE_EFFICIENCY,
  fixedSeconds: CPU_DECODE_FIXED_SECONDS,
};

/** Bytes one decode step reads for the whole batch, split into what a hybrid keeps on the GPU (attention,
 *  shared and dense weights, KV) and what it reads from RAM (routed experts). */
export interface StepBytes {
  nonExpertBytes: number;
  expertBytes: number;
  batch: number;
}

/** A batch of B sequences reads the non-expert weights once, the KV of every sequence, and the union of
 *  the experts its tokens route to. With uniform routing a given expert is missed by one token with
 *  probability 1 - p (p = active / all routed expert bytes), so B tokens touch a share 1 - (1 - p)^B. */
export function stepBytes(request: RigRequest): StepBytes {
  const batch = Math.max(1, Math.floor(request.batch ?? 1));
  const bytesPerToken = Math.max(0, request.bytesPerToken);
  const kv = Math.min(Math.max(0, request.kvBytesPerToken), bytesPerToken);
  const expertActive = Math.min(Math.max(0, request.offloadableBytesPerToken), bytesPerToken - kv);
  const nonExpertWeights = bytesPerToken - kv - expertActive;
  let expertBytes = expertActive;
  if (batch > 1 && expertActive > 0) {
    const routedTotal = Math.max(request.offloadableBytes, expertActive);
    const p = expertActive / routedTotal;
    expertBytes = routedTotal * (1 - (1 - p) ** batch);
  }
  return { nonExpertBytes: nonExpertWeights + batch * kv, expertBytes, batch };
}

/** Seconds to stream `bytes` at `bandwidthGBps` with the given efficiency. */
export function streamSeconds(bytes: number, bandwidthGBps: number, profile: SpeedProfile): number {
  return bytes / (profile.efficiency * bandwidthGBps * BYTES_PER_GB);
}

/** A device's dense 16-bit TFLOPS and the share of it prefill reaches, or a labelled default. */
export interface Compute {
  tflops: number;
  efficiency: number;
  /** True when the dataset has no figure and the conservative default stands in. */
  defaulted: boolean;
}

/** The compute roof of a GPU, unified machine or CPU platform (constants.ts for the defaults). */
export function computeOf(item: HardwareItem, isCpu: boolean): Compute {
  const known = item.fp16DenseTflops;
  const efficiency = isCpu ? CPU_PREFILL_EFFICIENCY : PREFILL_EFFICIENCY;
  if (known !== undefined) return { tflops: known, efficiency, defaulted: false };
  return { tflops: isCpu ? DEFAULT_CPU_TFLOPS : DEFAULT_ACCELERATOR_TFLOPS, efficiency, defaulted: true };
}

/** n devices of the same compute working on one step (tensor parallel): their TFLOPS add up. */
export function scaled(c: Compute, n: number): Compute {
  return { ...c, tflops: c.tflops * n };
}

/** Seconds of compute for one decode step of the batch: 2 FLOPs per active parameter per token. 0 when
 *  the request does not say how many parameters are active. */
export function computeSeconds(request: RigRequest, batch: number, compute: Compute): number {
  if (!request.activeParameters) return 0;
  return (batch * 2 * request.activeParameters) / (compute.efficiency * compute.tflops * 1e12);
}

/** Aggregate tokens/s from one decode step's time. A step of zero time (zero bytes on a CPU) is capped at
 *  one byte's worth so the result stays finite. */
export function tokensPerSecond(batch: number, stepSecondsValue: number): number {
  return batch / Math.max(stepSecondsValue, 1e-12);
}

/** vLLM tensor parallel speed-up over one GPU: N x TP_EFFICIENCY_PER_DOUBLING^log2(N). */
export function tensorParallelFactor(gpus: number): number {
  return gpus * TP_EFFICIENCY_PER_DOUBLING ** Math.log2(gpus);
}

/** Prompt tokens/s from compute: efficiency x FLOP/s / (2 x active parameters). */
export function prefillTokensPerSecond(request: RigRequest, compute: Compute): number | undefined {
  if (!request.activeParameters) return undefined;
  return (compute.efficiency * compute.tflops * 1e12) / (2 * request.activeParameters);
}

/** Prefill when two sides each compute their share of a token (a GPU + RAM hybrid: the GPU the
 *  attention and dense part, the CPU the routed experts): the times add. `cpuShare` is the fraction of
 *  active parameters computed on the CPU. */
export function splitPrefillTokensPerSecond(
  request: RigRequest,
  gpu: Compute,
  cpu: Compute,
  cpuShare: number,
): number | undefined {
  if (!request.activeParameters) return undefined;
  const flopsPerToken = 2 * request.activeParameters;
  const seconds =
    (flopsPerToken * (1 - cpuShare)) / (gpu.efficiency * gpu.tflops * 1e12) +
    (flopsPerToken * cpuShare) / (cpu.efficiency * cpu.tflops * 1e12);
  return 1 / seconds;
}
