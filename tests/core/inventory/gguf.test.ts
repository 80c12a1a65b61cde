// The GGUF header parser on files written by test code following docs/gguf.md: complete headers, headers
// cut short (it asks for more), and the format's edges (alignment, v2, big-endian, unknown types, overlaps).
import { describe, expect, it } from 'vitest';
import { GGUF_DEFAULT_ALIGNMENT, parseGgufHeader } from '../../../src/core/inventory/gguf';
import {
  ByteWriter,
  bpeTokenizerKv,
  buildGguf,
  type GgufKv,
  llamaGgufTensors,
} from '../../support/model-files';

const TINY_KV: GgufKv[] = [
  ['general.architecture', 'string', 'llama'],
  ['general.name', 'string', 'tiny'],
  ['llama.block_count', 'u32', 2],
  ['llama.embedding_length', 'u32', 256],
  ['general.file_type', 'u32', 15],
  ['tokenizer.ggml.tokens', 'array', 'string', ['a', 'b', 'ü', '中']],
  ['tokenizer.ggml.scores', 'array', 'f32', [0, 1, 2, 3]],
  ['some.flag', 'bool', true],
  ['some.i8', 'i8', -3],
  ['some.i16', 'i16', -300],
  ['some.u64', 'u64', 2 ** 40],
  ['some.i64', 'i64', -5],
  ['some.f64', 'f64', 0.5],
  ['some.u8', 'u8', 200],
  ['some.u16', 'u16', 60000],
  ['some.i32', 'i32', -7],
];
const TINY = { layers: 2, hidden: 256, ffn: 512, heads: 4, kvHeads: 2, vocab: 4 * 64 };

function tiny(alignment?: number) {
  return buildGguf({
    kv: TINY_KV,
    tensors: llamaGgufTensors(TINY, (name) => (name.includes('ffn_down') ? 'q6_k' : 'q4_k')),
    ...(alignment ? { alignment } : {}),
  });
}

describe('parseGgufHeader', () => {
  it('reads a complete header: metadata, tensors, types, offsets and bytes', () => {
    const file = tiny();
    const r = parseGgufHeader(file.header, { fileSize: file.fileSize });
    expect(r.status).toBe('complete');
    if (r.status !== 'complete') return;
    const h = r.header;
    expect(h.version).toBe(3);
    expect(h.alignment).toBe(GGUF_DEFAULT_ALIGNMENT);
    expect(h.metadata['general.architecture']).toBe('llama');
    expect(h.metadata['tokenizer.ggml.tokens']).toEqual({ array: 'string', length: 4 });
    expect(h.metadata['some.flag']).toBe(true);
    expect(h.metadata['some.i8']).toBe(-3);
    expect(h.metadata['some.i16']).toBe(-300);
    expect(h.metadata['some.u64']).toBe(2 ** 40);
    expect(h.metadata['some.i64']).toBe(-5);
    expect(h.metadata['some.u8']).toBe(200);
    expect(h.metadata['some.u16']).toBe(60000);
    expect(h.tensors).toHaveLength(3 + 2 * 9); // token_embd, output_norm, output + 9 per block
    const down = h.tensors.find((t) => t.name === 'blk.1.ffn_down.weight');
    // q6_K: 210 bytes per 256 values (ggml-common.h), 256 rows of 512 values.
    expect(down).toMatchObject({ type: 'q6_k', dims: [512, 256], bytes: 256 * 2 * 210 });
    const embd = h.tensors.find((t) => t.name === 'token_embd.weight');
    expect(embd).toMatchObject({ type: 'q4_k', bytes: 256 * 144 });
    expect(h.dataOffset).toBe(file.dataOffset);
    expect(h.dataOffset % 32).toBe(0);
    expect(h.tensorBytes).toBe(file.tensorBytes);
    expect(h.dataOffset + h.dataBytes).toBe(file.fileSize);
  });

  it('honours general.alignment', () => {
    const file = tiny(64);
    const r = parseGgufHeader(file.header);
    expect(r.status === 'complete' && r.header.alignment).toBe(64);
    expect(r.status === 'complete' && r.header.dataOffset % 64).toBe(0);
  });

  it('reads version 2 files', () => {
    const file = buildGguf({ kv: TINY_KV, tensors: [], version: 2 });
    expect(parseGgufHeader(file.header).status).toBe('complete');
  });

  it('asks for more bytes at every cut of the header, never for fewer than it has', () => {
    const file = tiny();
    for (let cut = 0; cut < file.header.length - 1; cut += 7) {
      const r = parseGgufHeader(file.header.subarray(0, cut));
      // The padding after the tensor infos is not needed: a cut there is already complete.
      if (r.status === 'complete') {
        expect(cut).toBeGreaterThanOrEqual(r.header.headerBytes);
        continue;
      }
      expect(r.status).toBe('incomplete');
      if (r.status !== 'incomplete') return;
      expect(r.needed).toBeGreaterThan(cut);
      expect(r.estimate).toBeGreaterThanOrEqual(r.needed);
    }
  });

  it('estimates the header size from the counts when cut inside a big string array', () => {
    const tokens = Array.from({ length: 20_000 }, (_, i) => `tok${i}`);
    const file = buildGguf({
      kv: [['some.strings', 'array', 'string', tokens]],
      tensors: llamaGgufTensors(TINY, () => 'q8_0'),
    });
    const r = parseGgufHeader(file.header.subarray(0, 20_000));
    expect(r.status).toBe('incomplete');
    if (r.status !== 'incomplete') return;
    // Within 25% of the real header size, from the first tenth of the tokens.
    expect(r.estimate).toBeGreaterThan(file.dataOffset * 0.75);
    expect(r.estimate).toBeLessThan(file.dataOffset * 1.25);
  });

  it('inside tokenizer.ggml.tokens it counts the token types and merges that follow', () => {
    const file = buildGguf({
      kv: [['general.architecture', 'string', 'qwen3'], ...bpeTokenizerKv(30_000, 5)],
      tensors: llamaGgufTensors(TINY, () => 'q8_0'),
    });
    const r = parseGgufHeader(file.header.subarray(0, 100_000));
    expect(r.status).toBe('incomplete');
    if (r.status !== 'incomplete') return;
    // From the first fifth of the tokens: within 20% of the real header (tokens + types + merges).
    expect(r.estimate).toBeGreaterThan(file.dataOffset * 0.8);
    expect(r.estimate).toBeLessThan(file.dataOffset * 1.2);
  });

  it('refuses a file that is not GGUF', () => {
    const r = parseGgufHeader(new TextEncoder().encode('PK\u0003\u0004 a zip file, not a model'));
    expect(r.status === 'error' && r.error.code).toBe('bad-magic');
  });

  it('refuses v1 and big-endian files with a reason', () => {
    const v1 = new ByteWriter();
    v1.u32(0x46554747);
    v1.u32(1);
    const r1 = parseGgufHeader(v1.done());
    expect(r1.status === 'error' && r1.error.code).toBe('unsupported-version');
    const be = new ByteWriter();
    be.u32(0x46554747);
    be.u32(0x03000000);
    const r2 = parseGgufHeader(be.done());
    expect(r2.status === 'error' && r2.error.message).toMatch(/big-endian/);
  });

  it('refuses an unknown tensor type id and a removed one', () => {
    for (const id of [4, 31, 43, 1000]) {
      const file = tiny();
      const r0 = parseGgufHeader(file.header);
      if (r0.status !== 'complete') throw new Error('fixture');
      // The type id of the first tensor sits 12 bytes before the end of its info (u32 type, u64 offset).
      const bytes = file.header.slice();
      const view = new DataView(bytes.buffer);
      const firstInfoEnd = findFirstTensorInfoEnd(bytes);
      view.setUint32(firstInfoEnd - 12, id, true);
      const r = parseGgufHeader(bytes);
      expect(r.status === 'error' && r.error.code).toBe('unknown-type');
    }
  });

  it('refuses a row that is not a whole number of blocks, an unaligned offset and overlapping tensors', () => {
    const odd = buildGguf({ kv: [], tensors: [{ name: 'x', dims: [100, 2], type: 'q4_k' }] });
    expect(parseGgufHeader(odd.header).status === 'error').toBe(true);
    const a = new ByteWriter();
    a.u32(0x46554747);
    a.u32(3);
    a.u64(2);
    a.u64(0);
    for (const [name, offset] of [
      ['a', 0],
      ['b', 32],
    ] as const) {
      a.string(name);
      a.u32(1);
      a.u64(64);
      a.u32(0); // f32: 256 bytes, so b at 32 overlaps a
      a.u64(offset);
    }
    const r = parseGgufHeader(a.done());
    expect(r.status === 'error' && r.error.message).toMatch(/overlaps/);
  });

  it('refuses absurd counts and lengths without reading or allocating them', () => {
    const w = new ByteWriter();
    w.u32(0x46554747);
    w.u32(3);
    w.u64(2 ** 40);
    w.u64(1);
    const r = parseGgufHeader(w.done());
    expect(r.status === 'error' && r.error.code).toBe('too-large');

    const s = new ByteWriter();
    s.u32(0x46554747);
    s.u32(3);
    s.u64(0);
    s.u64(1);
    s.u64(2 ** 50); // key length
    const r2 = parseGgufHeader(s.done());
    expect(r2.status === 'error' && r2.error.code).toBe('too-large');

    const arr = new ByteWriter();
    arr.u32(0x46554747);
    arr.u32(3);
    arr.u64(0);
    arr.u64(1);
    arr.string('k');
    arr.u32(9);
    arr.u32(6);
    arr.u64(2 ** 45); // 2^45 f32 values: past any file of 1 MB
    const r3 = parseGgufHeader(arr.done(), { fileSize: 1_000_000 });
    expect(r3.status === 'error' && r3.error.code).toBe('too-large');
  });

  it('refuses a header whose tensors end past the file size', () => {
    const file = tiny();
    const r = parseGgufHeader(file.header, { fileSize: file.fileSize - 1 });
    expect(r.status === 'error' && r.error.code).toBe('too-large');
  });

  it('keeps the start of a long string value and skips the rest', () => {
    const long = 'x'.repeat(100_000);
    const file = buildGguf({ kv: [['tokenizer.chat_template', 'string', long]], tensors: [] });
    const r = parseGgufHeader(file.header);
    expect(r.status).toBe('complete');
    if (r.status !== 'complete') return;
    expect(String(r.header.metadata['tokenizer.chat_template']).length).toBe(2048);
    expect(r.header.headerBytes).toBe(4 + 4 + 8 + 8 + 8 + 'tokenizer.chat_template'.length + 4 + 8 + 100_000);
  });
});

/** Offset just past the first tensor info of a header written by buildGguf. */
function findFirstTensorInfoEnd(bytes: Uint8Array): number {
  const r = parseGgufHeader(bytes);
  if (r.status !== 'complete') throw new Error('fixture');
  const first = r.header.tensors[0];
  if (!first) throw new Error('no tensor');
  // Walk back from the end of the infos: the infos of the remaining tensors follow the first one.
  const infoBytes = (t: { name: string; dims: number[] }) =>
    8 + new TextEncoder().encode(t.name).length + 4 + 8 * t.dims.length + 4 + 8;
  const rest = r.header.tensors.slice(1).reduce((s, t) => s + infoBytes(t), 0);
  return r.header.headerBytes - rest;
}
