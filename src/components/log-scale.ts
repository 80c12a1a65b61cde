// Log-scale axis helpers shared by the charts (pure numbers, no Recharts, so it adds nothing to first paint).

/** Powers of ten (times each mantissa, e.g. [1, 3] for 1-3-10 steps) that fall within [min, max]. */
export function logTicks(min: number, max: number, mantissas: readonly number[] = [1]): number[] {
  const ticks: number[] = [];
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return ticks;
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of mantissas) {
      const t = m * 10 ** e;
      if (t >= min && t <= max) ticks.push(t);
    }
  }
  return ticks;
}

/** The decade below `low` and the decade above `high`: a log axis domain with round ends. */
export function decadeDomain(low: number, high: number): [number, number] {
  return [10 ** Math.floor(Math.log10(low)), 10 ** Math.ceil(Math.log10(high))];
}
