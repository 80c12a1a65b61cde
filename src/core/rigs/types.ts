// The rig search contract: what the UI and the projection ask (RigRequest) and what they get back
// (RigSearchResult). All sizes in bytes, bandwidth in GB/s (1e9 bytes/s), prices in USD, power in W.
import type { Condition, Fp8Support, Market } from '../../data/schema';
import type { Assumption } from '../memory/estimate-types';
import type { WeightFormatId } from '../memory/format-ids';

export const RIG_KINDS = [
  'multi-gpu', // N identical GPUs in one gpu-host, or a complete GPU server (gpu-system)
  'unified', // one unified-memory machine (Mac Studio, Ryzen AI Max, DGX Spark)
  'unified-cluster', // 2-4 identical unified-memory machines over their documented interconnect
  'cpu-server', // a cpu-platform filled with DIMMs, no GPU
  'gpu-ram-hybrid', // 1-2 GPUs on a cpu-platform with DIMMs: routed experts in RAM (llama.cpp -ot exps=CPU)
] as const;
export type RigKind = (typeof RIG_KINDS)[number];

export const RIG_ENGINES = ['llama.cpp', 'vllm'] as const;
export type RigEngine = (typeof RIG_ENGINES)[number];

/** How much of a unified machine's memory the GPU may use: the OS's factory limit, or the limit raised by
 *  the user (sysctl on macOS, GTT on Linux) to all but an OS reserve. See usable-memory.ts. */
export const UNIFIED_MEMORY_LIMITS = ['raised', 'factory'] as const;
export type UnifiedMemoryLimit = (typeof UNIFIED_MEMORY_LIMITS)[number];

/** What a buyer accepts: 'new' covers msrp/retail/contract/estimate at condition new; 'used' covers
 *  used and refurbished. */
export const PURCHASE_CONDITIONS = ['new', 'used'] as const;
export type PurchaseCondition = (typeof PURCHASE_CONDITIONS)[number];

/** The constraint that, when relaxed alone, lets a search find a rig. 'memory' means no rig in the
 *  dataset holds the need at all; 'no-prices' means nothing was priced on or before asOf. */
export const BINDING_CONSTRAINTS = [
  'budget',
  'memory',
  'fp8',
  'tokens-per-second',
  'prefill-tokens-per-second',
  'power',
  'no-prices',
  'bandwidth',
  'condition',
  'rig-kind',
  'engine',
] as const;
export type BindingConstraint = (typeof BINDING_CONSTRAINTS)[number];

export interface RigConstraints {
  /** Which purchase conditions are acceptable; empty means none (the search answers 'condition'). */
  conditions: readonly PurchaseCondition[];
  /** Only rigs whose accelerators have native fp8 ('yes'; 'unknown' does not pass). */
  requireFp8: boolean;
  /** Minimum aggregate decode tokens/s. */
  minTokensPerSecond?: number;
  /** Minimum prompt-processing tokens/s (a rig with no prefill figure does not pass). */
  minPrefillTokensPerSecond?: number;
  /** Maximum power draw of the whole rig, W (sum of TDPs). */
  maxPowerW?: number;
  /** Maximum total price, USD. */
  maxBudgetUsd?: number;
  /** Minimum memory bandwidth of the rig, GB/s (the bandwidth a decode step sees, see RigQuote). */
  minBandwidthGBps?: number;
  /** ISO date: each item is priced at its latest observation on or before it. */
  asOf: string;
  /** A price older than this many days on asOf is not used: the item counts as unpriced then. Default
   *  CARRY_FORWARD_MAX_DAYS (constants.ts); Infinity means no limit. */
  maxPriceAgeDays?: number;
  /** Unified machines: the factory GPU memory limit or the raised one (default DEFAULT_UNIFIED_MEMORY_LIMIT). */
  unifiedMemoryLimit?: UnifiedMemoryLimit;
  /** Restrict to these rig kinds; absent means all. */
  rigKinds?: readonly RigKind[];
  /** How many ranked rigs to return (default DEFAULT_MAX_RESULTS in constants.ts). */
  maxResults?: number;
}

export interface RigRequest {
  /** Bytes the model needs on accelerators or in unified memory (MemoryEstimate.total). */
  acceleratorBytes: number;
  /** Of acceleratorBytes, what may sit in system RAM instead on a GPU+RAM hybrid (routed experts). */
  offloadableBytes: number;
  /** Bytes read per generated token of one sequence: active weights + KV at the full context. */
  bytesPerToken: number;
  /** Of bytesPerToken, the routed-expert weight bytes (read from RAM on a hybrid). */
  offloadableBytesPerToken: number;
  /** Of bytesPerToken, the KV-cache bytes (read once per sequence per step; weights are shared by a batch). */
  kvBytesPerToken: number;
  /** Parameters active per token (for prefill compute: 2 FLOPs per active parameter per token). */
  activeParameters?: number;
  /** Concurrent sequences; tokens/s is the aggregate over them. Default 1. */
  batch?: number;
  /** Inference engine: decides which devices and rigs run the job (engine-support.ts) and multi-GPU
   *  scaling (llama.cpp layer split vs vLLM tensor parallel). Default llama.cpp. */
  engine?: RigEngine;
  /** The weight format the engine must run (engine-support.ts); absent means any device the engine runs on. */
  weightFormat?: WeightFormatId;
  /** A mixture-of-experts model (vLLM runs fp8 MoE only from compute capability 8.9). */
  moe?: boolean;
  constraints: RigConstraints;
}

export type RigComponentRole =
  | 'gpu'
  | 'gpu-host'
  | 'gpu-system'
  | 'machine'
  | 'cpu-platform'
  | 'memory-module';

export interface RigComponent {
  itemId: string;
  name: string;
  role: RigComponentRole;
  quantity: number;
  /** Price of one unit as of the search date (a DIMM's observed price moved by its DRAM series). */
  unitPriceUsd: number;
  /** The price as observed on observedOn. */
  observedPriceUsd: number;
  /** Date of the price observation used. */
  observedOn: string;
  /** Days from observedOn to the search's as-of date. */
  ageDays: number;
  market: Market;
  condition: Condition;
  sourceUrl: string;
}

export interface RigQuote {
  /** Stable id of this configuration, e.g. 'multi-gpu:nvidia-rtx-3090-24gb:x2:some-host'. */
  id: string;
  kind: RigKind;
  /** Readable, e.g. '2 × RTX 3090 in Supermicro ...'. */
  label: string;
  components: RigComponent[];
  totalPriceUsd: number;
  /** Memory the model can use on this rig after runtime reserves (accelerator + RAM for a hybrid). */
  usableBytes: number;
  /** gpu-ram-hybrid only: the part of usableBytes on the GPUs (the rest is system RAM). */
  gpuUsableBytes?: number;
  /** usableBytes minus what the request needs (>= 0 for a quote that fits). */
  headroomBytes: number;
  /** Bandwidth a decode step sees, GB/s: one GPU's for a layer split, the sum for tensor parallel,
   *  populated channels for a CPU server, the RAM's for a hybrid. */
  bandwidthGBps: number;
  /** Aggregate decode tokens/s over the batch. */
  decodeTokensPerSecond: number;
  /** Prompt-processing tokens/s from compute (where the request has active parameters). */
  prefillTokensPerSecond?: number;
  /** Sum of TDPs / board powers / system power, W. */
  powerW: number;
  /** False when a part's power is not in the dataset (powerW then undercounts; the UI says so). */
  powerKnown: boolean;
  usdPerTokenPerSecond: number;
  fp8: Fp8Support;
  notes: string[];
}

export interface RigSearchFound {
  kind: 'found';
  /** Fitting rigs, cheapest first, at most maxResults. */
  rigs: RigQuote[];
  /** Fitting rigs no other rig beats on both price and decode tokens/s, cheapest first. */
  pareto: RigQuote[];
  /** Configurations priced and checked. */
  consideredCount: number;
  assumptions: Assumption[];
}

export interface RigSearchNone {
  kind: 'none';
  binding: BindingConstraint;
  message: string;
  /** The cheapest rig that fits once the binding constraint is relaxed. */
  closest?: RigQuote;
  consideredCount: number;
  assumptions: Assumption[];
}

export type RigSearchResult = RigSearchFound | RigSearchNone;

/** Options for building a request from a memory estimate or a bare memory size. */
export interface RigRequestOptions {
  constraints: RigConstraints;
  batch?: number;
  engine?: RigEngine;
  activeParameters?: number;
  weightFormat?: WeightFormatId;
  moe?: boolean;
}
