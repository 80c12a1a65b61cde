// The dataset as shipped to the browser repeats the same source record ({ url, retrievedOn }) hundreds of
// times: one CSV in a price-history repository backs hundreds of observations (measured on 2026-12-03: 2,279
// records, 479 distinct, 256 KB of the 544 KB of JSON). The build stores each distinct record once, in a
// table, and puts { "$s": index } where it was; the browser puts the records back (as shared objects: the
// dataset is immutable) before anything reads it. Pure: used by scripts/vite-dataset-plugin.ts at build time
// and src/data/dataset.ts in the browser.
import type { Source } from './schema';

const SOURCE_KEYS: ReadonlySet<string> = new Set(['url', 'retrievedOn', 'archivedUrl', 'title']);
const REF = '$s';

export interface PackedSources {
  /** Each distinct source record once. */
  sources: Source[];
  /** The value with every source record replaced by { "$s": its index in sources }. */
  value: unknown;
}

function isSourceRecord(value: object): value is Source {
  const keys = Object.keys(value);
  return (
    typeof (value as { url?: unknown }).url === 'string' &&
    keys.every((k) => SOURCE_KEYS.has(k) && typeof (value as Record<string, unknown>)[k] === 'string')
  );
}

/** Stores each distinct source record once. The key order of a record is part of its identity (it is what
 *  JSON.stringify writes), so packing and unpacking give back the same JSON text. */
export function packSources(value: unknown): PackedSources {
  const sources: Source[] = [];
  const index = new Map<string, number>();
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    if (REF in v) throw new Error(`the dataset already has a "${REF}" key; packing would be ambiguous`);
    if (isSourceRecord(v)) {
      const key = JSON.stringify(v);
      let i = index.get(key);
      if (i === undefined) {
        i = sources.length;
        sources.push(v);
        index.set(key, i);
      }
      return { [REF]: i };
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    return out;
  };
  return { sources, value: walk(value) };
}

/** Puts the source records back, in place (the packed value is fresh from JSON.parse and owned here). */
export function unpackSources<T>(packed: PackedSources): T {
  const { sources } = packed;
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    const ref = (v as Record<string, unknown>)[REF];
    if (typeof ref === 'number') {
      const source = sources[ref];
      if (!source) throw new Error(`source record ${ref} is missing from the table`);
      return source;
    }
    const record = v as Record<string, unknown>;
    for (const k in record) record[k] = walk(record[k]);
    return v;
  };
  return walk(packed.value) as T;
}
