// Seeded property tests of the rig search's invariants on the fixture dataset.
import { describe, expect, it } from 'vitest';
import { findCheapestRigs } from '../../../src/core/rigs/find-cheapest-rigs';
import { priceAsOf } from '../../../src/core/rigs/pricing';
import type { RigRequest } from '../../../src/core/rigs/types';
import type { PriceObservation } from '../../../src/data/schema';
import { fixture } from './fixture';

/** mulberry32: a small seeded PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scaled(bytes: number, moeShare: number, asOf: string): RigRequest {
  return {
    acceleratorBytes: bytes,
    offloadableBytes: bytes * moeShare,
    bytesPerToken: bytes * 0.1,
    offloadableBytesPerToken: bytes * 0.1 * moeShare,
    kvBytesPerToken: bytes * 0.001,
    constraints: { conditions: ['new', 'used'], requireFp8: false, asOf },
  };
}

function randomDate(r: () => number): string {
  const start = Date.parse('2019-01-01T00:00:00Z');
  const end = Date.parse('2027-01-01T00:00:00Z');
  return new Date(start + r() * (end - start)).toISOString().slice(0, 10);
}

describe('rig search invariants (seeded)', () => {
  it('needing more memory never finds a cheaper rig', () => {
    const r = rng(42);
    for (let i = 0; i < 150; i++) {
      const a = r() * 1.2e12;
      const b = a * (1 + r());
      const share = r() < 0.5 ? 0 : 0.9;
      const asOf = randomDate(r);
      const ra = findCheapestRigs(fixture, scaled(a, share, asOf));
      const rb = findCheapestRigs(fixture, scaled(b, share, asOf));
      if (rb.kind === 'found') {
        expect(ra.kind, `a=${a} b=${b} ${asOf}`).toBe('found');
        if (ra.kind === 'found') {
          expect(rb.rigs[0]?.totalPriceUsd ?? 0).toBeGreaterThanOrEqual(ra.rigs[0]?.totalPriceUsd ?? 0);
        }
      }
    }
  });

  it('never uses a price observed after the as-of date', () => {
    const r = rng(7);
    for (let i = 0; i < 150; i++) {
      const asOf = randomDate(r);
      const result = findCheapestRigs(fixture, { ...scaled(r() * 1e12, 0.9, asOf) });
      const quotes =
        result.kind === 'found' ? [...result.rigs, ...result.pareto] : result.closest ? [result.closest] : [];
      for (const q of quotes)
        for (const c of q.components)
          expect(c.observedOn <= asOf, `${c.itemId} ${c.observedOn} > ${asOf}`).toBe(true);
    }
  });

  it('every returned rig holds the need and meets the constraints', () => {
    const r = rng(99);
    for (let i = 0; i < 100; i++) {
      const req = scaled(r() * 1e12, r() < 0.5 ? 0 : 0.9, '2026-01-01');
      req.constraints.maxBudgetUsd = 2000 + r() * 50_000;
      req.constraints.minTokensPerSecond = r() * 20;
      const result = findCheapestRigs(fixture, req);
      if (result.kind !== 'found') continue;
      for (const q of result.rigs) {
        expect(q.headroomBytes).toBeGreaterThanOrEqual(0);
        expect(q.totalPriceUsd).toBeLessThanOrEqual(req.constraints.maxBudgetUsd);
        expect(q.decodeTokensPerSecond).toBeGreaterThanOrEqual(req.constraints.minTokensPerSecond);
        const sum = q.components.reduce((s, c) => s + c.unitPriceUsd * c.quantity, 0);
        expect(q.totalPriceUsd).toBeCloseTo(sum, 6);
      }
      for (let j = 1; j < result.rigs.length; j++) {
        expect(result.rigs[j]?.totalPriceUsd ?? 0).toBeGreaterThanOrEqual(
          result.rigs[j - 1]?.totalPriceUsd ?? 0,
        );
      }
    }
  });
});

describe('priceAsOf', () => {
  const obs = (
    observedOn: string,
    priceUsd: number,
    condition: PriceObservation['condition'],
  ): PriceObservation => ({
    observedOn,
    priceUsd,
    market: condition === 'new' ? 'retail' : 'used',
    condition,
    region: 'us',
    quantity: 1,
    source: { url: 'https://example.org/p', retrievedOn: observedOn },
  });
  const history = [
    obs('2022-01-01', 1000, 'new'),
    obs('2023-01-01', 600, 'used'),
    obs('2024-01-01', 1200, 'new'),
    obs('2025-01-01', 400, 'used'),
  ];

  it('takes the latest observation on or before the date in each condition, then the cheaper', () => {
    expect(priceAsOf(history, { asOf: '2021-12-31', conditions: ['new', 'used'] })).toBeUndefined();
    expect(priceAsOf(history, { asOf: '2022-01-01', conditions: ['new', 'used'] })?.priceUsd).toBe(1000);
    expect(priceAsOf(history, { asOf: '2024-06-01', conditions: ['new'] })?.priceUsd).toBe(1200);
    expect(priceAsOf(history, { asOf: '2024-06-01', conditions: ['used'] })?.priceUsd).toBe(600);
    expect(priceAsOf(history, { asOf: '2024-06-01', conditions: ['new', 'used'] })?.priceUsd).toBe(600);
    expect(priceAsOf(history, { asOf: '2030-01-01', conditions: ['new'] })?.priceUsd).toBe(1200);
    expect(priceAsOf(history, { asOf: '2030-01-01', conditions: [] })).toBeUndefined();
  });

  it('never uses a price from before the item shipped: the ship date itself counts, the day before does not', () => {
    const preorder = [obs('2025-02-25', 1999, 'new'), obs('2025-08-20', 2099, 'new')];
    const q = (asOf: string, releasedOn: string) =>
      priceAsOf(preorder, { asOf, conditions: ['new'], releasedOn })?.priceUsd;
    expect(q('2025-06-01', '2025-08-20')).toBeUndefined();
    expect(q('2025-08-20', '2025-08-20')).toBe(2099);
    expect(q('2025-08-20', '2025-02-25')).toBe(2099);
    expect(q('2025-06-01', '2025-02-25')).toBe(1999);
  });

  it('uses US and global prices only unless other regions are asked for', () => {
    const eu = { ...obs('2024-01-01', 900, 'new'), region: 'eu' };
    const global = { ...obs('2024-02-01', 1100, 'new'), region: 'global' };
    expect(priceAsOf([eu], { asOf: '2024-06-01', conditions: ['new'] })).toBeUndefined();
    expect(priceAsOf([eu, global], { asOf: '2024-06-01', conditions: ['new'] })?.priceUsd).toBe(1100);
    expect(priceAsOf([eu], { asOf: '2024-06-01', conditions: ['new'], regions: ['eu'] })?.priceUsd).toBe(900);
    // An EU price newer than the US one does not hide it.
    const us = obs('2023-12-01', 1000, 'new');
    expect(priceAsOf([us, eu], { asOf: '2024-06-01', conditions: ['new'] })?.priceUsd).toBe(1000);
  });

  it('treats refurbished and used-market sales as used', () => {
    const refurb = { ...obs('2023-01-01', 500, 'refurbished'), market: 'retail' as const };
    expect(priceAsOf([refurb], { asOf: '2024-01-01', conditions: ['new'] })).toBeUndefined();
    expect(priceAsOf([refurb], { asOf: '2024-01-01', conditions: ['used'] })?.priceUsd).toBe(500);
  });
});
