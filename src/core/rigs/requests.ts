// Building a RigRequest from a memory estimate (the UI) or from a bare memory size (the projection).
import type { MemoryEstimate } from '../memory/estimate-types';
import { CUDA_CONTEXT_RESERVE_BYTES } from './constants';
import type { RigRequest, RigRequestOptions } from './types';

/** Bytes the rig must hold for an estimate: its total less the one CUDA context the estimate counts,
 *  because the rig search reserves a context on every NVIDIA device itself (and none on a Mac or CPU). */
export function acceleratorNeedBytes(estimate: MemoryEstimate): number {
  return Math.max(0, estimate.total - CUDA_CONTEXT_RESERVE_BYTES);
}

/** The request for running the estimated scenario: all of it on accelerators, or the routed experts in
 *  RAM on a hybrid; bytes per token = active weights + KV of one sequence. */
export function rigRequestFromEstimate(estimate: MemoryEstimate, opts: RigRequestOptions): RigRequest {
  const request: RigRequest = {
    acceleratorBytes: acceleratorNeedBytes(estimate),
    offloadableBytes: estimate.routedExpertWeights,
    bytesPerToken: estimate.activeWeightBytesPerToken + estimate.kvBytesPerToken,
    offloadableBytesPerToken: estimate.activeExpertBytesPerToken,
    kvBytesPerToken: estimate.kvBytesPerToken,
    constraints: opts.constraints,
  };
  if (opts.batch !== undefined) request.batch = opts.batch;
  if (opts.engine !== undefined) request.engine = opts.engine;
  if (opts.activeParameters !== undefined) request.activeParameters = opts.activeParameters;
  if (opts.weightFormat !== undefined) request.weightFormat = opts.weightFormat;
  request.moe = estimate.routedExpertWeights > 0;
  return request;
}

/** "The cheapest rig with at least `bytes` of accelerator memory": no model, so the speed shown is that of
 *  a dense model filling all of it (every byte read per token), and nothing may move to RAM. */
export function rigRequestForMemory(bytes: number, opts: RigRequestOptions): RigRequest {
  const request: RigRequest = {
    acceleratorBytes: bytes,
    offloadableBytes: 0,
    bytesPerToken: bytes,
    offloadableBytesPerToken: 0,
    kvBytesPerToken: 0,
    constraints: opts.constraints,
  };
  if (opts.batch !== undefined) request.batch = opts.batch;
  if (opts.engine !== undefined) request.engine = opts.engine;
  if (opts.activeParameters !== undefined) request.activeParameters = opts.activeParameters;
  if (opts.weightFormat !== undefined) request.weightFormat = opts.weightFormat;
  if (opts.moe !== undefined) request.moe = opts.moe;
  return request;
}
