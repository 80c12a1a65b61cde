// The dataset summary printed by `npm run data:stats` (and quoted in the closing note). Pure.
import type { Dataset } from './schema';

export interface DatasetStats {
  items: number;
  itemsPerKind: Record<string, number>;
  observations: number;
  observationsPerMarket: Record<string, number>;
  observationsPerCondition: Record<string, number>;
  observationsPerYear: Record<string, number>;
  firstObservedOn: string | null;
  lastObservedOn: string | null;
  itemsWithPrices: number;
  itemsWithNoPrice: string[];
  series: { id: string; points: number; firstObservedOn: string | null; lastObservedOn: string | null }[];
  /** Distinct source URLs and host names over items, price observations and series points. */
  distinctSourceUrls: number;
  distinctSourceHosts: number;
  sourcesPerHost: Record<string, number>;
}

function count<T>(xs: readonly T[], key: (x: T) => string): Record<string, number> {
  const out = new Map<string, number>();
  for (const x of xs) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '(invalid url)';
  }
}

export function computeDatasetStats(dataset: Dataset): DatasetStats {
  const observations = Object.values(dataset.prices).flat();
  const dates = observations.map((o) => o.observedOn).sort();
  const urls = new Set<string>([
    ...dataset.items.flatMap((i) => [
      ...i.sources.map((s) => s.url),
      ...(i.fp8?.source ? [i.fp8.source.url] : []),
      ...(i.memory?.acceleratorUsableSource ? [i.memory.acceleratorUsableSource.url] : []),
      ...(i.cluster ? [i.cluster.source.url] : []),
    ]),
    ...observations.map((o) => o.source.url),
    ...dataset.series.flatMap((s) => s.points.map((p) => p.source.url)),
  ]);
  const byHost = count([...urls], host);
  return {
    items: dataset.items.length,
    itemsPerKind: count(dataset.items, (i) => i.kind),
    observations: observations.length,
    observationsPerMarket: count(observations, (o) => o.market),
    observationsPerCondition: count(observations, (o) => o.condition),
    observationsPerYear: count(observations, (o) => o.observedOn.slice(0, 4)),
    firstObservedOn: dates[0] ?? null,
    lastObservedOn: dates[dates.length - 1] ?? null,
    itemsWithPrices: dataset.items.filter((i) => (dataset.prices[i.id]?.length ?? 0) > 0).length,
    itemsWithNoPrice: dataset.items.filter((i) => (dataset.prices[i.id]?.length ?? 0) === 0).map((i) => i.id),
    series: dataset.series.map((s) => ({
      id: s.id,
      points: s.points.length,
      firstObservedOn: s.points[0]?.observedOn ?? null,
      lastObservedOn: s.points[s.points.length - 1]?.observedOn ?? null,
    })),
    distinctSourceUrls: urls.size,
    distinctSourceHosts: Object.keys(byHost).length,
    sourcesPerHost: Object.fromEntries(Object.entries(byHost).sort(([, a], [, b]) => b - a)),
  };
}
