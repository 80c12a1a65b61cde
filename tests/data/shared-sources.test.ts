// The shipped dataset stores each distinct source record once (src/data/shared-sources.ts): unpacking gives
// back exactly the dataset the bundle had before, and the packed form is smaller.
import { describe, expect, it } from 'vitest';
import { datasetForBundle } from '../../scripts/vite-dataset-plugin';
import { packSources, unpackSources } from '../../src/data/shared-sources';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('packSources / unpackSources', () => {
  it('round-trips the real dataset to the same JSON text, with fewer bytes packed', () => {
    const { dataset } = datasetForBundle();
    const text = JSON.stringify(dataset);
    const packed = clone(packSources(dataset));
    const packedText = JSON.stringify(packed);
    expect(JSON.stringify(unpackSources(packed))).toBe(text);
    expect(packed.sources.length).toBeGreaterThan(0);
    expect(packedText.length).toBeLessThan(text.length * 0.75);
  });

  it('stores a repeated record once and shares it after unpacking', () => {
    const a = { url: 'https://example.org/a', retrievedOn: '2026-12-03' };
    const input = {
      items: [{ source: { ...a } }, { sources: [{ ...a }, { url: 'https://example.org/b' }] }],
    };
    const packed = clone(packSources(input));
    expect(packed.sources).toEqual([a, { url: 'https://example.org/b' }]);
    expect(packed.value).toEqual({ items: [{ source: { $s: 0 } }, { sources: [{ $s: 0 }, { $s: 1 }] }] });
    const out = unpackSources<{ items: [{ source: object }, { sources: object[] }] }>(packed);
    expect(out).toEqual(input);
    expect(out.items[0].source).toBe(out.items[1].sources[0]);
  });

  it('keeps records that differ only in key order apart, and leaves non-source objects alone', () => {
    const input = [
      { url: 'https://x.org', retrievedOn: '2026-01-01' },
      { retrievedOn: '2026-01-01', url: 'https://x.org' },
      { url: 'https://x.org', priceUsd: 5 },
      { url: 'https://x.org', title: 3 },
    ];
    const packed = clone(packSources(input));
    expect(packed.sources).toHaveLength(2);
    expect(JSON.stringify(unpackSources(packed))).toBe(JSON.stringify(input));
  });

  it('refuses a value that already uses the reference key, and a reference outside the table', () => {
    expect(() => packSources({ $s: 1 })).toThrow(/\$s/);
    expect(() => unpackSources({ sources: [], value: [{ $s: 0 }] })).toThrow(/missing/);
  });
});
