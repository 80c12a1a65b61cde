import { describe, expect, it } from 'vitest';
import { PriceObservationSchema } from '../../src/data/schema';

const base = {
  observedOn: '2024-06-01',
  priceUsd: 700,
  market: 'used',
  condition: 'used',
  region: 'us',
  source: { url: 'https://example.org/a', retrievedOn: '2026-11-25' },
};

describe('schema dates and urls', () => {
  it('accepts a real observation and defaults quantity to 1', () => {
    const parsed = PriceObservationSchema.parse(base);
    expect(parsed.quantity).toBe(1);
  });
  it('rejects a date that is not on the calendar', () => {
    expect(PriceObservationSchema.safeParse({ ...base, observedOn: '2024-02-30' }).success).toBe(false);
  });
  it('rejects a plain-http source', () => {
    const bad = { ...base, source: { url: 'http://example.org/a', retrievedOn: '2026-11-25' } };
    expect(PriceObservationSchema.safeParse(bad).success).toBe(false);
  });
});
