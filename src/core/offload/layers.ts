// The model as llama.cpp's loader sees it for placement: every tensor with its bytes, its place in the GGUF file
// and the layer it belongs to (input, a block, or output). Built once per model and format.
import type { WeightFormatInfo } from '../memory/formats';
import { tensorBytes } from '../memory/weights';
import type { ModelSpec, TensorSpec } from '../model/model-spec';
import { EXPERT_TENSOR_PATTERN, type FileLayout, GGUF_ALIGNMENT } from './constants';

export type TensorPlace = 'input' | 'output' | 'block';

export interface PlacedTensor {
  spec: TensorSpec;
  bytes: number;
  /** Byte offset of the tensor's data in the GGUF file's data section (GGUF_ALIGNMENT-aligned). */
  offset: number;
  place: TensorPlace;
  /** Block index for 'block' tensors, -1 otherwise. */
  block: number;
  /** A routed-expert tensor `--cpu-moe` / `--n-cpu-moe` moves (EXPERT_TENSOR_PATTERN). */
  expert: boolean;
  /** A weight a matrix multiplication reads (2-D or 3-D, not the token embedding looked up by row). */
  matmul: boolean;
}

export interface ModelLayers {
  tensors: PlacedTensor[];
  /** Transformer blocks (llama.cpp n_layer); the output layer is layer n_layer. */
  blocks: number;
  /** The output layer reads the token embedding (tied embeddings): llama.cpp loads token_embd a second time
   *  on the output layer's device (TENSOR_DUPLICATED). */
  tiedOutputBytes: number;
  /** Routed experts per token and per layer, for the share of expert bytes a step reads. */
  expertsPerToken: number;
  numExperts: number;
}

const cache = new WeakMap<ModelSpec, Map<string, ModelLayers>>();

const alignUp = (x: number) => Math.ceil(x / GGUF_ALIGNMENT) * GGUF_ALIGNMENT;

/** The loadable tensors of a GGUF (multi-token-prediction blocks are stored by some files but not loaded for
 *  plain decoding, so they are left out; their bytes still count in file offsets). Null when the format is not a
 *  GGUF layout llama.cpp loads. */
export function modelLayers(
  model: ModelSpec,
  format: WeightFormatInfo,
  layout: FileLayout = 'convert-hf',
): ModelLayers | null {
  let perModel = cache.get(model);
  if (!perModel) {
    perModel = new Map();
    cache.set(model, perModel);
  }
  const key = `${format.id} ${layout}`;
  const hit = perModel.get(key);
  if (hit) return hit;
  const tb = tensorBytes(model, format, 'llama.cpp');
  if (!tb.isGguf) return null;
  const tensors: PlacedTensor[] = [];
  let tokenEmbdBytes = 0;
  let hasOutput = false;
  const placeOf = (spec: TensorSpec): TensorPlace => {
    if (spec.layer >= 0) return 'block';
    return spec.role === 'embedding' ? 'input' : 'output';
  };
  // File order: the tensor table's own order ('convert-hf'), or the output layer's tensors moved to the end.
  const order = tb.tensors.map((_, i) => i);
  if (layout === 'output-last') {
    const isOutput = (i: number) => placeOf(tb.tensors[i] as TensorSpec) === 'output';
    order.sort((a, b) => Number(isOutput(a)) - Number(isOutput(b)) || a - b);
  }
  const offsets = new Array<number>(tb.tensors.length);
  let offset = 0;
  for (const i of order) {
    offsets[i] = offset;
    offset += alignUp(tb.bytes[i] as number);
  }
  for (let i = 0; i < tb.mainCount; i++) {
    const spec = tb.tensors[i] as TensorSpec;
    const bytes = tb.bytes[i] as number;
    const place = placeOf(spec);
    if (spec.role === 'embedding') tokenEmbdBytes = bytes;
    if (spec.role === 'output') hasOutput = true;
    tensors.push({
      spec,
      bytes,
      offset: offsets[i] as number,
      place,
      block: spec.layer,
      expert: EXPERT_TENSOR_PATTERN.test(spec.name),
      matmul: !spec.oneD && spec.role !== 'embedding' && spec.role !== 'norm' && spec.role !== 'bias',
    });
  }
  const layers: ModelLayers = {
    tensors,
    blocks: model.numLayers,
    tiedOutputBytes: hasOutput ? 0 : tokenEmbdBytes,
    expertsPerToken: model.moe?.expertsPerToken ?? 0,
    numExperts: model.moe?.numExperts ?? 0,
  };
  perModel.set(key, layers);
  return layers;
}

/** Share of a layer's routed-expert bytes that `tokens` tokens touch together: each token picks k of E experts,
 *  so with uniform routing an expert is missed by all of them with probability (1 - k/E)^tokens. One token reads
 *  k/E of them; a 512-token ubatch nearly all. */
export function expertShare(layers: ModelLayers, tokens: number): number {
  if (layers.numExperts <= 0) return 1;
  const p = layers.expertsPerToken / layers.numExperts;
  return 1 - (1 - p) ** Math.max(1, tokens);
}
