// The answer per rig class on data small enough to follow by hand: the sentence word for word from made-up
// outlooks, each outcome's wording, and classOutlookSteps' chunks of months on an 18-month dataset.
import { describe, expect, it } from 'vitest';
import {
  ANSWER_THRESHOLDS_USD,
  answerSentence,
  type ClassOutlook,
  classOutlook,
  classOutlookSteps,
  describeOutcome,
  OUTLOOK_STEP_MONTHS,
  reprojectOutlook,
} from '../../../src/core/projection/answer';
import type { ComponentPoint } from '../../../src/core/projection/components';
import { DEFAULT_HORIZON_YEAR, type ProjectionOutcome } from '../../../src/core/projection/project';
import type { RigCostPoint } from '../../../src/core/projection/rig-history';
import type { Dataset, } from '../../../src/data/schema';
import { obs, unifiedMachine } from './unified-fixture';

const machine = (id: string, releasedOn?: string) => unifiedMachine(id, releasedOn ? { releasedOn } : {});

const GIB = 2 ** 30;

describe('describeOutcome', () => {
  it('already affordable names the month it got there', () =>
    expect(
      describeOutcome(
        { kind: 'already-affordable', since: '2025-09-30', latestPriceUsd: 2500, latestDate: '2026-09-30' },
        3000,
      ),
    ).toBe('is already at or below $3,000 (since 2025-09)'));

  it('a crossing gives its month and the band, each edge a month or "after" the horizon', () => {
    const crosses = (early: 'at' | 'out', late: 'at' | 'out'): ProjectionOutcome => ({
      kind: 'crosses',
      year: 2029.3,
      date: '2029-04-15',
      trendBelowLatestPrice: false,
      range: {
        early:
          early === 'at'
            ? { kind: 'at', year: 2028, date: '2028-01-01' }
            : { kind: 'not-within-horizon', horizonYear: 2036 },
        late:
          late === 'at'
            ? { kind: 'at', year: 2031.5, date: '2031-07-02' }
            : { kind: 'not-within-horizon', horizonYear: 2036 },
      },
    });
    expect(describeOutcome(crosses('at', 'out'), 5000)).toBe(
      'reaches $5,000 around 2029-04 (band 2028-01 to after 2036)',
    );
    expect(describeOutcome(crosses('at', 'at'), 5000)).toBe(
      'reaches $5,000 around 2029-04 (band 2028-01 to 2031-07)',
    );
    expect(describeOutcome(crosses('out', 'out'), 5000)).toBe(
      'reaches $5,000 around 2029-04 (band after 2036 to after 2036)',
    );
  });

  it('no crossing by the horizon, with the band cheap edge when it crosses', () => {
    expect(
      describeOutcome(
        {
          kind: 'not-within-horizon',
          horizonYear: 2036,
          range: {
            early: { kind: 'at', year: 2031.8, date: '2031-10-20' },
            late: { kind: 'not-within-horizon', horizonYear: 2036 },
          },
        },
        3000,
      ),
    ).toBe("does not reach $3,000 by 2036 on this trend (the band's cheap edge does by 2031-10)");
    expect(
      describeOutcome(
        {
          kind: 'not-within-horizon',
          horizonYear: 2040,
          range: {
            early: { kind: 'not-within-horizon', horizonYear: 2040 },
            late: { kind: 'not-within-horizon', horizonYear: 2040 },
          },
        },
        3000,
      ),
    ).toBe('does not reach $3,000 by 2040 on this trend');
  });

  it('too little data says how much it has and needs; dollars are rounded with thousands separators', () => {
    expect(describeOutcome({ kind: 'too-little-data', have: 2, need: 6 }, 12_345.5)).toBe(
      'has too little history to project to $12,346 (2 months, 6 needed)',
    );
  });
});

const latest = (priceUsd: number, decode: number, label: string, date = '2026-09-30'): RigCostPoint => ({
  month: date.slice(0, 7),
  date,
  priceUsd,
  rigId: label,
  rigLabel: label,
  rigShortLabel: label,
  rigKind: 'multi-gpu',
  oldestPriceOn: date,
  decodeTokensPerSecond: decode,
  prefillTokensPerSecond: null,
});

const outlook = (
  rigClass: ClassOutlook['rigClass'],
  targetGiB: number,
  points: RigCostPoint[],
  projections: { thresholdUsd: number; outcome: ProjectionOutcome; fit?: [number, number, number] }[] = [],
): ClassOutlook =>
  ({
    rigClass,
    targetBytes: targetGiB * GIB,
    history: { points },
    projections: projections.map((p) => ({
      thresholdUsd: p.thresholdUsd,
      outcome: p.outcome,
      fit: p.fit ? { annualChange: p.fit[0], annualChangeLow: p.fit[1], annualChangeHigh: p.fit[2] } : null,
    })),
  }) as unknown as ClassOutlook;

const never = (horizonYear = 2036): ProjectionOutcome => ({
  kind: 'not-within-horizon',
  horizonYear,
  range: {
    early: { kind: 'not-within-horizon', horizonYear },
    late: { kind: 'not-within-horizon', horizonYear },
  },
});

describe('answerSentence', () => {
  it('no outlooks, no sentence', () => expect(answerSentence([])).toBe(''));

  it('the first class gets the price, the rig, the fitted rate and each threshold; the others their price', () => {
    const first = outlook(
      'good-fp8',
      512,
      [latest(99, 1, 'old', '2026-08-31'), latest(375_000.4, 432.4, 'DGX H100')],
      [
        { thresholdUsd: 3000, outcome: never(), fit: [0.057, 0.048, 0.064] },
        {
          thresholdUsd: 5000,
          outcome: {
            kind: 'not-within-horizon',
            horizonYear: 2036,
            range: {
              early: { kind: 'at', year: 2030, date: '2030-01-01' },
              late: { kind: 'not-within-horizon', horizonYear: 2036 },
            },
          },
          fit: [0.057, 0.048, 0.064],
        },
      ],
    );
    const second = outlook(
      'gpu-unified',
      512,
      [latest(70_000, 9.94, '6 × RTX PRO 6000 Max-Q')],
      [{ thresholdUsd: 3000, outcome: never(), fit: [-0.224, -0.3, -0.1] }],
    );
    const third = outlook('any', 512, [latest(5201, 10, 'R740 + 24 × 32 GB')]);
    expect(answerSentence([first, second, third])).toBe(
      'A 512 GB rig of VRAM/unified memory with good fp8 costs $375,000 as of 2026-09 (cheapest: DGX H100, 432 tokens/s on a model that fills it). ' +
        'At the fitted +6%/yr [+5%, +6%] from the latest price, it does not reach $3,000 by 2036 on this trend; ' +
        "it does not reach $5,000 by 2036 on this trend (the band's cheap edge does by 2030-01). " +
        'A 512 GB rig of VRAM/unified memory, any precision costs $70,000 as of 2026-09 (cheapest: 6 × RTX PRO 6000 Max-Q, 9.9 tokens/s on a model that fills it). ' +
        'A 512 GB rig of any memory, CPU RAM included costs $5,201 as of 2026-09 (cheapest: R740 + 24 × 32 GB, 10 tokens/s on a model that fills it).',
    );
  });

  it('a falling rate is written with a minus sign; without a fit the sentence starts "It"', () => {
    const falling = outlook(
      'gpu-unified',
      1024,
      [latest(70_000, 12, 'X')],
      [{ thresholdUsd: 3000, outcome: never(), fit: [-0.224, -0.3, 0.001] }],
    );
    expect(answerSentence([falling])).toContain('1 TB rig');
    expect(answerSentence([falling])).toContain(
      'At the fitted −22%/yr [−30%, +0%] from the latest price, it does',
    );
    const unfitted = outlook(
      'gpu-unified',
      1023,
      [latest(70_000, 12, 'X')],
      [{ thresholdUsd: 3000, outcome: { kind: 'too-little-data', have: 1, need: 6 } }],
    );
    expect(answerSentence([unfitted])).toBe(
      'A 1023 GB rig of VRAM/unified memory, any precision costs $70,000 as of 2026-09 (cheapest: X, 12 tokens/s on a model that fills it). ' +
        'It has too little history to project to $3,000 (1 months, 6 needed).',
    );
  });

  it('a class without a priced rig says so, and the next class is still context only', () => {
    const empty = outlook('any', 512, [], [{ thresholdUsd: 3000, outcome: never(), fit: [0.1, 0, 0.2] }]);
    const next = outlook(
      'good-fp8',
      512,
      [latest(1000, 50, 'Y')],
      [{ thresholdUsd: 3000, outcome: never(), fit: [0.1, 0, 0.2] }],
    );
    expect(answerSentence([empty, next])).toBe(
      'No 512 GB rig of any memory, CPU RAM included has a price in the dataset. ' +
        'A 512 GB rig of VRAM/unified memory with good fp8 costs $1,000 as of 2026-09 (cheapest: Y, 50 tokens/s on a model that fills it).',
    );
  });
});

// Two unified machines (an sm_90 class: the whole pool less one CUDA context is usable, so 600 GiB holds 512).
// Prices from 2024-01 to 2025-06: 18 months.
const makeDataset = (): Dataset => ({
  items: [machine('box-a'), machine('box-b')],
  prices: {
    'box-a': [obs('2024-01-10', 20_000), obs('2024-02-10', 18_000), obs('2024-03-10', 16_000)],
    'box-b': [obs('2024-01-20', 30_000), obs('2025-06-30', 25_000)],
  },
  series: [],
});

function run(ds: Dataset, opts: Parameters<typeof classOutlookSteps>[1], step?: number) {
  const steps = classOutlookSteps(ds, opts, step);
  let yields = 0;
  for (;;) {
    const s = steps.next();
    if (s.done) return { yields, outlook: s.value };
    yields++;
  }
}

describe('classOutlookSteps', () => {
  const opts = { rigClass: 'gpu-unified' as const, targetBytes: 512 * GIB };

  it('18 months in steps of 6: three history chunks and three component chunks', () => {
    expect(OUTLOOK_STEP_MONTHS).toBe(6);
    const { yields, outlook: o } = run(makeDataset(), opts);
    expect(yields).toBe(6);
    expect(o.history.points[0]?.month).toBe('2024-01');
    expect(o.history.points.at(-1)?.month).toBe('2025-06');
    expect(o.components[0]?.month).toBe('2024-01');
    expect(o.components.at(-1)?.month).toBe('2025-06');
    // The same as running it in one go on a fresh copy.
    const whole = classOutlook(makeDataset(), opts);
    expect(o.history.points).toEqual(whole.history.points);
    expect(o.components).toEqual(whole.components);
    expect(o.projections).toEqual(whole.projections);
  });

  it('steps of 4, of 1 (0 is taken as 1) and of 2 (2.9 rounds down)', () => {
    expect(run(makeDataset(), opts, 4).yields).toBe(10);
    expect(run(makeDataset(), opts, 1).yields).toBe(36);
    expect(run(makeDataset(), opts, 0).yields).toBe(36);
    expect(run(makeDataset(), opts, 2.9).yields).toBe(18);
    expect(run(makeDataset(), opts, 18).yields).toBe(2);
    expect(run(makeDataset(), opts, 17).yields).toBe(4);
  });

  it('an as-of date inside the data ends both at its month, priced as of the day', () => {
    const { yields, outlook: o } = run(makeDataset(), { ...opts, asOf: '2024-06-15' });
    expect(yields).toBe(2);
    expect(o.history.points.at(-1)?.date).toBe('2024-06-15');
    expect(o.components.at(-1)).toMatchObject({ month: '2024-06', date: '2024-06-15' });
  });

  it('an as-of date after the data: the history stops at the data, the components run to the date', () => {
    const { yields, outlook: o } = run(makeDataset(), { ...opts, asOf: '2026-01-15' });
    // History 2024-01..2025-06 (3 chunks); components 2024-01..2026-01, 25 months (5 chunks).
    expect(yields).toBe(8);
    expect(o.components.at(-1)).toMatchObject({ month: '2026-01', date: '2026-01-15' });
    expect(o.components[0]?.month).toBe('2024-01');
  });

  it('components start no earlier than 2019-01', () => {
    const base = makeDataset();
    const ds: Dataset = {
      ...base,
      items: [...base.items, machine('old', '2018-01-01')],
      prices: { ...base.prices, old: [obs('2018-07-10', 90_000)] },
    };
    const { yields, outlook: o } = run(ds, opts);
    // History 2018-07..2025-06: 84 months, 14 chunks; components 2019-01..2025-06: 78 months, 13 chunks.
    expect(yields).toBe(27);
    expect(o.history.points[0]?.month).toBe('2018-07');
    expect(o.components[0]?.month).toBe('2019-01');
  });

  it('an empty dataset: no steps, no points', () => {
    const { yields, outlook: o } = run({ items: [], prices: {}, series: [] }, opts);
    expect(yields).toBe(0);
    expect(o.history.points).toEqual([]);
    expect(o.components).toEqual([]);
    expect(o.projections.map((p) => p.outcome.kind)).toEqual(['too-little-data', 'too-little-data']);
  });
});

describe('reprojectOutlook', () => {
  const base = () => classOutlook(makeDataset(), { rigClass: 'gpu-unified', targetBytes: 512 * GIB });

  it('one projection per threshold: $3,000 and $5,000 unless told; a single thresholdUsd is ignored', () => {
    expect(ANSWER_THRESHOLDS_USD).toEqual([3000, 5000]);
    expect(base().projections.map((p) => p.thresholdUsd)).toEqual([3000, 5000]);
    const r = reprojectOutlook(base(), { thresholdUsd: 7 });
    expect(r.projections.map((p) => p.thresholdUsd)).toEqual([3000, 5000]);
    const s = reprojectOutlook(base(), { thresholdsUsd: [40_000, 20_000, 10_000] });
    expect(s.projections.map((p) => p.thresholdUsd)).toEqual([40_000, 20_000, 10_000]);
    expect(s.componentProjection.crossings.map((c) => c.thresholdUsd)).toEqual([40_000, 20_000, 10_000]);
    // Every month's cheapest rig costs $16,000-30,000: under $40,000 from the first month, never under $10,000.
    expect(s.projections[0]?.outcome.kind).toBe('already-affordable');
    expect(s.projections[2]?.outcome.kind).not.toBe('already-affordable');
  });

  it('the component line runs to the horizon the options give (default 2036), a quarter at a time', () => {
    const d = base().componentProjection.line;
    expect(DEFAULT_HORIZON_YEAR).toBe(2036);
    // To the end of the horizon year: the last quarter step is within 0.25 of 2037.
    expect(d.at(-1)?.year).toBeGreaterThan(2036.75);
    expect(d.at(-1)?.year).toBeLessThanOrEqual(2037);
    const r = reprojectOutlook(base(), { horizonYear: 2030 }).componentProjection.line;
    expect(r.at(-1)?.year).toBeGreaterThan(2030.75);
    expect(r.at(-1)?.year).toBeLessThanOrEqual(2031);
    expect(r[0]?.year).toBe(d[0]?.year);
  });

  it('the component-to-rig ratio is the median of estimate over price in shared months', () => {
    const o = base();
    const points = o.history.points;
    // A unified machine joins over its own cables at $0: the estimate is the machine's price, the same as the
    // whole rig's in every month.
    expect(o.componentToRig).toBe(1);
    const halved: ComponentPoint[] = o.components.map((c) => ({ ...c, estimateUsd: c.estimateUsd / 2 }));
    expect(reprojectOutlook({ ...o, components: halved }, {}).componentToRig).toBe(0.5);
    expect(reprojectOutlook({ ...o, components: [] }, {}).componentToRig).toBeNull();
    expect(points.length).toBeGreaterThan(0);
  });

  it('a backtest per cut-off, and no fit floor for a class without own kinds', () => {
    const o = base();
    expect(o.backtest.map((b) => b.cutoff)).toEqual(['2022-12-31', '2023-12-31', '2024-12-31']);
    expect(o.fitFloor).toBeNull();
  });

  it('the any-memory class fits from the first month its own kind of rig is cheapest', () => {
    const o = base();
    const points = o.history.points.map((p, i) => ({
      ...p,
      rigKind: i < 3 ? ('unified' as const) : ('cpu-server' as const),
    }));
    const any = reprojectOutlook({ ...o, rigClass: 'any', history: { ...o.history, points } }, {});
    expect(any.fitFloor?.date).toBe(`${points[3]?.month}-01`);
    expect(any.fitFloor?.reason).toContain('(3 months left out)');
    expect(any.projections[0]?.fit?.pointsUsed).toBe(points.length - 3);
    const all = reprojectOutlook({ ...o, history: { ...o.history, points } }, {});
    expect(all.projections[0]?.fit?.pointsUsed).toBe(points.length);
  });
});
