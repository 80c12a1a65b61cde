import { describe, expect, it } from 'vitest';
import { DRAM_SPIKE_WINDOW } from '../../../src/core/projection/project';
import { PUBLISHED_RATES, publishedRate, referenceLine } from '../../../src/core/projection/reference-rates';
import { Z_80_TWO_SIDED } from '../../../src/core/projection/robust-stats';

describe('published rates (pinned to their sources)', () => {
  it('converts the published figures to annual price changes', () => {
    // AI Impacts: "~36% per year, a factor of ten every 5.1 years"; "~33%, ten every 5.8 years";
    // since 2010 "an order of magnitude over roughly 14 years".
    expect(publishedRate('dram-mccallum-1957-2020')?.annualChange).toBeCloseTo(-0.3633, 4);
    expect(publishedRate('dram-objective-analysis-1991-2019')?.annualChange).toBeCloseTo(-0.3277, 4);
    expect(publishedRate('dram-since-2010')?.annualChange).toBeCloseTo(-0.1517, 4);
    // Epoch AI: FLOP/s per $ doubles every 2.46 years [2.24, 2.72]; ML GPUs 2.07 [1.54, 3.13].
    const epoch = publishedRate('gpu-flops-per-usd-epoch');
    expect(epoch?.annualChange).toBeCloseTo(-0.2456, 4);
    expect(epoch?.annualChangeLow).toBeCloseTo(-0.2661, 4);
    expect(epoch?.annualChangeHigh).toBeCloseTo(-0.225, 4);
    expect(publishedRate('gpu-flops-per-usd-epoch-ml')?.annualChange).toBeCloseTo(-0.2846, 4);
  });
  it('every rate has an https source and a low <= central <= high ordering', () => {
    for (const r of PUBLISHED_RATES) {
      expect(r.source.url).toMatch(/^https:\/\//);
      const low = 'annualChangeLow' in r ? r.annualChangeLow : r.annualChange;
      const high = 'annualChangeHigh' in r ? r.annualChangeHigh : r.annualChange;
      expect(low).toBeLessThanOrEqual(r.annualChange);
      expect(high).toBeGreaterThanOrEqual(r.annualChange);
    }
  });
  it('pins the spike window start and the 80% normal quantile', () => {
    expect(DRAM_SPIKE_WINDOW).toEqual({ from: '2025-09-01' });
    expect(Z_80_TWO_SIDED).toBeCloseTo(1.2816, 4);
  });
});

describe('referenceLine', () => {
  it('compounds the rate from the start point and ends exactly at toYear', () => {
    const line = referenceLine(-0.5, { year: 2026, priceUsd: 16_000 }, 2030.1, 1);
    expect(line.map((p) => p.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2030.1]);
    expect(line[4]?.priceUsd).toBeCloseTo(1000, 9);
  });
  it('is empty for inputs that cannot make a line', () => {
    expect(referenceLine(-1, { year: 2026, priceUsd: 1 }, 2030)).toEqual([]);
    expect(referenceLine(-0.2, { year: 2026, priceUsd: 0 }, 2030)).toEqual([]);
    expect(referenceLine(-0.2, { year: 2026, priceUsd: 10 }, 2025)).toEqual([]);
    expect(referenceLine(Number.NaN, { year: 2026, priceUsd: 10 }, 2030)).toEqual([]);
  });
});

describe('unknown published rate ids', () => {
  it('are undefined, and a projection asked for one uses the fitted rate and says so', async () => {
    const { projectRigCost } = await import('../../../src/core/projection/project');
    expect(publishedRate('no-such-rate')).toBeUndefined();
    const history = ['2024-01-31', '2024-06-30', '2025-01-31', '2025-06-30'].map((date, i) => ({
      date,
      priceUsd: 20_000 * 0.9 ** i,
    }));
    // A rate id from an old share link that is no longer in the list.
    const rate = { kind: 'published', id: 'no-such-rate' } as unknown as { kind: 'fitted' };
    const p = projectRigCost(history, { rate });
    expect(p.fit?.rate).toEqual({ kind: 'fitted' });
    expect(p.assumptions.map((a) => a.id)).toContain('projection-rate-unknown');
  });
});

describe('referenceLine at its edges', () => {
  it('a line that starts and ends in the same year is one point', () => {
    expect(referenceLine(-0.5, { year: 2026, priceUsd: 100 }, 2026)).toEqual([{ year: 2026, priceUsd: 100 }]);
  });
  it('steps of a quarter land on toYear without an extra point; a step that does not gets one', () => {
    const quarters = referenceLine(-0.5, { year: 2026, priceUsd: 16 }, 2027);
    expect(quarters.map((p) => p.year)).toEqual([2026, 2026.25, 2026.5, 2026.75, 2027]);
    expect(quarters[4]?.priceUsd).toBeCloseTo(8, 12);
    expect(quarters[2]?.priceUsd).toBeCloseTo(16 / Math.SQRT2, 12);
    const halves = referenceLine(1, { year: 2026, priceUsd: 5 }, 2027.2, 0.5);
    expect(halves.map((p) => p.year)).toEqual([2026, 2026.5, 2027, 2027.2]);
    // Doubling a year: 2^1.2 times the start at 2027.2.
    expect(halves[3]?.priceUsd).toBeCloseTo(5 * 2 ** 1.2, 12);
  });
  it('a step of zero or less makes no line', () => {
    expect(referenceLine(-0.5, { year: 2026, priceUsd: 16 }, 2027, 0)).toEqual([]);
    expect(referenceLine(-0.5, { year: 2026, priceUsd: 16 }, 2027, -0.25)).toEqual([]);
  });
  it('every source names its page and when it was published', () => {
    for (const r of PUBLISHED_RATES) {
      expect(r.source.title.length).toBeGreaterThan(10);
      expect(r.source.publishedOn).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
    }
  });
});
