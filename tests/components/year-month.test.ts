import { describe, expect, it } from 'vitest';
import { yearMonth } from '../../src/components/year-month';

describe('yearMonth', () => {
  it('gives the month a fractional year falls in, at the edges of months', () => {
    expect(yearMonth(2026)).toBe('2026-01');
    // 2026-09-01 is day 243 of 365: 243/365 = 0.6658 -> September; a hair before is still August.
    expect(yearMonth(2026 + 243 / 365)).toBe('2026-09');
    expect(yearMonth(2026 + 242.99 / 365)).toBe('2026-08');
    expect(yearMonth(2026.9999)).toBe('2026-12');
    expect(yearMonth(Number.NaN)).toBe('');
  });
});
