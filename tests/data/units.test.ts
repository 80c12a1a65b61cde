import { describe, expect, it } from 'vitest';
import {
  bytesToGB,
  bytesToGiB,
  ddrPeakBandwidthGBps,
  dramUsdPerGB,
  GB_BYTES,
  GIB_BYTES,
  gbpsToBytesPerSecond,
  gibToBytes,
  usdPerGBToUsdPerByte,
} from '../../src/data/units';

describe('dataset units (data/README.md "Units")', () => {
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
