// The ranked rigs that hold the model: components with unit prices (each with its source and date), total,
// tokens/s, power and dollars per token/s. Rigs on the price/speed Pareto front are flagged.
import { memo, useState } from 'react';
import type { RigQuote } from '../../core';
import { formatGiB, formatNumber, formatUsd } from '../../components/format';
import { SourceLink } from '../../components/source-link';
import { Unavailable } from '../../components/unavailable';
import { useRigSearch } from '../../state/derived';

/** Rigs shown before "Show all": enough to compare, short enough to read on a phone. */
const FIRST_ROWS = 5;

export function RigTable() {
  const result = useRigSearch();
  const [showAll, setShowAll] = useState(false);
  if (result.status === 'unavailable')
    return <Unavailable>Rig search not available yet: {result.reason}</Unavailable>;
  if (result.status === 'error')
    return (
      <p className="error-text" role="alert">
        {result.message}
      </p>
    );
  const search = result.value;
  if (search.kind === 'none') {
    return (
      <div className="rig-none" role="status" data-name="rig-none">
        <p>
          <strong>Nothing fits under these constraints.</strong> {search.message}
        </p>
        {search.closest ? (
          <p className="muted">
            Closest once that is relaxed: {search.closest.label}, {formatUsd(search.closest.totalPriceUsd)}.
          </p>
        ) : null}
      </div>
    );
  }
  const pareto = new Set(search.pareto.map((r) => r.id));
  return (
    <div className="rig-table-wrap">
      <table className="rig-table" data-name="rig-table">
        <caption className="visually-hidden">Rigs that hold the model, cheapest first</caption>
        <colgroup>
          <col className="col-rank" />
          <col />
          <col className="col-num" />
          <col className="col-num" />
          <col className="col-num" />
          <col className="col-num" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Rig and components</th>
            <th scope="col" className="right">
              Price
            </th>
            <th scope="col" className="right">
              Tokens/s
            </th>
            <th scope="col" className="right">
              Power
            </th>
            <th scope="col" className="right">
              $ per tok/s
            </th>
          </tr>
        </thead>
        <tbody>
          {(showAll ? search.rigs : search.rigs.slice(0, FIRST_ROWS)).map((rig, i) => (
            // Keyed by rank, not rig id: when a slider move reorders the rigs, each row keeps its DOM and
            // only its text changes; keyed by id, React moves whole rows and the browser rebuilds their
            // layout (measured with scripts/bench-ui.ts).
            // biome-ignore lint/suspicious/noArrayIndexKey: the rank is the row's identity here
            <RigRow key={i} rig={rig} rank={i + 1} onPareto={pareto.has(rig.id)} />
          ))}
        </tbody>
      </table>
      {search.rigs.length > FIRST_ROWS ? (
        <button
          type="button"
          className="show-all"
          aria-expanded={showAll}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? `Show the first ${FIRST_ROWS}` : `Show all ${search.rigs.length} rigs`}
        </button>
      ) : null}
      <p className="muted small">
        {formatNumber(search.consideredCount)} configurations priced. ★ = on the price/speed Pareto front (no
        other rig is both cheaper and faster).
      </p>
    </div>
  );
}

// memo: a row re-renders only when its quote changes (the search result is memoized on its inputs).
const RigRow = memo(function RigRow({
  rig,
  rank,
  onPareto,
}: {
  rig: RigQuote;
  rank: number;
  onPareto: boolean;
}) {
  return (
    <tr data-name="rig-row">
      <td className="num">{rank}</td>
      <td>
        <div className="rig-label">
          {rig.label}
          {onPareto ? (
            <span className="pareto" title="On the price/speed Pareto front">
              {' '}
              ★<span className="visually-hidden"> Pareto front</span>
            </span>
          ) : null}
        </div>
        <ul className="rig-components">
          {rig.components.map((c, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: by position, like the rows (see RigTable)
            <li key={j}>
              {c.quantity} × {c.name}: <SourceLink href={c.sourceUrl}>{formatUsd(c.unitPriceUsd)}</SourceLink>{' '}
              <span className="muted">
                ({c.condition === c.market ? c.condition : `${c.condition}, ${c.market}`}, {c.observedOn})
              </span>
            </li>
          ))}
        </ul>
        <div className="muted small">
          {formatGiB(rig.usableBytes)} usable, {formatGiB(rig.headroomBytes)} spare,{' '}
          {formatNumber(rig.bandwidthGBps)} GB/s
        </div>
      </td>
      <td className="num right">{formatUsd(rig.totalPriceUsd)}</td>
      <td className="num right">{formatNumber(rig.decodeTokensPerSecond, 1)}</td>
      <td className="num right">
        {rig.powerW > 0 ? (
          `${formatNumber(rig.powerW)} W`
        ) : (
          <span title="The dataset has no power figure for a part of this rig">n/a</span>
        )}
      </td>
      <td className="num right">{formatUsd(rig.usdPerTokenPerSecond)}</td>
    </tr>
  );
});
