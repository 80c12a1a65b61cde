// The header of a safetensors file: an 8-byte little-endian length N, then N bytes of JSON naming every
// tensor's dtype, shape and [begin, end) byte range in the data that follows
// (https://github.com/huggingface/safetensors#format). Only the header is read.
//
// parseSafetensorsHeader(bytes) never throws: it answers with the header, with the exact number of bytes it
// still needs (known from the first 8), or with a typed error. The checks are the ones the reference
// implementation makes (safetensors/src/tensor.rs): the header starts with '{', every dtype is known, a
// tensor's byte range holds exactly shape x dtype bits, and the ranges cover the data without holes or overlap.
import { ByteCursor, Malformed, OutOfBytes } from './byte-cursor';
import type { HeaderError, HeaderParseResult } from './header-types';
import { decodeUtf8 } from './utf8';

/** "there's a limit on the size of the header of 100MB" (safetensors README). */
export const SAFETENSORS_MAX_HEADER_BYTES = 100_000_000;

/** Bits per element of each dtype: Dtype::bitsize in safetensors/src/tensor.rs
 *  (https://github.com/huggingface/safetensors/blob/main/safetensors/src/tensor.rs). */
export const SAFETENSORS_DTYPE_BITS: Readonly<Record<string, number>> = {
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  C64: 64,
  F64: 64,
  I64: 64,
  U64: 64,
};

export interface SafetensorsTensorInfo {
  name: string;
  dtype: string;
  shape: number[];
  elements: number;
  /** data_offsets[1] - data_offsets[0]. */
  bytes: number;
  /** data_offsets[0], from the start of the data (after the header). */
  begin: number;
}

export interface SafetensorsHeader {
  /** 8 + N: where the tensor data starts. */
  headerBytes: number;
  /** The free-form __metadata__ map (string values only). */
  metadata: Readonly<Record<string, string>>;
  tensors: SafetensorsTensorInfo[];
  /** End of the data (the largest data_offsets[1]). */
  dataBytes: number;
}

export interface SafetensorsParseOptions {
  /** The file's size, when known: a header or data that runs past it is an error. */
  fileSize?: number;
}

const OPEN_BRACE = 0x7b;

export function parseSafetensorsHeader(
  bytes: Uint8Array,
  options: SafetensorsParseOptions = {},
): HeaderParseResult<SafetensorsHeader> {
  const c = new ByteCursor(bytes);
  let n: number;
  try {
    n = c.u64('the header length');
  } catch (e) {
    if (e instanceof OutOfBytes) return { status: 'incomplete', needed: 8, estimate: 8 };
    if (e instanceof Malformed) return err('too-large', `the header length is ${e.message}`, 0);
    return err('malformed', String(e), 0);
  }
  if (n < 2) return err('bad-magic', `the header length is ${n} bytes (a JSON object needs at least 2)`, 0);
  if (n > SAFETENSORS_MAX_HEADER_BYTES)
    return err(
      'too-large',
      `the header length is ${n} bytes (the format's limit is ${SAFETENSORS_MAX_HEADER_BYTES}); not a safetensors file?`,
      0,
    );
  const headerBytes = 8 + n;
  if (options.fileSize !== undefined && headerBytes > options.fileSize)
    return err(
      'too-large',
      `the header (${headerBytes} bytes) is longer than the ${options.fileSize}-byte file`,
      0,
    );
  if (bytes.length < headerBytes) return { status: 'incomplete', needed: headerBytes, estimate: headerBytes };
  if (bytes[8] !== OPEN_BRACE) return err('bad-magic', 'the header does not start with "{"', 8);

  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes.subarray(8, headerBytes)));
  } catch (e) {
    return err(
      'malformed',
      `the header is not valid JSON (${e instanceof Error ? e.message : String(e)})`,
      8,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return err('malformed', 'the header is not a JSON object', 8);

  const metadata: Record<string, string> = Object.create(null);
  const tensors: SafetensorsTensorInfo[] = [];
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return err('malformed', '__metadata__ is not an object', 8);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v !== 'string')
          return err('malformed', `__metadata__.${k.slice(0, 80)} is not a string`, 8);
        metadata[k] = v;
      }
      continue;
    }
    const t = readTensor(name, value);
    if ('code' in t) return { status: 'error', error: t };
    tensors.push(t);
  }

  // The data must be covered exactly: sorted by begin, each tensor starts where the previous one ended.
  const sorted = [...tensors].sort((a, b) => a.begin - b.begin || a.bytes - b.bytes);
  let end = 0;
  for (const t of sorted) {
    if (t.begin !== end)
      return err(
        'malformed',
        t.begin < end
          ? `the data of "${clip(t.name)}" overlaps the tensor before it`
          : `there is a hole in the data before "${clip(t.name)}" (bytes ${end}-${t.begin})`,
        8,
      );
    end = t.begin + t.bytes;
  }
  if (options.fileSize !== undefined && headerBytes + end > options.fileSize)
    return err(
      'too-large',
      `the tensors end at byte ${headerBytes + end}, past the end of the ${options.fileSize}-byte file`,
      8,
    );
  return { status: 'complete', header: { headerBytes, metadata, tensors, dataBytes: end } };
}

function readTensor(name: string, value: unknown): SafetensorsTensorInfo | HeaderError {
  const bad = (why: string): HeaderError => ({
    code: 'malformed',
    message: `tensor "${clip(name)}": ${why}`,
    offset: 8,
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('not an object');
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  if (typeof dtype !== 'string') return bad('no dtype');
  const bits = SAFETENSORS_DTYPE_BITS[dtype];
  if (bits === undefined) return bad(`unknown dtype ${JSON.stringify(dtype.slice(0, 20))}`);
  if (!Array.isArray(shape) || shape.length > 16) return bad('shape is not a list of up to 16 sizes');
  let elements = 1;
  const dims: number[] = [];
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) return bad('a shape entry is not a size');
    dims.push(d);
    elements *= d;
  }
  if (!Number.isSafeInteger(elements)) return bad('more than 2^53 elements');
  if (!Array.isArray(offsets) || offsets.length !== 2) return bad('data_offsets is not [begin, end]');
  const [begin, end] = offsets as unknown[];
  if (
    typeof begin !== 'number' ||
    typeof end !== 'number' ||
    !Number.isSafeInteger(begin) ||
    !Number.isSafeInteger(end) ||
    begin < 0 ||
    end < begin
  )
    return bad('data_offsets are not two increasing byte offsets');
  const bytes = end - begin;
  // tensor.rs: nelements * bitsize must be a whole number of bytes and equal end - begin.
  if ((elements * bits) % 8 !== 0) return bad(`${elements} ${dtype} values are not a whole number of bytes`);
  if (bytes !== (elements * bits) / 8)
    return bad(`holds ${bytes} bytes, but ${dtype} ${JSON.stringify(dims)} needs ${(elements * bits) / 8}`);
  return { name, dtype, shape: dims, elements, bytes, begin };
}

function err(
  code: HeaderError['code'],
  message: string,
  offset: number,
): { status: 'error'; error: HeaderError } {
  return { status: 'error', error: { code, message, offset } };
}

function clip(name: string): string {
  return name.length > 120 ? `${name.slice(0, 120)}…` : name;
}
