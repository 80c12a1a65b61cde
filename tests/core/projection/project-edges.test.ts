// projectRigCost at its edges, on series whose answer is known without the code: a price that halves every
// year from $8,000 on 1 January 2021 reaches $1,000 on 1 January 2024, exactly. Each test names the boundary
// it sits on (the horizon's last day, the threshold itself, the first day of a window, ...).
import { describe, expect, it } from 'vitest';
import {
  BAND_HIGH_QUANTILE,
  BAND_LOW_QUANTILE,
  type DatedPrice,
  fitAnnualChange,
  projectRigCost,
} from '../../../src/core/projection/project';
import { publishedRate } from '../../../src/core/projection/reference-rates';
import { syntheticSeries } from './prng';

/** $8,000 on 2021-01-01 halving each 1 January: 4,000 (2022), 2,000 (2023). */
const HALVING: DatedPrice[] = [
  { date: '2021-01-01', priceUsd: 8000 },
  { date: '2022-01-01', priceUsd: 4000 },
  { date: '2023-01-01', priceUsd: 2000 },
];

describe('an exact halving series', () => {
  const makeP = () => projectRigCost(HALVING, { thresholdUsd: 1000, horizonYear: 2030 });

  it('fits -50%/yr with no spread and crosses $1,000 on 2024-01-01', () => {
    const p = makeP();
    expect(p.fit).toMatchObject({
      rate: { kind: 'fitted' },
      annualChange: -0.5,
      annualChangeLow: -0.5,
      annualChangeHigh: -0.5,
      residualLowLog: 0,
      residualHighLog: 0,
      pointsUsed: 3,
      firstDate: '2021-01-01',
      lastDate: '2023-01-01',
      excludedBySpike: 0,
      excludedBeforeStart: 0,
    });
    expect(p.outcome).toEqual({
      kind: 'crosses',
      year: 2024,
      date: '2024-01-01',
      range: {
        early: { kind: 'at', year: 2024, date: '2024-01-01' },
        late: { kind: 'at', year: 2024, date: '2024-01-01' },
      },
      trendBelowLatestPrice: false,
    });
    expect(p.startDate).toBe('2023-01-01');
  });

  it('draws the line quarterly from the first point through the end of the horizon year', () => {
    const p = makeP();
    expect(p.line).toHaveLength((2031 - 2021) * 4 + 1);
    expect(p.line[0]).toEqual({
      year: 2021,
      date: '2021-01-01',
      centralUsd: 8000,
      lowUsd: 8000,
      highUsd: 8000,
    });
    expect(p.line[1]?.year).toBe(2021.25);
    expect(p.line[4]?.centralUsd).toBeCloseTo(4000, 6);
    expect(p.line[2]?.centralUsd).toBeCloseTo(8000 / Math.SQRT2, 6);
    const last = p.line[p.line.length - 1];
    expect(last?.year).toBe(2031);
    expect(last?.centralUsd).toBeCloseTo(8000 / 2 ** 10, 9);
  });

  it('a crossing on the last day of the horizon counts; one horizon year earlier it does not', () => {
    expect(projectRigCost(HALVING, { thresholdUsd: 1000, horizonYear: 2023 }).outcome.kind).toBe('crosses');
    const short = projectRigCost(HALVING, { thresholdUsd: 1000, horizonYear: 2022 });
    expect(short.outcome).toEqual({
      kind: 'not-within-horizon',
      horizonYear: 2022,
      range: {
        early: { kind: 'not-within-horizon', horizonYear: 2022 },
        late: { kind: 'not-within-horizon', horizonYear: 2022 },
      },
    });
  });

  it('the order of the history does not matter, and zero or negative prices are dropped', () => {
    const p = makeP();
    const shuffled = [
      HALVING[2],
      HALVING[0],
      { date: '2022-06-01', priceUsd: 0 },
      HALVING[1],
    ] as DatedPrice[];
    expect(projectRigCost(shuffled, { thresholdUsd: 1000, horizonYear: 2030 })).toEqual(p);
    expect(
      projectRigCost([...HALVING, { date: '2023-06-01', priceUsd: -5 }], { thresholdUsd: 1000 }).fit
        ?.pointsUsed,
    ).toBe(3);
  });

  it('a date with a time of day is read by its day', () => {
    const stamped = HALVING.map((x) => ({ ...x, date: `${x.date}T12:00:00Z` }));
    const q = projectRigCost(stamped, { thresholdUsd: 1000, horizonYear: 2030 });
    expect(q.fit?.firstDate).toBe('2021-01-01');
    expect(q.startDate).toBe('2023-01-01');
  });
});

describe('the latest price against the threshold', () => {
  it('a latest price exactly at the threshold is already affordable, since the start of the final run under it', () => {
    const h = [...HALVING, { date: '2024-01-01', priceUsd: 1000 }];
    expect(projectRigCost(h, { thresholdUsd: 1000 }).outcome).toEqual({
      kind: 'already-affordable',
      since: '2024-01-01',
      latestPriceUsd: 1000,
      latestDate: '2024-01-01',
    });
    const run = [...HALVING, { date: '2023-06-01', priceUsd: 1000 }, { date: '2024-01-01', priceUsd: 900 }];
    expect(projectRigCost(run, { thresholdUsd: 1000 }).outcome).toMatchObject({ since: '2023-06-01' });
  });

  it('affordable with too little to fit still says so, with no fit and no line', () => {
    const r = projectRigCost([{ date: '2024-01-01', priceUsd: 500 }], { thresholdUsd: 1000 });
    expect(r.outcome.kind).toBe('already-affordable');
    expect(r.fit).toBeNull();
    expect(r.line).toEqual([]);
  });

  it('too little data has an empty line and no start when there is no point at all', () => {
    const none = projectRigCost([]);
    expect(none).toMatchObject({
      outcome: { kind: 'too-little-data', need: 3, have: 0 },
      fit: null,
      line: [],
    });
    expect(none.startDate).toBeNull();
    const two = projectRigCost(HALVING.slice(0, 2));
    expect(two.line).toEqual([]);
    expect(two.startDate).toBe('2022-01-01');
  });

  it('when the trend is under the threshold at the latest data but the price is not, the crossing is "now"', () => {
    // -50%/yr to 2023, then $1,400 in 2024: the fitted line is already under $1,400 at the latest point.
    const h = [...HALVING, { date: '2024-01-01', priceUsd: 1400 }];
    const now = projectRigCost(h, { thresholdUsd: 1300 });
    if (now.outcome.kind !== 'crosses') throw new Error(now.outcome.kind);
    // The fitted line is under $1,300 already, but the projection starts from the latest $1,400 and a
    // crossing is never in a month whose price is known: $1,400 halving yearly reaches $1,300 after
    // log2(14/13) = 0.107 years, in February 2024.
    expect(now.outcome.trendBelowLatestPrice).toBe(true);
    expect(now.outcome.date.slice(0, 7)).toBe('2024-02');
    const later = projectRigCost(h, { thresholdUsd: 1000 });
    if (later.outcome.kind !== 'crosses') throw new Error(later.outcome.kind);
    expect(later.outcome.trendBelowLatestPrice).toBe(false);
    expect(later.outcome.year).toBeGreaterThan(2024);
  });
});

describe('options', () => {
  it('a NaN threshold or horizon falls back to the defaults; the horizon is rounded', () => {
    const r = projectRigCost(HALVING, { thresholdUsd: Number.NaN, horizonYear: Number.NaN });
    expect(r.thresholdUsd).toBe(3000);
    expect(r.horizonYear).toBe(2036);
    expect(projectRigCost(HALVING, { horizonYear: 2030.4 }).horizonYear).toBe(2030);
    expect(projectRigCost(HALVING, { horizonYear: 2030.6 }).horizonYear).toBe(2031);
  });

  it('the fit window starts on 1 January of fitFromYear, inclusive', () => {
    const h = [{ date: '2020-12-31', priceUsd: 9000 }, ...HALVING, { date: '2024-01-01', priceUsd: 1500 }];
    const r = projectRigCost(h, { fitFromYear: 2021, thresholdUsd: 1000 });
    expect(r.fit).toMatchObject({ pointsUsed: 4, firstDate: '2021-01-01', excludedBeforeStart: 1 });
    // A NaN year is no window.
    expect(projectRigCost(h, { fitFromYear: Number.NaN, thresholdUsd: 1000 }).fit?.excludedBeforeStart).toBe(
      0,
    );
  });

  it('the spike window excludes its first and last day and nothing outside', () => {
    const h = [
      ...HALVING,
      { date: '2023-06-01', priceUsd: 5000 },
      { date: '2023-07-01', priceUsd: 6000 },
      { date: '2023-07-02', priceUsd: 1900 },
    ];
    const r = projectRigCost(h, {
      excludeSpike: true,
      spikeWindow: { from: '2023-06-01', to: '2023-07-01' },
      thresholdUsd: 1000,
    });
    expect(r.fit).toMatchObject({ excludedBySpike: 2, pointsUsed: 4, lastDate: '2023-07-02' });
    const open = projectRigCost(h, {
      excludeSpike: true,
      spikeWindow: { from: '2023-07-01' },
      thresholdUsd: 1000,
    });
    expect(open.fit).toMatchObject({ excludedBySpike: 2, lastDate: '2023-06-01' });
    expect(projectRigCost(h, { spikeWindow: { from: '2023-06-01' } }).fit?.excludedBySpike).toBe(0);
  });

  it('an unknown published rate falls back to the fitted one and says so', () => {
    const r = projectRigCost(HALVING, { rate: { kind: 'published', id: 'no-such-rate' as never } });
    expect(r.fit?.rate).toEqual({ kind: 'fitted' });
    expect(r.fit?.annualChange).toBe(-0.5);
    expect(r.assumptions.find((a) => a.id === 'projection-rate-unknown')?.text).toBe(
      'Unknown published rate "no-such-rate": the fitted rate is used instead',
    );
  });

  it('a published rate with a range spreads the band; one without keeps low = central = high', () => {
    const ranged = publishedRate('gpu-flops-per-usd-epoch-ml');
    const single = publishedRate('dram-since-2010');
    if (!ranged?.annualChangeLow || !ranged.annualChangeHigh || !single) throw new Error('rates moved');
    const a = projectRigCost(HALVING, { rate: { kind: 'published', id: 'gpu-flops-per-usd-epoch-ml' } });
    expect(a.fit?.annualChangeLow).toBeCloseTo(ranged.annualChangeLow, 12);
    expect(a.fit?.annualChangeHigh).toBeCloseTo(ranged.annualChangeHigh, 12);
    const b = projectRigCost(HALVING, { rate: { kind: 'published', id: 'dram-since-2010' } });
    expect(b.fit?.annualChangeLow).toBeCloseTo(single.annualChange, 12);
    expect(b.fit?.annualChangeHigh).toBeCloseTo(single.annualChange, 12);
  });

  it('a fixed rate starts from the latest price, not from the earlier points', () => {
    // $100 in 2021 and $5,000 in 2022 would pull any fitted anchor away from the latest $2,000; the line
    // starts at exactly $2,000 on 2023-01-01 and halves in a year at -50%/yr.
    const h = [
      { date: '2021-01-01', priceUsd: 100 },
      { date: '2022-01-01', priceUsd: 5000 },
      { date: '2023-01-01', priceUsd: 2000 },
    ];
    const r = projectRigCost(h, { rate: { kind: 'custom', annualDeclinePct: 50 }, thresholdUsd: 500 });
    expect(r.line.find((x) => x.date === '2023-01-01')?.centralUsd).toBeCloseTo(2000, 6);
    expect(r.line.find((x) => x.date === '2024-01-01')?.centralUsd).toBeCloseTo(1000, 1);
    // A fitted rate uses every point of the window for its slope.
    const fitted = projectRigCost(h, { thresholdUsd: 500 });
    expect(fitted.fit?.pointsUsed).toBe(3);
  });
});

describe('the band', () => {
  const noisy = syntheticSeries({
    seed: 11,
    fromYear: 2019,
    months: 36,
    startUsd: 30_000,
    annualChange: -0.3,
    noiseSd: 0.1,
  });
  const makeR = () => projectRigCost(noisy, { horizonYear: 2040, thresholdUsd: 1000 });

  it('has a slope interval and residual spread, and the central line always inside it', () => {
    const r = makeR();
    const fit = r.fit;
    if (!fit) throw new Error('no fit');
    expect(fit.annualChangeLow).toBeLessThan(fit.annualChange);
    expect(fit.annualChangeHigh).toBeGreaterThan(fit.annualChange);
    expect(fit.residualLowLog).toBeLessThan(0);
    expect(fit.residualHighLog).toBeGreaterThan(0);
    for (const x of r.line) {
      expect(x.lowUsd).toBeLessThanOrEqual(x.centralUsd);
      expect(x.highUsd).toBeGreaterThanOrEqual(x.centralUsd);
    }
  });

  it('widens with time (the slope interval) and is never thinner than the residual spread', () => {
    const r = makeR();
    const fit = r.fit;
    if (!fit) throw new Error('no fit');
    const first = r.line[0];
    const last = r.line[r.line.length - 1];
    if (!first || !last) throw new Error('no line');
    const spread = (x: { lowUsd: number; highUsd: number }) => Math.log(x.highUsd / x.lowUsd);
    expect(spread(last)).toBeGreaterThan(spread(first));
    for (const x of r.line)
      expect(spread(x)).toBeGreaterThanOrEqual(fit.residualHighLog - fit.residualLowLog - 1e-9);
    // The residual quantiles are the band's: the 10th and 90th percentiles.
    expect([BAND_LOW_QUANTILE, BAND_HIGH_QUANTILE]).toEqual([0.1, 0.9]);
  });

  it('the early edge comes before the central crossing, the late edge after', () => {
    const r = makeR();
    if (r.outcome.kind !== 'crosses') throw new Error(r.outcome.kind);
    const { early, late } = r.outcome.range;
    if (early.kind !== 'at' || late.kind !== 'at') throw new Error('open range');
    expect(early.year).toBeLessThan(r.outcome.year);
    expect(late.year).toBeGreaterThan(r.outcome.year);
  });
});

describe('assumptions listed with a projection', () => {
  it('method and threshold always; the rate, the spike and the fit window when chosen', () => {
    const plain = projectRigCost(HALVING, { thresholdUsd: 2500, horizonYear: 2031 });
    expect(plain.assumptions.map((a) => a.id)).toEqual(['projection-method', 'projection-threshold']);
    expect(plain.assumptions[1]?.text).toBe('Threshold $2,500, horizon through 2031');
    expect(plain.assumptions[0]?.text).toMatch(/^Exponential trend: Theil–Sen .*10th\/90th percentile/);
    for (const a of plain.assumptions) expect(a.source).toBe('src/core/projection/README.md');

    const all = projectRigCost(HALVING, {
      rate: { kind: 'custom', annualDeclinePct: 25 },
      excludeSpike: true,
      fitFromYear: 2021,
    });
    expect(all.assumptions.map((a) => a.id)).toEqual([
      'projection-method',
      'projection-threshold',
      'projection-rate',
      'projection-spike-excluded',
      'projection-fit-window',
    ]);
    const text = (id: string) => all.assumptions.find((a) => a.id === id)?.text;
    expect(text('projection-rate')).toBe('Rate: custom decline of 25%/yr, anchored on the data');
    expect(text('projection-spike-excluded')).toBe(
      'Fit excludes the 2025–26 DRAM price spike (2025-09-01 to the latest data)',
    );
    expect(all.assumptions.find((a) => a.id === 'projection-spike-excluded')?.source).toMatch(/^https:\/\//);
    expect(text('projection-fit-window')).toBe('Fit window starts 1 January 2021');
    const closed = projectRigCost(HALVING, {
      excludeSpike: true,
      spikeWindow: { from: '2025-09-01', to: '2026-03-31' },
    });
    expect(closed.assumptions.find((a) => a.id === 'projection-spike-excluded')?.text).toContain(
      '(2025-09-01 to 2026-03-31)',
    );
  });

  it('a published rate names itself, its rate and its period, with its source', () => {
    const rate = publishedRate('dram-since-2010');
    if (!rate) throw new Error('rate moved');
    const r = projectRigCost(HALVING, { rate: { kind: 'published', id: 'dram-since-2010' } });
    const a = r.assumptions.find((x) => x.id === 'projection-rate');
    expect(a?.text).toBe(
      `Rate: ${rate.label}, ${(rate.annualChange * 100).toFixed(1)}%/yr (2010–2020), anchored on the data`,
    );
    expect(a?.text).toContain('-15.2%/yr'); // ten times cheaper in 14 years: 10^(-1/14) - 1
    expect(a?.source).toBe(rate.source.url);
  });
});

describe('fitAnnualChange windows', () => {
  const series = [
    { date: '2019-12-31', priceUsd: 1 },
    { date: '2020-01-01', priceUsd: 1000 },
    { date: '2021-01-01', priceUsd: 500 },
    { date: '2021-12-31', priceUsd: 500 * 0.5 ** (364 / 365) },
    { date: '2022-01-01', priceUsd: 1 },
  ];
  it('counts 1 January of fromYear and 31 December of toYear, and nothing outside', () => {
    const fit = fitAnnualChange(series, 2020, 2021);
    expect(fit?.points).toBe(3);
    expect(fit?.annualChange).toBeCloseTo(-0.5, 6);
    expect(fitAnnualChange(series)?.points).toBe(5);
    expect(fitAnnualChange(series, 2022)?.points).toBeUndefined();
  });
});
