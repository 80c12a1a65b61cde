import { describe, expect, it } from 'vitest';
import { decadeDomain, logTicks } from '../../src/components/log-scale';

describe('log-scale axis helpers', () => {
  it('lists the powers of ten inside the range', () => {
    expect(logTicks(1, 1000)).toEqual([1, 10, 100, 1000]);
    expect(logTicks(2, 500)).toEqual([10, 100]);
  });
  it('adds 1-3-10 steps when asked', () => {
    expect(logTicks(100, 10_000, [1, 3])).toEqual([100, 300, 1000, 3000, 10_000]);
  });
  it('returns no ticks for an empty or non-positive range instead of looping', () => {
    expect(logTicks(0, 100)).toEqual([]);
    expect(logTicks(10, 1)).toEqual([]);
    expect(logTicks(1, Number.POSITIVE_INFINITY)).toEqual([]);
  });
  it('rounds a domain out to whole decades', () => {
    expect(decadeDomain(3.2, 4500)).toEqual([1, 10_000]);
  });
});
