// The answer at the top of the page, built from the same derived results the sections show: one line naming
// the setup, then its three key numbers side by side (memory, the cheapest rig, when a big rig gets cheap),
// each with the detail behind it underneath. One component per figure: each computation (the memory
// estimate, the rig search, the price history behind the projection) renders in its own unit of work, so
// React can yield to the browser between them.
import { lazy, memo, Suspense } from 'react';
import { formatGiB, formatNumber, formatTokens, formatUsd } from '../../components/format';
import { CUSTOM_MODEL_ID } from '../../scenario';
import { useDatasetState } from '../../state/dataset-resource';
import { useMemoryEstimate, useModelInUse, useRigSearch } from '../../state/derived';
import { useScenario, useScenarioField } from '../../state/store';

// The projection's figure needs the rig-class outlooks, which load with the price dataset.
// memo: it reads its own inputs; the other figures' changes (a context move) do not re-render it.
const AnswerProjection = lazy(() =>
  import('./answer-projection').then((m) => ({ default: memo(m.default) })),
);

export interface FigureProps {
  name: string;
  label: string;
  value: string;
  detail: string;
}

function Figure({ name, label, value, detail }: FigureProps) {
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

function Setup() {
  const scenario = useScenario();
  const model = useModelInUse();
  const modelName =
    model.status === 'ok'
      ? model.value.name
      : scenario.modelId === CUSTOM_MODEL_ID
        ? (scenario.hfRepo ?? 'Your custom model')
        : scenario.modelId;
  return (
    <p className="answer-setup">
      <strong>{`${modelName} at ${scenario.weightFormat.toUpperCase()} with ${formatTokens(scenario.contextTokens)} context${
        scenario.batch > 1 ? ` × ${scenario.batch} sequences` : ''
      }, on ${scenario.engine}`}</strong>
    </p>
  );
}

function MemoryFigure() {
  const memory = useMemoryEstimate();
  const figure =
    memory.status === 'ok'
      ? {
          value: formatGiB(memory.value.total),
          detail: `range ${formatGiB(memory.value.totalRange.low)}–${formatGiB(memory.value.totalRange.high)}.`,
        }
      : memory.status === 'error'
        ? { value: 'not computable', detail: memory.message }
        : { value: '…', detail: 'The memory model is on its way.' };
  return <Figure name="answer-memory" label="Memory needed" {...figure} />;
}

function RigFigure() {
  const rigs = useRigSearch();
  const data = useDatasetState();
  const asOf = useScenarioField('asOf');
  let figure: { value: string; detail: string };
  if (rigs.status !== 'ok') figure = { value: '…', detail: 'Rig prices are on their way.' };
  else if (rigs.value.kind === 'none')
    figure = {
      value: 'nothing fits',
      detail: `No rig in the dataset fits these constraints: ${rigs.value.message}`,
    };
  else {
    const best = rigs.value.rigs[0];
    const name = best && data.status === 'ready' ? data.value.engine.shortRigName(best) : best?.label;
    figure = best
      ? {
          value: formatUsd(best.totalPriceUsd),
          detail: `${name}, ${formatNumber(best.decodeTokensPerSecond, 1)} tok/s decode (prices as of ${asOf}).`,
        }
      : { value: 'none', detail: 'No rig was priced.' };
  }
  return <Figure name="answer-rig" label="Cheapest rig that holds it" {...figure} />;
}

function ProjectionFigure() {
  const targetMemoryGiB = useScenarioField('targetMemoryGiB');
  const thresholdUsd = useScenarioField('thresholdUsd');
  return (
    <Suspense
      fallback={
        <Figure
          name="answer-projection"
          label={`A ${targetMemoryGiB} GiB rig at ${formatUsd(thresholdUsd)}`}
          value="…"
          detail="The price history is on its way."
        />
      }
    >
      <AnswerProjection Figure={Figure} />
    </Suspense>
  );
}

export function Answer() {
  return (
    <section className="answer" aria-live="polite" aria-label="The answer" data-name="answer">
      <Setup />
      <dl className="answer-figures">
        <MemoryFigure />
        <RigFigure />
        <ProjectionFigure />
      </dl>
    </section>
  );
}
