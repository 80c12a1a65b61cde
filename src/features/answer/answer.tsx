// The answer at the top of the page, built from the same derived results the sections show: one line naming
// the setup, then its three key numbers side by side (memory, the cheapest rig, when a big rig gets cheap),
// each with the detail behind it underneath.
import { formatGiB, formatNumber, formatTokens, formatUsd } from '../../components/format';
import { CUSTOM_MODEL_ID } from '../../scenario';
import { useProjectionOutlook } from '../../state/class-outlooks';
import { useDatasetState } from '../../state/dataset-resource';
import { useMemoryEstimate, useModelInUse, useRigSearch } from '../../state/derived';
import { useScenario } from '../../state/store';

const CLASS_WORDS = {
  'good-fp8': 'with good fp8',
  'gpu-unified': 'of VRAM/unified memory',
  any: 'of any memory',
} as const;

function Figure({ name, label, value, detail }: { name: string; label: string; value: string; detail: string }) {
  return (
    <div className="answer-figure" data-name={name}>
      <dt>{label}</dt>
      <dd>
        <span className="answer-value">{value}</span>
        <span className="answer-detail">{detail}</span>
      </dd>
    </div>
  );
}

export function Answer() {
  const scenario = useScenario();
  const model = useModelInUse();
  const memory = useMemoryEstimate();
  const rigs = useRigSearch();
  const projection = useProjectionOutlook();
  const data = useDatasetState();

  const modelName =
    model.status === 'ok'
      ? model.value.name
      : scenario.modelId === CUSTOM_MODEL_ID
        ? (scenario.hfRepo ?? 'Your custom model')
        : scenario.modelId;
  const setup = `${modelName} at ${scenario.weightFormat.toUpperCase()} with ${formatTokens(scenario.contextTokens)} context${
    scenario.batch > 1 ? ` × ${scenario.batch} sequences` : ''
  }, on ${scenario.engine}`;

  const memoryFigure =
    memory.status === 'ok'
      ? {
          value: formatGiB(memory.value.total),
          detail: `range ${formatGiB(memory.value.totalRange.low)}–${formatGiB(memory.value.totalRange.high)}.`,
        }
      : memory.status === 'error'
        ? { value: 'not computable', detail: `${memory.message}` }
        : { value: '…', detail: 'Loading the memory model.' };

  let rigFigure: { value: string; detail: string };
  if (rigs.status !== 'ok') rigFigure = { value: '…', detail: 'Rig prices are loading.' };
  else if (rigs.value.kind === 'none')
    rigFigure = { value: 'nothing fits', detail: `No rig in the dataset fits these constraints: ${rigs.value.message}` };
  else {
    const best = rigs.value.rigs[0];
    const name = best && data.status === 'ready' ? data.value.engine.shortRigName(best) : best?.label;
    rigFigure = best
      ? {
          value: formatUsd(best.totalPriceUsd),
          detail: `${name}, ${formatNumber(best.decodeTokensPerSecond, 1)} tok/s decode (prices as of ${scenario.asOf}).`,
        }
      : { value: 'none', detail: 'No rig was priced.' };
  }

  let bigFigure: { label: string; value: string; detail: string };
  const threshold = formatUsd(scenario.thresholdUsd);
  if (projection.status !== 'ok') {
    bigFigure = {
      label: `A ${scenario.targetMemoryGiB} GiB rig at ${threshold}`,
      value: '…',
      detail: 'The price history is loading.',
    };
  } else {
    const v = projection.value;
    const chosen = v.classes.find((c) => c.rigClass === v.selected);
    const label = `A ${v.targetGiB} GiB rig ${CLASS_WORDS[v.selected]} at ${threshold}`;
    const latest = chosen?.outlook?.history.points.at(-1);
    const o = chosen?.atUser?.projection.outcome;
    const today = latest ? `costs ${formatUsd(latest.priceUsd)} in ${latest.date.slice(0, 7)}` : 'has no price yet';
    const edge = (e: { kind: 'at'; date: string } | { kind: 'not-within-horizon'; horizonYear: number }) =>
      e.kind === 'at' ? e.date.slice(0, 7) : `after ${e.horizonYear}`;
    bigFigure =
      o === undefined
        ? { label, value: '…', detail: 'Computing the price history of each rig class.' }
        : o.kind === 'already-affordable'
          ? { label, value: 'now', detail: `Under ${threshold} since ${o.since.slice(0, 7)}; ${today}.` }
          : o.kind === 'crosses'
            ? {
                label,
                value: `~${o.date.slice(0, 4)}`,
                detail: `Around ${o.date.slice(0, 7)} (band ${edge(o.range.early)} to ${edge(o.range.late)}); it ${today}.`,
              }
            : o.kind === 'not-within-horizon'
              ? { label, value: `not by ${o.horizonYear}`, detail: `On this trend; it ${today}.` }
              : {
                  label,
                  value: 'too little data',
                  detail: `${o.have} months with a rig, ${o.need} needed to fit a trend.`,
                };
  }

  return (
    <section className="answer" aria-live="polite" aria-label="The answer" data-name="answer">
      <p className="answer-setup">
        <strong>{setup}</strong>
      </p>
      <dl className="answer-figures">
        <Figure name="answer-memory" label="Memory needed" {...memoryFigure} />
        <Figure name="answer-rig" label="Cheapest rig that holds it" {...rigFigure} />
        <Figure name="answer-projection" {...bigFigure} />
      </dl>
    </section>
  );
}
