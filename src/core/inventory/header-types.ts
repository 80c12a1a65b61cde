// Results shared by the two header parsers. A parser never throws: it answers with the header, with how many
// bytes it needs to finish, or with a typed error saying what is wrong with the bytes.

export const HEADER_ERROR_CODES = [
  /** The file does not start like the format says it must (GGUF magic, safetensors length + '{'). */
  'bad-magic',
  /** A GGUF version this reader does not know (v1, big-endian files, future versions). */
  'unsupported-version',
  /** A length, count or value that cannot be valid (past a limit of the format or of this reader). */
  'too-large',
  /** A GGUF tensor type id that ggml does not define. */
  'unknown-type',
  /** The bytes break the format's structure (bad JSON, bad value type, offsets that overlap, ...). */
  'malformed',
] as const;
export type HeaderErrorCode = (typeof HEADER_ERROR_CODES)[number];

export interface HeaderError {
  code: HeaderErrorCode;
  message: string;
  /** Byte offset in the file where the problem was found, when known. */
  offset?: number;
}

/** Not enough bytes yet: read at least up to `needed` (exclusive offset from the file start). `estimate` is
 *  the parser's guess of where the header ends, from the counts it has read (never below `needed`). */
export interface HeaderIncomplete {
  status: 'incomplete';
  needed: number;
  estimate: number;
}

export type HeaderParseResult<H> =
  | { status: 'complete'; header: H }
  | HeaderIncomplete
  | { status: 'error'; error: HeaderError };
