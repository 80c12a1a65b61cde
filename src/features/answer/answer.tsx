// The answer at the top of the page, built from the same derived results the sections show: one line naming
// the setup, then its three key numbers side by side (memory, the cheapest rig, when a big rig gets cheap),
// each with the detail behind it underneath.
import { lazy, memo, Suspense } from 'react';
import { formatGiB, formatNumber, formatTokens, formatUsd } from '../../components/format';
import { CUSTOM_MODEL_ID } from '../../scenario';
import { useDatasetState } from '../../state/dataset-resource';
import { useMemoryEstimate, useModelInUse, useRigSearch } from '../../state/derived';
import { useScenario } from '../../state/store';

// The projection's figure needs the rig-class outlooks, which load with the price dataset.
// memo: it reads its own inputs; the other figures' changes (a context move) do not re-render it.
const AnswerProjection = lazy(() => import('./answer-projection').then((m) => ({ default: memo(m.default) })));

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

export function Answer() {
  const scenario = useScenario();
  const model = useModelInUse();
  const memory = useMemoryEstimate();
  const rigs = useRigSearch();
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

  return (
    <section className="answer" aria-live="polite" aria-label="The answer" data-name="answer">
      <p className="answer-setup">
        <strong>{setup}</strong>
      </p>
      <dl className="answer-figures">
        <Figure name="answer-memory" label="Memory needed" {...memoryFigure} />
        <Figure name="answer-rig" label="Cheapest rig that holds it" {...rigFigure} />
        <Suspense
          fallback={
            <Figure
              name="answer-projection"
              label={`A ${scenario.targetMemoryGiB} GiB rig at ${formatUsd(scenario.thresholdUsd)}`}
              value="…"
              detail="The price history is loading."
            />
          }
        >
          <AnswerProjection Figure={Figure} />
        </Suspense>
      </dl>
    </section>
  );
}
