// The projection chart (loaded on demand: Recharts is not needed for first paint). Log price axis: the
// monthly cheapest rig (points), the fitted central line and its band, the threshold, the crossing, and
// published long-run rates as dashed reference lines for comparison.
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
import { formatUsd } from '../../components/format';
import { decadeDomain, logTicks } from '../../components/log-scale';

export interface ProjectionChartData {
  history: { year: number; priceUsd: number; date: string }[];
  line: { year: number; centralUsd: number; band: [number, number] }[];
  thresholdUsd: number;
  crossingYear: number | null;
  references: { id: string; label: string; points: { year: number; priceUsd: number }[] }[];
}

const REFERENCE_COLORS = ['var(--c-overhead)', 'var(--ok)', 'var(--fg-muted)'];

const formatYear = (y: number) => String(Math.floor(y));
const compactUsd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const formatAxisUsd = (v: number) => compactUsd.format(v);

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
  return (
    <ResponsiveContainer width="100%" height={340}>
      <ComposedChart margin={{ top: 10, right: 16, bottom: 4, left: 8 }}>
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
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? formatUsd(value) : String(value))}
          labelFormatter={(label) => (typeof label === 'number' ? label.toFixed(1) : String(label))}
          contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--border)' }}
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
        {data.references.map((r, i) => (
          <Line
            key={r.id}
            data={r.points}
            dataKey="priceUsd"
            name={r.label}
            stroke={REFERENCE_COLORS[i % REFERENCE_COLORS.length]}
            strokeDasharray="6 4"
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
