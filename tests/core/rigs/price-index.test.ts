// Carrying a DIMM price forward by its DRAM generation's $/GB series, at the edges: the series' ends, a
// point itself, the widest gap bridged (120 days) and one day more, the order in which series are tried.
// Expected values are worked out by hand: on a log scale halfway in time between $10 and $40 is $20.
import { describe, expect, it } from 'vitest';
import { dramIndexAdjustment, logValueAt } from '../../../src/core/rigs/price-index';
import type { Dataset, HardwareItem, SeriesFile } from '../../../src/data/schema';

const src = { url: 'https://example.org/series', retrievedOn: '2026-01-01' };
const series = (id: string, memoryClass: string, points: [string, number][]): SeriesFile => ({
  id,
  name: id,
  memoryClass,
  points: points.map(([observedOn, usdPerGB]) => ({ observedOn, usdPerGB, source: src })),
});
const asIndex = (s: SeriesFile) => ({
  id: s.id,
  points: s.points.map((p) => ({
    ms: Date.parse(`${p.observedOn}T00:00:00Z`),
    logValue: Math.log(p.usdPerGB),
  })),
});

const dimm = (generation: 'ddr4' | 'ddr5'): HardwareItem => ({
  id: `dimm-${generation}`,
  name: 'DIMM',
  vendor: 'V',
  kind: 'memory-module',
  releasedOn: '2020-01-01',
  memory: { sizeGiB: 32, type: 'system' },
  module: { generation, formFactor: 'rdimm', speedMTs: 3200 },
  sources: [src],
});
const gpu: HardwareItem = {
  id: 'gpu',
  name: 'GPU',
  vendor: 'V',
  kind: 'gpu',
  releasedOn: '2020-01-01',
  memory: { sizeGiB: 24, type: 'dedicated' },
  sources: [src],
};
const dataset = (s: SeriesFile[]): Dataset => ({ items: [], prices: {}, series: s });

describe('logValueAt', () => {
  // 2025-01-01 $10, 2025-03-02 $40 (60 days apart), 2025-10-01 $40 (213 days later: a gap too wide).
  const s = asIndex(
    series('s', 'ddr4-rdimm', [
      ['2025-01-01', 10],
      ['2025-03-02', 40],
      ['2025-10-01', 40],
    ]),
  );
  it('is the point itself on a point, the geometric mean halfway between two', () => {
    expect(logValueAt(s, '2025-01-01')).toBe(Math.log(10));
    expect(logValueAt(s, '2025-03-02')).toBe(Math.log(40));
    expect(Math.exp(logValueAt(s, '2025-01-31') as number)).toBeCloseTo(20, 10);
  });
  it('is undefined one day before the first point and one day after the last', () => {
    expect(logValueAt(s, '2024-12-31')).toBeUndefined();
    expect(logValueAt(s, '2025-10-01')).toBe(Math.log(40));
    expect(logValueAt(s, '2025-10-02')).toBeUndefined();
  });
  it('bridges a gap of up to 120 days on each side, not 121', () => {
    // 2025-03-02 to 2025-10-01: 2025-06-30 is 120 days after the first and 93 before the second.
    expect(logValueAt(s, '2025-06-30')).toBeCloseTo(Math.log(40), 12);
    expect(logValueAt(s, '2025-07-01')).toBeUndefined();
    // A 240-day gap (2025-01-01 to 2025-08-29) is bridged at its middle day only: 2025-05-01 is 120 days
    // from both ends; the day before is 121 from the end, the day after 121 from the start.
    const wide = asIndex(
      series('w', 'ddr4-rdimm', [
        ['2025-01-01', 10],
        ['2025-08-29', 10],
      ]),
    );
    expect(logValueAt(wide, '2025-05-01')).toBeCloseTo(Math.log(10), 12);
    expect(logValueAt(wide, '2025-04-30')).toBeUndefined();
    expect(logValueAt(wide, '2025-05-02')).toBeUndefined();
  });
  it('is undefined for an empty series or a date that does not parse', () => {
    expect(logValueAt({ id: 'e', points: [] }, '2025-01-01')).toBeUndefined();
    expect(logValueAt(s, 'not-a-date')).toBeUndefined();
  });
  it('finds the right interval in a longer series (binary search)', () => {
    const long = asIndex(
      series(
        'l',
        'ddr4-rdimm',
        Array.from({ length: 9 }, (_, i) => [`2025-0${i + 1}-01`, 2 ** i] as [string, number]),
      ),
    );
    for (let i = 0; i < 9; i++)
      expect(logValueAt(long, `2025-0${i + 1}-01`)).toBeCloseTo(i * Math.log(2), 12);
    expect(Math.exp(logValueAt(long, '2025-07-16') as number)).toBeGreaterThan(2 ** 6);
    expect(Math.exp(logValueAt(long, '2025-07-16') as number)).toBeLessThan(2 ** 7);
  });
});

describe('dramIndexAdjustment', () => {
  const rdimm4 = series('ddr4-rdimm-a', 'ddr4-rdimm', [
    ['2025-01-01', 10],
    ['2025-03-02', 40],
  ]);
  const udimm4 = series('ddr4-udimm-a', 'ddr4-udimm', [
    ['2024-01-01', 5],
    ['2025-03-02', 5],
    ['2025-06-01', 15],
  ]);
  it('moves a DIMM price by its generation series between the two dates', () => {
    const a = dramIndexAdjustment(dataset([rdimm4]), dimm('ddr4'), '2025-01-01', '2025-03-02');
    expect(a?.seriesId).toBe('ddr4-rdimm-a');
    expect(a?.factor).toBeCloseTo(4, 12);
    expect(
      dramIndexAdjustment(dataset([rdimm4]), dimm('ddr4'), '2025-01-01', '2025-01-31')?.factor,
    ).toBeCloseTo(2, 10);
  });
  it('tries the RDIMM series before the UDIMM one, and falls back when the first does not cover a date', () => {
    const d = dataset([udimm4, rdimm4]);
    expect(dramIndexAdjustment(d, dimm('ddr4'), '2025-01-01', '2025-03-02')?.seriesId).toBe('ddr4-rdimm-a');
    // 2025-06-01 is past the RDIMM series: the UDIMM one covers it, $5 to $15.
    const later = dramIndexAdjustment(d, dimm('ddr4'), '2025-03-02', '2025-06-01');
    expect(later?.seriesId).toBe('ddr4-udimm-a');
    expect(later?.factor).toBeCloseTo(3, 12);
  });
  it('is undefined for another generation, a non-DIMM item, equal or reversed dates, or a one-point series', () => {
    const d = dataset([rdimm4]);
    expect(dramIndexAdjustment(d, dimm('ddr5'), '2025-01-01', '2025-03-02')).toBeUndefined();
    expect(dramIndexAdjustment(d, gpu, '2025-01-01', '2025-03-02')).toBeUndefined();
    expect(dramIndexAdjustment(d, dimm('ddr4'), '2025-03-02', '2025-03-02')).toBeUndefined();
    expect(dramIndexAdjustment(d, dimm('ddr4'), '2025-03-02', '2025-01-01')).toBeUndefined();
    const single = series('one', 'ddr4-rdimm', [['2025-01-01', 10]]);
    expect(dramIndexAdjustment(dataset([single]), dimm('ddr4'), '2025-01-01', '2025-01-02')).toBeUndefined();
    expect(dramIndexAdjustment(d, dimm('ddr4'), '2024-12-01', '2025-03-02')).toBeUndefined();
  });
  it('reads a series that is not for DIMMs of this generation as no index (ddr5 series, unrelated class)', () => {
    const ddr5 = series('ddr5-rdimm-a', 'ddr5-rdimm', [
      ['2025-01-01', 10],
      ['2025-03-02', 40],
    ]);
    const gpuSeries = series('gpu-used', 'gpu-used', [
      ['2025-01-01', 10],
      ['2025-03-02', 40],
    ]);
    expect(
      dramIndexAdjustment(dataset([ddr5, gpuSeries]), dimm('ddr4'), '2025-01-01', '2025-03-02'),
    ).toBeUndefined();
    expect(dramIndexAdjustment(dataset([ddr5]), dimm('ddr5'), '2025-01-01', '2025-03-02')?.seriesId).toBe(
      'ddr5-rdimm-a',
    );
  });
});
