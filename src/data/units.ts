// Unit conventions of the dataset, decided once (data/README.md "Units" states the same, and
// tests/data/units.test.ts pins every helper here):
// - Memory capacities (sizeGiB, acceleratorUsableGiB, systemRamGiB, maxDimmGiB) are GiB = 2^30 bytes. A vendor's
//   "24 GB" of VRAM, "512 GB" of unified memory or a "32 GB" DIMM are binary capacities (JEDEC memory sizes
//   are powers of two), so the marketed number is written as is and means GiB.
// - Bandwidth (bandwidthGBps, linkGBps) is GB/s = 1e9 bytes/s, as vendors publish it (a transfer rate is
//   decimal: 8 channels x 4800 MT/s x 8 bytes = 307.2 GB/s).
// - DRAM $/GB (series usdPerGB) is USD per marketed gigabyte of DRAM, i.e. per GiB (2^30 bytes): published
//   series divide a module's or chip's price by its marketed capacity, which is binary.
// - Prices are USD per one unit; power is W.

/** Bytes in one GiB (2^30), the unit of every memory capacity in data/. */
export const GIB_BYTES = 2 ** 30;
/** Bytes in one GB (1e9), the unit of bandwidth (GB/s) in data/. */
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

/** DDR peak bandwidth in GB/s: channels x MT/s x 8 bytes per transfer (a 64-bit channel; DDR5's two 32-bit
 *  subchannels per DIMM also add up to 64 bits), as JEDEC and vendors compute it. */
export function ddrPeakBandwidthGBps(channels: number, speedMTs: number): number {
  const bytesPerTransfer = 8;
  return (channels * speedMTs * 1e6 * bytesPerTransfer) / GB_BYTES;
}

/** A DRAM price per marketed GB (per GiB, see above) to USD per byte. */
export function usdPerGBToUsdPerByte(usdPerGB: number): number {
  return usdPerGB / GIB_BYTES;
}

/** The $/GB of a memory module or kit: its price over its marketed capacity (GB on the label = GiB). */
export function dramUsdPerGB(priceUsd: number, marketedGB: number): number {
  return priceUsd / marketedGB;
}
