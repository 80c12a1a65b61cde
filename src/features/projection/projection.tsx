// When does a 512 GB–1 TB rig cost a few thousand dollars? The answer in words, each rig class side by side
// (its cheapest rig today, where the trend takes it, the component model's estimate), the chosen class's
// chart (its code, Recharts, loads and mounts only when it approaches the viewport, in a box of its final
// height), and the assumptions with the backtest.
import { lazy, memo, Suspense, useMemo, useRef } from 'react';
import { ChartExportButtons } from '../../components/chart-export-buttons';
import { formatNumber, formatUsd } from '../../components/format';
import { mountDeferredParts, NearViewport } from '../../components/near-viewport';
import { SourceLink } from '../../components/source-link';
import { Unavailable } from '../../components/unavailable';
import type { BacktestResult, ClassOutlook, CrossingEdge, ProjectionOutcome } from '../../core';
import { RIG_CLASS_SPECS } from '../../core/projection/rig-classes';
import {
  type ClassView,
  isoToYear,
  type ProjectionOutlookView,
  useProjectionOutlook,
} from '../../state/class-outlooks';
import { useScenarioField } from '../../state/store';
import type { ProjectionChartData } from './projection-chart';
import './projection-view.css';

// memo: the chart re-renders only when its data changes, not on every slider move elsewhere.
const ProjectionChart = lazy(() => import('./projection-chart').then((m) => ({ default: memo(m.default) })));

const CLASS_LETTER = { 'good-fp8': 'a', 'gpu-unified': 'b', any: 'c' } as const;

function edgeText(edge: CrossingEdge): string {
  return edge.kind === 'at' ? edge.date.slice(0, 7) : `not by ${edge.horizonYear}`;
}

/** The outcome at one threshold, as a sentence. */
export function outcomeText(outcome: ProjectionOutcome, thresholdUsd: number): string {
  switch (outcome.kind) {
    case 'already-affordable':
      return `Already under ${formatUsd(thresholdUsd)}: ${formatUsd(outcome.latestPriceUsd)} in ${outcome.latestDate.slice(0, 7)} (under it since ${outcome.since.slice(0, 7)}).`;
    case 'crosses':
      return `Reaches ${formatUsd(thresholdUsd)} around ${outcome.date.slice(0, 7)} (band ${edgeText(outcome.range.early)} to ${edgeText(outcome.range.late)})${outcome.trendBelowLatestPrice ? '; the trend is already below it, the latest price is not' : ''}.`;
    case 'not-within-horizon':
      return `Does not reach ${formatUsd(thresholdUsd)} by ${outcome.horizonYear} on this trend${outcome.range.early.kind === 'at' ? ` (the band's cheap edge does by ${outcome.range.early.date.slice(0, 7)})` : ''}.`;
    case 'too-little-data':
      return `Too little price history to fit a trend: ${outcome.have} months with a rig, ${outcome.need} needed.`;
  }
}

const pct = (v: number) => `${v < 0 ? '−' : '+'}${Math.abs(v * 100).toFixed(0)}%`;

function toChartData(view: ProjectionOutlookView, chosen: ClassView): ProjectionChartData | null {
  const o = chosen.outlook;
  const at = chosen.atUser;
  if (!o || !at) return null;
  const projection = at.projection;
  return {
    history: o.history.points.map((p) => ({
      year: isoToYear(p.date),
      date: p.date,
      priceUsd: p.priceUsd,
      rigLabel: p.rigShortLabel,
      decodeTokensPerSecond: p.decodeTokensPerSecond,
    })),
    line: projection.line.map((p) => ({
      year: p.year,
      centralUsd: p.centralUsd,
      band: [p.lowUsd, p.highUsd],
    })),
    components: [
      ...o.components.map((p) => ({ year: isoToYear(p.date), estimateUsd: p.estimateUsd })),
      ...at.components.line.map((p) => ({ year: p.year, estimateUsd: p.centralUsd, projected: true })),
    ],
    thresholdUsd: view.thresholdUsd,
    crossingYear: projection.outcome.kind === 'crosses' ? projection.outcome.year : null,
    references: view.references,
  };
}

function ClassCard({ view, c }: { view: ProjectionOutlookView; c: ClassView }) {
  const spec = RIG_CLASS_SPECS[c.rigClass];
  const latest = c.outlook?.history.points.at(-1);
  const component = c.outlook?.components.at(-1);
  const crossing = c.atUser?.components.crossings[0];
  return (
    <li
      className="class-card"
      data-name="class-card"
      data-class={c.rigClass}
      aria-current={c.rigClass === view.selected ? 'true' : undefined}
    >
      <h3>
        ({CLASS_LETTER[c.rigClass]}) {spec.label}
        {c.rigClass === view.selected ? <span className="muted"> · on the chart</span> : null}
      </h3>
      {c.outlook === null ? (
        <p className="muted">Computing this class’s price history…</p>
      ) : latest === undefined ? (
        <p>No rig of this class holds {view.targetGiB} GiB in the dataset.</p>
      ) : (
        <>
          <p className="class-price">
            <strong>{formatUsd(latest.priceUsd)}</strong>{' '}
            <span className="muted">in {latest.date.slice(0, 7)}</span>
          </p>
          <p className="small">
            <span title={latest.rigLabel}>{latest.rigShortLabel}</span>;{' '}
            {formatNumber(latest.decodeTokensPerSecond, latest.decodeTokensPerSecond < 10 ? 1 : 0)} tok/s
            decode on the reference model.
          </p>
          {c.atUser ? (
            <p className="small" data-name="class-outcome">
              {outcomeText(c.atUser.projection.outcome, view.thresholdUsd)}
            </p>
          ) : null}
        </>
      )}
      {component ? (
        <p className="small muted" data-name="class-components">
          Component model (an estimate from parts): {formatUsd(component.estimateUsd)} in {component.month}
          {crossing
            ? crossing.date
              ? `; at ${formatUsd(view.thresholdUsd)} around ${crossing.date.slice(0, 7)}`
              : `; not at ${formatUsd(view.thresholdUsd)} by ${c.atUser?.projection.horizonYear}`
            : ''}
          .
        </p>
      ) : null}
    </li>
  );
}

function backtestText(b: BacktestResult): string {
  if (b.medianAbsLogError === null || b.bandCoverage === null)
    return `fit to ${b.cutoff}: ${b.skipped === 'nothing-after' ? 'no later months to compare' : `too little data (${b.fitPoints} months)`}`;
  return `fit to ${b.cutoff} (${b.fitPoints} months), ${b.compared} later months: typically ${formatNumber(
    (Math.exp(b.medianAbsLogError) - 1) * 100,
  )}% off (median |log error| ${b.medianAbsLogError.toFixed(2)}), band held the price in ${formatNumber(
    b.bandCoverage * 100,
  )}% of them`;
}

function Assumptions({ view }: { view: ProjectionOutlookView }) {
  const chosen = view.classes.find((c) => c.rigClass === view.selected);
  const projection = chosen?.atUser?.projection;
  const fit = projection?.fit;
  const ready = view.classes.filter((c): c is ClassView & { outlook: ClassOutlook } => c.outlook !== null);
  return (
    <details className="assumptions" data-name="projection-assumptions">
      <summary>Assumptions and backtest</summary>
      <ul>
        {view.classes.map((c) => (
          <li key={c.rigClass}>
            ({CLASS_LETTER[c.rigClass]}) {RIG_CLASS_SPECS[c.rigClass].label}:{' '}
            {RIG_CLASS_SPECS[c.rigClass].definition}.
          </li>
        ))}
        {fit ? (
          <li>
            Fitted rate for ({CLASS_LETTER[view.selected]}): {pct(fit.annualChange)}/yr [
            {pct(fit.annualChangeLow)}, {pct(fit.annualChangeHigh)}], from the latest price.
          </li>
        ) : null}
        {(projection?.assumptions ?? []).map((a) => (
          <li key={a.id}>
            {a.text} <SourceLink href={a.source}>source</SourceLink>
          </li>
        ))}
      </ul>
      <h4>Component model (an estimate from parts)</h4>
      <ul data-name="component-model">
        {ready.map((c) => {
          const last = c.outlook.components.at(-1);
          const fitC = c.outlook.componentProjection.fit;
          return (
            <li key={c.rigClass}>
              ({CLASS_LETTER[c.rigClass]}){' '}
              {last
                ? `${last.month}: ${last.devices} × ${last.memoryItemName}${last.joinUsd > 0 ? ` + ${last.joinLabel} (${formatUsd(last.joinUsd)})` : ''} = ${formatUsd(last.estimateUsd)}${fitC ? `; memory ${pct(fitC.memoryAnnualChange)}/yr, joins ${pct(fitC.joinAnnualChange)}/yr` : ''}${c.outlook.componentToRig !== null ? `; ${formatNumber(c.outlook.componentToRig, 2)} × the whole-rig price where both exist` : ''}.`
                : 'no month with fresh prices for its parts.'}
            </li>
          );
        })}
      </ul>
      <h4>Backtest: would this method have predicted the past?</h4>
      <p className="small muted">
        Fitted on the monthly cheapest rig up to each cut-off, then compared with what the cheapest rig cost
        in each later month, at {view.targetGiB} GiB.
      </p>
      <ul data-name="backtest">
        {ready.map((c) => (
          <li key={c.rigClass}>
            ({CLASS_LETTER[c.rigClass]}) {c.outlook.backtest.map(backtestText).join('; ')}.
          </li>
        ))}
      </ul>
    </details>
  );
}

export function Projection() {
  const result = useProjectionOutlook();
  const view = result.status === 'ok' ? result.value : null;
  const chosen = view?.classes.find((c) => c.rigClass === view.selected) ?? null;
  // view is memoized on its inputs, so the chart re-renders only when they change.
  const chartData = useMemo(() => (view && chosen ? toChartData(view, chosen) : null), [view, chosen]);
  const figure = useRef<HTMLElement>(null);
  const asOf = useScenarioField('asOf');
  if (result.status === 'unavailable')
    return <Unavailable>Projection not available yet: {result.reason}</Unavailable>;
  if (result.status === 'error')
    return (
      <p className="error-text" role="alert">
        {result.message}
      </p>
    );
  const v = result.value;
  const spec = RIG_CLASS_SPECS[v.selected];
  const fileBase = `rigcast-projection-${v.targetGiB}gib-${v.selected}-${asOf}`;
  return (
    <div className="projection">
      {v.computing ? (
        <p className="muted small" role="status" data-name="projection-computing">
          Computing {v.computing.targetGiB} GiB as of {v.computing.asOf}; showing {v.targetGiB} GiB meanwhile.
        </p>
      ) : null}
      <p className="projection-answer" data-name="projection-answer" aria-live="polite">
        {v.sentence ?? `Computing the ${v.targetGiB} GiB price history of each rig class…`}
      </p>
      <ul className="class-cards" aria-label="Rig classes side by side">
        {v.classes.map((c) => (
          <ClassCard key={c.rigClass} view={v} c={c} />
        ))}
      </ul>
      {chartData && chartData.history.length > 0 ? (
        <figure
          className="chart"
          ref={figure}
          aria-label={`Price of the cheapest ${v.targetGiB} GiB rig of ${spec.label}, and its projection`}
        >
          <NearViewport className="chart-box projection-chart-box">
            <Suspense fallback={<div className="chart-loading">Loading chart…</div>}>
              <ProjectionChart data={chartData} />
            </Suspense>
          </NearViewport>
          <ChartExportButtons
            mount={mountDeferredParts}
            figure={figure}
            fileBase={fileBase}
            title={`rigcast: ${v.targetGiB} GiB, ${spec.label}`}
          />
          <figcaption className="muted small">
            ({CLASS_LETTER[v.selected]}) {spec.label}, {v.targetGiB} GiB: the cheapest rig each month
            (points), the trend from the latest price with its band, the component model (dashed, an
            estimate), and published long-run rates for comparison.
          </figcaption>
        </figure>
      ) : chosen?.outlook ? (
        <Unavailable>
          No rig of this class holds {v.targetGiB} GiB in the dataset, so there is nothing to chart.
        </Unavailable>
      ) : null}
      <Assumptions view={v} />
    </div>
  );
}
