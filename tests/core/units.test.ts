import { describe, expect, it } from 'vitest';
import {
  addDays,
  bytesToGB,
  bytesToGiB,
  DDR_BYTES_PER_TRANSFER,
  daysBetween,
  ddrPeakBandwidthGBps,
  dramUsdPerGB,
  GB_BYTES,
  GIB_BYTES,
  gbpsToBytesPerSecond,
  gibToBytes,
  isIsoDate,
  isoDateToYear,
  MIB_BYTES,
  todayIso,
  usdPerGBToUsdPerByte,
  yearToIsoDate,
} from '../../src/core/units';

describe('units (data/README.md "Units")', () => {
  it('memory capacities are GiB: a 24 GB card holds 24 x 2^30 bytes', () => {
    expect(GIB_BYTES).toBe(1_073_741_824);
    expect(gibToBytes(24)).toBe(25_769_803_776);
    expect(bytesToGiB(gibToBytes(512))).toBe(512);
    // The same card in decimal GB, as a file listing would print it.
    expect(bytesToGB(gibToBytes(24))).toBeCloseTo(25.77, 2);
  });

  it('bandwidth is decimal GB/s: 936 GB/s is 936e9 bytes per second', () => {
    expect(GB_BYTES).toBe(1_000_000_000);
    expect(gbpsToBytesPerSecond(936)).toBe(936_000_000_000);
  });

  it('DDR peak bandwidth = channels x MT/s x 8 bytes', () => {
    // 12 x DDR5-4800 = 460.8 GB/s per socket (EPYC 9004), 8 x DDR4-3200 = 204.8 GB/s (EPYC 7003), as
    // https://www.tomshardware.com/news/amd-confirms-12-ddr5-memory-channels-on-genoa computes them.
    expect(ddrPeakBandwidthGBps(12, 4800)).toBeCloseTo(460.8, 9);
    expect(ddrPeakBandwidthGBps(8, 3200)).toBeCloseTo(204.8, 9);
  });

  it('DRAM $/GB is per marketed GB, i.e. per GiB of DRAM', () => {
    expect(dramUsdPerGB(100, 32)).toBe(3.125);
    expect(usdPerGBToUsdPerByte(3.125) * gibToBytes(32)).toBeCloseTo(100, 9);
  });
});

// Expected values below come from the calendar (Python's datetime.date for the day counts), not from the
// helpers' own arithmetic.
describe('ISO dates, days and fractional years (UTC)', () => {
  it('isIsoDate accepts real calendar dates written YYYY-MM-DD and nothing else', () => {
    for (const ok of ['2024-02-29', '2000-01-01', '2026-12-03', '1999-12-31'])
      expect(isIsoDate(ok)).toBe(true);
    for (const bad of [
      '2023-02-29', // not a leap year
      '2024-13-01',
      '2024-04-31',
      '2024-2-1',
      '2024-01-01T00:00:00Z',
      ' 2024-01-01',
      '',
      20240101,
      null,
      undefined,
    ])
      expect(isIsoDate(bad)).toBe(false);
  });

  it('daysBetween counts calendar days, across a leap day and in both directions', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2000-01-01', '2026-12-03')).toBe(9833);
    expect(daysBetween('2026-12-03', '2000-01-01')).toBe(-9833);
    expect(daysBetween('2025-06-01', '2025-06-01')).toBe(0);
    // Days in March and October, when much of the world changes clocks, are still whole days in UTC.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
    expect(daysBetween('2025-02-30', '2025-03-02')).toBeNaN();
  });

  it('addDays moves across month, year and leap-day boundaries', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2026-12-03', -365)).toBe('2025-12-03');
    expect(addDays('2025-01-31', 0)).toBe('2025-01-31');
  });

  it('isoDateToYear: day 183 of leap 2024 is 2024.5; a timestamp reads its date; a non-date is null', () => {
    expect(isoDateToYear('2024-01-01')).toBe(2024);
    expect(isoDateToYear('2024-07-02')).toBe(2024.5);
    expect(isoDateToYear('2023-07-02')).toBeCloseTo(2023 + 182 / 365, 12);
    expect(isoDateToYear('2024-07-02T18:00:00Z')).toBe(2024.5);
    expect(isoDateToYear('2023-02-29')).toBeNull();
    expect(isoDateToYear('soon')).toBeNull();
    expect(yearToIsoDate(2024.5)).toBe('2024-07-02');
  });

  it('todayIso is the UTC date of the clock it is given', () => {
    expect(todayIso(new Date('2026-12-03T23:59:59Z'))).toBe('2026-12-03');
    expect(todayIso(new Date('2026-12-04T00:00:00Z'))).toBe('2026-12-04');
    expect(todayIso(new Date('2026-12-03T23:30:00-05:00'))).toBe('2026-12-04');
  });

  it('MiB, GiB and GB are 2^20, 2^30 and 1e9 bytes; the DDR channel moves 8 bytes per transfer', () => {
    expect(MIB_BYTES).toBe(1_048_576);
    expect(GIB_BYTES / MIB_BYTES).toBe(1024);
    expect(DDR_BYTES_PER_TRANSFER).toBe(8);
  });
});
