// The scenario: every input a person can set, and nothing derived. It is what a share link carries.
// Pure: no React, no DOM, no store. The ids below appear in links, so they are permanent.
// Submodules, not the core barrel, so the app's first-paint chunk does not pull in the rig search.
import type { EngineId, KvCacheFormatId as KvFormatId, WeightFormatId } from '../core/memory/format-ids';
import { PUBLISHED_RATE_IDS } from '../core/projection/reference-rates';
import { MAX_THRESHOLD_USD, MIN_THRESHOLD_USD } from '../core/projection/thresholds';

// The memory model's ids (weight formats, KV cache formats, engines), from the file that holds only the
// id lists: the core barrel would pull the memory model into the first-paint chunk.
export {
  ENGINE_IDS,
  type EngineId,
  KV_CACHE_FORMAT_IDS as KV_FORMAT_IDS,
  type KvCacheFormatId as KvFormatId,
  WEIGHT_FORMAT_IDS,
  type WeightFormatId,
} from '../core/memory/format-ids';

/** Which market conditions the rig search may buy from ('any' = new or used). */
export const CONDITION_SETS = ['any', 'new', 'used'] as const;
export type ConditionSet = (typeof CONDITION_SETS)[number];

/** How the projection picks its annual price decline: fitted to the history, a custom rate, or one of the
 *  published long-run rates (their ids come from the core, src/core/projection/reference-rates.ts). */
export const RATE_ASSUMPTIONS = ['fitted', 'custom', ...PUBLISHED_RATE_IDS] as const;
export type RateAssumptionId = (typeof RATE_ASSUMPTIONS)[number];

// Issue 11 and 9: the projection's rig class and the unified-memory limit (ids from the core).
import { RIG_CLASSES, type RigClass } from '../core/projection/rig-class-labels';
import { UNIFIED_MEMORY_LIMITS, type UnifiedMemoryLimit } from '../core/rigs/types';

export { RIG_CLASSES as PROJECTION_CLASSES, UNIFIED_MEMORY_LIMITS };
export type ProjectionClass = RigClass;
export type UnifiedMemoryLimitId = UnifiedMemoryLimit;
/** The class the projection shows when a scenario does not say: (a) VRAM/unified memory with good fp8. */
export const DEFAULT_PROJECTION_CLASS: ProjectionClass = 'good-fp8';
/** Unified machines with the GPU memory limit raised (src/core/rigs/usable-memory.ts). */
export const DEFAULT_UNIFIED_MEMORY_LIMIT: UnifiedMemoryLimitId = 'raised';

/** Slider ranges. They bound what a link may carry; out-of-range values fall back with a notice. */
export const LIMITS = {
  contextTokens: { min: 1024, max: 1_048_576 },
  batch: { min: 1, max: 256 },
  minTokensPerSecond: { min: 0, max: 1000 },
  budgetUsd: { min: 0, max: 10_000_000 },
  // Issue 5: the projection target may be any value from 64 GB to 2 TB.
  targetMemoryGiB: { min: 64, max: 2048 },
  // The projection's own range (src/core/projection/thresholds.ts): one constant for the link and the control.
  thresholdUsd: { min: MIN_THRESHOLD_USD, max: MAX_THRESHOLD_USD },
  customDeclinePercent: { min: 1, max: 90 },
  fitStartYear: { min: 2000, max: 2030 },
} as const;

/** A model id that is not a preset: a pasted/uploaded config, or one fetched from Hugging Face. */
export const CUSTOM_MODEL_ID = 'custom';

/** Model files whose headers give the exact weights: a Hugging Face repo, the commit (or branch) they were
 *  read at, and the variant's first file. Absent when the weights are predicted from a format. */
export interface WeightFilesRef {
  repo: string;
  revision: string;
  file: string;
}

export interface Scenario {
  /** A preset id from data/models/, or 'custom'. */
  modelId: string;
  /** Hugging Face repo id ("org/name") the custom config was fetched from, if any. */
  hfRepo: string | null;
  weightFormat: WeightFormatId;
  kvCacheFormat: KvFormatId;
  contextTokens: number;
  /** Concurrent sequences. */
  batch: number;
  engine: EngineId;
  conditions: ConditionSet;
  requireFp8: boolean;
  /** 0 means no minimum. */
  minTokensPerSecond: number;
  /** 0 means no budget limit. */
  budgetUsd: number;
  /** Prices as of this ISO date (YYYY-MM-DD). */
  asOf: string;
  targetMemoryGiB: number;
  thresholdUsd: number;
  rate: RateAssumptionId;
  /** Annual price decline used when rate is 'custom', percent per year. */
  customDeclinePercent: number;
  /** Include the 2025–2026 DRAM price spike in the fit window. */
  includeSpike: boolean;
  /** First year of the fit window; 0 means from the first observation. */
  fitStartYear: number;
  /** Read the weights from these files' headers (optional: absent in links written before it existed). */
  weights?: WeightFilesRef;
  // Optional: absent in scenarios and links made before they existed; absent means the default.
  /** The rig class the projection's chart and answer lead with (default DEFAULT_PROJECTION_CLASS). */
  projectionClass?: ProjectionClass;
  /** Unified machines' GPU memory limit (default DEFAULT_UNIFIED_MEMORY_LIMIT). */
  unifiedMemoryLimit?: UnifiedMemoryLimitId;
  // The quick questions (issues 13 and 17), each absent in links written before it existed; absent reads as
  // its default (budgetViewOf, ownedHardwareOf below).
  /** Which quick question is open. */
  ask?: AskView;
  /** "What can I run for $X?" */
  budgetView?: BudgetView;
  /** "What does my hardware run?" */
  ownedHardware?: OwnedHardwareChoice;
}

export function projectionClassOf(s: Pick<Scenario, 'projectionClass'>): ProjectionClass {
  return s.projectionClass ?? DEFAULT_PROJECTION_CLASS;
}
export function unifiedMemoryLimitOf(s: Pick<Scenario, 'unifiedMemoryLimit'>): UnifiedMemoryLimitId {
  return s.unifiedMemoryLimit ?? DEFAULT_UNIFIED_MEMORY_LIMIT;
}

// ---- Quick questions: "what can I run for $X" and "what does my hardware run" (issues 13, 17) ----

export const ASK_VIEWS = ['budget', 'hardware'] as const;
export type AskView = (typeof ASK_VIEWS)[number];

/** The sweep behind both quick questions: a budget (0 = no limit), a context and a minimum decode speed. */
export interface BudgetView {
  budgetUsd: number;
  contextTokens: number;
  minTokensPerSecond: number;
}

/** What a person owns: N x one GPU (from the dataset, or 'manual' with its memory and bandwidth), a unified
 *  machine, or no GPU; and system RAM (a RAM setup id, a cpu-platform id from the dataset, or 'manual'). */
export const OWNED_KINDS = ['gpus', 'unified', 'cpu'] as const;
export type OwnedKind = (typeof OWNED_KINDS)[number];
export const MANUAL_ID = 'manual';

export interface OwnedHardwareChoice {
  kind: OwnedKind;
  /** A gpu item id, or 'manual'. */
  gpuId: string;
  gpuCount: number;
  /** Used when gpuId is 'manual'. */
  gpuMemoryGiB: number;
  gpuBandwidthGBps: number;
  /** A unified machine's item id. */
  unifiedId: string;
  /** Installed system RAM. */
  ramGiB: number;
  /** A RAM setup id (src/core/plan/ram-configs.ts), a cpu-platform item id, or 'manual'. */
  ramId: string;
  /** Used when ramId is 'manual'. */
  ramBandwidthGBps: number;
  /** The offload slider: -ngl (layers) or --n-cpu-moe (experts); absent = the largest that fits. */
  offload?: OffloadChoice;
}

export type OffloadChoice = { mode: 'layers'; nGpuLayers: number } | { mode: 'experts'; nCpuMoe: number };

export const VIEW_LIMITS = {
  budgetUsd: { min: 0, max: 10_000_000 },
  minTokensPerSecond: { min: 0, max: 1000 },
  gpuCount: { min: 1, max: 16 },
  gpuMemoryGiB: { min: 1, max: 2048 },
  bandwidthGBps: { min: 1, max: 100_000 },
  ramGiB: { min: 0, max: 16_384 },
  offloadLayers: { min: 0, max: 1000 },
} as const;

export const DEFAULT_BUDGET_VIEW: BudgetView = {
  budgetUsd: 3000,
  contextTokens: 8192,
  minTokensPerSecond: 5,
};

/** One RTX 3090 and 64 GB of dual-channel DDR4-3200: the most common local LLM box. */
export const DEFAULT_OWNED_HARDWARE: OwnedHardwareChoice = {
  kind: 'gpus',
  gpuId: 'nvidia-rtx-3090-24gb',
  gpuCount: 1,
  gpuMemoryGiB: 24,
  gpuBandwidthGBps: 936,
  unifiedId: 'apple-mac-studio-m2-ultra-192gb',
  ramGiB: 64,
  ramId: 'ddr4-3200-2ch',
  ramBandwidthGBps: 51.2,
};

export function budgetViewOf(s: Scenario): BudgetView {
  return s.budgetView ?? DEFAULT_BUDGET_VIEW;
}

export function ownedHardwareOf(s: Scenario): OwnedHardwareChoice {
  return s.ownedHardware ?? DEFAULT_OWNED_HARDWARE;
}
