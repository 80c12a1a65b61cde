// Filling a CPU platform's DIMM slots: one module type, the same number in every channel (1 or 2 per
// channel, as many as the board has slots for), and the bandwidth that fill gives. A platform sold with
// its DIMMs has exactly that fill.
import type { HardwareItem } from '../../data/schema';
import type { IncludedDimms, Priced } from './catalog';
import {
  BYTES_PER_GB,
  BYTES_PER_GIB,
  DDR_BYTES_PER_TRANSFER,
  OS_RESERVE_BYTES,
  TWO_DPC_SPEED_RATIO,
} from './constants';

export interface DimmFill {
  /** The priced module bought for the fill; undefined when the DIMMs come with the platform. */
  module: Priced | undefined;
  moduleItem: HardwareItem;
  count: number;
  dimmsPerChannel: number;
  /** Installed RAM. */
  ramBytes: number;
  /** What the model may use: ramBytes less the OS reserve. */
  usableBytes: number;
  bandwidthGBps: number;
  /** What the DIMMs add to the rig's price (0 when included). */
  priceUsd: number;
  speedMTs: number;
}

/** Whether a board takes a module: the same DDR generation, and a registered module on a registered board
 *  (server boards take RDIMMs and LRDIMMs alike, e.g. AMD EPYC and Intel Xeon Scalable platforms; the two are
 *  not mixed, and a fill uses one module type) or an unbuffered one on an unbuffered board. */
export function boardTakesModule(
  ms: NonNullable<HardwareItem['memorySystem']>,
  module: NonNullable<HardwareItem['module']>,
): boolean {
  if (module.generation !== ms.generation) return false;
  const registered = (f: string) => f === 'rdimm' || f === 'lrdimm';
  return registered(ms.formFactor) ? registered(module.formFactor) : module.formFactor === ms.formFactor;
}

/** Channel speed with dpc DIMMs per channel: the board's stated 2-DPC speed, else the 1-DPC speed x the
 *  cited ratio (constants.ts). */
function channelSpeedMTs(platform: HardwareItem, dpc: number): number {
  const ms = platform.memorySystem;
  if (ms === undefined) return 0;
  if (dpc < 2) return ms.speedMTs;
  return ms.speedMTs2Dpc ?? ms.speedMTs * TWO_DPC_SPEED_RATIO;
}

function bandwidthGBps(channels: number, speedMTs: number): number {
  return (channels * speedMTs * 1e6 * DDR_BYTES_PER_TRANSFER) / BYTES_PER_GB;
}

/** The fills a platform can have: the DIMMs it is sold with, and fills bought for it (replacing those). */
export function platformFills(
  platform: HardwareItem,
  included: IncludedDimms | undefined,
  modules: readonly Priced[],
  needBytes: number,
): DimmFill[] {
  const bought = dimmFills(platform, modules, needBytes);
  const own = included ? includedFill(platform, included, needBytes) : undefined;
  return own ? [own, ...bought] : bought;
}

/** Ways to fill a bare platform's channels evenly with one module type that hold needBytes, within its
 *  slots; only fills no other fill beats on both price and bandwidth. */
export function dimmFills(platform: HardwareItem, modules: readonly Priced[], needBytes: number): DimmFill[] {
  const ms = platform.memorySystem;
  if (ms === undefined) return [];
  const fills: DimmFill[] = [];
  for (const module of modules) {
    const spec = module.item.module;
    const sizeGiB = module.item.memory?.sizeGiB ?? 0;
    if (spec === undefined || spec.generation !== ms.generation || spec.formFactor !== ms.formFactor)
      continue;
    if (sizeGiB > ms.maxDimmGiB) continue;
    for (let dpc = 1; dpc <= Math.min(2, ms.dimmsPerChannel); dpc++) {
      const count = ms.channels * dpc;
      const ramBytes = count * sizeGiB * BYTES_PER_GIB;
      if (ramBytes - OS_RESERVE_BYTES < needBytes) continue;
      const speed = Math.min(spec.speedMTs, channelSpeedMTs(platform, dpc));
      fills.push({
        module,
        moduleItem: module.item,
        count,
        dimmsPerChannel: dpc,
        ramBytes,
        usableBytes: ramBytes - OS_RESERVE_BYTES,
        bandwidthGBps: bandwidthGBps(ms.channels, speed),
        priceUsd: count * module.priceUsd,
        speedMTs: speed,
      });
    }
  }
  fills.sort((a, b) => a.priceUsd - b.priceUsd || b.bandwidthGBps - a.bandwidthGBps);
  const front: DimmFill[] = [];
  let bestBw = -1;
  for (const f of fills) {
    if (f.bandwidthGBps > bestBw) {
      front.push(f);
      bestBw = f.bandwidthGBps;
    }
  }
  return front;
}

/** The fill a platform is sold with, if it holds needBytes. DIMMs spread over the channels: channels with a
 *  DIMM count toward bandwidth. */
export function includedFill(
  platform: HardwareItem,
  included: IncludedDimms,
  needBytes: number,
): DimmFill | undefined {
  const ms = platform.memorySystem;
  const spec = included.module.module;
  const sizeGiB = included.module.memory?.sizeGiB ?? 0;
  if (ms === undefined || spec === undefined) return undefined;
  const ramBytes = included.count * sizeGiB * BYTES_PER_GIB;
  if (ramBytes - OS_RESERVE_BYTES < needBytes) return undefined;
  const dpc = Math.ceil(included.count / ms.channels);
  const populated = Math.min(included.count, ms.channels);
  const speed = Math.min(spec.speedMTs, channelSpeedMTs(platform, dpc));
  return {
    module: undefined,
    moduleItem: included.module,
    count: included.count,
    dimmsPerChannel: dpc,
    ramBytes,
    usableBytes: ramBytes - OS_RESERVE_BYTES,
    bandwidthGBps: bandwidthGBps(populated, speed),
    priceUsd: 0,
    speedMTs: speed,
  };
}

export function dimmNote(platform: HardwareItem, fill: DimmFill): string {
  const ms = platform.memorySystem;
  const slots = ms ? ms.channels * ms.dimmsPerChannel : 0;
  const how = fill.module === undefined ? ' (included in the price)' : '';
  const replaced =
    fill.module !== undefined && platform.includedMemory !== undefined
      ? ' They replace the DIMMs the server is sold with.'
      : '';
  const base = `${fill.count} of ${slots} DIMM slots: ${fill.count} × ${fill.moduleItem.name}${how}, ${fill.dimmsPerChannel} per channel on ${ms?.channels} channels at ${Math.round(fill.speedMTs)} MT/s = ${fill.bandwidthGBps.toFixed(0)} GB/s peak; ${(fill.usableBytes / BYTES_PER_GIB).toFixed(0)} GiB for the model after ${OS_RESERVE_BYTES / BYTES_PER_GIB} GiB for the OS.${replaced}`;
  if ((platform.sockets ?? 1) < 2) return base;
  return `${base} Bandwidth adds both sockets' channels; llama.cpp gains well under 2x from a second socket (NUMA), so this speed is optimistic.`;
}
