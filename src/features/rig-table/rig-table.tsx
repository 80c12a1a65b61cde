// The ranked rigs that hold the model: a short name, the parts with their unit prices (each with its source,
// date and age), the total, decode and prefill tokens/s, power and dollars per token/s, and the search's
// notes on each rig. Rigs on the price/speed Pareto front are flagged. The table downloads as CSV.
import { memo, type ReactNode, useEffect, useRef, useState } from 'react';
import { downloadText } from '../../components/download';
import { formatGiB, formatNumber, formatTokens, formatUsd } from '../../components/format';
import { SourceLink } from '../../components/source-link';
import { Unavailable } from '../../components/unavailable';
import type { RigComponent, RigQuote, RigSearchNone } from '../../core';
import { shortRigName } from '../../core/rigs/short-name';
import { useRigSearch } from '../../state/derived';
import { useScenarioField } from '../../state/store';
import { rigTableCsv } from './rig-csv';

/** Rigs shown before "Show all": enough to compare, short enough to read on a phone. */
const FIRST_ROWS = 5;

const KIND_TEXT: Record<RigQuote['kind'], string> = {
  'multi-gpu': 'GPUs',
  unified: 'unified memory',
  'unified-cluster': 'unified-memory cluster',
  'cpu-server': 'CPU server',
  'gpu-ram-hybrid': 'GPU + RAM hybrid',
};

/** "12 months old" / "3 days old" from a price's age. */
function ageText(days: number): string {
  if (days < 45) return `${days} day${days === 1 ? '' : 's'} old`;
  const months = Math.round(days / 30.44);
  return `${months} month${months === 1 ? '' : 's'} old`;
}

/** A <details> whose body is rendered only while it is open: a closed one costs one element per row on
 *  every slider move, not its whole list. */
function LazyDetails({
  summary,
  className,
  name,
  children,
}: {
  summary: ReactNode;
  className: string;
  name?: string;
  children: () => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before React took over the pre-rendered page (no toggle event reaches the state then): follow the
  // element as it is.
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return (
    <details ref={ref} className={className} data-name={name} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? children() : null}
    </details>
  );
}

function NothingFits({ search }: { search: RigSearchNone }) {
  // The message already names the closest rig when one constraint binds; say it once.
  const closest = search.closest;
  const named = closest !== undefined && search.message.includes(shortRigName(closest));
  return (
    <div className="rig-none" role="status" data-name="rig-none" data-binding={search.binding}>
      <p>
        <strong>Nothing fits under these constraints.</strong> {search.message}
      </p>
      {closest && !named ? (
        <p className="muted">
          Closest once that is relaxed: {shortRigName(closest)}, {formatUsd(closest.totalPriceUsd)}.
        </p>
      ) : null}
      {search.binding === 'engine' ? (
        <p className="muted small">
          Switch the engine (section 1) or the weight format to see rigs that run it; the engine support table
          is in the assumptions below.
        </p>
      ) : null}
    </div>
  );
}

export function RigTable() {
  const result = useRigSearch();
  const contextTokens = useScenarioField('contextTokens');
  const batch = useScenarioField('batch');
  const engine = useScenarioField('engine');
  const asOf = useScenarioField('asOf');
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
  const assumptions = (
    <LazyDetails
      className="assumptions"
      name="rig-assumptions"
      summary={`How rigs are built, priced and timed (${search.assumptions.length})`}
    >
      {() => (
        <ul>
          {search.assumptions.map((a) => (
            <li key={a.id}>
              {a.text}{' '}
              {/^https:/.test(a.source) ? <SourceLink href={a.source}>source</SourceLink> : `(${a.source})`}
            </li>
          ))}
        </ul>
      )}
    </LazyDetails>
  );
  if (search.kind === 'none')
    return (
      <>
        <NothingFits search={search} />
        {assumptions}
      </>
    );
  const pareto = new Set(search.pareto.map((r) => r.id));
  const speedNote = `Decode: tokens generated per second at the full ${formatTokens(contextTokens)}-token context, ${
    batch === 1 ? 'one sequence' : `summed over ${batch} sequences`
  }, on ${engine}. Prefill: prompt tokens read per second.`;
  const exportCsv = () =>
    downloadText(
      `rigcast-rigs-${asOf}.csv`,
      rigTableCsv(search.rigs, { asOf, contextTokens, batch, engine }),
      'text/csv;charset=utf-8',
    );
  return (
    <div className="rig-table-wrap">
      <p className="muted small" id="rig-speed-note" data-name="rig-speed-note">
        {speedNote}
      </p>
      <table className="rig-table" data-name="rig-table" aria-describedby="rig-speed-note">
        <caption className="visually-hidden">Rigs that hold the model, cheapest first</caption>
        <colgroup>
          <col className="col-rank" />
          <col />
          <col className="col-num" />
          <col className="col-num" />
          <col className="col-num" />
          <col className="col-num" />
          <col className="col-num" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Rig and parts</th>
            <th scope="col" className="right">
              Price
            </th>
            <th scope="col" className="right">
              <abbr
                title={`Decode tokens/s at the full ${formatTokens(contextTokens)} context, batch ${batch}`}
              >
                Decode
              </abbr>{' '}
              tok/s
            </th>
            <th scope="col" className="right">
              Prefill tok/s
            </th>
            <th scope="col" className="right">
              Power
            </th>
            <th scope="col" className="right">
              $ per decode tok/s
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
      <div className="rig-table-actions">
        {search.rigs.length > FIRST_ROWS ? (
          <button type="button" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
            {showAll ? `Show the first ${FIRST_ROWS}` : `Show all ${search.rigs.length} rigs`}
          </button>
        ) : null}
        <button type="button" data-name="export-rigs-csv" onClick={exportCsv}>
          Download the {search.rigs.length} rigs as CSV
        </button>
      </div>
      <p className="muted small">
        {formatNumber(search.consideredCount)} configurations priced. ★ = on the price/speed Pareto front (no
        other rig is both cheaper and faster). Prices are per unit (“each”); the date is the price’s
        observation, carried forward to the as-of date.
      </p>
      {assumptions}
    </div>
  );
}

function PartLine({ c }: { c: RigComponent }) {
  const moved = Math.abs(c.unitPriceUsd - c.observedPriceUsd) >= 0.5;
  return (
    <li>
      {c.quantity} × {c.name}:{' '}
      <SourceLink href={c.sourceUrl}>
        {formatUsd(c.unitPriceUsd)}
        {c.quantity > 1 ? ' each' : ''}
      </SourceLink>{' '}
      <span className="muted">
        ({c.condition === c.market ? c.condition : `${c.condition}, ${c.market}`}, {c.observedOn},{' '}
        {ageText(c.ageDays)}
        {moved
          ? `; observed at ${formatUsd(c.observedPriceUsd)}, moved with its DRAM price series since`
          : ''}
        )
      </span>
    </li>
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
        <div className="rig-label" data-name="rig-name" title={rig.label}>
          {shortRigName(rig)}
          {onPareto ? (
            <span className="pareto" title="On the price/speed Pareto front">
              {' '}
              ★<span className="visually-hidden"> Pareto front</span>
            </span>
          ) : null}
        </div>
        <div className="muted small">
          {KIND_TEXT[rig.kind]}: {formatGiB(rig.usableBytes)} usable, {formatGiB(rig.headroomBytes)} spare,{' '}
          {formatNumber(rig.bandwidthGBps)} GB/s
        </div>
        <ul className="rig-components">
          {rig.components.map((c, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: by position, like the rows (see RigTable)
            <PartLine key={j} c={c} />
          ))}
        </ul>
        {rig.notes.length > 0 ? (
          <LazyDetails
            className="rig-notes"
            summary={
              <>
                Notes on this rig ({rig.notes.length})<span className="visually-hidden">, rank {rank}</span>
              </>
            }
          >
            {() => (
              <ul>
                {rig.notes.map((note, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: notes have no id; their order is stable
                  <li key={j}>{note}</li>
                ))}
              </ul>
            )}
          </LazyDetails>
        ) : null}
      </td>
      <td className="num right">{formatUsd(rig.totalPriceUsd)}</td>
      <td className="num right">{formatNumber(rig.decodeTokensPerSecond, 1)}</td>
      <td className="num right">
        {rig.prefillTokensPerSecond === undefined ? (
          <span title="No compute figure for this rig">n/a</span>
        ) : (
          formatNumber(rig.prefillTokensPerSecond, rig.prefillTokensPerSecond < 100 ? 1 : 0)
        )}
      </td>
      <td className="num right">
        {rig.powerKnown ? (
          `${formatNumber(rig.powerW)} W`
        ) : (
          <span title="The dataset has no power figure for a part of this rig; the sum is a lower bound">
            ≥ {formatNumber(rig.powerW)} W <span className="muted">(part unknown)</span>
          </span>
        )}
      </td>
      <td className="num right">{formatUsd(rig.usdPerTokenPerSecond)}</td>
    </tr>
  );
});
