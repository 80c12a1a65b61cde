// Carrying an old price forward: a DIMM observed months ago is priced today by how its DRAM generation's
// published $/GB series moved since (data/series); other parts keep their last price, shown with its age,
// until the carry-forward limit (constants.ts). Cached per dataset.
import type { Dataset, DdrGeneration, HardwareItem, SeriesFile } from '../../data/schema';

interface IndexPoint {
  ms: number;
  logValue: number;
}

interface IndexSeries {
  id: string;
  points: IndexPoint[];
}

/** Series used as a DRAM price index per generation, most specific first (memoryClass values in
 *  data/series). Server RDIMM series are short (2025-26), so consumer module and chip series back them. */
const INDEX_CLASSES: Record<DdrGeneration, readonly string[]> = {
  ddr3: ['ddr3-rdimm', 'ddr3-udimm', 'ddr3-chip-spot', 'dram'],
  ddr4: ['ddr4-rdimm', 'ddr4-udimm', 'ddr4-chip-spot', 'dram'],
  ddr5: ['ddr5-rdimm', 'ddr5-udimm', 'ddr5-chip-spot', 'dram'],
  lpddr5: ['dram'],
  lpddr5x: ['dram'],
};

/** A series covers a date when it has points within this many days on both sides (or on it). */
const MAX_GAP_DAYS = 120;
const DAY_MS = 86_400_000;

const cache = new WeakMap<Dataset, Map<string, IndexSeries[]>>();

function toIndex(series: SeriesFile): IndexSeries {
  const points = series.points
    .map((p) => ({ ms: Date.parse(`${p.observedOn}T00:00:00Z`), logValue: Math.log(p.usdPerGB) }))
    .filter((p) => Number.isFinite(p.ms) && Number.isFinite(p.logValue))
    .sort((a, b) => a.ms - b.ms);
  return { id: series.id, points };
}

function seriesFor(dataset: Dataset, generation: DdrGeneration): IndexSeries[] {
  let perDataset = cache.get(dataset);
  if (perDataset === undefined) {
    perDataset = new Map();
    cache.set(dataset, perDataset);
  }
  const hit = perDataset.get(generation);
  if (hit) return hit;
  const out: IndexSeries[] = [];
  for (const cls of INDEX_CLASSES[generation]) {
    for (const s of dataset.series) if (s.memoryClass === cls && s.points.length >= 2) out.push(toIndex(s));
  }
  perDataset.set(generation, out);
  return out;
}

/** Log value of a series at a date, interpolated between the nearest points on each side; undefined when
 *  the date is outside the series or in a gap wider than MAX_GAP_DAYS. */
export function logValueAt(series: IndexSeries, iso: string): number | undefined {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  const pts = series.points;
  if (pts.length === 0 || Number.isNaN(ms)) return undefined;
  let lo = 0;
  let hi = pts.length - 1;
  if (ms < (pts[0] as IndexPoint).ms || ms > (pts[hi] as IndexPoint).ms) return undefined;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((pts[mid] as IndexPoint).ms <= ms) lo = mid;
    else hi = mid;
  }
  const a = pts[lo] as IndexPoint;
  const b = pts[hi] as IndexPoint;
  if (ms === a.ms) return a.logValue;
  if (ms === b.ms) return b.logValue;
  if ((ms - a.ms) / DAY_MS > MAX_GAP_DAYS || (b.ms - ms) / DAY_MS > MAX_GAP_DAYS) return undefined;
  return a.logValue + ((b.logValue - a.logValue) * (ms - a.ms)) / (b.ms - a.ms);
}

export interface IndexAdjustment {
  /** Price now = observed price x factor. */
  factor: number;
  /** The data/series id the factor comes from. */
  seriesId: string;
}

/** How a DIMM's price moved from `from` to `to` by the first series of its generation that covers both
 *  dates; undefined for items that are not DIMMs or when no series covers both dates. */
export function dramIndexAdjustment(
  dataset: Dataset,
  item: HardwareItem,
  from: string,
  to: string,
): IndexAdjustment | undefined {
  const generation = item.kind === 'memory-module' ? item.module?.generation : undefined;
  if (generation === undefined || from >= to) return undefined;
  for (const s of seriesFor(dataset, generation)) {
    const a = logValueAt(s, from);
    const b = logValueAt(s, to);
    if (a !== undefined && b !== undefined) return { factor: Math.exp(b - a), seriesId: s.id };
  }
  return undefined;
}
