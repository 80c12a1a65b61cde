// The one home for units and calendar dates, used by the core, the data layer, the state and the features.
// Pure (no clock unless one is passed, no DOM). tests/core/units.test.ts pins every helper.
//
// Units, decided once (data/README.md "Units" states the same):
// - Inside the core, sizes are bytes; convert only at the edges (parsing data, display).
// - Memory capacities in data/ (sizeGiB, acceleratorUsableGiB, systemRamGiB, maxDimmGiB) are GiB = 2^30 bytes.
//   A vendor's "24 GB" of VRAM, "512 GB" of unified memory or a "32 GB" DIMM is a binary capacity (JEDEC
//   memory sizes are powers of two), so the marketed number is written as is and means GiB.
// - Bandwidth (bandwidthGBps, linkGBps) is GB/s = 1e9 bytes/s, as vendors publish it (a transfer rate is
//   decimal: 8 channels x 4800 MT/s x 8 bytes = 307.2 GB/s).
// - DRAM $/GB (series usdPerGB) is USD per marketed gigabyte of DRAM, i.e. per GiB: published series divide a
//   module's or chip's price by its marketed capacity, which is binary.
// - Prices are USD per one unit; power is W.
// - Dates are ISO calendar dates YYYY-MM-DD in UTC, so no result depends on the viewer's time zone; a
//   fractional year is the year plus the share of it elapsed at 00:00 UTC of that day.

/** Bytes in one MiB (2^20). */
export const MIB_BYTES = 2 ** 20;
/** Bytes in one GiB (2^30), the unit of every memory capacity in data/ and on screen. */
export const GIB_BYTES = 2 ** 30;
/** Bytes in one GB (1e9), the unit of bandwidth (GB/s) in data/ and of published file sizes. */
export const GB_BYTES = 1e9;

/** A capacity in GiB (as stored in data/) to bytes. */
export function gibToBytes(gib: number): number {
  return gib * GIB_BYTES;
}

/** Bytes to GiB, for display of capacities. */
export function bytesToGiB(bytes: number): number {
  return bytes / GIB_BYTES;
}

/** Bytes to decimal GB (1e9), for comparing with files and pages that publish decimal sizes. */
export function bytesToGB(bytes: number): number {
  return bytes / GB_BYTES;
}

/** A bandwidth in GB/s (as stored in data/) to bytes per second. */
export function gbpsToBytesPerSecond(gbps: number): number {
  return gbps * GB_BYTES;
}

/** Bytes moved per transfer on one DDR channel: a 64-bit channel (DDR5's two 32-bit subchannels per DIMM
 *  also add up to 64 bits). */
export const DDR_BYTES_PER_TRANSFER = 8;

/** DDR peak bandwidth in GB/s: channels x MT/s x 8 bytes per transfer, as JEDEC and vendors compute it. */
export function ddrPeakBandwidthGBps(channels: number, speedMTs: number): number {
  return (channels * speedMTs * 1e6 * DDR_BYTES_PER_TRANSFER) / GB_BYTES;
}

/** A DRAM price per marketed GB (per GiB, see above) to USD per byte. */
export function usdPerGBToUsdPerByte(usdPerGB: number): number {
  return usdPerGB / GIB_BYTES;
}

/** The $/GB of a memory module or kit: its price over its marketed capacity (GB on the label = GiB). */
export function dramUsdPerGB(priceUsd: number, marketedGB: number): number {
  return priceUsd / marketedGB;
}

// ---- Dates ----------------------------------------------------------------------------------------------

export const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds since the epoch at 00:00 UTC of an ISO date, or NaN when it is not a real calendar date
 *  (Date.parse rolls 2024-02-30 over to March; a date that does not round-trip is not a calendar date). */
function isoDateMs(iso: string): number {
  if (!ISO_DATE.test(iso)) return Number.NaN;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === iso ? ms : Number.NaN;
}

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 and 2024-2-1 no). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(isoDateMs(value));
}

/** Today's date in UTC as YYYY-MM-DD. The clock is a parameter so pure code and tests can fix it. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). Both are midnights UTC, so the
 *  difference is an exact multiple of a day. */
export function daysBetween(from: string, to: string): number {
  return Math.round((isoDateMs(to) - isoDateMs(from)) / MS_PER_DAY);
}

/** The ISO date `days` days after (or before, when negative) an ISO date. */
export function addDays(iso: string, days: number): string {
  return new Date(isoDateMs(iso) + Math.round(days) * MS_PER_DAY).toISOString().slice(0, 10);
}

function yearStartMs(year: number): number {
  return Date.UTC(year, 0, 1);
}

/** Fractional year of an ISO date: 2024-01-01 -> 2024, 2024-07-02 -> 2024.5 (day 183 of 366). A longer
 *  string is read by its first 10 characters (a timestamp); anything that is not a calendar date gives
 *  null. */
export function isoDateToYear(iso: string): number | null {
  const ms = isoDateMs(iso.slice(0, 10));
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  const start = yearStartMs(year);
  return year + (ms - start) / (yearStartMs(year + 1) - start);
}

/** The ISO date at a fractional year, rounded to the nearest day. */
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
