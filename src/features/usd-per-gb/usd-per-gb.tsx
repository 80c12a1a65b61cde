// $/GB over time for each memory class (GPU VRAM new and used, unified memory, server DDR5, DDR4), the
// cheapest observation each month.
import { lazy, Suspense, useMemo } from 'react';
import type { UsdPerGBSeries } from '../../core';
import { Unavailable } from '../../components/unavailable';
import { useUsdPerGbHistory } from '../../state/derived';
import type { UsdPerGbChartSeries } from './usd-per-gb-chart';

const UsdPerGbChart = lazy(() => import('./usd-per-gb-chart'));

function isoToYear(iso: string): number {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  const y = new Date(t).getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  return y + (t - start) / (Date.UTC(y + 1, 0, 1) - start);
}

function toChart(series: UsdPerGBSeries[]): UsdPerGbChartSeries[] {
  return series
    .filter((s) => s.points.length > 0)
    .map((s) => ({
      id: s.id,
      label: s.label,
      points: s.points.map((p) => ({ year: isoToYear(p.date), usdPerGB: p.cheapestUsdPerGB })),
    }));
}

export function UsdPerGbHistory() {
  const result = useUsdPerGbHistory();
  const value = result.status === 'ok' ? result.value : null;
  const series = useMemo(() => (value ? toChart(value) : []), [value]);
  if (result.status === 'unavailable')
    return <Unavailable>$/GB history not available yet: {result.reason}</Unavailable>;
  if (result.status === 'error')
    return (
      <p className="error-text" role="alert">
        {result.message}
      </p>
    );
  if (series.length === 0) return <Unavailable>The dataset has no prices to compute $/GB from.</Unavailable>;
  return (
    <figure className="chart" aria-label="Cheapest price per GB of memory each month, by memory class">
      <Suspense fallback={<div className="chart-loading">Loading chart…</div>}>
        <UsdPerGbChart series={series} />
      </Suspense>
      <figcaption className="muted small">
        Cheapest $/GB observed each month in each class; a whole machine's price counts for unified memory.
        Latest:{' '}
        {series
          .map((s) => {
            const last = s.points[s.points.length - 1];
            return last ? `${s.label} $${last.usdPerGB.toFixed(2)}/GB` : null;
          })
          .filter(Boolean)
          .join('; ')}
        .
      </figcaption>
    </figure>
  );
}
