// The memory model (config.json -> ModelSpec -> bytes), in its own chunk: the page paints without it and
// it arrives a moment later, in parallel with the chosen model's config.

export { exactWeightsFor } from '../core/inventory/exact-weights';
export { safeEstimateMemory } from '../core/memory/estimate';
export { countParameters } from '../core/model/count-parameters';
export { ModelConfigError, modelFromHfConfig } from '../core/model/from-hf-config';
