// The price thresholds the projection accepts, in their own module so the scenario's limits (the share link
// and the threshold control, src/scenario/scenario.ts) use the same numbers without loading the projection.

export const DEFAULT_THRESHOLD_USD = 3000;
/** "A few thousand dollars" is the question; the range lets a person ask about a cheaper rig or one of a
 *  few tens of thousands (a 512 GB rig with good fp8 cost several hundred thousand in 2026). */
export const MIN_THRESHOLD_USD = 1000;
export const MAX_THRESHOLD_USD = 100_000;
