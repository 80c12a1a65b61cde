// The rig classes the projection answers for, each its own frontier and fit:
//   (a) good-fp8    VRAM or unified memory with native fp8 math, fast enough to run a model that fills it;
//   (b) gpu-unified VRAM or unified memory, any precision;
//   (c) any         any memory, CPU RAM included.
// Every class is asked the same workload so their speeds compare: a DeepSeek-V3-class mixture of experts
// that fills the target memory (37B of 671B parameters active per token, DeepSeek-V3 Technical Report,
// https://arxiv.org/abs/2412.19437), at 8 bits per weight. "Good" is this model at a usable speed: decode
// at least twice silent reading speed and prefill that reads a long prompt in minutes, not hours.
import type { PurchaseCondition, RigKind, RigRequest } from '../rigs/types';

import { RIG_CLASS_LABELS, RIG_CLASSES, type RigClass } from './rig-class-labels';

export { RIG_CLASS_LABELS, RIG_CLASSES, type RigClass };

/** Share of a DeepSeek-V3-class MoE's weights read per generated token: 37B active of 671B. */
export const REFERENCE_ACTIVE_SHARE = 37 / 671;
/** Of its weights, the routed experts: 256 experts x 58 MoE layers x 3 x 7168 x 2048 = 654B of 671B, and
 *  of the active 37B, the 8 routed experts per token: 8 x 58 x 3 x 7168 x 2048 = 20.4B (DeepSeek-V3
 *  config.json: hidden_size 7168, moe_intermediate_size 2048, n_routed_experts 256, num_experts_per_tok 8,
 *  61 layers of which the first 3 dense). A GPU + RAM hybrid keeps those in RAM. */
export const REFERENCE_ROUTED_SHARE = (256 * 58 * 3 * 7168 * 2048) / 671e9;
export const REFERENCE_ACTIVE_ROUTED_SHARE = (8 * 58 * 3 * 7168 * 2048) / 37e9;
/** Bytes per weight of the reference workload: fp8. */
export const REFERENCE_BYTES_PER_WEIGHT = 1;

/** Usable decode: silent reading of non-fiction runs at 238 words per minute (Brysbaert 2019, "How many
 *  words do we read per minute?", https://doi.org/10.1016/j.jml.2019.104047), about 4 words or 5.3 tokens
 *  a second at 1.33 tokens per English word; 10 tokens/s is about twice that. */
export const GOOD_MIN_DECODE_TOKENS_PER_SECOND = 10;
/** Usable prefill: a 32K-token prompt (a long document or a code base excerpt) read in under two and a
 *  half minutes: 32768 / 150 s = 218, rounded to 200 tokens/s. */
export const GOOD_MIN_PREFILL_TOKENS_PER_SECOND = 200;

const GPU_UNIFIED: readonly RigKind[] = ['multi-gpu', 'unified', 'unified-cluster'];

export interface RigClassSpec {
  id: RigClass;
  /** For headings: "VRAM/unified memory with good fp8". */
  label: string;
  /** One line saying exactly what qualifies, with the thresholds. */
  definition: string;
  engine: 'llama.cpp' | 'vllm';
  requireFp8: boolean;
  rigKinds?: readonly RigKind[];
  /** The kinds that make this class what it is. When the frontier's first months are rigs of other kinds
   *  only (the dataset prices none of these at the target yet), the fit starts at the first month one of
   *  them is the cheapest: the months before say what GPU servers cost, not what this class costs. */
  ownKinds?: readonly RigKind[];
  minDecodeTokensPerSecond?: number;
  minPrefillTokensPerSecond?: number;
}

export const RIG_CLASS_SPECS: Record<RigClass, RigClassSpec> = {
  'good-fp8': {
    id: 'good-fp8',
    label: RIG_CLASS_LABELS['good-fp8'],
    definition: `GPU or unified memory with native fp8 math, running a DeepSeek-V3-class MoE that fills it (fp8, 37B of 671B active) with vLLM at ≥ ${GOOD_MIN_DECODE_TOKENS_PER_SECOND} tokens/s decode and ≥ ${GOOD_MIN_PREFILL_TOKENS_PER_SECOND} tokens/s prefill`,
    engine: 'vllm',
    requireFp8: true,
    rigKinds: GPU_UNIFIED,
    minDecodeTokensPerSecond: GOOD_MIN_DECODE_TOKENS_PER_SECOND,
    minPrefillTokensPerSecond: GOOD_MIN_PREFILL_TOKENS_PER_SECOND,
  },
  'gpu-unified': {
    id: 'gpu-unified',
    label: RIG_CLASS_LABELS['gpu-unified'],
    definition: 'GPU or unified memory that llama.cpp runs on, at any speed',
    engine: 'llama.cpp',
    requireFp8: false,
    rigKinds: GPU_UNIFIED,
  },
  any: {
    id: 'any',
    label: RIG_CLASS_LABELS.any,
    definition: 'any rig llama.cpp runs on, CPU servers and GPU + RAM hybrids included, at any speed',
    engine: 'llama.cpp',
    requireFp8: false,
    ownKinds: ['cpu-server', 'gpu-ram-hybrid'],
  },
};

export interface ClassRequestOptions {
  asOf: string;
  conditions: readonly PurchaseCondition[];
  maxPriceAgeDays: number;
  maxResults?: number;
  minBandwidthGBps?: number;
}

/** The rig request for "the cheapest rig of this class holding targetBytes". */
export function classRequest(rigClass: RigClass, targetBytes: number, opts: ClassRequestOptions): RigRequest {
  const spec = RIG_CLASS_SPECS[rigClass];
  const perToken = targetBytes * REFERENCE_ACTIVE_SHARE;
  const request: RigRequest = {
    acceleratorBytes: targetBytes,
    offloadableBytes: targetBytes * REFERENCE_ROUTED_SHARE,
    bytesPerToken: perToken,
    offloadableBytesPerToken: perToken * REFERENCE_ACTIVE_ROUTED_SHARE,
    kvBytesPerToken: 0,
    activeParameters: perToken / REFERENCE_BYTES_PER_WEIGHT,
    engine: spec.engine,
    moe: true,
    constraints: {
      conditions: opts.conditions,
      requireFp8: spec.requireFp8,
      asOf: opts.asOf,
      maxResults: opts.maxResults ?? 1,
      maxPriceAgeDays: opts.maxPriceAgeDays,
      ...(spec.rigKinds ? { rigKinds: spec.rigKinds } : {}),
      ...(spec.minDecodeTokensPerSecond !== undefined
        ? { minTokensPerSecond: spec.minDecodeTokensPerSecond }
        : {}),
      ...(spec.minPrefillTokensPerSecond !== undefined
        ? { minPrefillTokensPerSecond: spec.minPrefillTokensPerSecond }
        : {}),
      ...(opts.minBandwidthGBps !== undefined ? { minBandwidthGBps: opts.minBandwidthGBps } : {}),
    },
  };
  if (spec.engine === 'vllm') request.weightFormat = 'fp8';
  return request;
}

/** Where the class's fit starts for lack of its own kind of rig in the data (RigClassSpec.ownKinds): the
 *  first month whose cheapest rig is of an own kind, when months before it exist; otherwise null. */
export function classFitFloor(
  rigClass: RigClass,
  points: readonly { date: string; rigKind: RigKind }[],
): { date: string; reason: string } | null {
  const own = RIG_CLASS_SPECS[rigClass].ownKinds;
  if (own === undefined || points.length === 0) return null;
  const first = points.findIndex((p) => own.includes(p.rigKind));
  if (first <= 0) return null;
  const at = (points[first] as { date: string }).date;
  return {
    date: `${at.slice(0, 7)}-01`,
    reason: `before it the dataset prices no ${own.join(' or ')} rig of this size, so the cheapest rig was a GPU or unified machine, which says nothing about what CPU memory cost (${first} month${first === 1 ? '' : 's'} left out).`,
  };
}
