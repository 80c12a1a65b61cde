// The projection chart (loaded on demand: Recharts is not needed for first paint). Log price axis: the
// monthly cheapest rig (points, each with its rig in the tooltip), the trend from the latest price and its
// band, the component model (dashed: an estimate from parts), the threshold, the crossing, and published
// long-run rates as dashed reference lines for comparison.
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber, formatUsd } from '../../components/format';
import { decadeDomain, logTicks } from '../../components/log-scale';
import { yearMonth } from '../../components/year-month';
import './projection-chart.css';

export interface ProjectionChartData {
  history: {
    year: number;
    priceUsd: number;
    date: string;
    rigLabel: string;
    decodeTokensPerSecond: number;
  }[];
  line: { year: number; centralUsd: number; band: [number, number] }[];
  /** The component model: monthly estimates, then its projection (projected: true). */
  components: { year: number; estimateUsd: number; projected?: boolean }[];
  thresholdUsd: number;
  crossingYear: number | null;
  references: { id: string; label: string; points: { year: number; priceUsd: number }[] }[];
}

const REFERENCE_COLORS = ['var(--c-overhead)', 'var(--fg-muted)'];
const REFERENCE_DASHES = ['6 4', '12 4 2 4'];

const formatYear = (y: number) => String(Math.floor(y));
const compactUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const formatAxisUsd = (v: number) => compactUsd.format(v);

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** The tooltip at one x position of the chart (Recharts gives the nearest data year as the label): the
 *  month's cheapest rig with its speed, the trend and its band, the component model, the reference lines. */
function ChartTooltip({
  active,
  label,
  data,
}: {
  active?: boolean;
  label?: unknown;
  data: ProjectionChartData;
}) {
  if (!active || typeof label !== 'number') return null;
  const point = data.history.find((p) => same(p.year, label));
  const trend = data.line.find((p) => same(p.year, label));
  const component = data.components.find((p) => same(p.year, label));
  const references = data.references
    .map((r) => ({ label: r.label, point: r.points.find((p) => same(p.year, label)) }))
    .filter((r) => r.point !== undefined);
  if (!point && !trend && !component && references.length === 0) return null;
  return (
    <div className="chart-tooltip" data-name="chart-tooltip">
      <p className="chart-tooltip-when">{point ? point.date.slice(0, 7) : yearMonth(label)}</p>
      {point ? (
        <p>
          <strong>{formatUsd(point.priceUsd)}</strong>: {point.rigLabel},{' '}
          {formatNumber(point.decodeTokensPerSecond, point.decodeTokensPerSecond < 10 ? 1 : 0)} tok/s decode
        </p>
      ) : null}
      {trend ? (
        <p>
          Trend {formatUsd(trend.centralUsd)} (band {formatUsd(trend.band[0])}–{formatUsd(trend.band[1])})
        </p>
      ) : null}
      {component ? (
        <p>
          Component model: {formatUsd(component.estimateUsd)}
          {component.projected ? ' (projected)' : ''}
        </p>
      ) : null}
      {references.map((r) => (
        <p key={r.label}>
          {r.label}: {formatUsd(r.point?.priceUsd ?? 0)}
        </p>
      ))}
    </div>
  );
}

export default function ProjectionChart({ data }: { data: ProjectionChartData }) {
  // The axis spans the observed prices, the threshold and the central line, not the band's far edges
  // (which can run to absurd values a decade out); the band is clipped at the plot's edge.
  const prices = [
    data.thresholdUsd,
    ...data.history.map((p) => p.priceUsd),
    ...data.line.map((p) => p.centralUsd),
  ].filter((v) => Number.isFinite(v) && v > 0);
  const observed = [data.thresholdUsd, ...data.history.map((p) => p.priceUsd)];
  const [yMin, yMax] = decadeDomain(
    Math.min(...prices),
    Math.min(Math.max(...prices), Math.max(...observed) * 30),
  );
  const years = [...data.history.map((p) => p.year), ...data.line.map((p) => p.year)];
  const xMin = Math.floor(Math.min(...years));
  const xMax = Math.ceil(Math.max(...years));
  const components = data.components.filter((p) => p.year >= xMin && p.year <= xMax);
  return (
    <ResponsiveContainer width="100%" height={340}>
      {/* accessibilityLayer off: its single tab stop moves an invisible tooltip cursor; the numbers are in
          the text above the chart. */}
      <ComposedChart margin={{ top: 10, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="year"
          domain={[xMin, xMax]}
          allowDuplicatedCategory={false}
          tickFormatter={formatYear}
          stroke="var(--fg-muted)"
          tickCount={8}
        />
        <YAxis
          type="number"
          scale="log"
          domain={[yMin, yMax]}
          ticks={logTicks(yMin, yMax, [1, 3])}
          allowDataOverflow
          tickFormatter={formatAxisUsd}
          stroke="var(--fg-muted)"
          width={56}
        />
        {/* The content finds the points at the hovered year itself; Recharts' own payload is empty when each
            series has its own data array, and it would then hide the box (hence the visibility). */}
        <Tooltip
          content={({ active, label }) => <ChartTooltip active={active} label={label} data={data} />}
          wrapperStyle={{ visibility: 'visible' }}
        />
        <Legend />
        <Area
          data={data.line}
          dataKey="band"
          name="Band (10th–90th pct.)"
          stroke="none"
          fill="var(--accent)"
          fillOpacity={0.15}
          isAnimationActive={false}
        />
        <Line
          data={data.line}
          dataKey="centralUsd"
          name="Trend"
          stroke="var(--accent)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        {components.length > 0 ? (
          <Line
            data={components}
            dataKey="estimateUsd"
            name="Component model (estimate)"
            stroke="var(--ok)"
            strokeDasharray="2 3"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ) : null}
        {data.references.map((r, i) => (
          <Line
            key={r.id}
            data={r.points}
            dataKey="priceUsd"
            name={r.label}
            stroke={REFERENCE_COLORS[i % REFERENCE_COLORS.length]}
            strokeDasharray={REFERENCE_DASHES[i % REFERENCE_DASHES.length]}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        <Scatter
          data={data.history}
          dataKey="priceUsd"
          name="Cheapest rig that month"
          fill="var(--c-kv)"
          isAnimationActive={false}
        />
        <ReferenceLine
          y={data.thresholdUsd}
          stroke="var(--error-border)"
          strokeDasharray="4 2"
          label={{
            value: `Threshold ${formatUsd(data.thresholdUsd)}`,
            position: 'insideTopRight',
            fill: 'var(--fg)',
          }}
        />
        {data.crossingYear !== null ? (
          <ReferenceDot
            x={data.crossingYear}
            y={data.thresholdUsd}
            r={6}
            fill="var(--error-border)"
            stroke="var(--bg)"
            label={{ value: 'crossing', position: 'top', fill: 'var(--fg)' }}
          />
        ) : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
