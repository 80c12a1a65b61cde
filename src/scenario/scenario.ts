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
}

export function projectionClassOf(s: Pick<Scenario, 'projectionClass'>): ProjectionClass {
  return s.projectionClass ?? DEFAULT_PROJECTION_CLASS;
}
export function unifiedMemoryLimitOf(s: Pick<Scenario, 'unifiedMemoryLimit'>): UnifiedMemoryLimitId {
  return s.unifiedMemoryLimit ?? DEFAULT_UNIFIED_MEMORY_LIMIT;
}
