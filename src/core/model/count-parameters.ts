// Parameter counts from the tensor inventory: every element of every tensor (norms and biases included).
import type { ModelSpec } from './model-spec';

export interface ParameterCount {
  /** All parameters of the language model (every expert), excluding MTP layers and vision towers. */
  total: number;
  /** Parameters used per token: routed experts scaled by experts_per_token / num_experts. The token embedding
   *  counts in full, as model cards (e.g. DeepSeek-V3's 37B activated) count it. */
  active: number;
}

const cache = new WeakMap<ModelSpec, ParameterCount>();

export function countParameters(model: ModelSpec): ParameterCount {
  const hit = cache.get(model);
  if (hit) return hit;
  const fraction = model.moe ? model.moe.expertsPerToken / model.moe.numExperts : 1;
  let total = 0;
  let active = 0;
  for (const t of model.tensors) {
    const n = t.ne0 * t.ne1 * t.ne2;
    total += n;
    active += t.role === 'routed_expert' ? n * fraction : n;
  }
  const result = { total, active };
  cache.set(model, result);
  return result;
}
