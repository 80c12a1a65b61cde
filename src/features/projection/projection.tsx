// When does the target rig reach the threshold? The outcome in words (always shown), and the chart, whose
// code (Recharts) loads and mounts only when it approaches the viewport, in a box of its final height.
import { lazy, memo, Suspense, useMemo } from 'react';
import type { CrossingEdge, ProjectionOutcome } from '../../core';
import { formatUsd } from '../../components/format';
import { NearViewport } from '../../components/near-viewport';
import { SourceLink } from '../../components/source-link';
import { Unavailable } from '../../components/unavailable';
import { type ProjectionView, useProjection } from '../../state/derived';
import type { ProjectionChartData } from './projection-chart';

// memo: the chart re-renders only when its data changes, not on every slider move elsewhere.
const ProjectionChart = lazy(() => import('./projection-chart').then((m) => ({ default: memo(m.default) })));

function edgeText(edge: CrossingEdge): string {
  return edge.kind === 'at' ? edge.date.slice(0, 7) : `not by ${edge.horizonYear}`;
}

export function describeOutcome(outcome: ProjectionOutcome, thresholdUsd: number): string {
  switch (outcome.kind) {
    case 'already-affordable':
      return `Already under ${formatUsd(thresholdUsd)}: ${formatUsd(outcome.latestPriceUsd)} on ${outcome.latestDate} (first under it on ${outcome.since}).`;
    case 'crosses':
      return `Reaches ${formatUsd(thresholdUsd)} around ${outcome.date.slice(0, 7)} (range ${edgeText(outcome.range.early)} to ${edgeText(outcome.range.late)})${outcome.trendBelowLatestPrice ? '; the trend is already below it, the latest price is not' : ''}.`;
    case 'not-within-horizon':
      return `Does not reach ${formatUsd(thresholdUsd)} by ${outcome.horizonYear} on this trend (earliest plausible: ${edgeText(outcome.range.early)}).`;
    case 'too-little-data':
      return `Too little price history to fit a trend: ${outcome.have} months with a rig, ${outcome.need} needed.`;
  }
}

function toChartData(view: ProjectionView): ProjectionChartData {
  const { projection } = view;
  const crossing = projection.outcome.kind === 'crosses' ? projection.outcome.year : null;
  return {
    history: view.history.map((p) => ({ year: p.year, priceUsd: p.priceUsd, date: p.date })),
    line: projection.line.map((p) => ({
      year: p.year,
      centralUsd: p.centralUsd,
      band: [p.lowUsd, p.highUsd],
    })),
    thresholdUsd: projection.thresholdUsd,
    crossingYear: crossing,
    references: view.references,
  };
}

export function Projection() {
  const result = useProjection();
  const view = result.status === 'ok' ? result.value : null;
  // view is memoized on the projection's inputs, so the chart re-renders only when they change.
  const chartData = useMemo(() => (view ? toChartData(view) : null), [view]);
  if (result.status === 'unavailable')
    return <Unavailable>Projection not available yet: {result.reason}</Unavailable>;
  if (result.status === 'error')
    return (
      <p className="error-text" role="alert">
        {result.message}
      </p>
    );
  const { projection } = result.value;
  return (
    <div className="projection">
      <p className="projection-outcome" data-name="projection-outcome">
        {describeOutcome(projection.outcome, projection.thresholdUsd)}
      </p>
      {chartData && chartData.history.length > 0 ? (
        <figure className="chart" aria-label="Projected price of the cheapest rig with the target memory">
          <NearViewport className="chart-box projection-chart-box">
            <Suspense fallback={<div className="chart-loading">Loading chart…</div>}>
              <ProjectionChart data={chartData} />
            </Suspense>
          </NearViewport>
        </figure>
      ) : null}
      {/* The same markup as components/assumption-list.tsx, written out: sharing that component between the
          first-paint memory breakdown and this lazy chunk makes the bundler split React's JSX runtime into a
          chunk of its own, which costs first paint 0.6 KB gzip and breaks its 85 KB budget (npm run bench:ui). */}
      <details className="assumptions">
        <summary>Assumptions ({projection.assumptions.length})</summary>
        <ul>
          {projection.assumptions.map((a) => (
            <li key={a.id}>
              {a.text} <SourceLink href={a.source}>source</SourceLink>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
