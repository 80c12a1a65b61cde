// A little-endian cursor over the bytes read so far. Running past the end is not an error: it throws the
// OutOfBytes marker, which the parsers turn into "need more bytes" (the network layer then reads further).
// Nothing here allocates in proportion to a length read from the file.
import { decodeUtf8 } from './utf8';

/** Thrown (and caught inside the parsers only) when a read needs bytes beyond those available. */
export class OutOfBytes {
  /** The absolute offset the read needed to reach (exclusive). */
  constructor(readonly needed: number) {}
}

/** Thrown (and caught inside the parsers only) when the bytes cannot be a valid file. */
export class Malformed {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

export class ByteCursor {
  offset = 0;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.byteLength;
  }

  /** Make sure n more bytes are available. */
  need(n: number): void {
    const end = this.offset + n;
    if (!Number.isFinite(end) || end > this.bytes.byteLength) throw new OutOfBytes(end);
  }

  skip(n: number): void {
    this.need(n);
    this.offset += n;
  }

  u8(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }

  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }

  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return v;
  }

  f32(): number {
    this.need(4);
    const v = this.view.getFloat32(this.offset, true);
    this.offset += 4;
    return v;
  }

  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return v;
  }

  /** An unsigned 64-bit integer as a number; a value past 2^53 - 1 cannot be a real size or count here
   *  and is reported as malformed rather than rounded. */
  u64(what: string): number {
    this.need(8);
    const lo = this.view.getUint32(this.offset, true);
    const hi = this.view.getUint32(this.offset + 4, true);
    if (hi > 0x1fffff) throw new Malformed(`${what} is larger than 2^53`, this.offset);
    this.offset += 8;
    return hi * 2 ** 32 + lo;
  }

  i64(what: string): number {
    this.need(8);
    const v = this.view.getBigInt64(this.offset, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER))
      throw new Malformed(`${what} is outside ±2^53`, this.offset);
    this.offset += 8;
    return Number(v);
  }

  /** n bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
  utf8(n: number): string {
    this.need(n);
    const s = decodeUtf8(this.bytes.subarray(this.offset, this.offset + n));
    this.offset += n;
    return s;
  }
}
