// What the number fields accept and what they say when they refuse a value.
import { describe, expect, it } from 'vitest';
import { checkNumber, describeNumberRule } from '../../src/components/number-rule';
import { LIMITS } from '../../src/scenario';

const usd = (v: number) => `$${v.toLocaleString('en-US')}`;
const threshold = { ...LIMITS.thresholdUsd, step: 100, format: usd };

describe('checkNumber', () => {
  it('accepts 15000 as a threshold (above the old $10,000 cap), with or without separators and $', () => {
    for (const typed of ['15000', '15,000', '$15,000', ' 15 000 '])
      expect(checkNumber(typed, threshold)).toEqual({ ok: true, value: 15_000 });
  });

  it('accepts the edges of the range and refuses one step beyond, naming the range', () => {
    expect(checkNumber(String(LIMITS.thresholdUsd.min), threshold)).toEqual({ ok: true, value: 1000 });
    expect(checkNumber(String(LIMITS.thresholdUsd.max), threshold)).toEqual({ ok: true, value: 100_000 });
    const above = checkNumber('100100', threshold);
    expect(above).toEqual({
      ok: false,
      message: '100,100 is above the maximum: enter a multiple of 100 from $1,000 to $100,000.',
    });
    expect(checkNumber('900', threshold)).toMatchObject({ ok: false });
  });

  it('refuses a value off the step and says which step', () => {
    expect(checkNumber('15050', threshold)).toEqual({
      ok: false,
      message: '15,050 is not a multiple of 100: enter a multiple of 100 from $1,000 to $100,000.',
    });
  });

  it('refuses text, decimals, negatives and an empty field', () => {
    for (const typed of ['abc', '1.5', '-3', '1e4', ''])
      expect(checkNumber(typed, { min: 1, max: 10 }).ok, typed).toBe(false);
  });

  it('accepts 0 only where 0 has a meaning, and says so in the rule', () => {
    const budget = { min: 1, max: 1000, zeroMeans: 'no limit' };
    expect(checkNumber('0', budget)).toEqual({ ok: true, value: 0 });
    expect(checkNumber('0', { min: 1, max: 1000 }).ok).toBe(false);
    expect(describeNumberRule(budget)).toBe('0 (no limit) or a whole number from 1 to 1,000');
  });
});
