// When the weights come from a model's files: say so, give the bytes per storage type, and put the nearest
// standard format's predicted size beside them, so a custom mix can be compared with the standard one.

import { formatGiB } from '../../components/format';
import type { ExactWeights } from '../../core';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/** Small parts in MiB, the rest in GiB with enough digits to tell them apart. */
function size(bytes: number): string {
  if (bytes < 0.1 * GiB) return `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MiB`;
  return formatGiB(bytes, bytes >= 10 * GiB ? 1 : 2);
}

export function ExactWeightsNote({ exact }: { exact: ExactWeights }) {
  const gap = exact.nearest
    ? (exact.loadedBytes - exact.nearest.predictedBytes) / exact.nearest.predictedBytes
    : 0;
  return (
    <div className="exact-weights" data-name="exact-weights">
      <p>
        <strong>Weights exact, from the files' headers</strong> <span className="muted">({exact.label})</span>
        :{' '}
        <span className="num" data-name="exact-weights-bytes">
          {formatGiB(exact.loadedBytes, 2)}
        </span>{' '}
        ={' '}
        <span className="num" data-name="exact-weights-types">
          {exact.byType.map((t) => `${t.type} ${size(t.bytes)}`).join(', ')}
        </span>
        .
      </p>
      {exact.nearest ? (
        <p className="muted small" data-name="exact-weights-nearest">
          Nearest standard format: {exact.nearest.label} ({exact.nearest.basis}), predicted{' '}
          {formatGiB(exact.nearest.predictedBytes, 2)}; the files hold {Math.abs(gap * 100).toFixed(1)}%{' '}
          {gap >= 0 ? 'more' : 'less'}.
        </p>
      ) : null}
      {exact.notLoaded.map((n) => (
        <p key={n.what} className="muted small">
          The files also store {size(n.bytes)} of {n.what}, which engines do not load for plain decoding.
        </p>
      ))}
      {exact.mismatches.length > 0 ? (
        <p className="error-text small" data-name="exact-weights-mismatch">
          These files do not match the model in use ({exact.mismatches.join('; ')}): the KV cache and overhead
          are computed for the model in use. Pick the matching model or use the repository's config.
        </p>
      ) : null}
    </div>
  );
}
