// ggml tensor storage types and their block layouts: how many values one block holds and how many bytes it
// takes. Every number below is the `sizeof(block_*)` static_assert in ggml/src/ggml-common.h
// (https://github.com/ggml-org/llama.cpp/blob/master/ggml/src/ggml-common.h); f32/f16/bf16 are plain scalars.

export const GGML_TYPES = [
  'f32',
  'f16',
  'bf16',
  'q4_0',
  'q4_1',
  'q5_0',
  'q5_1',
  'q8_0',
  'q2_k',
  'q3_k',
  'q4_k',
  'q5_k',
  'q6_k',
  'iq2_xxs',
  'iq2_xs',
  'iq2_s',
  'iq3_xxs',
  'iq3_s',
  'iq1_s',
  'iq1_m',
  'iq4_nl',
  'iq4_xs',
  'mxfp4',
  'nvfp4',
  // Types a GGUF file may store that no quantization mix here produces (read by src/core/inventory).
  'q8_1',
  'q8_k',
  'tq1_0',
  'tq2_0',
  'q1_0',
  'q2_0',
  'i8',
  'i16',
  'i32',
  'i64',
  'f64',
] as const;
export type GgmlType = (typeof GGML_TYPES)[number];

export interface BlockLayout {
  /** Values per block (QK4_0 = 32, QK_K = 256, ...). */
  blockValues: number;
  /** Bytes per block, sizeof(block_*). */
  blockBytes: number;
}

/** ggml-common.h: QK_K = 256 super-blocks for the k- and i-quants, QK = 32 for the legacy ones. */
export const GGML_BLOCKS: Readonly<Record<GgmlType, BlockLayout>> = {
  f32: { blockValues: 1, blockBytes: 4 },
  f16: { blockValues: 1, blockBytes: 2 },
  bf16: { blockValues: 1, blockBytes: 2 },
  q4_0: { blockValues: 32, blockBytes: 18 }, // ggml_half d + 16 B nibbles
  q4_1: { blockValues: 32, blockBytes: 20 }, // d, m + 16 B
  q5_0: { blockValues: 32, blockBytes: 22 }, // d + 4 B high bits + 16 B
  q5_1: { blockValues: 32, blockBytes: 24 }, // d, m + 4 B + 16 B
  q8_0: { blockValues: 32, blockBytes: 34 }, // d + 32 int8
  q2_k: { blockValues: 256, blockBytes: 84 }, // 2*half + QK_K/16 + QK_K/4
  q3_k: { blockValues: 256, blockBytes: 110 }, // half + QK_K/4 + QK_K/8 + 12
  q4_k: { blockValues: 256, blockBytes: 144 }, // 2*half + 12 + QK_K/2
  q5_k: { blockValues: 256, blockBytes: 176 }, // 2*half + 12 + QK_K/2 + QK_K/8
  q6_k: { blockValues: 256, blockBytes: 210 }, // half + QK_K/16 + 3*QK_K/4
  iq2_xxs: { blockValues: 256, blockBytes: 66 }, // half + QK_K/8 uint16
  iq2_xs: { blockValues: 256, blockBytes: 74 }, // half + QK_K/8 uint16 + QK_K/32
  iq2_s: { blockValues: 256, blockBytes: 82 }, // half + QK_K/4 + QK_K/16
  iq3_xxs: { blockValues: 256, blockBytes: 98 }, // half + 3*QK_K/8
  iq3_s: { blockValues: 256, blockBytes: 110 }, // half + 13*QK_K/32 + QK_K/64
  iq1_s: { blockValues: 256, blockBytes: 50 }, // half + QK_K/8 + QK_K/16
  iq1_m: { blockValues: 256, blockBytes: 56 }, // QK_K/8 + QK_K/16 + QK_K/32
  iq4_nl: { blockValues: 32, blockBytes: 18 }, // half + 16 B
  iq4_xs: { blockValues: 256, blockBytes: 136 }, // half + uint16 + QK_K/64 + QK_K/2
  mxfp4: { blockValues: 32, blockBytes: 17 }, // e8m0 scale + 16 B of e2m1 pairs
  nvfp4: { blockValues: 64, blockBytes: 36 }, // 4 ue4m3 sub-block scales (one per 16) + 32 B of e2m1 pairs
  q8_1: { blockValues: 32, blockBytes: 36 }, // 2*half + 32 int8
  q8_k: { blockValues: 256, blockBytes: 292 }, // float + QK_K int8 + QK_K/16 int16
  tq1_0: { blockValues: 256, blockBytes: 54 }, // half + QK_K/64 + (QK_K - 4*QK_K/64)/5
  tq2_0: { blockValues: 256, blockBytes: 66 }, // half + QK_K/4
  q1_0: { blockValues: 128, blockBytes: 18 }, // half + QK1_0/8
  q2_0: { blockValues: 64, blockBytes: 18 }, // half + QK2_0/4
  i8: { blockValues: 1, blockBytes: 1 },
  i16: { blockValues: 1, blockBytes: 2 },
  i32: { blockValues: 1, blockBytes: 4 },
  i64: { blockValues: 1, blockBytes: 8 },
  f64: { blockValues: 1, blockBytes: 8 },
};

/** The numeric ids a GGUF file stores for each type: enum ggml_type in ggml/include/ggml.h
 *  (https://github.com/ggml-org/ggml/blob/master/include/ggml.h). Ids 4, 5 and 31-33, 36-38 were removed
 *  from the format and are not valid in a GGUF file. */
export const GGML_TYPE_IDS: Readonly<Record<GgmlType, number>> = {
  f32: 0,
  f16: 1,
  q4_0: 2,
  q4_1: 3,
  q5_0: 6,
  q5_1: 7,
  q8_0: 8,
  q8_1: 9,
  q2_k: 10,
  q3_k: 11,
  q4_k: 12,
  q5_k: 13,
  q6_k: 14,
  q8_k: 15,
  iq2_xxs: 16,
  iq2_xs: 17,
  iq3_xxs: 18,
  iq1_s: 19,
  iq4_nl: 20,
  iq3_s: 21,
  iq2_s: 22,
  iq4_xs: 23,
  i8: 24,
  i16: 25,
  i32: 26,
  i64: 27,
  f64: 28,
  iq1_m: 29,
  bf16: 30,
  tq1_0: 34,
  tq2_0: 35,
  mxfp4: 39,
  nvfp4: 40,
  q1_0: 41,
  q2_0: 42,
};

const TYPE_BY_ID: ReadonlyMap<number, GgmlType> = new Map(
  (Object.entries(GGML_TYPE_IDS) as [GgmlType, number][]).map(([type, id]) => [id, type]),
);

/** The ggml type of a GGUF type id, or undefined for an id that is not (or no longer) a storage type. */
export function ggmlTypeById(id: number): GgmlType | undefined {
  return TYPE_BY_ID.get(id);
}

/** Bits per value of a type, for display. */
export function ggmlBitsPerValue(type: GgmlType): number {
  const b = GGML_BLOCKS[type];
  return (b.blockBytes * 8) / b.blockValues;
}

/** ggml_row_size(type, n): bytes of one row of n values. Callers make n a multiple of the block size (the
 *  quantizer's fallback does); a partial block is rounded up rather than producing a fraction. */
export function ggmlRowBytes(type: GgmlType, values: number): number {
  const b = GGML_BLOCKS[type];
  return Math.ceil(values / b.blockValues) * b.blockBytes;
}
