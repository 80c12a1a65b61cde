// The header of a GGUF file: magic, version, counts, metadata key/values and the tensor infos, as the
// format is specified in ggml's docs/gguf.md (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md) and
// read by ggml/src/gguf.cpp. Only the header is needed: the tensor data that follows is never read.
//
// parseGgufHeader(bytes) takes the first bytes of a file (as many as have been read) and answers with the
// header, with how many bytes it still needs, or with a typed error. It never throws and never allocates in
// proportion to a count or length read from the file: arrays (the tokenizer's 150K strings) are skipped, not
// stored, and every count is checked against the bytes that could hold it.

import { GGML_BLOCKS, type GgmlType, ggmlRowBytes, ggmlTypeById } from '../memory/ggml-types';
import { ByteCursor, Malformed, OutOfBytes } from './byte-cursor';
import type { HeaderError, HeaderParseResult } from './header-types';

/** 'GGUF' as a little-endian u32 (the bytes 0x47 0x47 0x55 0x46). */
export const GGUF_MAGIC = 0x46554747;
/** Versions read here: 2 (64-bit counts) and 3 (the current one). v1 used 32-bit counts. */
export const GGUF_VERSIONS = [2, 3] as const;
/** general.alignment when a file does not set it (docs/gguf.md). */
export const GGUF_DEFAULT_ALIGNMENT = 32;

// Reader limits. A file past them is refused with 'too-large' instead of being trusted.
/** Tensor names: "at most 64 bytes long" (docs/gguf.md; GGML_MAX_NAME in ggml.h). */
export const GGUF_MAX_TENSOR_NAME_BYTES = 64;
/** Keys: "at most 2^16-1 bytes long" (docs/gguf.md). */
export const GGUF_MAX_KEY_BYTES = 65535;
/** Dimensions per tensor: GGML_MAX_DIMS is 4; a few more are tolerated. */
export const GGUF_MAX_DIMS = 8;
/** Far above real files (DeepSeek-V3 GGUFs hold about 1,100 tensors and 60 keys). */
export const GGUF_MAX_TENSORS = 1_000_000;
export const GGUF_MAX_KV = 100_000;
/** One string value (chat templates are tens of KB). */
export const GGUF_MAX_STRING_BYTES = 64 * 1024 * 1024;
/** Strings kept in the parsed metadata are cut to this many characters (the rest is skipped). */
export const GGUF_KEPT_STRING_CHARS = 2048;

export type GgufValueType =
  | 'u8'
  | 'i8'
  | 'u16'
  | 'i16'
  | 'u32'
  | 'i32'
  | 'f32'
  | 'bool'
  | 'string'
  | 'array'
  | 'u64'
  | 'i64'
  | 'f64';
/** gguf_metadata_value_type ids 0..12 in docs/gguf.md. */
const VALUE_TYPES: readonly GgufValueType[] = [
  'u8',
  'i8',
  'u16',
  'i16',
  'u32',
  'i32',
  'f32',
  'bool',
  'string',
  'array',
  'u64',
  'i64',
  'f64',
];
const FIXED_SIZE: Partial<Record<GgufValueType, number>> = {
  u8: 1,
  i8: 1,
  u16: 2,
  i16: 2,
  u32: 4,
  i32: 4,
  f32: 4,
  bool: 1,
  u64: 8,
  i64: 8,
  f64: 8,
};

/** A metadata value: numbers, booleans and strings as read (long strings cut), arrays as their element type
 *  and length only. */
export type GgufValue = number | boolean | string | { array: GgufValueType; length: number };

export interface GgufTensorInfo {
  name: string;
  /** ne[0..n): ne0 is the row length. */
  dims: number[];
  type: GgmlType;
  /** Offset of the tensor's data from the start of the data section. */
  offset: number;
  /** ggml_nbytes: rows x the row size of the type. */
  bytes: number;
  elements: number;
}

export interface GgufHeader {
  version: number;
  alignment: number;
  metadata: Readonly<Record<string, GgufValue>>;
  tensors: GgufTensorInfo[];
  /** Where the tensor infos end. */
  headerBytes: number;
  /** Where the tensor data starts: headerBytes padded to the alignment. */
  dataOffset: number;
  /** End of the last tensor's data, from the start of the data section. */
  dataBytes: number;
  /** Sum of the tensors' bytes (dataBytes less the alignment padding between them). */
  tensorBytes: number;
}

export interface GgufParseOptions {
  /** The file's size, when known: tensors that would end past it are an error. */
  fileSize?: number;
}

/** Average bytes of one tensor info (a 20-40 byte name, 2-3 dims) for the size estimate. */
const TENSOR_INFO_GUESS_BYTES = 96;
/** Average bytes of a key/value that is not a big array. */
const KV_GUESS_BYTES = 48;

interface Progress {
  kvCount: number;
  kvDone: number;
  tensorCount: number;
  tensorsDone: number;
  tensorSectionStart: number;
  /** The string array being read, if any: its key, where it started, its length and how many items are done. */
  array: { key: string; start: number; length: number; done: number } | null;
  /** The key whose value is being read. */
  key: string;
  fileSize: number | undefined;
}

export function parseGgufHeader(
  bytes: Uint8Array,
  options: GgufParseOptions = {},
): HeaderParseResult<GgufHeader> {
  const c = new ByteCursor(bytes);
  const progress: Progress = {
    kvCount: 0,
    kvDone: 0,
    tensorCount: 0,
    tensorsDone: 0,
    tensorSectionStart: -1,
    array: null,
    key: '',
    fileSize: options.fileSize,
  };
  try {
    return { status: 'complete', header: read(c, progress, options) };
  } catch (e) {
    if (e instanceof OutOfBytes) {
      const needed = Math.max(e.needed, c.offset + 1);
      return { status: 'incomplete', needed, estimate: Math.max(needed, estimate(c.offset, progress)) };
    }
    if (e instanceof Malformed) return { status: 'error', error: malformed(e.message, e.offset) };
    if (e instanceof GgufError) return { status: 'error', error: e.error };
    return { status: 'error', error: malformed(`unreadable header (${String(e)})`, c.offset) };
  }
}

class GgufError {
  constructor(readonly error: HeaderError) {}
}
function fail(code: HeaderError['code'], message: string, offset: number): never {
  throw new GgufError({ code, message, offset });
}
function malformed(message: string, offset: number): HeaderError {
  return { code: 'malformed', message, offset };
}

/** Where the header probably ends, from what has been read: the rest of the array being read at its average
 *  item size, the remaining keys and tensor infos at typical sizes. Inside tokenizer.ggml.tokens it also
 *  counts what convert_hf_to_gguf.py writes after the tokens (llama.cpp gguf-py/gguf/vocab.py,
 *  gguf_writer.py): tokenizer.ggml.token_type (one i32 per token) and, for BPE vocabularies,
 *  tokenizer.ggml.merges (about one "a b" string per token); an SPM vocabulary has f32 scores instead of
 *  merges, so there this errs towards reading more in one request rather than taking another round trip. */
function estimate(at: number, p: Progress): number {
  let rest = 0;
  if (p.array && p.array.done > 0) {
    const perItem = (at - p.array.start) / p.array.done;
    rest += perItem * (p.array.length - p.array.done);
    // A merge "a b" joins two pieces of a token: about as long as a token, plus the space.
    if (p.array.key === 'tokenizer.ggml.tokens') rest += p.array.length * (4 + perItem + 1);
  }
  if (p.tensorSectionStart < 0) {
    rest += Math.max(0, p.kvCount - p.kvDone - 1) * KV_GUESS_BYTES;
    rest += p.tensorCount * TENSOR_INFO_GUESS_BYTES;
  } else {
    const perTensor =
      p.tensorsDone > 0 ? (at - p.tensorSectionStart) / p.tensorsDone : TENSOR_INFO_GUESS_BYTES;
    rest += (p.tensorCount - p.tensorsDone) * perTensor;
  }
  return Math.ceil(at + rest);
}

function readString(c: ByteCursor, max: number, what: string): string {
  const at = c.offset;
  const n = c.u64(`${what} length`);
  if (n > max) fail('too-large', `${what} is ${n} bytes long (limit ${max})`, at);
  return c.utf8(n);
}

/** A string value: the first GGUF_KEPT_STRING_CHARS characters are kept, the rest skipped. */
function readStringValue(c: ByteCursor): string {
  const at = c.offset;
  const n = c.u64('string length');
  if (n > GGUF_MAX_STRING_BYTES) fail('too-large', `a string value is ${n} bytes long`, at);
  if (n <= GGUF_KEPT_STRING_CHARS * 4) return c.utf8(n);
  c.need(n);
  const kept = c.utf8(GGUF_KEPT_STRING_CHARS);
  c.skip(n - GGUF_KEPT_STRING_CHARS);
  return kept;
}

function valueType(c: ByteCursor): GgufValueType {
  const at = c.offset;
  const id = c.u32();
  const t = VALUE_TYPES[id];
  if (t === undefined) fail('malformed', `unknown metadata value type ${id}`, at);
  return t;
}

function readValue(c: ByteCursor, type: GgufValueType, p: Progress, depth: number): GgufValue {
  switch (type) {
    case 'u8':
      return c.u8();
    case 'i8': {
      const v = c.u8();
      return v > 127 ? v - 256 : v;
    }
    case 'u16':
      return c.u16();
    case 'i16': {
      const v = c.u16();
      return v > 32767 ? v - 65536 : v;
    }
    case 'u32':
      return c.u32();
    case 'i32':
      return c.i32();
    case 'f32':
      return c.f32();
    case 'bool': {
      const at = c.offset;
      const v = c.u8();
      if (v > 1) fail('malformed', `a bool value is ${v} (must be 0 or 1)`, at);
      return v === 1;
    }
    case 'string':
      return readStringValue(c);
    case 'u64':
      return c.u64('a u64 value');
    case 'i64':
      return c.i64('an i64 value');
    case 'f64':
      return c.f64();
    case 'array':
      return skipArray(c, p, depth);
  }
}

/** Arrays are skipped: fixed-size elements in one step, strings one length at a time. */
function skipArray(c: ByteCursor, p: Progress, depth: number): GgufValue {
  const at = c.offset;
  const elem = valueType(c);
  const length = c.u64('array length');
  if (elem === 'array' && depth >= 2) fail('too-large', 'arrays nested more than two deep', at);
  const fixed = FIXED_SIZE[elem];
  if (fixed !== undefined) {
    // Checked against the file before skipping, so an absurd length is an error, not a huge read.
    if (p.fileSize !== undefined && c.offset + length * fixed > p.fileSize)
      fail('too-large', `an array of ${length} ${elem} runs past the end of the file`, at);
    c.skip(length * fixed);
    return { array: elem, length };
  }
  const top = depth === 0 && elem === 'string';
  if (top) p.array = { key: p.key, start: c.offset, length, done: 0 };
  for (let i = 0; i < length; i++) {
    if (elem === 'string') {
      const sAt = c.offset;
      const n = c.u64('string length');
      if (n > GGUF_MAX_STRING_BYTES) fail('too-large', `an array string is ${n} bytes long`, sAt);
      c.skip(n);
    } else {
      skipArray(c, p, depth + 1);
    }
    if (top && p.array) p.array.done = i + 1;
  }
  if (top) p.array = null;
  return { array: elem, length };
}

function read(c: ByteCursor, p: Progress, options: GgufParseOptions): GgufHeader {
  const magic = c.u32();
  if (magic !== GGUF_MAGIC) fail('bad-magic', 'not a GGUF file (the first four bytes are not "GGUF")', 0);
  const version = c.u32();
  if (!(GGUF_VERSIONS as readonly number[]).includes(version)) {
    const swapped =
      ((version & 0xff) << 24) | ((version & 0xff00) << 8) | ((version >>> 8) & 0xff00) | (version >>> 24);
    fail(
      'unsupported-version',
      swapped === 2 || swapped === 3
        ? 'a big-endian GGUF file (only little-endian files are read)'
        : `GGUF version ${version} (versions 2 and 3 are read)`,
      4,
    );
  }
  const tensorCount = c.u64('tensor count');
  if (tensorCount > GGUF_MAX_TENSORS)
    fail('too-large', `${tensorCount} tensors (limit ${GGUF_MAX_TENSORS})`, 8);
  const kvCount = c.u64('metadata count');
  if (kvCount > GGUF_MAX_KV) fail('too-large', `${kvCount} metadata keys (limit ${GGUF_MAX_KV})`, 16);
  p.tensorCount = tensorCount;
  p.kvCount = kvCount;

  const metadata: Record<string, GgufValue> = Object.create(null);
  for (let i = 0; i < kvCount; i++) {
    p.kvDone = i;
    const keyAt = c.offset;
    const key = readString(c, GGUF_MAX_KEY_BYTES, 'a metadata key');
    if (key in metadata) fail('malformed', `duplicate metadata key "${key.slice(0, 80)}"`, keyAt);
    p.key = key;
    const type = valueType(c);
    metadata[key] = readValue(c, type, p, 0);
  }
  p.kvDone = kvCount;

  let alignment = GGUF_DEFAULT_ALIGNMENT;
  const rawAlignment = metadata['general.alignment'];
  if (rawAlignment !== undefined) {
    // gguf.cpp: "alignment must be a power of 2"; docs/gguf.md: a multiple of 8.
    if (typeof rawAlignment !== 'number' || rawAlignment < 8 || (rawAlignment & (rawAlignment - 1)) !== 0)
      fail(
        'malformed',
        `general.alignment ${JSON.stringify(rawAlignment)} is not a power of 2 of at least 8`,
        0,
      );
    alignment = rawAlignment;
  }

  p.tensorSectionStart = c.offset;
  const tensors: GgufTensorInfo[] = [];
  const names = new Set<string>();
  for (let i = 0; i < tensorCount; i++) {
    p.tensorsDone = i;
    const at = c.offset;
    const name = readString(c, GGUF_MAX_TENSOR_NAME_BYTES, 'a tensor name');
    if (names.has(name)) fail('malformed', `duplicate tensor name "${name}"`, at);
    names.add(name);
    const nDims = c.u32();
    if (nDims > GGUF_MAX_DIMS) fail('too-large', `tensor "${name}" has ${nDims} dimensions`, at);
    const dims: number[] = [];
    let elements = 1;
    for (let d = 0; d < nDims; d++) {
      const n = c.u64(`a dimension of "${name}"`);
      dims.push(n);
      elements *= n;
    }
    if (!Number.isSafeInteger(elements))
      fail('too-large', `tensor "${name}" has more than 2^53 elements`, at);
    const typeAt = c.offset;
    const typeId = c.u32();
    const type = ggmlTypeById(typeId);
    if (!type) fail('unknown-type', `tensor "${name}" has type id ${typeId}, not a ggml type`, typeAt);
    const offset = c.u64(`the offset of "${name}"`);
    if (offset % alignment !== 0)
      fail(
        'malformed',
        `tensor "${name}" starts at ${offset}, not a multiple of the alignment ${alignment}`,
        at,
      );
    const ne0 = nDims > 0 ? (dims[0] as number) : 1;
    const block = GGML_BLOCKS[type].blockValues;
    // gguf.cpp refuses a row that is not a whole number of blocks.
    if (ne0 % block !== 0)
      fail(
        'malformed',
        `tensor "${name}" has rows of ${ne0} values, not a multiple of the ${type} block (${block})`,
        at,
      );
    const rows = ne0 === 0 ? 0 : elements / ne0;
    const bytes = rows * ggmlRowBytes(type, ne0);
    tensors.push({ name, dims, type, offset, bytes, elements });
  }
  p.tensorsDone = tensorCount;

  const headerBytes = c.offset;
  const dataOffset = Math.ceil(headerBytes / alignment) * alignment;
  // Tensors may be listed in any order; their data must not overlap.
  const byOffset = [...tensors].sort((a, b) => a.offset - b.offset);
  let end = 0;
  let tensorBytes = 0;
  for (const t of byOffset) {
    if (t.offset < end)
      fail('malformed', `the data of tensor "${t.name}" overlaps the tensor before it`, headerBytes);
    end = t.offset + t.bytes;
    tensorBytes += t.bytes;
  }
  if (options.fileSize !== undefined && dataOffset + end > options.fileSize)
    fail(
      'too-large',
      `the tensors end at byte ${dataOffset + end}, past the end of the ${options.fileSize}-byte file`,
      headerBytes,
    );
  return {
    version,
    alignment,
    metadata,
    tensors,
    headerBytes,
    dataOffset,
    dataBytes: end,
    tensorBytes,
  };
}

/** A metadata number, or undefined when the key is missing or not a number. */
export function ggufNumber(header: GgufHeader, key: string): number | undefined {
  const v = header.metadata[key];
  return typeof v === 'number' ? v : undefined;
}

export function ggufString(header: GgufHeader, key: string): string | undefined {
  const v = header.metadata[key];
  return typeof v === 'string' ? v : undefined;
}
