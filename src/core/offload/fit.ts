// fitOffload: the largest offload that fits the GPUs, for each engine mode (dense layer offload with -ngl, MoE
// expert offload with --n-cpu-moe / --cpu-moe), with its RAM check and speed.
import type { ModelSpec } from '../model/model-spec';
import { type OffloadContext, placeWithContext, prepareOffload } from './placement';
import type { OffloadFitResult, OffloadHardware, OffloadOptions, OffloadPlan } from './types';

/** The largest -ngl whose placement fits every GPU (GPU bytes only grow with -ngl), or -ngl 0 if none. */
function largestLayers(c: OffloadContext, nCpuMoe: number, mode: OffloadPlan['mode']): OffloadPlan {
  const n = c.layers.blocks;
  let lo = 0;
  let hi = n + 1;
  if (placeWithContext(c, hi, nCpuMoe, mode).fitsGpu) return placeWithContext(c, hi, nCpuMoe, mode);
  // Invariant: hi does not fit; find the largest lo that fits.
  if (!placeWithContext(c, lo, nCpuMoe, mode).fitsGpu) return placeWithContext(c, 0, nCpuMoe, mode);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (placeWithContext(c, mid, nCpuMoe, mode).fitsGpu) lo = mid;
    else hi = mid;
  }
  return placeWithContext(c, lo, nCpuMoe, mode);
}

/** All layers on the GPUs with the experts of the fewest first blocks in RAM (--n-cpu-moe N, smallest N that
 *  fits); if even --cpu-moe does not fit, --cpu-moe with the largest -ngl that does. */
function largestExperts(c: OffloadContext): OffloadPlan {
  const n = c.layers.blocks;
  const all = n + 1;
  if (!placeWithContext(c, all, n, 'experts').fitsGpu) return largestLayers(c, n, 'experts');
  let lo = -1; // does not fit (or not tried)
  let hi = n; // fits
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (mid >= 0 && placeWithContext(c, all, mid, 'experts').fitsGpu) hi = mid;
    else lo = mid;
  }
  return placeWithContext(c, all, hi, 'experts');
}

function faster(a: OffloadPlan, b: OffloadPlan): OffloadPlan {
  const sa = a.speed?.decodeTokensPerSecond;
  const sb = b.speed?.decodeTokensPerSecond;
  if (sa === undefined || sb === undefined) return a;
  return sb > sa ? b : a;
}

/**
 * For hardware a person owns: the largest dense layer offload (-ngl) that fits the GPUs and, for an MoE model,
 * the largest expert offload (--n-cpu-moe / --cpu-moe), each with bytes per device, RAM check, flags and speed.
 * Never throws.
 */
export function fitOffload(
  model: ModelSpec,
  options: OffloadOptions,
  hardware: OffloadHardware,
): OffloadFitResult {
  const prepared = prepareOffload(model, options, hardware);
  if (!prepared.ok) return prepared;
  const c = prepared.context;
  const layers = largestLayers(c, 0, 'layers');
  const experts = c.layers.numExperts > 0 ? largestExperts(c) : null;
  let recommended = layers;
  if (experts?.fits && !layers.fits) recommended = experts;
  else if (experts?.fits && layers.fits) recommended = faster(experts, layers);
  else if (experts && !layers.fits && experts.fitsGpu && !layers.fitsGpu) recommended = experts;
  return { ok: true, layers, experts, recommended };
}
