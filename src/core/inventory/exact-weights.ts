// From a tensor inventory to the weights the memory estimate uses: the bytes an engine loads (every tensor
// except multi-token-prediction blocks), the routed-expert bytes a GPU + RAM hybrid can keep in system RAM,
// the bytes read per generated token, the totals per storage type, and the predicted size of the nearest
// standard format beside them. The KV cache and overhead still come from the model spec (config.json).
import type { ExactWeights } from '../memory/estimate-types';
import type { EngineId, WeightFormatId } from '../memory/format-ids';
import { GGUF_FORMAT_IDS } from '../memory/format-ids';
import { WEIGHT_FORMATS, type WeightFormatInfo, weightFormatById } from '../memory/formats';
import { weightSummary } from '../memory/weights';
import type { ModelSpec } from '../model/model-spec';
import type { TensorInventory } from './inventory';

/** general.file_type (enum llama_ftype in llama.cpp include/llama.h) -> the standard format it names, or the
 *  nearest one rigcast models for the ftypes it does not (Q2_K_S -> Q2_K, IQ3_XS/IQ3_S -> the IQ3 mixes,
 *  IQ2_XS/IQ2_S -> the IQ2 mixes, MXFP4_MOE -> MXFP4). */
export const LLAMA_FTYPE_FORMATS: Readonly<Record<number, WeightFormatId>> = {
  1: 'fp16',
  2: 'q4_0',
  7: 'q8_0',
  10: 'q2_k',
  11: 'q3_k_s',
  12: 'q3_k_m',
  13: 'q3_k_l',
  14: 'q4_k_s',
  15: 'q4_k_m',
  16: 'q5_k_s',
  17: 'q5_k_m',
  18: 'q6_k',
  19: 'iq2_xxs',
  20: 'iq2_xxs',
  21: 'q2_k',
  22: 'iq3_xxs',
  23: 'iq3_xxs',
  24: 'iq1_s',
  25: 'iq4_nl',
  26: 'iq3_m',
  27: 'iq3_m',
  28: 'iq2_m',
  29: 'iq2_m',
  30: 'iq4_xs',
  31: 'iq1_m',
  32: 'bf16',
  38: 'mxfp4',
  39: 'nvfp4',
};

/** Safetensors dtypes of the linear layers -> the format that stores them so. */
const DTYPE_FORMATS: Readonly<Record<string, WeightFormatId>> = {
  BF16: 'bf16',
  F16: 'fp16',
  F32: 'bf16',
  F8_E4M3: 'fp8',
  F8_E5M2: 'fp8',
  I8: 'int8',
};

export interface NearestFormat {
  format: WeightFormatInfo;
  /** Why this one: 'general.file_type 15', 'file name Q4_K_M', 'dtype BF16', 'closest size'. */
  basis: string;
}

function byId(id: string): WeightFormatInfo | undefined {
  return weightFormatById(id);
}

/** The standard format the files say they are, without a model: GGUF general.file_type, else the
 *  quantization in the file name; safetensors the layout of the linear layers (packed int4, MXFP4 blocks,
 *  NVFP4 scales) or their dtype. Null when nothing names one. */
export function declaredStandardFormat(
  inventory: TensorInventory,
  quantName: string | null = null,
): NearestFormat | null {
  if (inventory.source === 'gguf') {
    const ft = inventory.gguf?.fileType;
    const fromType = ft !== null && ft !== undefined ? LLAMA_FTYPE_FORMATS[ft] : undefined;
    const f = fromType ? byId(fromType) : undefined;
    if (f) return { format: f, basis: `general.file_type ${ft}` };
    const q = quantName?.replace(/^UD-/, '').toLowerCase();
    const fromName = q ? (byId(q) ?? byId(q.replace(/_xl$|_l$/, '_m'))) : undefined;
    if (fromName) return { format: fromName, basis: `file name ${quantName}` };
    return null;
  }
  const quantized = inventory.tensors.filter(
    (t) => t.shape.length >= 2 && t.role !== 'vision' && t.role !== 'mtp',
  );
  const names = quantized.map((t) => t.name);
  if (names.some((n) => n.endsWith('.qweight') || n.endsWith('.weight_packed')))
    return { format: byId('int4') as WeightFormatInfo, basis: 'packed int4 weights (qweight)' };
  if (names.some((n) => n.endsWith('_blocks')))
    return { format: byId('mxfp4') as WeightFormatInfo, basis: 'MXFP4 blocks (_blocks/_scales)' };
  if (inventory.tensors.some((t) => t.name.endsWith('.weight_scale_2')))
    return { format: byId('nvfp4') as WeightFormatInfo, basis: 'NVFP4 (weight_scale_2)' };
  const bytesByType = new Map<string, number>();
  for (const t of quantized) bytesByType.set(t.type, (bytesByType.get(t.type) ?? 0) + t.bytes);
  const dominant = [...bytesByType.entries()].sort((a, b) => b[1] - a[1])[0];
  const id = dominant ? DTYPE_FORMATS[dominant[0]] : undefined;
  if (id && dominant) return { format: byId(id) as WeightFormatInfo, basis: `dtype ${dominant[0]}` };
  return null;
}

/** The standard format a variant is closest to: the one the files declare (declaredStandardFormat), else
 *  the format of the same kind whose predicted size for this model is nearest to the exact bytes. */
export function nearestStandardFormat(
  model: ModelSpec,
  inventory: TensorInventory,
  engine: EngineId,
  quantName: string | null = null,
): NearestFormat | null {
  const declared = declaredStandardFormat(inventory, quantName);
  if (declared) return declared;
  const candidates = WEIGHT_FORMATS.filter((f) =>
    inventory.source === 'gguf'
      ? (GGUF_FORMAT_IDS as readonly string[]).includes(f.id)
      : !(GGUF_FORMAT_IDS as readonly string[]).includes(f.id),
  );
  const exact = loadedBytes(inventory);
  let best: NearestFormat | null = null;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const f of candidates) {
    const gap = Math.abs(weightSummary(model, f, engine).totalBytes - exact);
    if (gap < bestGap) {
      bestGap = gap;
      best = { format: f, basis: 'closest predicted size' };
    }
  }
  return best;
}

function loadedBytes(inventory: TensorInventory): number {
  return inventory.tensors.reduce((s, t) => (t.role === 'mtp' ? s : s + t.bytes), 0);
}

/** How the files differ from the model whose config drives the KV cache: a different model, or a file
 *  with layers or experts removed. Empty when they agree. */
export function inventoryMismatches(model: ModelSpec, inventory: TensorInventory): string[] {
  const out: string[] = [];
  const main = inventory.tensors.filter((t) => t.role !== 'mtp' && t.role !== 'vision');
  const layers = main.reduce((n, t) => Math.max(n, t.layer + 1), 0);
  if (layers > 0 && layers !== model.numLayers)
    out.push(`the files have ${layers} layers, ${model.name} has ${model.numLayers}`);
  const embedding = main.find((t) => t.role === 'embedding' && t.shape.length === 2);
  if (embedding) {
    // GGUF lists ne0 (the hidden size) first; safetensors lists rows (the vocabulary) first.
    const [hidden, vocab] =
      inventory.source === 'gguf'
        ? [embedding.shape[0], embedding.shape[1]]
        : [embedding.shape[1], embedding.shape[0]];
    if (hidden !== undefined && hidden !== model.hiddenSize)
      out.push(`the files' hidden size is ${hidden}, ${model.name}'s is ${model.hiddenSize}`);
    if (vocab !== undefined && vocab !== model.vocabSize)
      out.push(`the files' vocabulary has ${vocab} tokens, ${model.name}'s has ${model.vocabSize}`);
  }
  const experts = inventory.gguf?.expertCount ?? null;
  const modelExperts = model.moe?.numExperts ?? 0;
  if (inventory.source === 'gguf' && (experts ?? 0) !== modelExperts)
    out.push(`the files have ${experts ?? 0} experts per layer, ${model.name} has ${modelExperts}`);
  const hasExperts = main.some((t) => t.role === 'routed_expert');
  if (inventory.source === 'safetensors' && hasExperts !== modelExperts > 0)
    out.push(
      hasExperts
        ? `the files hold routed experts, ${model.name} has none`
        : `the files hold no routed experts, ${model.name} has ${modelExperts}`,
    );
  return out;
}

export interface ExactWeightsOptions {
  /** What was read, shown with the numbers. */
  label: string;
  /** The quantization named in the file name (GGUF), if any. */
  quantName?: string | null;
}

/** The exact weights of an inventory for the memory estimate, with the nearest standard format's prediction
 *  beside them. Routed experts are read per token in proportion experts_per_token / num_experts (the model
 *  spec's, else the GGUF file's); an untied token embedding is read one row per token. */
export function exactWeightsFor(
  model: ModelSpec,
  inventory: TensorInventory,
  engine: EngineId,
  options: ExactWeightsOptions,
): ExactWeights {
  const used = model.moe?.expertsPerToken ?? inventory.gguf?.expertUsedCount ?? null;
  const count = model.moe?.numExperts ?? inventory.gguf?.expertCount ?? null;
  const activeFraction = used !== null && count !== null && count > 0 ? Math.min(1, used / count) : 1;
  const hasOutput = inventory.tensors.some((t) => t.role === 'output');

  let loaded = 0;
  let routed = 0;
  let active = 0;
  let mtp = 0;
  const types = new Map<string, { type: string; bytes: number; tensors: number }>();
  for (const t of inventory.tensors) {
    if (t.role === 'mtp') {
      mtp += t.bytes;
      continue;
    }
    loaded += t.bytes;
    const tt = types.get(t.type) ?? { type: t.type, bytes: 0, tensors: 0 };
    tt.bytes += t.bytes;
    tt.tensors += 1;
    types.set(t.type, tt);
    if (t.role === 'routed_expert') {
      routed += t.bytes;
      active += t.bytes * activeFraction;
    } else if (t.role === 'embedding' && hasOutput) {
      // One row per generated token; the vocabulary is the larger dimension of the 2-D embedding.
      const rows = t.shape.length >= 2 ? Math.max(...t.shape.slice(0, 2)) : 1;
      active += t.bytes / Math.max(1, rows);
    } else {
      active += t.bytes;
    }
  }
  const nearest = nearestStandardFormat(model, inventory, engine, options.quantName ?? null);
  return {
    label: options.label,
    source: inventory.source,
    loadedBytes: loaded,
    fileBytes: inventory.fileBytes ?? inventory.totalBytes,
    routedExpertBytes: routed,
    activeBytesPerToken: active,
    activeExpertBytesPerToken: routed * activeFraction,
    byType: [...types.values()].sort((a, b) => b.bytes - a.bytes || a.type.localeCompare(b.type)),
    notLoaded: mtp > 0 ? [{ what: 'multi-token-prediction blocks', bytes: mtp }] : [],
    nearest: nearest
      ? {
          formatId: nearest.format.id,
          label: nearest.format.label,
          predictedBytes: weightSummary(model, nearest.format, engine).totalBytes,
          basis: nearest.basis,
        }
      : null,
    mismatches: inventoryMismatches(model, inventory),
  };
}
