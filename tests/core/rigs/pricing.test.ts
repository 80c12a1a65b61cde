// Which price an item has on a date, at the edges: an observation on the as-of day itself and one day
// later, the cut-off day and the day before it, the ship date, regions, and which condition counts as used.
import { describe, expect, it } from 'vitest';
import {
  latestPerCondition,
  PRICE_REGIONS,
  priceAsOf,
  priceCutoff,
  purchaseConditionOf,
} from '../../../src/core/rigs/pricing';
import type { PriceObservation } from '../../../src/data/schema';

const obs = (
  observedOn: string,
  priceUsd: number,
  condition: PriceObservation['condition'] = 'new',
  market: PriceObservation['market'] = 'retail',
  region = 'us',
): PriceObservation => ({
  observedOn,
  priceUsd,
  market,
  condition,
  region,
  quantity: 1,
  source: { url: `https://example.org/${observedOn}/${priceUsd}`, retrievedOn: observedOn },
});

describe('purchaseConditionOf', () => {
  it('new only when the unit is new and not sold on the used market', () => {
    expect(purchaseConditionOf(obs('2025-01-01', 1, 'new', 'retail'))).toBe('new');
    expect(purchaseConditionOf(obs('2025-01-01', 1, 'new', 'msrp'))).toBe('new');
    expect(purchaseConditionOf(obs('2025-01-01', 1, 'new', 'used'))).toBe('used');
    expect(purchaseConditionOf(obs('2025-01-01', 1, 'used', 'used'))).toBe('used');
    expect(purchaseConditionOf(obs('2025-01-01', 1, 'refurbished', 'retail'))).toBe('used');
  });
});

describe('latestPerCondition and priceAsOf', () => {
  const list = [
    obs('2024-01-01', 1000),
    obs('2024-06-01', 700, 'used', 'used'),
    obs('2025-01-01', 900),
    obs('2025-03-01', 600, 'used', 'used', 'de'),
    obs('2025-06-01', 800),
  ];
  it('takes an observation dated on the as-of day, not one dated the day after', () => {
    expect(priceAsOf(list, { asOf: '2025-01-01', conditions: ['new'] })?.priceUsd).toBe(900);
    expect(priceAsOf(list, { asOf: '2024-12-31', conditions: ['new'] })?.priceUsd).toBe(1000);
    expect(priceAsOf(list, { asOf: '2023-12-31', conditions: ['new'] })).toBeUndefined();
  });
  it('gives one latest observation per accepted condition, and the cheaper of them as the price', () => {
    const both = latestPerCondition(list, { asOf: '2025-05-01', conditions: ['new', 'used'] });
    expect(both.map((o) => o.priceUsd)).toEqual([900, 700]);
    expect(priceAsOf(list, { asOf: '2025-05-01', conditions: ['new', 'used'] })?.priceUsd).toBe(700);
    // A condition named twice still gives one observation.
    expect(latestPerCondition(list, { asOf: '2025-05-01', conditions: ['new', 'new'] })).toHaveLength(1);
  });
  it('skips prices from other regions unless they are asked for', () => {
    expect(PRICE_REGIONS).toEqual(['us', 'global']);
    expect(priceAsOf(list, { asOf: '2025-05-01', conditions: ['used'] })?.priceUsd).toBe(700);
    expect(priceAsOf(list, { asOf: '2025-05-01', conditions: ['used'], regions: ['de'] })?.priceUsd).toBe(
      600,
    );
    const global = [obs('2025-01-01', 500, 'new', 'retail', 'global')];
    expect(priceAsOf(global, { asOf: '2025-05-01', conditions: ['new'] })?.priceUsd).toBe(500);
  });
  it('uses nothing older than the cut-off: the cut-off day itself counts, the day before does not', () => {
    expect(
      priceAsOf(list, { asOf: '2025-05-01', conditions: ['new'], notBefore: '2025-01-01' })?.priceUsd,
    ).toBe(900);
    expect(
      priceAsOf(list, { asOf: '2025-05-01', conditions: ['new'], notBefore: '2025-01-02' }),
    ).toBeUndefined();
    // The walk back stops at the cut-off even when an older observation of the condition exists.
    expect(
      priceAsOf(list, { asOf: '2025-05-01', conditions: ['used'], notBefore: '2024-06-02' }),
    ).toBeUndefined();
  });
  it('uses nothing from before the ship date, and the later of ship date and cut-off applies', () => {
    expect(
      priceAsOf(list, { asOf: '2024-12-31', conditions: ['new'], releasedOn: '2024-01-01' })?.priceUsd,
    ).toBe(1000);
    expect(
      priceAsOf(list, { asOf: '2024-12-31', conditions: ['new'], releasedOn: '2024-01-02' }),
    ).toBeUndefined();
    expect(
      priceAsOf(list, {
        asOf: '2025-05-01',
        conditions: ['new'],
        releasedOn: '2025-02-01',
        notBefore: '2024-01-01',
      }),
    ).toBeUndefined();
    expect(
      priceAsOf(list, {
        asOf: '2025-07-01',
        conditions: ['new'],
        releasedOn: '2024-01-01',
        notBefore: '2025-06-01',
      })?.priceUsd,
    ).toBe(800);
  });
  it('has no price for an item with no observations', () => {
    expect(priceAsOf(undefined, { asOf: '2025-05-01', conditions: ['new'] })).toBeUndefined();
    expect(priceAsOf([], { asOf: '2025-05-01', conditions: ['new'] })).toBeUndefined();
  });
  it('finds the latest one in a long list (binary search) at every date', () => {
    const long = Array.from({ length: 40 }, (_, i) =>
      obs(`2020-${String((i % 12) + 1).padStart(2, '0')}-0${1 + Math.floor(i / 12)}`, 100 + i),
    );
    long.sort((a, b) => (a.observedOn < b.observedOn ? -1 : 1));
    for (const o of long) expect(priceAsOf(long, { asOf: o.observedOn, conditions: ['new'] })).toBe(o);
  });
});

describe('priceCutoff', () => {
  it('is maxAgeDays before the as-of date, across a leap day', () => {
    expect(priceCutoff('2025-03-01', 365)).toBe('2024-03-01');
    expect(priceCutoff('2024-03-01', 1)).toBe('2024-02-29');
    expect(priceCutoff('2026-12-03', 730)).toBe('2024-12-03');
    expect(priceCutoff('2026-12-03', 0)).toBe('2026-12-03');
  });
  it('means no limit for a negative or non-finite age, and for a date that does not parse', () => {
    expect(priceCutoff('2025-03-01', -1)).toBe('');
    expect(priceCutoff('2025-03-01', Number.POSITIVE_INFINITY)).toBe('');
    expect(priceCutoff('2025-03-01', Number.NaN)).toBe('');
    expect(priceCutoff('garbage', 30)).toBe('');
  });
});
