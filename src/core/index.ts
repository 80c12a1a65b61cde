// The public API of rigcast's pure core. Outside tools call these; keep the signatures stable.
// No React, Zustand, Recharts or DOM here or in anything it imports (enforced by biome.json and
// src/core/tsconfig.json).

// Memory model (issue 2): HF config -> ModelSpec, and the weights + KV + overhead estimate.
export type {
  EstimateError,
  EstimateErrorCode,
  EstimateOptions,
  EstimateResult,
} from './memory/estimate';
export {
  EstimateOptionsError,
  estimateMemory,
  MAX_BATCH,
  MAX_CONTEXT_TOKENS,
  safeEstimateMemory,
} from './memory/estimate';
export type { Assumption, ExactWeights, MemoryEstimate } from './memory/estimate-types';
export type {
  EngineId,
  KvCacheFormatId,
  KvCacheFormatInfo,
  WeightFormatId,
  WeightFormatInfo,
} from './memory/formats';
export {
  ENGINES,
  KV_CACHE_FORMATS,
  kvCacheFormatById,
  WEIGHT_FORMATS,
  weightFormatById,
} from './memory/formats';
export type { ParameterCount } from './model/count-parameters';
export { countParameters } from './model/count-parameters';
export { ModelConfigError, modelFromHfConfig } from './model/from-hf-config';
export type {
  Architecture,
  AttentionLayerSpec,
  MlaSpec,
  ModelSpec,
  MoeSpec,
  TensorRole,
  TensorSpec,
} from './model/model-spec';
export { ARCHITECTURES } from './model/model-spec';
export type { FileLayout, OffloadOrder } from './offload/constants';
export {
  DEFAULT_N_UBATCH,
  DEFAULT_OFFLOAD_ORDER,
  DEFAULT_PCIE_GBPS,
  FILE_LAYOUTS,
  OFFLOAD_ORDERS,
  PCIE_X16_GBPS,
} from './offload/constants';
export { fitOffload } from './offload/fit';
export { placeOffload } from './offload/placement';
// Partial offload (issue 17): llama.cpp -ngl / --n-cpu-moe placement per device, and its speed.
export type {
  OffloadConfig,
  OffloadCpuPlacement,
  OffloadDeviceBytes,
  OffloadError,
  OffloadErrorCode,
  OffloadFit,
  OffloadFitResult,
  OffloadGpu,
  OffloadGpuPlacement,
  OffloadHardware,
  OffloadMode,
  OffloadOptions,
  OffloadPlan,
  OffloadResult,
  OffloadSpeed,
} from './offload/types';
export { OFFLOAD_MODES } from './offload/types';
export type { BudgetRow, BudgetSweep, BudgetSweepOptions } from './plan/budget-sweep';
export {
  budgetCandidates,
  budgetRequest,
  collectBudgetSweep,
  compareBudgetRows,
  evaluateBudgetCandidate,
  isBudgetRow,
  rowsWithinBudget,
  sweepBudget,
} from './plan/budget-sweep';
// Issues 13 and 17: "what can I run for $X" and "what does my hardware run" (src/core/plan/README.md).
export type {
  RankKey,
  SweepCandidate,
  SweepModel,
  SweepSkip,
  SweepSkipReason,
  SweepWorkload,
} from './plan/candidates';
export { compareRank, contextAllowed, modelCandidates } from './plan/candidates';
export type { HardwareRow, HardwareSweep, HardwareSweepOptions } from './plan/hardware-sweep';
export { capacityBytes, sweepOwnedHardware, sweepOwnedModel } from './plan/hardware-sweep';
export type {
  OwnedGpu,
  OwnedHardware,
  OwnedRam,
  OwnedRun,
  OwnedRunMode,
  OwnedRunOptions,
  OwnedRunResult,
} from './plan/owned-hardware';
export { largestContextOnOwned, offloadHardware, runOnOwned, usableRamBytes } from './plan/owned-hardware';
export type { RamConfig, RamConfigId } from './plan/ram-configs';
export { RAM_CONFIG_IDS, RAM_CONFIGS, ramBandwidthGBps, ramConfigById } from './plan/ram-configs';
export { formatRank, SWEEP_FORMATS } from './plan/sweep-formats';
export type { ClassOutlook, ClassOutlookOptions } from './projection/answer';
export {
  ANSWER_THRESHOLDS_USD,
  answerSentence,
  classOutlook,
  classOutlookSteps,
  describeOutcome,
  OUTLOOK_STEP_MONTHS,
  reprojectOutlook,
} from './projection/answer';
export type { BacktestResult } from './projection/backtest';
export { BACKTEST_CUTOFFS, backtest } from './projection/backtest';
export type { ComponentPoint, ComponentProjection } from './projection/components';
export { componentHistory, projectComponents } from './projection/components';
export type { CoverageReport, CoverageRow } from './projection/coverage';
export { COVERAGE_TARGETS, frontierCoverage } from './projection/coverage';
export type { ReferenceLine, RigCostOutlook, RigCostOutlookOptions } from './projection/outlook';
export { rigCostOutlook } from './projection/outlook';
// Projection (issue 5): price history, trend fit and reference rates.
export type {
  AnnualChangeFit,
  CrossingEdge,
  CrossingRange,
  DatedPrice,
  DateWindow,
  ProjectionLinePoint,
  ProjectionOptions,
  ProjectionOutcome,
  RateAssumption,
  RateKind,
  RigCostProjection,
  TrendFit,
} from './projection/project';
export {
  BAND_HIGH_QUANTILE,
  BAND_LOW_QUANTILE,
  DEFAULT_HORIZON_YEAR,
  DEFAULT_THRESHOLD_USD,
  DRAM_SPIKE_WINDOW,
  fitAnnualChange,
  MAX_THRESHOLD_USD,
  MIN_FIT_POINTS,
  MIN_THRESHOLD_USD,
  projectRigCost,
  RATE_KINDS,
} from './projection/project';
export type { PublishedRate, PublishedRateId, ReferencePoint } from './projection/reference-rates';
export {
  PUBLISHED_RATE_IDS,
  PUBLISHED_RATES,
  publishedRate,
  referenceLine,
} from './projection/reference-rates';
// Issue 11: rig classes, the component model, the backtest and the answer in words.
export type { RigClass, RigClassSpec } from './projection/rig-classes';
export { classRequest, RIG_CLASS_SPECS, RIG_CLASSES } from './projection/rig-classes';
export type { RigCostHistory, RigCostHistoryOptions, RigCostPoint } from './projection/rig-history';
export {
  DEFAULT_TARGETS_BYTES,
  datasetMonthRange,
  MAX_TARGET_BYTES,
  MIN_TARGET_BYTES,
  rigCostHistory,
} from './projection/rig-history';
export type { MemoryClass, UsdPerGBPoint, UsdPerGBSeries } from './projection/usd-per-gb';
export { MEMORY_CLASS_LABELS, MEMORY_CLASSES, usdPerGBHistory } from './projection/usd-per-gb';
export type { BestFitResult, EstimateFitOptions, FitCandidate } from './rigs/best-fit';
export {
  bestFit,
  bestOptionForBudget,
  bestOptionOnRig,
  fitsRig,
  largestContextOnRig,
  largestContextThatFits,
} from './rigs/best-fit';
// Rig physics and engine support (issue 9).
export type { SupportVerdict } from './rigs/engine-support';
export { deviceSupport, formatSupport, verdictFor } from './rigs/engine-support';
export { findCheapestRigs } from './rigs/find-cheapest-rigs';
export { fitGpusInHost } from './rigs/host-fit';
export { acceleratorNeedBytes, rigRequestForMemory, rigRequestFromEstimate } from './rigs/requests';
export { shortComponentName, shortRigName } from './rigs/short-name';
export type {
  BindingConstraint,
  PurchaseCondition,
  RigComponent,
  RigComponentRole,
  RigConstraints,
  RigEngine,
  RigKind,
  RigQuote,
  RigRequest,
  RigRequestOptions,
  RigSearchFound,
  RigSearchNone,
  RigSearchResult,
  UnifiedMemoryLimit,
} from './rigs/types';
export {
  BINDING_CONSTRAINTS,
  PURCHASE_CONDITIONS,
  RIG_ENGINES,
  RIG_KINDS,
  UNIFIED_MEMORY_LIMITS,
} from './rigs/types';
export { usableGpuBytes, usableUnified } from './rigs/usable-memory';
