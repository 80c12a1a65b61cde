// Published long-run price trends, used two ways: as reference lines drawn beside the fitted projection,
// and as a rate the user can pick instead of the fitted one ('published' rate option). None of them is
// the model: each describes a different thing (DRAM $/GB, GPU FLOP/s per $), over a different period.
//
// A rate here is the annual fractional change of a price at fixed capability: -0.36 means the price of
// one GB (or of one FLOP/s) falls 36% a year. A doubling time d of "capability per dollar" becomes a price
// change of 2^(-1/d) - 1; "a factor of ten every k years" becomes 10^(-1/k) - 1.

export interface PublishedRate {
  id: string;
  label: string;
  /** What the rate describes: the reference line is only comparable, never the same quantity. */
  metric: 'dram-usd-per-gb' | 'gpu-usd-per-flops';
  /** Annual fractional price change (negative = cheaper each year). */
  annualChange: number;
  /** The published uncertainty range of annualChange, where the source gives one. */
  annualChangeLow?: number;
  annualChangeHigh?: number;
  period: string;
  source: { url: string; title: string; publishedOn: string };
  /** How the number was read or converted. */
  note: string;
}

const fromTenfoldYears = (years: number) => 10 ** (-1 / years) - 1;
const fromDoublingYears = (years: number) => 2 ** (-1 / years) - 1;

// AI Impacts, "Trends in DRAM price per gigabyte" (published 2020-04-14, updated 2020-09-15):
// McCallum's data 1957-2020 falls ~36%/yr, a factor of ten every 5.1 years; Objective Analysis data
// (1991-2019) ~33%/yr, a factor of ten every 5.8 years; "Since 2010 ... an order of magnitude over
// roughly 14 years".
const AI_IMPACTS_DRAM = {
  url: 'https://wiki.aiimpacts.org/ai_timelines/hardware_and_ai_timelines/trends_in_dram_price_per_gigabyte',
  title: 'AI Impacts: Trends in DRAM price per gigabyte',
  publishedOn: '2020-04-14',
};

// Epoch AI, "Trends in GPU price-performance" (2022), table 1: FLOP/s per $
// doubles every 2.46 years [95% CI 2.24, 2.72] over 470 GPUs released 2006-2021; 2.07 years
// [1.54, 3.13] for the 26 GPUs typically used in ML research. Cross-posted with the same table at
// https://www.alignmentforum.org/posts/c6KFvQcZggQKZzxr9/trends-in-gpu-price-performance.
const EPOCH_GPU = {
  url: 'https://epoch.ai/blog/trends-in-gpu-price-performance',
  title: 'Epoch AI: Trends in GPU price-performance',
  publishedOn: '2022',
};

export const PUBLISHED_RATES = [
  {
    id: 'dram-mccallum-1957-2020',
    label: 'DRAM $/GB, 1957–2020 (McCallum via AI Impacts)',
    metric: 'dram-usd-per-gb',
    annualChange: fromTenfoldYears(5.1),
    period: '1957–2020',
    source: AI_IMPACTS_DRAM,
    note: 'A factor of ten every 5.1 years (AI Impacts states ~36%/yr); the pace before 2010 dominates it.',
  },
  {
    id: 'dram-objective-analysis-1991-2019',
    label: 'DRAM $/GB, 1991–2019 (Objective Analysis via AI Impacts)',
    metric: 'dram-usd-per-gb',
    annualChange: fromTenfoldYears(5.8),
    period: '1991–2019',
    source: AI_IMPACTS_DRAM,
    note: 'A factor of ten every 5.8 years (AI Impacts states ~33%/yr).',
  },
  {
    id: 'dram-since-2010',
    label: 'DRAM $/GB since 2010 (AI Impacts)',
    metric: 'dram-usd-per-gb',
    annualChange: fromTenfoldYears(14),
    period: '2010–2020',
    source: AI_IMPACTS_DRAM,
    note: '"An order of magnitude over roughly 14 years", i.e. about -15%/yr.',
  },
  {
    id: 'gpu-flops-per-usd-epoch',
    label: 'GPU FLOP/s per $ (Epoch AI, all GPUs)',
    metric: 'gpu-usd-per-flops',
    annualChange: fromDoublingYears(2.46),
    // A shorter doubling time is a faster fall, so the low (most negative) end comes from 2.24 years.
    annualChangeLow: fromDoublingYears(2.24),
    annualChangeHigh: fromDoublingYears(2.72),
    period: '2006–2021',
    source: EPOCH_GPU,
    note: 'FLOP/s per $ doubles every 2.46 years [2.24, 2.72]: the price of fixed FLOP/s falls ~25%/yr.',
  },
  {
    id: 'gpu-flops-per-usd-epoch-ml',
    label: 'GPU FLOP/s per $ (Epoch AI, ML GPUs)',
    metric: 'gpu-usd-per-flops',
    annualChange: fromDoublingYears(2.07),
    annualChangeLow: fromDoublingYears(1.54),
    annualChangeHigh: fromDoublingYears(3.13),
    period: '2006–2021',
    source: EPOCH_GPU,
    note: 'ML GPUs (n=26): doubling every 2.07 years [1.54, 3.13], a ~28%/yr fall in the price of FLOP/s.',
  },
] as const satisfies readonly PublishedRate[];

export type PublishedRateId = (typeof PUBLISHED_RATES)[number]['id'];
export const PUBLISHED_RATE_IDS = PUBLISHED_RATES.map((r) => r.id) as readonly PublishedRateId[];

/** The published rate with this id; undefined for an id that is not in the list (e.g. from an old link). */
export function publishedRate(id: string): PublishedRate | undefined {
  return PUBLISHED_RATES.find((r) => r.id === id);
}

export interface ReferencePoint {
  year: number;
  priceUsd: number;
}

/** A reference line: the price that falls (or rises) at `annualChange` a year from a start point, sampled
 *  every `stepYears` through `toYear`. Empty when the inputs cannot make a line (a non-positive price,
 *  a change at or below -100%, non-finite numbers, or toYear before the start). */
export function referenceLine(
  annualChange: number,
  start: ReferencePoint,
  toYear: number,
  stepYears = 0.25,
): ReferencePoint[] {
  const ok =
    Number.isFinite(annualChange) &&
    annualChange > -1 &&
    Number.isFinite(start.year) &&
    Number.isFinite(start.priceUsd) &&
    start.priceUsd > 0 &&
    Number.isFinite(toYear) &&
    toYear >= start.year &&
    stepYears > 0;
  if (!ok) return [];
  const logRate = Math.log1p(annualChange);
  const out: ReferencePoint[] = [];
  const steps = Math.floor((toYear - start.year) / stepYears + 1e-9);
  for (let i = 0; i <= steps; i++) {
    const year = start.year + i * stepYears;
    out.push({ year, priceUsd: start.priceUsd * Math.exp(logRate * (year - start.year)) });
  }
  if (out[out.length - 1]?.year !== toYear) {
    out.push({ year: toYear, priceUsd: start.priceUsd * Math.exp(logRate * (toYear - start.year)) });
  }
  return out;
}
