// The component model: what a rig of a class would cost from its parts, month by month: the class's
// cheapest memory per GiB (fresh prices only) times the target, plus what joins it: a bay in the cheapest
// host that takes the card, for GPUs (at most eight, one chassis); a slot on the cheapest board that takes
// the DIMM; a unified machine's own interconnect, up to its documented cluster size. Unlike the whole-rig
// frontier it does not need one host priced that month with all the bays, PSU and airflow for every card,
// so it has a value in months where the parts are priced but no such host is: it fills in where the
// whole-rig history is short, and is labelled an estimate (a bay of a 2-GPU host is cheaper than an eighth
// of an 8-GPU server, so it leans low). Each part is fitted with its own rate (Theil–Sen on log price) and the two are added back up.
import type { Dataset, HardwareItem } from '../../data/schema';
import type { Priced } from '../rigs/catalog';
import { catalog } from '../rigs/catalog';
import {
  BYTES_PER_GIB,
  DEFAULT_UNIFIED_MEMORY_LIMIT,
  FRESH_PRICE_DAYS,
  GPU_DECODE_EFFICIENCY,
  MAX_GPUS_PER_RIG,
} from '../rigs/constants';
import { boardTakesModule } from '../rigs/dimm-fill';
import { verdictFor } from '../rigs/engine-support';
import { fitGpusInHost } from '../rigs/host-fit';
import { priceCutoff } from '../rigs/pricing';
import type { PurchaseCondition } from '../rigs/types';
import { usableGpuBytes, usableUnified } from '../rigs/usable-memory';
import { isoDateToYear, monthEnd, monthsBetween, yearToIsoDate } from '../units';
import {
  GOOD_MIN_DECODE_TOKENS_PER_SECOND,
  REFERENCE_ACTIVE_SHARE,
  RIG_CLASS_SPECS,
  type RigClass,
} from './rig-classes';
import { quantile, theilSen } from './robust-stats';

/** For 'good-fp8' memory: bandwidth per GiB held at which the reference MoE filling it decodes at the
 *  class's minimum speed on one device (tensor parallel keeps the ratio): 10 tok/s x 5.5% of the bytes read
 *  per token / 0.78 efficiency = 0.71 GB/s per GB. */
export const GOOD_FP8_MIN_GBPS_PER_GIB =
  (GOOD_MIN_DECODE_TOKENS_PER_SECOND * REFERENCE_ACTIVE_SHARE * BYTES_PER_GIB) /
  (GPU_DECODE_EFFICIENCY * 1e9);

export interface ComponentPoint {
  month: string;
  date: string;
  /** The class's cheapest memory, USD per usable GiB, and the item behind it. */
  memoryUsdPerGiB: number;
  memoryItemId: string;
  memoryItemName: string;
  /** Devices (cards, machines, DIMMs) of it the target needs. */
  devices: number;
  /** What joins them: host bays, board slots; 0 for unified machines. */
  joinUsd: number;
  joinLabel: string;
  /** memoryUsdPerGiB x target + joinUsd. */
  estimateUsd: number;
}

interface Option {
  item: HardwareItem;
  usableBytes: number;
  unitUsd: number;
  joinUnitUsd: number;
  joinLabel: string;
  /** Most devices that can join (a unified machine's documented cluster size); unlimited otherwise. */
  maxDevices: number;
}

function isGoodFp8(item: HardwareItem, usableBytes: number): boolean {
  if (item.fp8?.native !== 'yes' || !item.bandwidthGBps) return false;
  if (!verdictFor({ engine: 'vllm', weightFormat: 'fp8', moe: true }, item).runs) return false;
  return item.bandwidthGBps / (usableBytes / BYTES_PER_GIB) >= GOOD_FP8_MIN_GBPS_PER_GIB;
}

/** The cheapest bay, per GPU, among hosts that take one such card. */
function cheapestBay(
  hosts: readonly Priced[],
  gpu: HardwareItem,
): { usd: number; label: string } | undefined {
  let best: { usd: number; label: string } | undefined;
  for (const h of hosts) {
    const count = h.item.gpuBays?.count ?? 0;
    if (count === 0 || !fitGpusInHost(h.item, gpu, 1).ok) continue;
    const usd = h.priceUsd / count;
    if (best === undefined || usd < best.usd) best = { usd, label: `a bay of ${h.item.name}` };
  }
  return best;
}

/** The cheapest DIMM slot, per DIMM, among platforms that take the module. */
function cheapestSlot(
  platforms: readonly Priced[],
  module: HardwareItem,
): { usd: number; label: string; slots: number } | undefined {
  let best: { usd: number; label: string; slots: number } | undefined;
  for (const p of platforms) {
    const ms = p.item.memorySystem;
    const spec = module.module;
    if (!ms || !spec || !boardTakesModule(ms, spec) || (module.memory?.sizeGiB ?? 0) > ms.maxDimmGiB)
      continue;
    const slots = ms.channels * ms.dimmsPerChannel;
    const usd = p.priceUsd / slots;
    if (best === undefined || usd < best.usd) best = { usd, label: `a slot of ${p.item.name}`, slots };
  }
  return best;
}

function options(
  dataset: Dataset,
  rigClass: RigClass,
  asOf: string,
  conditions: readonly PurchaseCondition[],
) {
  const cat = catalog(dataset, asOf, conditions, priceCutoff(asOf, FRESH_PRICE_DAYS));
  const spec = RIG_CLASS_SPECS[rigClass];
  const out: Option[] = [];
  for (const g of cat.gpus) {
    const usable = usableGpuBytes(g.item);
    if (usable <= 0) continue;
    if (
      rigClass === 'good-fp8' ? !isGoodFp8(g.item, usable) : !verdictFor({ engine: spec.engine }, g.item).runs
    )
      continue;
    const bay = cheapestBay(cat.hosts, g.item);
    if (bay === undefined) continue;
    out.push({
      item: g.item,
      usableBytes: usable,
      unitUsd: g.priceUsd,
      joinUnitUsd: bay.usd,
      joinLabel: bay.label,
      // As many cards as one chassis holds: a rig of the class is one system, not a network of them.
      maxDevices: MAX_GPUS_PER_RIG,
    });
  }
  for (const u of cat.unified) {
    const usable = usableUnified(u.item, DEFAULT_UNIFIED_MEMORY_LIMIT).bytes;
    if (usable <= 0) continue;
    if (
      rigClass === 'good-fp8' ? !isGoodFp8(u.item, usable) : !verdictFor({ engine: spec.engine }, u.item).runs
    )
      continue;
    // Unified machines join over their documented interconnect only, up to its documented size: beyond it
    // there is neither a sourced method nor a switch price.
    out.push({
      item: u.item,
      usableBytes: usable,
      unitUsd: u.priceUsd,
      joinUnitUsd: 0,
      joinLabel: 'its interconnect cables',
      maxDevices: u.item.cluster?.maxNodes ?? 1,
    });
  }
  if (rigClass === 'any') {
    for (const m of cat.modules) {
      const size = (m.item.memory?.sizeGiB ?? 0) * BYTES_PER_GIB;
      const slot = size > 0 ? cheapestSlot(cat.platforms, m.item) : undefined;
      if (slot === undefined) continue;
      out.push({
        item: m.item,
        usableBytes: size,
        unitUsd: m.priceUsd,
        joinUnitUsd: slot.usd,
        joinLabel: slot.label,
        maxDevices: slot.slots,
      });
    }
  }
  return out;
}

/** The component estimate for one month: the option whose devices plus joins cost least for the target. */
export function componentPoint(
  dataset: Dataset,
  rigClass: RigClass,
  targetBytes: number,
  month: string,
  asOf: string,
  conditions: readonly PurchaseCondition[],
): ComponentPoint | null {
  let best: ComponentPoint | null = null;
  for (const o of options(dataset, rigClass, asOf, conditions)) {
    const devices = Math.ceil(targetBytes / o.usableBytes);
    if (devices > o.maxDevices) continue;
    const estimateUsd = devices * (o.unitUsd + o.joinUnitUsd);
    if (best !== null && estimateUsd >= best.estimateUsd) continue;
    best = {
      month,
      date: asOf,
      memoryUsdPerGiB: o.unitUsd / (o.usableBytes / BYTES_PER_GIB),
      memoryItemId: o.item.id,
      memoryItemName: o.item.name,
      devices,
      joinUsd: devices * o.joinUnitUsd,
      joinLabel: o.joinLabel,
      estimateUsd,
    };
  }
  return best;
}

export function componentHistory(
  dataset: Dataset,
  opts: {
    rigClass: RigClass;
    targetBytes: number;
    from: string;
    to: string;
    asOf?: string;
    conditions?: readonly PurchaseCondition[];
  },
): ComponentPoint[] {
  const conditions = opts.conditions ?? ['new', 'used'];
  const out: ComponentPoint[] = [];
  for (const month of monthsBetween(opts.from, opts.to)) {
    const end = monthEnd(month);
    const asOf = opts.asOf !== undefined && opts.asOf < end ? opts.asOf : end;
    const p = componentPoint(dataset, opts.rigClass, opts.targetBytes, month, asOf, conditions);
    if (p) out.push(p);
  }
  return out;
}

export interface ComponentFit {
  /** Annual change of memory $/GiB and of the join cost. */
  memoryAnnualChange: number;
  memoryAnnualChangeLow: number;
  memoryAnnualChangeHigh: number;
  joinAnnualChange: number;
  points: number;
}

export interface ComponentProjection {
  fit: ComponentFit | null;
  /** Quarterly central estimate (and the memory slope's band) from the latest point to the horizon. */
  line: { year: number; date: string; centralUsd: number; lowUsd: number; highUsd: number }[];
  /** First date the central estimate is at or below each threshold, or null by the horizon. */
  crossings: { thresholdUsd: number; date: string | null }[];
}

const MIN_COMPONENT_POINTS = 3;

/** Fits memory $/GiB and join $ each with their own Theil–Sen rate and adds them back up from the latest
 *  point: estimate(t) = memory(t) x target + join(t). */
export function projectComponents(
  points: readonly ComponentPoint[],
  targetBytes: number,
  thresholdsUsd: readonly number[],
  horizonYear: number,
): ComponentProjection {
  const pts = points
    .map((p) => ({ p, t: isoDateToYear(p.date) }))
    .filter((x): x is { p: ComponentPoint; t: number } => x.t !== null);
  const latest = pts[pts.length - 1];
  if (pts.length < MIN_COMPONENT_POINTS || latest === undefined) {
    return {
      fit: null,
      line: [],
      crossings: thresholdsUsd.map((thresholdUsd) => ({ thresholdUsd, date: null })),
    };
  }
  const xs = pts.map((x) => x.t - latest.t);
  const mem = theilSen(
    xs,
    pts.map((x) => Math.log(x.p.memoryUsdPerGiB)),
  );
  const joins = pts.filter((x) => x.p.joinUsd > 0);
  const join =
    joins.length >= MIN_COMPONENT_POINTS
      ? theilSen(
          joins.map((x) => x.t - latest.t),
          joins.map((x) => Math.log(x.p.joinUsd / x.p.devices)),
        )
      : null;
  if (mem === null) {
    return {
      fit: null,
      line: [],
      crossings: thresholdsUsd.map((thresholdUsd) => ({ thresholdUsd, date: null })),
    };
  }
  const targetGiB = targetBytes / BYTES_PER_GIB;
  const joinPerDevice = latest.p.devices > 0 ? latest.p.joinUsd / latest.p.devices : 0;
  const joinSlope = join?.slope ?? 0;
  const at = (dt: number, memSlope: number) => {
    const memUsdPerGiB = latest.p.memoryUsdPerGiB * Math.exp(memSlope * dt);
    return memUsdPerGiB * targetGiB + latest.p.devices * joinPerDevice * Math.exp(joinSlope * dt);
  };
  const line: ComponentProjection['line'] = [];
  for (let dt = 0; latest.t + dt <= horizonYear + 1 + 1e-9; dt += 0.25) {
    const a = at(dt, mem.slopeLow);
    const b = at(dt, mem.slopeHigh);
    line.push({
      year: latest.t + dt,
      date: yearToIsoDate(latest.t + dt),
      centralUsd: at(dt, mem.slope),
      lowUsd: Math.min(a, b),
      highUsd: Math.max(a, b),
    });
  }
  const crossings = thresholdsUsd.map((thresholdUsd) => {
    const hit = line.find((l) => l.centralUsd <= thresholdUsd);
    return { thresholdUsd, date: hit ? hit.date : null };
  });
  return {
    fit: {
      memoryAnnualChange: Math.expm1(mem.slope),
      memoryAnnualChangeLow: Math.expm1(mem.slopeLow),
      memoryAnnualChangeHigh: Math.expm1(mem.slopeHigh),
      joinAnnualChange: Math.expm1(joinSlope),
      points: pts.length,
    },
    line,
    crossings,
  };
}

/** Median of the component estimate over the whole-rig price in months both have: how far apart the two
 *  estimates sit (1 = the same). */
export function componentToRigRatio(
  components: readonly ComponentPoint[],
  rigPoints: readonly { month: string; priceUsd: number }[],
): number | null {
  const rig = new Map(rigPoints.map((p) => [p.month, p.priceUsd]));
  const ratios = components.flatMap((c) => {
    const r = rig.get(c.month);
    return r === undefined ? [] : [c.estimateUsd / r];
  });
  return ratios.length === 0 ? null : (quantile(ratios, 0.5) as number);
}
