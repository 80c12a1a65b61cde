// $/GB by memory class over time (loaded on demand with Recharts). Log axis: the classes differ by two
// orders of magnitude.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { decadeDomain, logTicks } from '../../components/log-scale';
import { yearMonth } from '../../components/year-month';

const cents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
});
const formatUsdCents = (v: number) => cents.format(v);

export interface UsdPerGbChartSeries {
  id: string;
  label: string;
  points: { year: number; date: string; usdPerGB: number }[];
}

const COLORS = [
  'var(--c-weights)',
  'var(--c-kv)',
  'var(--ok)',
  'var(--error-border)',
  'var(--c-overhead)',
  'var(--accent)',
];

const formatUsdPerGb = (v: number) => (v >= 1 ? `$${Math.round(v)}` : `$${v.toPrecision(1)}`);

export default function UsdPerGbChart({ series }: { series: UsdPerGbChartSeries[] }) {
  const values = series
    .flatMap((s) => s.points.map((p) => p.usdPerGB))
    .filter((v) => v > 0 && Number.isFinite(v));
  const years = series.flatMap((s) => s.points.map((p) => p.year));
  const [yMin, yMax] = decadeDomain(Math.min(...values), Math.max(...values));
  return (
    <ResponsiveContainer width="100%" height={320}>
      <LineChart margin={{ top: 10, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="year"
          domain={[Math.floor(Math.min(...years)), Math.ceil(Math.max(...years))]}
          tickFormatter={(y: number) => String(Math.floor(y))}
          allowDuplicatedCategory={false}
          stroke="var(--fg-muted)"
        />
        <YAxis
          type="number"
          scale="log"
          domain={[yMin, yMax]}
          ticks={logTicks(yMin, yMax)}
          allowDataOverflow
          tickFormatter={formatUsdPerGb}
          stroke="var(--fg-muted)"
          width={56}
        />
        <Tooltip
          formatter={(value) => (typeof value === 'number' ? `${formatUsdCents(value)}/GB` : String(value))}
          labelFormatter={(label) => (typeof label === 'number' ? yearMonth(label) : String(label))}
          contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--border)' }}
        />
        <Legend />
        {series.map((s, i) => (
          <Line
            key={s.id}
            data={s.points}
            dataKey="usdPerGB"
            name={s.label}
            stroke={COLORS[i % COLORS.length]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
