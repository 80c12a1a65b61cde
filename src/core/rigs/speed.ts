// Decode and prefill speed of a rig from bandwidth and compute: the formulas behind RigQuote's tokens/s.
// Constants and their sources are in constants.ts.
import {
  BYTES_PER_GB,
  CPU_DECODE_EFFICIENCY,
  CPU_DECODE_FIXED_SECONDS,
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

/** Seconds of compute for one decode step of the batch, or 0 when compute is unknown. */
export function computeSeconds(request: RigRequest, batch: number, tflops: number | undefined): number {
  if (tflops === undefined || !request.activeParameters) return 0;
  return (batch * 2 * request.activeParameters) / (PREFILL_EFFICIENCY * tflops * 1e12);
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

/** Prompt tokens/s from dense fp16 compute, when both TFLOPS and active parameters are known. */
export function prefillTokensPerSecond(request: RigRequest, tflops: number | undefined): number | undefined {
  if (tflops === undefined || !request.activeParameters) return undefined;
  return (PREFILL_EFFICIENCY * tflops * 1e12) / (2 * request.activeParameters);
}
