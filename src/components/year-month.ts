// A fractional year (2026.71) as the month it falls in ("2026-09"), for chart tooltips and labels.

export function yearMonth(year: number): string {
  if (!Number.isFinite(year)) return '';
  const whole = Math.floor(year);
  const start = Date.UTC(whole, 0, 1);
  const end = Date.UTC(whole + 1, 0, 1);
  const date = new Date(start + (year - whole) * (end - start));
  return date.toISOString().slice(0, 7);
}
