import { describe, expect, it } from 'vitest';
import {
  type DatedPrice,
  DRAM_SPIKE_WINDOW,
  fitAnnualChange,
  MIN_FIT_POINTS,
  type ProjectionOutcome,
  projectRigCost,
} from '../../../src/core/projection/project';
import { mulberry32, syntheticSeries } from './prng';

function yearOf(o: ProjectionOutcome): number {
  if (o.kind !== 'crosses') throw new Error(`expected a crossing, got ${o.kind}`);
  return o.year;
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

describe('projectRigCost: recovering known rates', () => {
  it('recovers -25%/yr within ±2 points through lognormal noise and 10% outliers', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const history = syntheticSeries({
        seed,
        fromYear: 2016,
        months: 120,
        startUsd: 60_000,
        annualChange: -0.25,
        noiseSd: 0.08,
        outlierShare: 0.1,
      });
      const p = projectRigCost(history);
      expect(p.fit?.annualChange).toBeGreaterThan(-0.27);
      expect(p.fit?.annualChange).toBeLessThan(-0.23);
      expect(p.fit?.annualChangeLow).toBeLessThan(p.fit?.annualChange as number);
      expect(p.fit?.annualChangeHigh).toBeGreaterThan(p.fit?.annualChange as number);
    }
  });

  it('puts the crossing where the true line crosses, inside the band', () => {
    // Noise-free -20%/yr from $40,000 on 2020-01-15: $3,000 is reached after ln(3000/40000)/ln(0.8) years.
    const history = syntheticSeries({
      seed: 9,
      fromYear: 2020,
      months: 60,
      startUsd: 40_000,
      annualChange: -0.2,
    });
    const p = projectRigCost(history, { thresholdUsd: 3000 });
    const expected = 2020 + 14 / 366 + Math.log(3000 / 40_000) / Math.log(0.8);
    expect(yearOf(p.outcome)).toBeCloseTo(expected, 1);
    if (p.outcome.kind !== 'crosses') return;
    const { early, late } = p.outcome.range;
    expect(early.kind).toBe('at');
    expect(late.kind).toBe('at');
    if (early.kind === 'at' && late.kind === 'at') {
      expect(early.year).toBeLessThanOrEqual(p.outcome.year);
      expect(late.year).toBeGreaterThanOrEqual(p.outcome.year);
    }
  });

  it('uses a custom rate instead of the fitted one, and a published rate by id', () => {
    const history = syntheticSeries({
      seed: 4,
      fromYear: 2018,
      months: 48,
      startUsd: 50_000,
      annualChange: -0.1,
    });
    const custom = projectRigCost(history, { rate: { kind: 'custom', annualDeclinePct: 30 } });
    expect(custom.fit?.annualChange).toBeCloseTo(-0.3, 12);
    const published = projectRigCost(history, { rate: { kind: 'published', id: 'dram-mccallum-1957-2020' } });
    expect(published.fit?.annualChange).toBeCloseTo(10 ** (-1 / 5.1) - 1, 12);
    expect(yearOf(custom.outcome)).toBeLessThan(
      yearOf(projectRigCost(history, { horizonYear: 2060 }).outcome),
    );
  });
});

describe('projectRigCost: the spike switch and the fit window', () => {
  // A falling trend to mid-2025, then prices double and keep rising through 2026.
  const trend = syntheticSeries({
    seed: 11,
    fromYear: 2019,
    months: 80,
    startUsd: 30_000,
    annualChange: -0.2,
    noiseSd: 0.03,
  });
  const beforeSpike = trend.filter((p) => p.date < DRAM_SPIKE_WINDOW.from);
  const lastPre = beforeSpike[beforeSpike.length - 1] as DatedPrice;
  const spike: DatedPrice[] = [
    '2025-09-15',
    '2025-10-15',
    '2025-11-15',
    '2025-12-15',
    '2026-01-15',
    '2026-02-15',
  ]
    .concat(['2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15', '2026-07-15', '2026-08-15'])
    .map((date, i) => ({ date, priceUsd: lastPre.priceUsd * (1.4 + 0.15 * i) }));
  const history = [...beforeSpike, ...spike];

  it('excluding the spike recovers the pre-spike decline and crosses earlier', () => {
    const withSpike = projectRigCost(history);
    const without = projectRigCost(history, { excludeSpike: true });
    expect(without.fit?.excludedBySpike).toBe(spike.length);
    expect(without.fit?.annualChange).toBeGreaterThan(-0.22);
    expect(without.fit?.annualChange).toBeLessThan(-0.18);
    // The spike flattens the fitted decline.
    expect(withSpike.fit?.annualChange).toBeGreaterThan(without.fit?.annualChange as number);
    const tWithout = yearOf(without.outcome);
    if (withSpike.outcome.kind === 'crosses') expect(withSpike.outcome.year).toBeGreaterThan(tWithout);
    else expect(withSpike.outcome.kind).toBe('not-within-horizon');
  });

  it('a fit window that starts after the decline sees only the rise: not within the horizon', () => {
    const p = projectRigCost(history, { fitFromYear: 2025, horizonYear: 2036 });
    expect(p.fit?.excludedBeforeStart).toBeGreaterThan(0);
    expect(p.fit?.annualChange).toBeGreaterThan(0);
    expect(p.outcome.kind).toBe('not-within-horizon');
  });
});

describe('projectRigCost: invariants (seeded property checks)', () => {
  const rand = mulberry32(2026);
  const cases = Array.from({ length: 40 }, (_, i) =>
    syntheticSeries({
      seed: 100 + i,
      fromYear: 2015 + Math.floor(rand() * 6),
      months: 12 + Math.floor(rand() * 100),
      startUsd: 8000 + rand() * 90_000,
      annualChange: -0.4 + rand() * 0.5,
      noiseSd: rand() * 0.3,
      outlierShare: rand() * 0.15,
    }),
  );
  const crossingOrInfinity = (o: ProjectionOutcome) =>
    o.kind === 'crosses' ? o.year : o.kind === 'already-affordable' ? -Infinity : Infinity;

  it('a higher threshold is never reached later (central line and both band edges)', () => {
    for (const h of cases) {
      let previous = Infinity;
      let previousEarly = Infinity;
      let previousLate = Infinity;
      for (const threshold of [1000, 2000, 3000, 5000, 7500, 10_000]) {
        const o = projectRigCost(h, { thresholdUsd: threshold }).outcome;
        const t = crossingOrInfinity(o);
        expect(t).toBeLessThanOrEqual(previous);
        previous = t;
        if (o.kind === 'crosses' || o.kind === 'not-within-horizon') {
          const e = o.range.early.kind === 'at' ? o.range.early.year : Infinity;
          const l = o.range.late.kind === 'at' ? o.range.late.year : Infinity;
          expect(e).toBeLessThanOrEqual(previousEarly);
          expect(l).toBeLessThanOrEqual(previousLate);
          expect(e).toBeLessThanOrEqual(t);
          expect(l).toBeGreaterThanOrEqual(t === -Infinity ? -Infinity : t);
          previousEarly = e;
          previousLate = l;
        }
      }
    }
  });

  it('a faster decline never crosses later', () => {
    for (const h of cases) {
      let previous = Infinity;
      for (const pct of [-5, 0, 5, 10, 20, 35, 50]) {
        const t = crossingOrInfinity(
          projectRigCost(h, { rate: { kind: 'custom', annualDeclinePct: pct } }).outcome,
        );
        expect(t).toBeLessThanOrEqual(previous);
        previous = t;
      }
    }
  });

  it('never returns NaN or Infinity anywhere in the result', () => {
    for (const h of cases) {
      for (const rate of [{ kind: 'fitted' as const }, { kind: 'custom' as const, annualDeclinePct: -300 }]) {
        expect(allFinite(projectRigCost(h, { rate, horizonYear: 2060 }))).toBe(true);
      }
    }
  });
});

describe('projectRigCost: edge cases', () => {
  const point = (date: string, priceUsd: number): DatedPrice => ({ date, priceUsd });

  it('0, 1 and 2 points are too little data', () => {
    expect(projectRigCost([]).outcome).toEqual({ kind: 'too-little-data', need: MIN_FIT_POINTS, have: 0 });
    expect(projectRigCost([point('2024-01-31', 20_000)]).outcome).toMatchObject({
      kind: 'too-little-data',
      have: 1,
    });
    const two = [point('2024-01-31', 20_000), point('2024-02-29', 19_000)];
    expect(projectRigCost(two).outcome).toMatchObject({ kind: 'too-little-data', have: 2 });
  });

  it('all points on one date are one distinct date: too little data', () => {
    const same = [point('2025-03-31', 9000), point('2025-03-31', 8000), point('2025-03-31', 12_000)];
    expect(projectRigCost(same).outcome).toMatchObject({ kind: 'too-little-data', have: 1 });
  });

  it('invalid prices and dates are dropped, not propagated', () => {
    const bad = [point('2024-13-01', 100), point('2024-01-31', Number.NaN), point('2024-02-29', -5)];
    expect(projectRigCost(bad).outcome).toMatchObject({ kind: 'too-little-data', have: 0 });
  });

  it('a flat trend is not within the horizon, with an open-ended band', () => {
    const flat = ['2023-01-31', '2023-06-30', '2024-01-31', '2024-06-30', '2025-01-31'].map((d) =>
      point(d, 20_000),
    );
    const p = projectRigCost(flat);
    expect(p.fit?.annualChange).toBe(0);
    expect(p.outcome).toEqual({
      kind: 'not-within-horizon',
      horizonYear: 2036,
      range: {
        early: { kind: 'not-within-horizon', horizonYear: 2036 },
        late: { kind: 'not-within-horizon', horizonYear: 2036 },
      },
    });
  });

  it('a rising trend is not within the horizon', () => {
    const rising = syntheticSeries({
      seed: 3,
      fromYear: 2022,
      months: 36,
      startUsd: 10_000,
      annualChange: 0.15,
    });
    expect(projectRigCost(rising).outcome.kind).toBe('not-within-horizon');
  });

  it('already below the threshold: affordable since the start of the final run under it', () => {
    const h = [point('2024-01-31', 4000), point('2024-02-29', 2900), point('2024-03-31', 3100)].concat([
      point('2024-04-30', 2950),
      point('2024-05-31', 2800),
    ]);
    expect(projectRigCost(h, { thresholdUsd: 3000 }).outcome).toEqual({
      kind: 'already-affordable',
      since: '2024-04-30',
      latestPriceUsd: 2800,
      latestDate: '2024-05-31',
    });
    // Even one point is enough to say so: it is an observation, not a projection.
    expect(projectRigCost([point('2024-05-31', 2800)]).outcome.kind).toBe('already-affordable');
  });

  it('clamps the threshold to $1,000-$10,000 and defaults it to $3,000', () => {
    expect(projectRigCost([], { thresholdUsd: 50 }).thresholdUsd).toBe(1000);
    expect(projectRigCost([], { thresholdUsd: 1e9 }).thresholdUsd).toBe(100_000);
    expect(projectRigCost([], { thresholdUsd: 15_000 }).thresholdUsd).toBe(15_000);
    expect(projectRigCost([], { thresholdUsd: Number.NaN }).thresholdUsd).toBe(3000);
  });

  it('a crossing after the horizon is not within it, and a later horizon finds it', () => {
    const slow = syntheticSeries({
      seed: 5,
      fromYear: 2020,
      months: 60,
      startUsd: 100_000,
      annualChange: -0.1,
    });
    const p = projectRigCost(slow, { horizonYear: 2036 });
    expect(p.outcome.kind).toBe('not-within-horizon');
    const later = projectRigCost(slow, { horizonYear: 2060 });
    expect(yearOf(later.outcome)).toBeGreaterThan(2037);
  });
});

describe('fitAnnualChange', () => {
  it('measures a series rate inside a year window', () => {
    const s = syntheticSeries({ seed: 21, fromYear: 2000, months: 240, startUsd: 1000, annualChange: -0.36 });
    const late = s.map((p, i) =>
      i >= 120 ? { ...p, priceUsd: (s[119]?.priceUsd ?? 0) * 0.87 ** ((i - 119) / 12) } : p,
    );
    expect(fitAnnualChange(late, 2000, 2009)?.annualChange).toBeCloseTo(-0.36, 6);
    expect(fitAnnualChange(late, 2010, 2019)?.annualChange).toBeCloseTo(-0.13, 6);
    expect(fitAnnualChange(late, 2030, 2031)).toBeNull();
  });
});

describe('fixed rates start from recent prices', () => {
  it('starts every rate from the latest observed price, with or without the spike window', () => {
    // Two years at $20,000, then a year at $40,000: a flat custom rate stays at $40,000.
    const history: DatedPrice[] = [];
    for (let i = 0; i < 36; i++) {
      const y = 2023 + Math.floor(i / 12);
      history.push({
        date: `${y}-${String((i % 12) + 1).padStart(2, '0')}-28`,
        priceUsd: i < 24 ? 20_000 : 40_000,
      });
    }
    const flat = projectRigCost(history, { rate: { kind: 'custom', annualDeclinePct: 0 } });
    const future = flat.line[flat.line.length - 1];
    expect(future?.centralUsd).toBeCloseTo(40_000, 6);
    expect(flat.outcome.kind).toBe('not-within-horizon');
    // Leaving the last year out of the fit changes the fitted rate, not where the line starts: the latest
    // price is a fact.
    const excluded = projectRigCost(history, {
      rate: { kind: 'custom', annualDeclinePct: 0 },
      excludeSpike: true,
      spikeWindow: { from: '2025-01-01' },
    });
    expect(excluded.line[excluded.line.length - 1]?.centralUsd).toBeCloseTo(40_000, 6);
    // A 20%/yr decline from $40,000 (the latest point, 2025-12-28) reaches $10,000, a quarter of it, after
    // ln 4 / -ln 0.8 = 6.21 years.
    const falling = projectRigCost(history, {
      rate: { kind: 'custom', annualDeclinePct: 20 },
      thresholdUsd: 10_000,
    });
    expect(falling.outcome.kind).toBe('crosses');
    if (falling.outcome.kind === 'crosses') {
      const fromLatest = Math.log(4) / -Math.log(0.8);
      expect(falling.outcome.year).toBeCloseTo(2025 + 11 / 12 + 27 / 365 + fromLatest, 1);
    }
  });

  it('never dates a crossing at or before the latest month while the latest price is above the threshold', () => {
    // Falling fast for two years, then one expensive month: the trend is far under the threshold, the
    // latest price is not.
    const history: DatedPrice[] = [];
    for (let i = 0; i < 24; i++) {
      history.push({
        date: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
        priceUsd: 20_000 * 0.9 ** i,
      });
    }
    history.push({ date: '2025-01-15', priceUsd: 19_000 });
    const p = projectRigCost(history, { thresholdUsd: 5000 });
    expect(p.outcome.kind).toBe('crosses');
    if (p.outcome.kind !== 'crosses') return;
    expect(p.outcome.date > '2025-01-31').toBe(true);
    expect(p.outcome.trendBelowLatestPrice).toBe(true);
    const early = p.outcome.range.early;
    expect(early.kind === 'at' && early.date > '2025-01-15').toBe(true);
    // The band at the start holds the latest point.
    const start = p.line.find((l) => l.date >= '2025-01-01');
    expect(start?.lowUsd ?? Infinity).toBeLessThanOrEqual(19_000 * 1.05);
    expect(start?.highUsd ?? 0).toBeGreaterThanOrEqual(19_000 * 0.95);
  });

  it('a price exactly at the threshold is already affordable; one dollar above is not', () => {
    const history: DatedPrice[] = [
      { date: '2024-01-15', priceUsd: 9000 },
      { date: '2024-06-15', priceUsd: 7000 },
      { date: '2025-01-15', priceUsd: 5000 },
    ];
    expect(projectRigCost(history, { thresholdUsd: 5000 }).outcome.kind).toBe('already-affordable');
    const above = [...history.slice(0, 2), { date: '2025-01-15', priceUsd: 5001 }];
    const p = projectRigCost(above, { thresholdUsd: 5000 });
    expect(p.outcome.kind).toBe('crosses');
    if (p.outcome.kind === 'crosses') expect(p.outcome.date >= '2025-02-14').toBe(true);
  });
});
