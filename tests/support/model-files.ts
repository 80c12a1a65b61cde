// Writers for small but real GGUF and safetensors files, following the published formats (ggml docs/gguf.md,
// huggingface/safetensors README), for the parser tests and the browser suite. Only the header is built:
// the tensor data is described by its size (a test server serves zeros for it), so a fixture of a 70B model
// costs a few hundred KB.
import { GGML_BLOCKS, GGML_TYPE_IDS, type GgmlType } from '../../src/core/memory/ggml-types';
import { mulberry32 } from '../core/projection/prng';

type Scalar = 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'bool' | 'string' | 'u64' | 'i64' | 'f64';
const TYPE_ID: Record<Scalar | 'array', number> = {
  u8: 0,
  i8: 1,
  u16: 2,
  i16: 3,
  u32: 4,
  i32: 5,
  f32: 6,
  bool: 7,
  string: 8,
  array: 9,
  u64: 10,
  i64: 11,
  f64: 12,
};

export type GgufKv =
  | [key: string, type: Scalar, value: number | string | boolean]
  | [key: string, type: 'array', elementType: Scalar, values: readonly (number | string | boolean)[]];

export interface GgufTensorSpec {
  name: string;
  /** ne0 first, as ggml lists them. */
  dims: number[];
  type: GgmlType;
}

export interface BuiltFile {
  /** The header bytes (what a range reader needs). */
  header: Uint8Array;
  /** The size of the whole file: the header, alignment padding and every tensor's data. */
  fileSize: number;
  /** Start of the tensor data. */
  dataOffset: number;
  /** Sum of the tensors' bytes. */
  tensorBytes: number;
}

/** A growable little-endian byte sink. */
export class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;
  private grow(n: number) {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number) {
    this.grow(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }
  u16(v: number) {
    this.grow(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }
  u32(v: number) {
    this.grow(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }
  i32(v: number) {
    this.grow(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  f32(v: number) {
    this.grow(4);
    this.view.setFloat32(this.length, v, true);
    this.length += 4;
  }
  f64(v: number) {
    this.grow(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  u64(v: number | bigint) {
    this.grow(8);
    this.view.setBigUint64(this.length, BigInt(v), true);
    this.length += 8;
  }
  i64(v: number | bigint) {
    this.grow(8);
    this.view.setBigInt64(this.length, BigInt(v), true);
    this.length += 8;
  }
  bytes(b: Uint8Array) {
    this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  string(s: string) {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    this.bytes(b);
  }
  zeros(n: number) {
    this.grow(n);
    this.buf.fill(0, this.length, this.length + n);
    this.length += n;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function writeScalar(w: ByteWriter, type: Scalar, v: number | string | boolean) {
  switch (type) {
    case 'u8':
    case 'i8':
      w.u8(Number(v) & 0xff);
      break;
    case 'u16':
    case 'i16':
      w.u16(Number(v) & 0xffff);
      break;
    case 'u32':
      w.u32(Number(v));
      break;
    case 'i32':
      w.i32(Number(v));
      break;
    case 'f32':
      w.f32(Number(v));
      break;
    case 'bool':
      w.u8(v ? 1 : 0);
      break;
    case 'string':
      w.string(String(v));
      break;
    case 'u64':
      w.u64(Number(v));
      break;
    case 'i64':
      w.i64(Number(v));
      break;
    case 'f64':
      w.f64(Number(v));
      break;
  }
}

/** ggml_nbytes of a tensor. */
export function ggmlTensorBytes(t: GgufTensorSpec): number {
  const b = GGML_BLOCKS[t.type];
  const [ne0 = 1, ...rest] = t.dims;
  return (rest.reduce((a, d) => a * d, 1) * ne0 * b.blockBytes) / b.blockValues;
}

/** A GGUF file (docs/gguf.md): magic, version, counts, key/values, tensor infos in order with each tensor's
 *  data padded to the alignment, as gguf.cpp writes it. */
export function buildGguf(opts: {
  kv: readonly GgufKv[];
  tensors: readonly GgufTensorSpec[];
  version?: number;
  alignment?: number;
}): BuiltFile {
  const alignment = opts.alignment ?? 32;
  const w = new ByteWriter();
  w.u32(0x46554747);
  w.u32(opts.version ?? 3);
  w.u64(opts.tensors.length);
  const kv = [...opts.kv];
  if (opts.alignment !== undefined && !kv.some((e) => e[0] === 'general.alignment'))
    kv.push(['general.alignment', 'u32', alignment]);
  w.u64(kv.length);
  for (const entry of kv) {
    w.string(entry[0]);
    if (entry[1] === 'array') {
      w.u32(TYPE_ID.array);
      w.u32(TYPE_ID[entry[2]]);
      w.u64(entry[3].length);
      for (const v of entry[3]) writeScalar(w, entry[2], v);
    } else {
      w.u32(TYPE_ID[entry[1]]);
      writeScalar(w, entry[1], entry[2]);
    }
  }
  let offset = 0;
  let tensorBytes = 0;
  for (const t of opts.tensors) {
    w.string(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(GGML_TYPE_IDS[t.type]);
    w.u64(offset);
    const bytes = ggmlTensorBytes(t);
    tensorBytes += bytes;
    offset += Math.ceil(bytes / alignment) * alignment;
  }
  const headerLength = w.length;
  const dataOffset = Math.ceil(headerLength / alignment) * alignment;
  w.zeros(dataOffset - headerLength);
  return { header: w.done(), fileSize: dataOffset + offset, dataOffset, tensorBytes };
}

export interface SafetensorsTensorSpec {
  name: string;
  dtype: string;
  shape: number[];
}

const DTYPE_BITS: Record<string, number> = {
  BOOL: 8,
  F4: 4,
  U8: 8,
  I8: 8,
  F8_E4M3: 8,
  F8_E5M2: 8,
  F8_E8M0: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  F64: 64,
  I64: 64,
  U64: 64,
};

export function safetensorsTensorBytes(t: SafetensorsTensorSpec): number {
  const bits = DTYPE_BITS[t.dtype];
  if (bits === undefined) throw new Error(`unknown dtype ${t.dtype}`);
  return (t.shape.reduce((a, d) => a * d, 1) * bits) / 8;
}

/** A safetensors file (huggingface/safetensors README): u64 N, N bytes of JSON with data_offsets in the order
 *  given, the JSON padded with spaces to a multiple of 8 as the reference serializer does. */
export function buildSafetensors(
  tensors: readonly SafetensorsTensorSpec[],
  metadata: Record<string, string> | null = { format: 'pt' },
): BuiltFile {
  const header: Record<string, unknown> = {};
  if (metadata) header.__metadata__ = metadata;
  let offset = 0;
  for (const t of tensors) {
    const bytes = safetensorsTensorBytes(t);
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  const raw = new TextEncoder().encode(json);
  json += ' '.repeat((8 - (raw.length % 8)) % 8);
  const body = new TextEncoder().encode(json);
  const w = new ByteWriter();
  w.u64(body.length);
  w.bytes(body);
  return {
    header: w.done(),
    fileSize: 8 + body.length + offset,
    dataOffset: 8 + body.length,
    tensorBytes: offset,
  };
}

// Model tensor tables, for fixtures shaped like real models.

export interface LlamaShape {
  layers: number;
  hidden: number;
  ffn: number;
  heads: number;
  kvHeads: number;
  vocab: number;
  headDim?: number;
  tied?: boolean;
}

/** The tensors of a llama-architecture GGUF (llama.cpp LLM_ARCH_LLAMA names), every 2-D weight at
 *  `typeOf(name)` and norms at F32. */
export function llamaGgufTensors(
  shape: LlamaShape,
  typeOf: (name: string, layer: number) => GgmlType,
): GgufTensorSpec[] {
  const hd = shape.headDim ?? shape.hidden / shape.heads;
  const out: GgufTensorSpec[] = [
    { name: 'token_embd.weight', dims: [shape.hidden, shape.vocab], type: typeOf('token_embd.weight', -1) },
  ];
  for (let i = 0; i < shape.layers; i++) {
    const b = `blk.${i}.`;
    const t = (name: string, dims: number[]) => out.push({ name: b + name, dims, type: typeOf(b + name, i) });
    out.push({ name: `${b}attn_norm.weight`, dims: [shape.hidden], type: 'f32' });
    t('attn_q.weight', [shape.hidden, shape.heads * hd]);
    t('attn_k.weight', [shape.hidden, shape.kvHeads * hd]);
    t('attn_v.weight', [shape.hidden, shape.kvHeads * hd]);
    t('attn_output.weight', [shape.heads * hd, shape.hidden]);
    out.push({ name: `${b}ffn_norm.weight`, dims: [shape.hidden], type: 'f32' });
    t('ffn_gate.weight', [shape.hidden, shape.ffn]);
    t('ffn_up.weight', [shape.hidden, shape.ffn]);
    t('ffn_down.weight', [shape.ffn, shape.hidden]);
  }
  out.push({ name: 'output_norm.weight', dims: [shape.hidden], type: 'f32' });
  if (!shape.tied)
    out.push({ name: 'output.weight', dims: [shape.hidden, shape.vocab], type: typeOf('output.weight', -1) });
  return out;
}

export interface MoeShape extends LlamaShape {
  experts: number;
  expertsUsed: number;
  expertFfn: number;
}

/** A qwen3moe-style GGUF: attention with q/k norms, a router and fused 3-D expert tensors in every layer. */
export function moeGgufTensors(
  shape: MoeShape,
  typeOf: (name: string, layer: number) => GgmlType,
): GgufTensorSpec[] {
  const hd = shape.headDim ?? shape.hidden / shape.heads;
  const out: GgufTensorSpec[] = [
    { name: 'token_embd.weight', dims: [shape.hidden, shape.vocab], type: typeOf('token_embd.weight', -1) },
  ];
  for (let i = 0; i < shape.layers; i++) {
    const b = `blk.${i}.`;
    const t = (name: string, dims: number[]) => out.push({ name: b + name, dims, type: typeOf(b + name, i) });
    out.push({ name: `${b}attn_norm.weight`, dims: [shape.hidden], type: 'f32' });
    t('attn_q.weight', [shape.hidden, shape.heads * hd]);
    t('attn_k.weight', [shape.hidden, shape.kvHeads * hd]);
    t('attn_v.weight', [shape.hidden, shape.kvHeads * hd]);
    t('attn_output.weight', [shape.heads * hd, shape.hidden]);
    out.push({ name: `${b}attn_q_norm.weight`, dims: [hd], type: 'f32' });
    out.push({ name: `${b}attn_k_norm.weight`, dims: [hd], type: 'f32' });
    out.push({ name: `${b}ffn_norm.weight`, dims: [shape.hidden], type: 'f32' });
    out.push({ name: `${b}ffn_gate_inp.weight`, dims: [shape.hidden, shape.experts], type: 'f32' });
    t('ffn_gate_exps.weight', [shape.hidden, shape.expertFfn, shape.experts]);
    t('ffn_up_exps.weight', [shape.hidden, shape.expertFfn, shape.experts]);
    t('ffn_down_exps.weight', [shape.expertFfn, shape.hidden, shape.experts]);
  }
  out.push({ name: 'output_norm.weight', dims: [shape.hidden], type: 'f32' });
  out.push({ name: 'output.weight', dims: [shape.hidden, shape.vocab], type: typeOf('output.weight', -1) });
  return out;
}

/** Tokenizer metadata of a BPE vocabulary of `vocab` tokens with as many merges, as convert_hf_to_gguf.py
 *  writes it (tokenizer.ggml.tokens / token_type / merges), with seeded token strings of realistic length
 *  (1-16 bytes, some multi-byte UTF-8), plus a chat template. This is what makes a GGUF header megabytes long. */
export function bpeTokenizerKv(vocab: number, seed = 7): GgufKv[] {
  const rand = mulberry32(seed);
  const alphabet = 'abcdefghijklmnopqrstuvwxyzĠABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,;:!?éüç中文';
  const word = (min: number, max: number) => {
    const n = min + Math.floor(rand() * (max - min + 1));
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    return s;
  };
  const tokens: string[] = [];
  const types: number[] = [];
  const merges: string[] = [];
  for (let i = 0; i < vocab; i++) {
    tokens.push(word(1, 12));
    types.push(i < 256 ? 6 : 1);
    merges.push(`${word(1, 7)} ${word(1, 7)}`);
  }
  return [
    ['tokenizer.ggml.model', 'string', 'gpt2'],
    ['tokenizer.ggml.pre', 'string', 'qwen2'],
    ['tokenizer.ggml.tokens', 'array', 'string', tokens],
    ['tokenizer.ggml.token_type', 'array', 'i32', types],
    ['tokenizer.ggml.merges', 'array', 'string', merges],
    ['tokenizer.ggml.eos_token_id', 'u32', 151645],
    [
      'tokenizer.chat_template',
      'string',
      `{% for message in messages %}${'{{ message.content }}'.repeat(200)}{% endfor %}`,
    ],
  ];
}

/** Hugging Face names of a llama checkpoint (LlamaForCausalLM), bf16 weights and norms. */
export function llamaSafetensorsTensors(shape: LlamaShape, dtype = 'BF16'): SafetensorsTensorSpec[] {
  const hd = shape.headDim ?? shape.hidden / shape.heads;
  const out: SafetensorsTensorSpec[] = [
    { name: 'model.embed_tokens.weight', dtype, shape: [shape.vocab, shape.hidden] },
  ];
  for (let i = 0; i < shape.layers; i++) {
    const p = `model.layers.${i}.`;
    out.push(
      { name: `${p}input_layernorm.weight`, dtype, shape: [shape.hidden] },
      { name: `${p}mlp.down_proj.weight`, dtype, shape: [shape.hidden, shape.ffn] },
      { name: `${p}mlp.gate_proj.weight`, dtype, shape: [shape.ffn, shape.hidden] },
      { name: `${p}mlp.up_proj.weight`, dtype, shape: [shape.ffn, shape.hidden] },
      { name: `${p}post_attention_layernorm.weight`, dtype, shape: [shape.hidden] },
      { name: `${p}self_attn.k_proj.weight`, dtype, shape: [shape.kvHeads * hd, shape.hidden] },
      { name: `${p}self_attn.o_proj.weight`, dtype, shape: [shape.hidden, shape.heads * hd] },
      { name: `${p}self_attn.q_proj.weight`, dtype, shape: [shape.heads * hd, shape.hidden] },
      { name: `${p}self_attn.v_proj.weight`, dtype, shape: [shape.kvHeads * hd, shape.hidden] },
    );
  }
  out.push({ name: 'model.norm.weight', dtype, shape: [shape.hidden] });
  if (!shape.tied) out.push({ name: 'lm_head.weight', dtype, shape: [shape.vocab, shape.hidden] });
  return out;
}

/** Split a tensor list into n shards of about equal bytes, in order, as save_pretrained's max_shard_size does. */
export function shardTensors<T extends { name: string }>(
  tensors: readonly T[],
  n: number,
  bytesOf: (t: T) => number,
): T[][] {
  const total = tensors.reduce((s, t) => s + bytesOf(t), 0);
  const target = total / n;
  const shards: T[][] = [[]];
  let acc = 0;
  for (const t of tensors) {
    const b = bytesOf(t);
    if (acc + b > target && (shards[shards.length - 1] as T[]).length > 0 && shards.length < n) {
      shards.push([]);
      acc = 0;
    }
    (shards[shards.length - 1] as T[]).push(t);
    acc += b;
  }
  return shards;
}
