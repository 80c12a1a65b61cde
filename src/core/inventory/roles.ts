// What each tensor of a file does, from its name: the GGUF names llama.cpp writes
// (gguf-py/gguf/constants.py, https://github.com/ggml-org/llama.cpp/blob/master/gguf-py/gguf/constants.py) and
// the Hugging Face names of safetensors checkpoints (transformers' modeling files). The roles are the memory
// model's (src/core/model/model-spec.ts) plus the tensors a file can carry that the model does not load for
// plain decoding: multi-token-prediction blocks, and vision/audio towers.
import type { TensorRole } from '../model/model-spec';

export const INVENTORY_ROLES = [
  'embedding',
  'output',
  'attention',
  'dense_ffn',
  'routed_expert',
  'shared_expert',
  'router',
  'norm',
  'bias',
  'mtp',
  'vision',
  'other',
] as const satisfies readonly (TensorRole | 'mtp' | 'vision' | 'other')[];
export type InventoryRole = (typeof INVENTORY_ROLES)[number];

export const ROLE_LABELS: Readonly<Record<InventoryRole, string>> = {
  embedding: 'token embedding',
  output: 'output head',
  attention: 'attention',
  dense_ffn: 'dense FFN',
  routed_expert: 'routed experts',
  shared_expert: 'shared experts',
  router: 'router',
  norm: 'norms',
  bias: 'biases',
  mtp: 'multi-token prediction',
  vision: 'vision/audio tower',
  other: 'other',
};

export interface RoleContext {
  /** Layers of the language model proper: a block at or past it is a multi-token-prediction block
   *  (GGUF `{arch}.block_count - {arch}.nextn_predict_layers`, config num_hidden_layers). */
  mainLayers?: number;
}

export interface ClassifiedTensor {
  role: InventoryRole;
  /** Block index, -1 for tensors outside the blocks. */
  layer: number;
}

const GGUF_BLOCK = /^blk\.(\d+)\./;

/** The role of a tensor in a GGUF file. */
export function classifyGgufTensor(name: string, context: RoleContext = {}): ClassifiedTensor {
  const m = GGUF_BLOCK.exec(name);
  const layer = m ? Number(m[1]) : -1;
  if (name.startsWith('v.') || name.startsWith('mm.') || name.startsWith('a.'))
    return { role: 'vision', layer };
  if (
    name.includes('.nextn.') ||
    (layer >= 0 && context.mainLayers !== undefined && layer >= context.mainLayers)
  )
    return { role: 'mtp', layer };
  if (layer < 0) {
    if (name.startsWith('token_embd.') && !name.startsWith('token_embd_norm'))
      return { role: 'embedding', layer };
    if (name.startsWith('output.')) return { role: 'output', layer };
    if (name.includes('norm')) return { role: 'norm', layer };
    return { role: 'other', layer };
  }
  const part = name.slice((m as RegExpExecArray)[0].length);
  // Expert tensors: ffn_{gate,up,down,gate_up}_exps (3-D), and the old one-tensor-per-expert layout
  // blk.N.ffn_gate.E.weight of early Mixtral files.
  if (/_exps(\.|$)/.test(part) || /^ffn_(gate|up|down)\.\d+\./.test(part))
    return { role: 'routed_expert', layer };
  if (/_shexp(\.|$)/.test(part)) {
    return part.startsWith('ffn_gate_inp_shexp')
      ? { role: 'router', layer }
      : { role: 'shared_expert', layer };
  }
  if (part.startsWith('ffn_gate_inp') || part.startsWith('exp_probs_b')) return { role: 'router', layer };
  if (part.includes('norm')) return { role: 'norm', layer };
  if (part.endsWith('.bias') || part.startsWith('attn_sinks')) return { role: 'bias', layer };
  if (part.startsWith('attn_')) return { role: 'attention', layer };
  if (part.startsWith('ffn_')) return { role: 'dense_ffn', layer };
  return { role: 'other', layer };
}

const HF_LAYER = /(?:^|\.)(?:layers|h|blocks|block)\.(\d+)\./;
const HF_VISION =
  /(^|\.)(vision_tower|vision_model|visual|vision|image_newline|multi_modal_projector|mm_projector|audio_tower|audio_model|audio)(\.|$)/;

/** The role of a tensor in a Hugging Face safetensors checkpoint. Quantization side tensors (scales, zero
 *  points, packed blocks) take the role of the weight they belong to, from the module path they share. */
export function classifySafetensorsTensor(name: string, context: RoleContext = {}): ClassifiedTensor {
  const m = HF_LAYER.exec(name);
  const layer = m ? Number(m[1]) : -1;
  if (HF_VISION.test(name)) return { role: 'vision', layer };
  if (
    /(^|\.)mtp(\.|s\.|$)/.test(name) ||
    (layer >= 0 && context.mainLayers !== undefined && layer >= context.mainLayers)
  )
    return { role: 'mtp', layer };
  if (/(^|\.)(embed_tokens|wte|tok_embeddings|word_embeddings|embeddings)\./.test(name))
    return { role: 'embedding', layer };
  if (/^(lm_head|output|model\.output|embed_out)\./.test(name)) return { role: 'output', layer };
  if (/\.experts\./.test(name)) return { role: 'routed_expert', layer };
  if (/\.shared_experts?\./.test(name)) return { role: 'shared_expert', layer };
  if (
    /\.shared_expert_gate\./.test(name) ||
    /\.(gate|router)\.(weight|bias|e_score_correction_bias)$/.test(name) ||
    /\.router\./.test(name)
  )
    return { role: 'router', layer };
  if (/(norm|ln_\d|ln_f)/.test(name)) return { role: 'norm', layer };
  if (/\.(sinks|bias)$/.test(name)) return { role: 'bias', layer };
  if (/\.(self_attn|self_attention|attn|attention|mixer)\./.test(name)) return { role: 'attention', layer };
  if (/\.(mlp|feed_forward|ffn|block_sparse_moe)\./.test(name)) return { role: 'dense_ffn', layer };
  return { role: 'other', layer };
}
