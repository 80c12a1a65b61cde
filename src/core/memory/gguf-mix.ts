// Which ggml type each tensor gets in a GGUF quantization mix: a port of llama.cpp's
// llama_tensor_get_type_impl / llama_tensor_get_type / tensor_type_fallback in src/llama-quant.cpp
// (https://github.com/ggml-org/llama.cpp/blob/master/src/llama-quant.cpp), restricted to the mixes rigcast
// offers. Rules are kept in the source's order so a diff against upstream stays readable.
import type { ModelSpec, TensorSpec } from '../model/model-spec';
import { GGUF_FORMAT_IDS } from './format-ids';
import type { GgmlType } from './ggml-types';
import { GGML_BLOCKS } from './ggml-types';

/** The llama_ftype mixes rigcast models (tools/quantize names in lower case). */
/** The mixes offered as weight formats, plus gpt-oss's MXFP4 mix for its published experts. */
export const GGUF_MIXES = [...GGUF_FORMAT_IDS, 'mxfp4_moe'] as const;
export type GgufMix = (typeof GGUF_MIXES)[number];

/** llama_ftype_get_default_type in llama-quant.cpp. */
export const MIX_DEFAULT_TYPE: Readonly<Record<GgufMix, GgmlType>> = {
  q8_0: 'q8_0',
  q6_k: 'q6_k',
  q5_k_m: 'q5_k',
  q5_k_s: 'q5_k',
  q4_k_m: 'q4_k',
  q4_k_s: 'q4_k',
  q4_0: 'q4_0',
  q3_k_l: 'q3_k',
  q3_k_m: 'q3_k',
  q3_k_s: 'q3_k',
  q2_k: 'q2_k',
  iq4_xs: 'iq4_xs',
  iq4_nl: 'iq4_nl',
  iq3_m: 'iq3_s',
  iq3_xxs: 'iq3_xxs',
  iq2_m: 'iq2_s',
  iq2_xxs: 'iq2_xxs',
  iq1_m: 'iq1_m',
  iq1_s: 'iq1_s',
  mxfp4_moe: 'mxfp4',
};

type Category =
  | 'token_embd'
  | 'output'
  | 'attn_q'
  | 'attn_k'
  | 'attn_v'
  | 'attn_qkv'
  | 'attn_kv_b'
  | 'attn_output'
  | 'ffn_up'
  | 'ffn_gate'
  | 'ffn_down'
  | 'other';

/** tensor_get_category in llama-quant.cpp: substring tests in this order. */
function categoryOf(name: string): Category {
  if (name === 'output.weight') return 'output';
  if (name === 'token_embd.weight') return 'token_embd';
  if (name.includes('attn_qkv.weight')) return 'attn_qkv';
  if (name.includes('attn_kv_b.weight')) return 'attn_kv_b';
  if (name.includes('attn_v.weight')) return 'attn_v';
  if (name.includes('attn_k.weight')) return 'attn_k';
  if (name.includes('attn_q.weight')) return 'attn_q';
  if (name.includes('attn_output.weight')) return 'attn_output';
  if (name.includes('ffn_up')) return 'ffn_up';
  if (name.includes('ffn_gate')) return 'ffn_gate';
  if (name.includes('ffn_down')) return 'ffn_down';
  return 'other';
}

const ggufListCache = new WeakMap<ModelSpec, TensorSpec[]>();

/** The tensors a GGUF file of this model holds: model.tensors, then the MTP blocks where the converter
 *  writes them (GLM4_MOE). */
export function ggufTensorList(model: ModelSpec): TensorSpec[] {
  let list = ggufListCache.get(model);
  if (!list) {
    list =
      model.ggufStoresMtp && model.mtpTensors.length > 0
        ? [...model.tensors, ...model.mtpTensors]
        : model.tensors;
    ggufListCache.set(model, list);
  }
  return list;
}

/** Blocks in the GGUF file (hparams.n_layer): MTP blocks count when stored. */
function ggufBlockCount(model: ModelSpec): number {
  if (!model.ggufStoresMtp) return model.numLayers;
  let maxLayer = model.numLayers - 1;
  for (const t of model.mtpTensors) if (t.layer > maxLayer) maxLayer = t.layer;
  return maxLayer + 1;
}

const categoryCache = new WeakMap<ModelSpec, Category[]>();

/** Categories of a model's GGUF tensors, computed once per model (the name tests dominate the mix's cost). */
function categoriesOf(model: ModelSpec): Category[] {
  let c = categoryCache.get(model);
  if (!c) {
    c = ggufTensorList(model).map((t) => categoryOf(t.name));
    categoryCache.set(model, c);
  }
  return c;
}

const isAttnVLike = (c: Category) => c === 'attn_v' || c === 'attn_qkv' || c === 'attn_kv_b';

/** use_more_bits in llama-quant.cpp (C integer division). */
export function moreBitsLayer(iLayer: number, nLayers: number): boolean {
  const e = Math.trunc(nLayers / 8);
  return iLayer < e || iLayer >= Math.trunc((7 * nLayers) / 8) || (iLayer - e) % 3 === 2;
}

const LOW_IQ: ReadonlySet<GgufMix> = new Set(['iq2_xxs', 'iq1_s', 'iq2_m', 'iq1_m']); // + IQ2_XS, IQ2_S upstream
const OUTPUT_Q5K: ReadonlySet<GgufMix> = new Set(['iq2_xxs', 'iq3_xxs', 'iq1_s', 'iq2_m', 'iq1_m']);

export interface MixOptions {
  /** An importance matrix was used (bartowski, unsloth and mradermacher i1 releases all use one; the
   *  i-quants below 4 bits require it). */
  hasImatrix: boolean;
}

/**
 * The ggml type of every tensor of the model's GGUF file (ggufTensorList: model.tensors, then any stored MTP
 * blocks) under `mix`, in that order. Non-quantizable tensors keep
 * their converted type: f32 for 1-D tensors, norms, anything not named '.weight' (biases) and the router
 * (convert_hf_to_gguf.py "Some tensor types are always in float32"), `sourceType` (bf16 as converted)
 * otherwise.
 */
export function ggufTensorTypes(
  model: ModelSpec,
  mix: GgufMix,
  options: MixOptions,
  sourceType: GgmlType = 'bf16',
): GgmlType[] {
  const defaultType = MIX_DEFAULT_TYPE[mix];
  const nExpert = model.moe ? model.moe.numExperts : 0;
  // hparams.n_gqa() = n_head / n_head_kv; MLA GGUFs store n_head_kv = 1.
  const nGqa = model.numHeads / model.numKvHeads;
  // LLM_TYPE_70B is set for 80-layer LLAMA (n_head != n_head_kv) and QWEN2 models in llama-model.cpp.
  const is70B =
    model.numLayers === 80 &&
    (model.architecture === 'llama' || model.architecture === 'mistral' || model.architecture === 'qwen2') &&
    model.numHeads !== model.numKvHeads;
  const tied = model.tiedEmbeddings;
  const nLayer = ggufBlockCount(model);
  const tensors = ggufTensorList(model);

  const categories = categoriesOf(model);
  let nAttnV = 0;
  for (const c of categories) if (isAttnVLike(c)) nAttnV++;
  let iAttnV = 0;
  let iFfnDown = 0;

  const out: GgmlType[] = new Array(tensors.length);
  for (let i = 0; i < tensors.length; i++) {
    const t = tensors[i] as TensorSpec;
    if (!t.quantizable) {
      out[i] =
        t.oneD || !t.name.endsWith('.weight') || t.role === 'router' || t.role === 'norm'
          ? 'f32'
          : sourceType;
      continue;
    }
    const cat = categories[i] as Category;
    // For MoE models layer_info parses the layer from the tensor name; for dense ones it is the running
    // counter, which equals the layer index because tensors are sorted by layer.
    const layerOf = () => (nExpert > 1 ? t.layer : iFfnDown);
    let type: GgmlType = defaultType;

    if (cat === 'output' || (tied && cat === 'token_embd')) {
      if (mix === 'mxfp4_moe') type = 'q8_0';
      else if (t.ne0 % GGML_BLOCKS[defaultType].blockValues !== 0) type = 'q8_0';
      else if (OUTPUT_Q5K.has(mix)) type = 'q5_k';
      else if (defaultType !== 'q8_0') type = 'q6_k';
    } else if (mix === 'mxfp4_moe') {
      // MoE tensors (3-D) -> MXFP4, everything else -> Q8_0.
      type = t.ne2 > 1 ? 'mxfp4' : 'q8_0';
    } else if (cat === 'token_embd') {
      if (mix === 'iq2_xxs' || mix === 'iq1_s' || mix === 'iq1_m') type = 'q2_k';
      else if (mix === 'iq2_m' || mix === 'iq3_xxs') type = 'iq3_s';
    } else if (LOW_IQ.has(mix)) {
      const iq2sm = mix === 'iq2_m';
      if (isAttnVLike(cat)) {
        type = nGqa >= 4 || nExpert >= 4 ? 'q4_k' : iq2sm ? 'iq3_s' : 'q2_k';
        iAttnV++;
      } else if (nExpert === 8 && cat === 'attn_k') {
        type = 'q4_k';
      } else if (cat === 'ffn_down') {
        if (iFfnDown < Math.trunc(nLayer / 8)) type = iq2sm ? 'iq3_s' : 'q2_k';
        iFfnDown++;
      } else if (cat === 'attn_output') {
        if (nExpert === 8) type = 'q5_k';
        else if (mix === 'iq1_s' || mix === 'iq1_m') type = 'iq2_xxs';
        else if (iq2sm) type = 'iq3_s';
      }
    } else if (isAttnVLike(cat)) {
      if (mix === 'q2_k') type = nGqa >= 4 ? 'q4_k' : 'q3_k';
      else if (mix === 'iq3_xxs') type = nGqa >= 4 ? 'q4_k' : !options.hasImatrix ? 'iq3_s' : 'iq3_xxs';
      else if (mix === 'iq3_m') type = 'q4_k';
      else if (mix === 'q3_k_m') type = iAttnV < 2 ? 'q5_k' : 'q4_k';
      else if (mix === 'q3_k_l') type = 'q5_k';
      else if ((mix === 'iq4_nl' || mix === 'iq4_xs') && nGqa >= 4) type = 'q5_k';
      else if ((mix === 'q4_k_m' || mix === 'q5_k_m') && moreBitsLayer(iAttnV, nAttnV)) type = 'q6_k';
      else if (mix === 'q4_k_s' && iAttnV < 4) type = 'q5_k';
      if (is70B && (type === 'q3_k' || type === 'q4_k')) type = 'q5_k';
      if (nExpert === 8) type = 'q8_0';
      iAttnV++;
    } else if (cat === 'attn_k') {
      if (nExpert === 8) type = 'q8_0';
      else if (mix === 'iq3_xxs') type = 'iq2_s';
    } else if (cat === 'attn_q') {
      if (mix === 'iq3_xxs') type = 'iq2_s';
    } else if (cat === 'ffn_down') {
      const iL = layerOf();
      const n = nLayer;
      if (mix === 'q2_k') type = 'q3_k';
      else if (mix === 'iq3_xxs' && !options.hasImatrix) type = iL < Math.trunc(n / 8) ? 'q4_k' : 'q3_k';
      else if (mix === 'q3_k_m')
        type = iL < Math.trunc(n / 16) ? 'q5_k' : 'q4_k'; // non-Falcon branch
      else if (mix === 'iq3_m' && (iL < Math.trunc(n / 8) || (nExpert === 8 && moreBitsLayer(iL, n))))
        type = 'q4_k';
      else if (mix === 'q3_k_l') type = 'q5_k';
      else if (mix === 'q4_k_m') {
        if (moreBitsLayer(iL, n)) type = 'q6_k';
      } else if (iL < Math.trunc(n / 8) && (mix === 'iq4_nl' || mix === 'iq4_xs') && !options.hasImatrix)
        type = 'q5_k';
      else if (mix === 'q5_k_m' && moreBitsLayer(iL, n)) type = 'q6_k';
      else if (mix === 'q4_k_s' && iL < Math.trunc(n / 8)) type = 'q5_k';
      else if (mix === 'q4_0' && options.hasImatrix && iL < Math.trunc(n / 8)) type = 'q4_1';
      iFfnDown++;
    } else if (cat === 'attn_output') {
      if (nExpert === 8) {
        if (
          mix === 'q2_k' ||
          mix === 'iq3_xxs' ||
          mix === 'q3_k_s' ||
          mix === 'q3_k_m' ||
          mix === 'iq4_nl' ||
          mix === 'q4_k_s' ||
          mix === 'q4_k_m' ||
          mix === 'iq3_m' ||
          mix === 'iq4_xs'
        ) {
          type = 'q5_k';
        }
      } else if (mix === 'q2_k') type = 'q3_k';
      else if (mix === 'iq3_xxs') type = 'iq3_s';
      else if (mix === 'q3_k_m') type = 'q4_k';
      else if (mix === 'q3_k_l') type = 'q5_k';
      else if (mix === 'iq3_m') type = 'q4_k';
    }
    // Upstream's ATTENTION_QKV branch after this point is unreachable: category_is_attn_v() already took
    // fused qkv tensors into the attn_v rules above.
    out[i] = fallbackType(type, t.ne0);
  }
  return out;
}

/** tensor_type_fallback in llama-quant.cpp: a row length that is not a multiple of the block size falls
 *  back to a 32-value type, then to f16. */
export function fallbackType(type: GgmlType, ne0: number): GgmlType {
  if (ne0 % GGML_BLOCKS[type].blockValues === 0) return type;
  let fb: GgmlType;
  switch (type) {
    case 'iq1_s':
    case 'iq1_m':
    case 'iq2_xxs':
    case 'iq2_xs':
    case 'iq2_s':
    case 'iq3_xxs':
    case 'iq3_s':
    case 'iq4_xs':
      fb = 'iq4_nl';
      break;
    case 'q2_k':
    case 'q3_k':
      fb = 'q4_0';
      break;
    case 'q4_k':
      fb = 'q5_0';
      break;
    case 'q5_k':
      fb = 'q5_1';
      break;
    case 'q6_k':
      fb = 'q8_0';
      break;
    default:
      fb = 'f16';
  }
  return ne0 % GGML_BLOCKS[fb].blockValues === 0 ? fb : 'f16';
}
