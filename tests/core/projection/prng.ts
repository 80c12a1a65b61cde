// Seeded pseudo-random numbers for the projection tests: mulberry32, Tommy Ettinger's public-domain 32-bit
// generator. Small, fast and good enough for test data; never used in the core.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw by Box–Muller from a uniform source. */
export function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Monthly points from `fromYear` for `months` months: price = start * (1 + annualChange)^t, times
 *  lognormal noise of `noiseSd` (log units), with a share `outlierShare` of points multiplied by a factor
 *  in [0.3, 3]. Dates are the 15th of each month. */
export function syntheticSeries(opts: {
  seed: number;
  fromYear: number;
  months: number;
  startUsd: number;
  annualChange: number;
  noiseSd?: number;
  outlierShare?: number;
}): { date: string; priceUsd: number }[] {
  const rand = mulberry32(opts.seed);
  const out: { date: string; priceUsd: number }[] = [];
  for (let i = 0; i < opts.months; i++) {
    const y = opts.fromYear + Math.floor(i / 12);
    const m = (i % 12) + 1;
    const t = i / 12;
    let price = opts.startUsd * (1 + opts.annualChange) ** t * Math.exp((opts.noiseSd ?? 0) * gaussian(rand));
    if (rand() < (opts.outlierShare ?? 0)) price *= rand() < 0.5 ? 0.3 + 0.5 * rand() : 2 + rand();
    out.push({ date: `${y}-${String(m).padStart(2, '0')}-15`, priceUsd: price });
  }
  return out;
}
