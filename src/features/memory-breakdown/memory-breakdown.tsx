// What the model needs: weights, KV cache and runtime overhead as one bar, the total with its range, and
// every assumption behind the numbers with its source.

import { lazy, Suspense } from 'react';
import { AssumptionList } from '../../components/assumption-list';
import { formatGiB } from '../../components/format';
import { Unavailable } from '../../components/unavailable';
import type { MemoryEstimate } from '../../core';
import { useMemoryEstimate } from '../../state/derived';

// Shown only when model files were read (their reader loads on demand too): kept out of first paint.
const ExactWeightsNote = lazy(() =>
  import('./exact-weights-note').then((m) => ({ default: m.ExactWeightsNote })),
);

const PARTS = [
  { key: 'weights', label: 'Weights', className: 'seg-weights' },
  { key: 'kvCache', label: 'KV cache', className: 'seg-kv' },
  { key: 'overhead', label: 'Overhead', className: 'seg-overhead' },
] as const;

export function MemoryBreakdown() {
  const result = useMemoryEstimate();
  if (result.status === 'unavailable')
    return <Unavailable>Memory estimate not available yet: {result.reason}</Unavailable>;
  if (result.status === 'error')
    return (
      <p className="error-text" role="alert">
        {result.message}
      </p>
    );
  return <Breakdown estimate={result.value} />;
}

function Breakdown({ estimate }: { estimate: MemoryEstimate }) {
  const total = estimate.total > 0 ? estimate.total : 1;
  return (
    <div className="memory-breakdown">
      <p className="memory-total">
        <span className="muted">Total</span>{' '}
        <strong className="num" data-name="memory-total">
          {formatGiB(estimate.total)}
        </strong>{' '}
        <span className="muted num" data-name="memory-range">
          (likely {formatGiB(estimate.totalRange.low)} – {formatGiB(estimate.totalRange.high)})
        </span>
      </p>
      {/* SVG geometry, not inline style widths: the page is pre-rendered, and the Content-Security-Policy
          (style-src 'self') does not apply style attributes written in HTML. */}
      <svg
        className="memory-bar"
        role="img"
        aria-label={PARTS.map((p) => `${p.label} ${formatGiB(estimate[p.key])}`).join(', ')}
        viewBox="0 0 100 1"
        preserveAspectRatio="none"
        shapeRendering="crispEdges"
      >
        {PARTS.map((p, i) => (
          <rect
            key={p.key}
            className={p.className}
            x={PARTS.slice(0, i).reduce((x, q) => x + (100 * estimate[q.key]) / total, 0)}
            y={0}
            width={(100 * estimate[p.key]) / total}
            height={1}
          />
        ))}
      </svg>
      <dl className="memory-parts">
        {PARTS.map((p) => (
          <div key={p.key}>
            <dt>
              <span className={`swatch ${p.className}`} aria-hidden="true" /> {p.label}
            </dt>
            <dd className="num" data-name={`memory-${p.key}`}>
              {formatGiB(estimate[p.key])}
            </dd>
          </div>
        ))}
      </dl>
      {estimate.exactWeights ? (
        <Suspense fallback={null}>
          <ExactWeightsNote exact={estimate.exactWeights} />
        </Suspense>
      ) : null}
      {estimate.routedExpertWeights > 0 ? (
        <p className="muted small">
          Of the weights, {formatGiB(estimate.routedExpertWeights)} are routed experts, which a GPU + RAM rig
          can keep in system memory.
        </p>
      ) : null}
      <AssumptionList assumptions={estimate.assumptions} />
    </div>
  );
}
