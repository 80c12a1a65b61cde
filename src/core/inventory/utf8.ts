// UTF-8 to string without TextDecoder (not part of the ES library the pure core compiles against). Invalid
// sequences become U+FFFD, as TextDecoder's non-fatal mode does; ASCII runs are decoded in chunks.

const CHUNK = 8192;

export function decodeUtf8(bytes: Uint8Array): string {
  const parts: string[] = [];
  const units: number[] = [];
  const flush = () => {
    if (units.length > 0) {
      parts.push(String.fromCharCode(...units));
      units.length = 0;
    }
  };
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      units.push(b);
      i++;
    } else {
      let cp = 0xfffd;
      let len = 1;
      if (b >= 0xc2 && b <= 0xdf && i + 1 < n && isCont(bytes[i + 1])) {
        cp = ((b & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f);
        len = 2;
      } else if (b >= 0xe0 && b <= 0xef && i + 2 < n && isCont(bytes[i + 1]) && isCont(bytes[i + 2])) {
        const c =
          ((b & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f);
        if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
          cp = c;
          len = 3;
        }
      } else if (
        b >= 0xf0 &&
        b <= 0xf4 &&
        i + 3 < n &&
        isCont(bytes[i + 1]) &&
        isCont(bytes[i + 2]) &&
        isCont(bytes[i + 3])
      ) {
        const c =
          ((b & 0x07) << 18) |
          (((bytes[i + 1] as number) & 0x3f) << 12) |
          (((bytes[i + 2] as number) & 0x3f) << 6) |
          ((bytes[i + 3] as number) & 0x3f);
        if (c >= 0x10000 && c <= 0x10ffff) {
          cp = c;
          len = 4;
        }
      }
      if (cp > 0xffff) {
        const v = cp - 0x10000;
        units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      } else {
        units.push(cp);
      }
      i += len;
    }
    if (units.length >= CHUNK) flush();
  }
  flush();
  return parts.join('');
}

function isCont(b: number | undefined): boolean {
  return b !== undefined && (b & 0xc0) === 0x80;
}
