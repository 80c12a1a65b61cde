// A built rig's quote: the total of its parts, the headroom, $ per token/s, and the notes a buyer needs
// (engine, unknown power, stale and used prices) — at the edges: a price exactly a year old and a day older.
import { describe, expect, it } from 'vitest';
import { candidate, devicesFor, fp8Of, type QuoteParts } from '../../../src/core/rigs/candidate';
import type { Priced } from '../../../src/core/rigs/catalog';
import type { RigRequest } from '../../../src/core/rigs/types';
import type { HardwareItem, PriceObservation } from '../../../src/data/schema';

const src = { url: 'https://example.org/p', retrievedOn: '2026-01-01' };
const item = (id: string, extra: Partial<HardwareItem> = {}): HardwareItem => ({
  id,
  name: id.toUpperCase(),
  vendor: 'V',
  kind: 'gpu',
  releasedOn: '2024-01-01',
  sources: [src],
  ...extra,
});
const priced = (
  it: HardwareItem,
  priceUsd: number,
  ageDays = 0,
  condition: PriceObservation['condition'] = 'new',
): Priced => ({
  item: it,
  priceUsd,
  ageDays,
  price: {
    observedOn: '2025-06-01',
    priceUsd: priceUsd + 1,
    market: condition === 'new' ? 'retail' : 'used',
    condition,
    region: 'us',
    quantity: 1,
    source: { url: `https://example.org/${it.id}`, retrievedOn: '2025-06-01' },
  },
});
const request = (acceleratorBytes: number): RigRequest => ({
  acceleratorBytes,
  offloadableBytes: 0,
  bytesPerToken: 1,
  offloadableBytesPerToken: 0,
  kvBytesPerToken: 0,
  constraints: { conditions: ['new', 'used'], requireFp8: false, asOf: '2026-01-01' },
});
const parts = (overrides: Partial<QuoteParts> = {}): QuoteParts => ({
  id: 'rig',
  kind: 'multi-gpu',
  label: 'Two cards in a host',
  parts: [
    { priced: priced(item('gpu', { powerW: 300 }), 1000), role: 'gpu', quantity: 2 },
    { priced: priced(item('host', { kind: 'gpu-host', powerW: 100 }), 500), role: 'gpu-host', quantity: 1 },
  ],
  usableBytes: 48e9,
  bandwidthGBps: 900,
  decodeTokensPerSecond: 25,
  prefillTokensPerSecond: 1000,
  powerW: 700,
  fp8: 'no',
  notes: ['a note'],
  ...overrides,
});

describe('candidate', () => {
  it('adds the parts by quantity, and the quote carries the headroom and $ per token/s', () => {
    const c = candidate(parts(), request(40e9));
    expect(c.totalPriceUsd).toBe(2500);
    expect(c.powerKnown).toBe(true);
    expect(c.engineBlock).toBeUndefined();
    const q = c.build();
    expect(q.totalPriceUsd).toBe(2500);
    expect(q.headroomBytes).toBe(8e9);
    expect(q.usdPerTokenPerSecond).toBe(100);
    expect(q.prefillTokensPerSecond).toBe(1000);
    expect(q.gpuUsableBytes).toBeUndefined();
    expect(q.notes).toEqual(['a note']);
    expect(q.components[0]).toMatchObject({
      itemId: 'gpu',
      role: 'gpu',
      quantity: 2,
      unitPriceUsd: 1000,
      observedPriceUsd: 1001,
      observedOn: '2025-06-01',
      sourceUrl: 'https://example.org/gpu',
    });
    // A negative need counts as none.
    expect(candidate(parts(), request(-5)).build().headroomBytes).toBe(48e9);
  });
  it('says when the engine cannot run it, first among the notes', () => {
    const c = candidate(parts({ engineBlock: 'vLLM needs compute capability 7.0' }), request(1));
    expect(c.engineBlock).toBe('vLLM needs compute capability 7.0');
    expect(c.build().notes[0]).toBe('Does not run: vLLM needs compute capability 7.0.');
  });
  it('names parts whose power is unknown (not DIMMs), and extra ones the kind reports', () => {
    const q = parts({
      parts: [
        { priced: priced(item('gpu'), 1000), role: 'gpu', quantity: 1 },
        { priced: priced(item('dimm', { kind: 'memory-module' }), 50), role: 'memory-module', quantity: 8 },
      ],
      unknownPower: ['A MACHINE'],
    });
    const c = candidate(q, request(1));
    expect(c.powerKnown).toBe(false);
    expect(c.build().notes).toContain(
      'Power draw not in the dataset for: GPU, A MACHINE; powerW leaves it out.',
    );
    const dimmsOnly = parts({
      parts: [
        { priced: priced(item('dimm', { kind: 'memory-module' }), 50), role: 'memory-module', quantity: 8 },
      ],
    });
    expect(candidate(dimmsOnly, request(1)).powerKnown).toBe(true);
  });
  it('notes a price older than a year (366 days, not 365) and a used price', () => {
    const q = (ageDays: number, condition: PriceObservation['condition']) =>
      candidate(
        parts({
          parts: [
            { priced: priced(item('gpu', { powerW: 1 }), 10, ageDays, condition), role: 'gpu', quantity: 1 },
          ],
        }),
        request(1),
      )
        .build()
        .notes.slice(1);
    expect(q(365, 'new')).toEqual([]);
    expect(q(366, 'new')).toEqual(['GPU: newest price is 12 months old (2025-06-01).']);
    expect(q(10, 'used')).toEqual(['GPU: used price.']);
    expect(q(10, 'refurbished')).toEqual(['GPU: refurbished price.']);
  });
  it('copies the unified machine’s GPU share and leaves prefill out when unknown', () => {
    const q = candidate(
      parts({ gpuUsableBytes: 12e9, prefillTokensPerSecond: undefined }),
      request(1),
    ).build();
    expect(q.gpuUsableBytes).toBe(12e9);
    expect('prefillTokensPerSecond' in q).toBe(false);
  });
});

describe('devicesFor and fp8Of', () => {
  it('devices needed: exactly full is one, one byte more is two; nothing needed is one; a zero-size device never holds it', () => {
    expect(devicesFor(24, 24)).toBe(1);
    expect(devicesFor(25, 24)).toBe(2);
    expect(devicesFor(0, 24)).toBe(1);
    expect(devicesFor(-1, 24)).toBe(1);
    expect(devicesFor(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });
  it('fp8 support is the item’s, unknown when the dataset does not say', () => {
    expect(fp8Of(item('a', { fp8: { native: 'yes', source: src } }))).toBe('yes');
    expect(fp8Of(item('b'))).toBe('unknown');
  });
});
