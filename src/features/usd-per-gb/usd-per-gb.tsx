// $/GB over time for each memory class (GPU VRAM new and used, unified memory, server DDR5, DDR4), the
// cheapest observation each month. The chart mounts when it approaches the viewport (components/near-viewport).
import { lazy, memo, Suspense, useMemo, useRef } from 'react';
import { ChartExportButtons } from '../../components/chart-export-buttons';
import { mountDeferredParts, NearViewport } from '../../components/near-viewport';
import { Unavailable } from '../../components/unavailable';
import type { UsdPerGBSeries } from '../../core';
import { isoDateToYear } from '../../core/units';
import { useUsdPerGbHistory } from '../../state/derived';
import type { UsdPerGbChartSeries } from './usd-per-gb-chart';

// memo: the chart re-renders only when its data changes.
const UsdPerGbChart = lazy(() => import('./usd-per-gb-chart').then((m) => ({ default: memo(m.default) })));

/** Chart x position of a dated point (the core's dates are always real calendar dates). */
const isoToYear = (iso: string): number => isoDateToYear(iso) ?? Number.NaN;

function toChart(series: UsdPerGBSeries[]): UsdPerGbChartSeries[] {
  // The memory classes priced from the dataset's items; the published long-run series ('series' origin)
  // span decades and dozens of sources, and would bury the classes the rig search buys from.
  return series
    .filter((s) => s.origin === 'items' && s.points.length > 0)
    .map((s) => ({
      id: s.id,
      label: s.label,
      points: s.points.map((p) => ({ year: isoToYear(p.date), date: p.date, usdPerGB: p.cheapestUsdPerGB })),
    }));
}

export function UsdPerGbHistory() {
  const result = useUsdPerGbHistory();
  const value = result.status === 'ok' ? result.value : null;
  const series = useMemo(() => (value ? toChart(value) : []), [value]);
  const figure = useRef<HTMLElement>(null);
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
    <figure
      className="chart"
      ref={figure}
      aria-label="Cheapest price per GB of memory each month, by memory class"
    >
      <NearViewport className="chart-box usd-per-gb-chart-box">
        <Suspense fallback={<div className="chart-loading">Loading chart…</div>}>
          <UsdPerGbChart series={series} />
        </Suspense>
      </NearViewport>
      <ChartExportButtons
        mount={mountDeferredParts}
        figure={figure}
        fileBase="rigcast-usd-per-gb"
        title="rigcast: cheapest $/GB each month, by memory class"
      />
      <figcaption className="muted small">
        Cheapest $/GB observed each month in each memory class; a whole machine's price counts for unified
        memory. Latest:
        <ul className="latest-list">
          {series.map((s) => {
            const last = s.points[s.points.length - 1];
            return last ? (
              <li key={s.id}>
                {s.label}: ${last.usdPerGB.toFixed(2)}/GB ({last.date.slice(0, 7)})
              </li>
            ) : null;
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
