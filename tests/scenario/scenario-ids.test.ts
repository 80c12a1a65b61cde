// The scenario's closed sets travel in share links, so they live in src/scenario; they must stay equal to
// what the core accepts, or a link could carry a format the memory model rejects.
import { describe, expect, it } from 'vitest';
import { ENGINES, KV_CACHE_FORMATS, PUBLISHED_RATE_IDS, WEIGHT_FORMATS } from '../../src/core';
import { ENGINE_IDS, KV_FORMAT_IDS, RATE_ASSUMPTIONS, WEIGHT_FORMAT_IDS } from '../../src/scenario';

describe('scenario ids match the core', () => {
  it('weight formats', () => expect([...WEIGHT_FORMAT_IDS]).toEqual(WEIGHT_FORMATS.map((f) => f.id)));
  it('KV cache formats', () => expect([...KV_FORMAT_IDS]).toEqual(KV_CACHE_FORMATS.map((f) => f.id)));
  it('engines', () => expect([...ENGINE_IDS]).toEqual(ENGINES.map((e) => e.id)));
  it('published rates are offered', () => {
    for (const id of PUBLISHED_RATE_IDS) expect(RATE_ASSUMPTIONS).toContain(id);
  });
});
