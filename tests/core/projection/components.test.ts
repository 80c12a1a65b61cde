// The component model's projection and its comparison with the whole-rig frontier, on points whose answers are
// known without the code: memory $/GiB halving every year, a join cost rising 10% a year, and ratios whose
// median is worked out by hand. Also the component point of a unified machine on a one-machine dataset.
import { describe, expect, it } from 'vitest';
import {
  type ComponentPoint,
  componentHistory,
  componentPoint,
  componentToRigRatio,
  projectComponents,
} from '../../../src/core/projection/components';
import { isoDateToYear, yearToIsoDate } from '../../../src/core/units';
import type { Dataset, } from '../../../src/data/schema';
import { obs, unifiedMachine } from './unified-fixture';

const machine = (id: string, sizeGiB: number) => unifiedMachine(id, { sizeGiB, fp8: false });

const GIB = 2 ** 30;

function point(date: string, memoryUsdPerGiB: number, devices = 1, joinUsd = 0): ComponentPoint {
  return {
    month: date.slice(0, 7),
    date,
    memoryUsdPerGiB,
    memoryItemId: 'x',
    memoryItemName: 'x',
    devices,
    joinUsd,
    joinLabel: joinUsd > 0 ? 'a bay' : 'its interconnect cables',
    estimateUsd: memoryUsdPerGiB * 512 + joinUsd,
  };
}

/** Year-end dates 2021..2024 with memory $/GiB halving each year from $16 (exactly, on the fractional-year axis). */
const halving = (join: (dt: number) => number = () => 0, devices = 1) =>
  [2021, 2022, 2023, 2024].map((y) => {
    const date = `${y}-12-31`;
    const dt = (isoDateToYear(date) as number) - (isoDateToYear('2024-12-31') as number);
    return point(date, 2 * 2 ** -dt, devices, join(dt) * devices);
  });

describe('projectComponents', () => {
  it('fewer than three points: no fit, no line, no crossing', () => {
    const r = projectComponents(halving().slice(0, 2), 512 * GIB, [3000], 2030);
    expect(r).toEqual({ fit: null, line: [], crossings: [{ thresholdUsd: 3000, date: null }] });
  });

  it('memory halving yearly: -50% a year, the estimate halves each year from the latest point', () => {
    const r = projectComponents(halving(), 512 * GIB, [256, 255], 2030);
    expect(r.fit?.memoryAnnualChange).toBeCloseTo(-0.5, 3);
    expect(r.fit?.joinAnnualChange).toBe(0);
    expect(r.fit?.points).toBe(4);
    // Latest: $2/GiB x 512 GiB = $1024; one year on $512; two years on $256.
    const at = (dt: number) =>
      r.line.find((l) => Math.abs(l.year - (isoDateToYear('2024-12-31') as number) - dt) < 1e-9);
    expect(at(0)?.centralUsd).toBeCloseTo(1024, 6);
    expect(at(1)?.centralUsd).toBeCloseTo(512, 1);
    expect(at(2)?.centralUsd).toBeCloseTo(256, 1);
    // Exact data: the slope's band collapses onto the central line.
    for (const l of r.line) {
      expect(l.lowUsd).toBeLessThanOrEqual(l.centralUsd * (1 + 1e-9));
      expect(l.highUsd).toBeGreaterThanOrEqual(l.centralUsd * (1 - 1e-9));
    }
    // $256 is reached two years on (quarterly steps); $255 a quarter later.
    const latest = isoDateToYear('2024-12-31') as number;
    expect(r.crossings[0]?.date).toBe(yearToIsoDate(latest + 2));
    expect(r.crossings[1]?.date).toBe(yearToIsoDate(latest + 2.25));
  });

  it('the line steps by quarters from the latest point to the end of the horizon year', () => {
    const r = projectComponents(halving(), 512 * GIB, [], 2026);
    const latest = isoDateToYear('2024-12-31') as number;
    expect(r.line[0]?.year).toBe(latest);
    expect(r.line[1]?.year).toBeCloseTo(latest + 0.25, 12);
    expect(r.line.at(-1)?.year).toBeLessThanOrEqual(2027 + 1e-9);
    expect(r.line.at(-1)?.year).toBeGreaterThan(2027 - 0.25);
  });

  it('a join cost rising 10% a year is fitted per device and added to the memory', () => {
    // Each device joined by a bay of $100 x 1.1^dt; the number of devices changes (1, 4, 1, 2), so only the
    // cost per device follows the 10% rate.
    const counts = [1, 4, 1, 2];
    const pts = halving((dt) => 100 * 1.1 ** dt).map((p, i) => {
      const n = counts[i] as number;
      const dt = (isoDateToYear(p.date) as number) - (isoDateToYear('2024-12-31') as number);
      return { ...p, devices: n, joinUsd: n * 100 * 1.1 ** dt };
    });
    const r = projectComponents(pts, 512 * GIB, [], 2030);
    expect(r.fit?.joinAnnualChange).toBeCloseTo(0.1, 6);
    const latest = isoDateToYear('2024-12-31') as number;
    const oneYear = r.line.find((l) => Math.abs(l.year - latest - 1) < 1e-9);
    // Memory $1 x 512 + 2 bays x $110.
    expect(oneYear?.centralUsd).toBeCloseTo(512 + 220, 1);
  });

  it('a join present in fewer than three points is held at its latest value', () => {
    const pts = halving();
    const withJoin = pts.map((p, i) => (i >= 2 ? { ...p, joinUsd: 100 * (i + 1) } : p));
    const r = projectComponents(withJoin, 512 * GIB, [], 2030);
    expect(r.fit?.joinAnnualChange).toBe(0);
    const latest = isoDateToYear('2024-12-31') as number;
    const oneYear = r.line.find((l) => Math.abs(l.year - latest - 1) < 1e-9);
    expect(oneYear?.centralUsd).toBeCloseTo(512 + 400, 1);
  });
});

describe('componentToRigRatio', () => {
  it('the median of estimate / whole-rig price over the months both have', () => {
    const comps = [
      point('2024-01-31', 100 / 512),
      point('2024-02-29', 200 / 512),
      point('2024-03-31', 300 / 512),
    ];
    const rig = [
      { month: '2024-02', priceUsd: 100 },
      { month: '2024-03', priceUsd: 100 },
      { month: '2024-04', priceUsd: 100 },
    ];
    expect(componentToRigRatio(comps, rig)).toBeCloseTo(2.5, 12);
    expect(componentToRigRatio(comps, [{ month: '2025-01', priceUsd: 1 }])).toBeNull();
  });
});

describe('componentPoint on unified machines', () => {
  const dataset: Dataset = {
    items: [machine('small', 300), machine('big', 600)],
    prices: { small: [obs('2024-01-10', 5_000)], big: [obs('2024-01-10', 12_000)] },
    series: [],
  };

  it('one machine that holds the target; two would need a cluster the item does not document', () => {
    const p = componentPoint(dataset, 'gpu-unified', 512 * GIB, '2024-01', '2024-01-31', ['new']);
    expect(p?.memoryItemId).toBe('big');
    expect(p?.devices).toBe(1);
    expect(p?.joinUsd).toBe(0);
    expect(p?.estimateUsd).toBe(12_000);
    expect(p?.joinLabel).toBe('its interconnect cables');
    // $12,000 over the usable GiB: a little under 600 GiB, so a little over $20/GiB.
    expect(p?.memoryUsdPerGiB).toBeGreaterThan(20);
    expect(p?.memoryUsdPerGiB).toBeLessThan(20.5);
  });

  it('a target no single machine holds has no point', () =>
    expect(componentPoint(dataset, 'gpu-unified', 700 * GIB, '2024-01', '2024-01-31', ['new'])).toBeNull());

  it('a smaller target takes the cheaper machine', () =>
    expect(
      componentPoint(dataset, 'gpu-unified', 256 * GIB, '2024-01', '2024-01-31', ['new'])?.memoryItemId,
    ).toBe('small'));

  it('the history has one point per month with a priced option, dated at the month end or the as-of date', () => {
    const h = componentHistory(dataset, {
      rigClass: 'gpu-unified',
      targetBytes: 512 * GIB,
      from: '2023-12',
      to: '2024-03',
      asOf: '2024-03-15',
    });
    expect(h.map((p) => [p.month, p.date])).toEqual([
      ['2024-01', '2024-01-31'],
      ['2024-02', '2024-02-29'],
      ['2024-03', '2024-03-15'],
    ]);
  });
});
