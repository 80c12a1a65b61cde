// The backtest: fit on the frontier up to a cut-off, predict each later month, and score the central line (median
// absolute log error) and the band (share of later prices inside it). Checked on histories whose answers are known
// without the code: an exact exponential, a halving step, and a zigzag whose later prices sit half inside.
import { describe, expect, it } from 'vitest';
import { BACKTEST_CUTOFFS, backtest } from '../../../src/core/projection/backtest';
import { isoDateToYear } from '../../../src/core/units';

type Point = { date: string; priceUsd: number };
const month = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-15`;
function monthly(from: number, to: number, price: (date: string, y: number, m: number) => number): Point[] {
  const out: Point[] = [];
  for (let y = from; y <= to; y++)
    for (let m = 1; m <= 12; m++) out.push({ date: month(y, m), priceUsd: price(month(y, m), y, m) });
  return out;
}

describe('backtest', () => {
  it('cuts at the ends of 2022, 2023 and 2024 by default', () =>
    expect([...BACKTEST_CUTOFFS]).toEqual(['2022-12-31', '2023-12-31', '2024-12-31']));

  // A steep exact decline (e^-1.5 a year, -78%/yr): the projection's points are quarterly, so a prediction
  // between them is only exact if it interpolates along the exponential, not along a straight line (which
  // would be off by about 1.8% mid-quarter).
  const exact = monthly(
    2020,
    2026,
    (date) => 10_000 * Math.exp(-1.5 * ((isoDateToYear(date) as number) - 2020)),
  );

  it('an exact exponential is predicted exactly from each cut-off', () => {
    const r = backtest(exact);
    expect(r.map((x) => [x.cutoff, x.fitPoints, x.compared])).toEqual([
      ['2022-12-31', 36, 48],
      ['2023-12-31', 48, 36],
      ['2024-12-31', 60, 24],
    ]);
    for (const x of r) {
      expect(x.skipped).toBeUndefined();
      expect(x.medianAbsLogError).toBeLessThan(1e-9);
    }
  });

  it('a halving after the cut-off is an error of ln 2, and the band misses every later month', () => {
    const step = monthly(2020, 2023, (_, y) => (y < 2023 ? 1000 : 500));
    const [r] = backtest(step, ['2022-12-31']);
    expect(r?.compared).toBe(12);
    expect(r?.medianAbsLogError).toBeCloseTo(Math.log(2), 12);
    expect(r?.bandCoverage).toBe(0);
  });

  it('a zigzag: the band holds the later months at the middle price and not the ones at three times it', () => {
    const zigzag = [
      ...monthly(2020, 2022, (_, __, m) => (m % 2 ? 900 : 1100)),
      ...monthly(2023, 2023, (_, __, m) => (m <= 6 ? 1000 : 3000)),
    ];
    const [r] = backtest(zigzag, ['2022-12-31']);
    expect(r?.bandCoverage).toBe(0.5);
    // Six errors |ln(c/1000)| and six |ln(c/3000)|: for any central c between the two their median is ln(3)/2.
    expect(r?.medianAbsLogError).toBeCloseTo(Math.log(3) / 2, 9);
  });

  it('a price dated on the cut-off is fitted, not compared', () => {
    const step = monthly(2020, 2023, (_, y) => (y < 2023 ? 1000 : 500));
    const [without] = backtest(step, ['2022-12-31']);
    const [withIt] = backtest([...step, { date: '2022-12-31', priceUsd: 5 }], ['2022-12-31']);
    expect(withIt?.fitPoints).toBe((without?.fitPoints ?? 0) + 1);
    expect(withIt?.compared).toBe(without?.compared);
    expect(withIt?.medianAbsLogError).not.toBeCloseTo(without?.medianAbsLogError ?? 0, 3);
  });

  it('says why when there is nothing to compare or too little to fit', () => {
    const step = monthly(2020, 2023, (_, y) => (y < 2023 ? 1000 : 500));
    const [after, early] = backtest(step, ['2023-12-31', '2020-01-20']);
    expect(after).toEqual({
      cutoff: '2023-12-31',
      fitPoints: 48,
      compared: 0,
      medianAbsLogError: null,
      bandCoverage: null,
      skipped: 'nothing-after',
    });
    expect(early?.skipped).toBe('too-little-data');
    expect(early?.fitPoints).toBe(1);
    expect(early?.compared).toBe(0);
  });

  it('predicts out to 2040 whatever horizon the options give, and leaves later prices out', () => {
    // Flat at $1,000 to the cut-off, then one price in mid-2038 (inside the 2040 line, past a 2036 horizon's
    // 2037 end) and one in mid-2042 (past the line): one month compared.
    const flat = [
      ...monthly(2020, 2022, () => 1000),
      { date: '2038-06-15', priceUsd: 1000 },
      { date: '2042-06-15', priceUsd: 1000 },
    ];
    for (const options of [{}, { horizonYear: 2030 }]) {
      const [r] = backtest(flat, ['2022-12-31'], options);
      expect(r?.compared).toBe(1);
      expect(r?.medianAbsLogError).toBeCloseTo(0, 9);
    }
    // Only the price past the line: nothing to compare.
    const [late] = backtest(
      [...monthly(2020, 2022, () => 1000), { date: '2042-06-15', priceUsd: 1000 }],
      ['2022-12-31'],
    );
    expect(late?.skipped).toBe('nothing-after');
  });
});
