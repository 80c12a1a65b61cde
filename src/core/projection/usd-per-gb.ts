// $/GB history per memory class: what one GB of each kind of memory cost, month by month. Cheap to compute
// (one pass over the observations) and cached per dataset.
// $/GB here is USD per marketed GB of memory, which is a GiB (data/README.md "Units"; src/core/units.ts):
// an item's price over its memory.sizeGiB, or a series' usdPerGB as published.
import type { Dataset, HardwareItem, PriceObservation } from '../../data/schema';
import { purchaseConditionOf } from '../rigs/pricing';
import { monthEnd, monthOf } from '../units';
import { quantileSorted } from './robust-stats';

export const MEMORY_CLASSES = [
  'gpu-vram-new', // a GPU card's own memory, bought new (msrp, retail, contract, estimate)
  'gpu-vram-used', // the same, used or refurbished or sold on the used market
  'unified', // a unified-memory machine: the whole machine's price over its memory pool
  'server-ddr5-rdimm', // DDR5 RDIMM / LRDIMM modules
  'ddr4', // DDR4 modules of any form factor
] as const;
export type MemoryClass = (typeof MEMORY_CLASSES)[number];

export const MEMORY_CLASS_LABELS: Record<MemoryClass, string> = {
  'gpu-vram-new': 'GPU VRAM, new',
  'gpu-vram-used': 'GPU VRAM, used',
  unified: 'Unified memory (whole machine)',
  'server-ddr5-rdimm': 'Server DDR5 RDIMM',
  ddr4: 'DDR4 modules',
};

export interface UsdPerGBPoint {
  /** 'YYYY-MM'. */
  month: string;
  /** The month's last day, ISO: where the point sits on a time axis. */
  date: string;
  cheapestUsdPerGB: number;
  medianUsdPerGB: number;
  /** Observations (items x dates, or series points) in the month. */
  observations: number;
  /** The item (or series) behind the cheapest value. */
  cheapestId: string;
}

export interface UsdPerGBSeries {
  /** A MemoryClass, or 'series:<series id>' for a published long-run series. */
  id: string;
  label: string;
  origin: 'items' | 'series';
  points: UsdPerGBPoint[];
}

/** The class an observation of an item belongs to, or null when it has no $/GB class. */
export function memoryClassOf(item: HardwareItem, observation: PriceObservation): MemoryClass | null {
  if (!item.memory) return null;
  // Same split as the rig search: a unit sold on the used market counts as used even if unopened.
  if (item.kind === 'gpu')
    return purchaseConditionOf(observation) === 'new' ? 'gpu-vram-new' : 'gpu-vram-used';
  if (item.kind === 'unified') return 'unified';
  if (item.kind === 'memory-module' && item.module) {
    if (item.module.generation === 'ddr4') return 'ddr4';
    const server = item.module.formFactor === 'rdimm' || item.module.formFactor === 'lrdimm';
    if (item.module.generation === 'ddr5' && server) return 'server-ddr5-rdimm';
  }
  return null;
}

interface Sample {
  month: string;
  usdPerGB: number;
  id: string;
}

function toPoints(samples: Sample[]): UsdPerGBPoint[] {
  const byMonth = new Map<string, Sample[]>();
  for (const s of samples) {
    const list = byMonth.get(s.month);
    if (list) list.push(s);
    else byMonth.set(s.month, [s]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, list]) => {
      list.sort((a, b) => a.usdPerGB - b.usdPerGB);
      const cheapest = list[0] as Sample;
      return {
        month,
        date: monthEnd(month),
        cheapestUsdPerGB: cheapest.usdPerGB,
        medianUsdPerGB: quantileSorted(
          list.map((s) => s.usdPerGB),
          0.5,
        ) as number,
        observations: list.length,
        cheapestId: cheapest.id,
      };
    });
}

const cache = new WeakMap<Dataset, UsdPerGBSeries[]>();

/** $/GB per memory class and per published series, month by month (months with observations only; no
 *  carrying forward). Classes without any observation are still listed, with no points. */
export function usdPerGBHistory(dataset: Dataset): UsdPerGBSeries[] {
  const cached = cache.get(dataset);
  if (cached) return cached;
  const samples = new Map<MemoryClass, Sample[]>(MEMORY_CLASSES.map((c) => [c, []]));
  for (const item of dataset.items) {
    const sizeGiB = item.memory?.sizeGiB;
    if (sizeGiB === undefined) continue;
    for (const o of dataset.prices[item.id] ?? []) {
      const cls = memoryClassOf(item, o);
      if (cls === null) continue;
      samples.get(cls)?.push({ month: monthOf(o.observedOn), usdPerGB: o.priceUsd / sizeGiB, id: item.id });
    }
  }
  const result: UsdPerGBSeries[] = MEMORY_CLASSES.map((c) => ({
    id: c,
    label: MEMORY_CLASS_LABELS[c],
    origin: 'items' as const,
    points: toPoints(samples.get(c) ?? []),
  }));
  for (const s of dataset.series) {
    result.push({
      id: `series:${s.id}`,
      label: s.name,
      origin: 'series',
      points: toPoints(
        s.points.map((p) => ({ month: monthOf(p.observedOn), usdPerGB: p.usdPerGB, id: s.id })),
      ),
    });
  }
  cache.set(dataset, result);
  return result;
}
