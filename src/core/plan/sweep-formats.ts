// The quantizations a sweep tries for each engine, best quality first. The order is the ranking's second key
// (after total parameters): a row at a format earlier in its list is the better-quality one.
import type { WeightFormatId } from '../memory/format-ids';
import type { RigEngine } from '../rigs/types';

/** GGUF mixes people download for llama.cpp, from near-lossless (Q8_0) to the smallest usable (IQ2_XXS); the
 *  safetensors formats vLLM serves (bf16 as published, fp8, 4-bit AWQ/GPTQ). */
export const SWEEP_FORMATS: Readonly<Record<RigEngine, readonly WeightFormatId[]>> = {
  'llama.cpp': ['q8_0', 'q6_k', 'q5_k_m', 'q4_k_m', 'q3_k_m', 'iq2_xxs'],
  vllm: ['bf16', 'fp8', 'int4'],
};

/** Position of a format in its engine's list (0 = best quality); formats outside the list rank last. */
export function formatRank(engine: RigEngine, format: WeightFormatId): number {
  const i = SWEEP_FORMATS[engine].indexOf(format);
  return i < 0 ? SWEEP_FORMATS[engine].length : i;
}
