// Calendar helpers for the projection: ISO dates <-> fractional years, and month keys. All in UTC so a
// result never depends on the viewer's time zone.

const MS_PER_DAY = 86_400_000;

function yearStartMs(year: number): number {
  return Date.UTC(year, 0, 1);
}

/** Fractional year of an ISO date (YYYY-MM-DD): 2024-01-01 -> 2024, 2024-07-02 -> ~2024.5. A string that
 *  is not a calendar date gives null. */
export function isoDateToYear(iso: string): number | null {
  const day = iso.slice(0, 10);
  const ms = Date.parse(`${day}T00:00:00Z`);
  // Date.parse rolls 2024-02-30 over to March; a date that does not round-trip is not a calendar date.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return null;
  const year = new Date(ms).getUTCFullYear();
  const start = yearStartMs(year);
  const length = yearStartMs(year + 1) - start;
  return year + (ms - start) / length;
}

/** The ISO date (YYYY-MM-DD) at a fractional year, rounded to the nearest day. */
export function yearToIsoDate(year: number): string {
  const whole = Math.floor(year);
  const start = yearStartMs(whole);
  const length = yearStartMs(whole + 1) - start;
  const ms = start + Math.round(((year - whole) * length) / MS_PER_DAY) * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/** 'YYYY-MM' of an ISO date. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** The last day of a month key 'YYYY-MM', as an ISO date. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Every month key from `from` to `to` inclusive ('YYYY-MM'); empty when from > to. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
