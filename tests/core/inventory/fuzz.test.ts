// Seeded fuzz of both header parsers: real headers truncated at random points, with random bytes flipped,
// wrong magic, absurd lengths and counts written over length fields, huge strings, and pure noise. A parser
// must answer every input with a typed result (complete, incomplete with a larger `needed`, or an error with
// a known code) - never throw, never hang.
import { describe, expect, it } from 'vitest';
import { parseGgufHeader } from '../../../src/core/inventory/gguf';
import { HEADER_ERROR_CODES } from '../../../src/core/inventory/header-types';
import { parseSafetensorsHeader } from '../../../src/core/inventory/safetensors';
import {
  bpeTokenizerKv,
  buildGguf,
  buildSafetensors,
  llamaGgufTensors,
  llamaSafetensorsTensors,
  moeGgufTensors,
} from '../../support/model-files';
import { mulberry32 } from '../projection/prng';

const SHAPE = { layers: 3, hidden: 256, ffn: 512, heads: 4, kvHeads: 2, vocab: 512 };
const gguf = buildGguf({
  kv: [['general.architecture', 'string', 'llama'], ...bpeTokenizerKv(300, 3)],
  tensors: llamaGgufTensors(SHAPE, (n) => (n.includes('ffn_down') ? 'q6_k' : 'q4_k')),
}).header;
const ggufMoe = buildGguf({
  kv: [['general.architecture', 'string', 'qwen3moe']],
  tensors: moeGgufTensors({ ...SHAPE, experts: 8, expertsUsed: 2, expertFfn: 256 }, () => 'q8_0'),
}).header;
const safetensors = buildSafetensors(llamaSafetensorsTensors(SHAPE)).header;

type Parse = (b: Uint8Array) => { status: string; needed?: number; error?: { code: string } };

function check(parse: Parse, bytes: Uint8Array): string {
  let r: ReturnType<Parse>;
  try {
    r = parse(bytes);
  } catch (e) {
    throw new Error(`threw ${String(e)}`);
  }
  if (r.status === 'incomplete') {
    expect(r.needed).toBeGreaterThan(bytes.length - 1);
  } else if (r.status === 'error') {
    expect(HEADER_ERROR_CODES).toContain(r.error?.code);
  } else {
    expect(r.status).toBe('complete');
  }
  return r.status;
}

function mutate(rand: () => number, source: Uint8Array): Uint8Array {
  // A quarter keep the whole header (so mutations inside it are parsed to the end), the rest are cut.
  const keep = rand() < 0.25 ? source.length : Math.max(1, Math.floor(rand() * (source.length + 1)));
  const b = source.slice(0, keep);
  const kind = Math.floor(rand() * 6);
  const view = new DataView(b.buffer);
  const at = () => Math.floor(rand() * Math.max(1, b.length - 8));
  if (kind === 0) {
    // flip a few random bytes
    for (let i = 0; i < 1 + rand() * 8; i++) b[at()] = Math.floor(rand() * 256);
  } else if (kind === 1 && b.length >= 8) {
    // an absurd u64 (length or count) somewhere
    const values = [2 ** 32 - 1, 2 ** 53, 2 ** 62, 0, 1, 0xffffffff];
    const v = values[Math.floor(rand() * values.length)] as number;
    view.setBigUint64(at(), BigInt(v) & 0xffffffffffffffffn, true);
  } else if (kind === 2 && b.length >= 4) {
    // wrong magic
    b[0] = 0x00;
  } else if (kind === 3 && b.length >= 4) {
    // a u32 type id or dimension count out of range
    view.setUint32(at(), Math.floor(rand() * 2 ** 32), true);
  }
  return b;
}

describe('header parsers under fuzz', () => {
  it('GGUF: 3000 mutated headers, every answer typed', () => {
    const rand = mulberry32(20261203);
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++)
      seen.add(check(parseGgufHeader as Parse, mutate(rand, i % 2 ? gguf : ggufMoe)));
    // The mutations reach all three answers.
    expect([...seen].sort()).toEqual(['complete', 'error', 'incomplete']);
  });

  it('safetensors: 3000 mutated headers, every answer typed', () => {
    const rand = mulberry32(42);
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++)
      seen.add(check(parseSafetensorsHeader as Parse, mutate(rand, safetensors)));
    expect([...seen].sort()).toEqual(['complete', 'error', 'incomplete']);
  });

  it('noise and empty input', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 500; i++) {
      const b = new Uint8Array(Math.floor(rand() * 512));
      for (let j = 0; j < b.length; j++) b[j] = Math.floor(rand() * 256);
      check(parseGgufHeader as Parse, b);
      check(parseSafetensorsHeader as Parse, b);
    }
    expect(check(parseGgufHeader as Parse, new Uint8Array(0))).toBe('incomplete');
    expect(check(parseSafetensorsHeader as Parse, new Uint8Array(0))).toBe('incomplete');
  });

  it('a header claiming a 2^40-byte string or a billion tensors answers at once', () => {
    const start = Date.now();
    const b = gguf.slice(0, 64);
    const view = new DataView(b.buffer);
    view.setBigUint64(8, 10n ** 9n, true); // tensor count
    expect(parseGgufHeader(b).status).toBe('error');
    const s = gguf.slice(0, 64);
    new DataView(s.buffer).setBigUint64(24, 2n ** 40n, true); // first key length
    expect(parseGgufHeader(s).status).toBe('error');
    expect(Date.now() - start).toBeLessThan(200);
  });
});
