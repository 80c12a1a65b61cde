// The one-sentence answer at the top of the page, built from the same derived results the sections show.
import { formatGiB, formatTokens, formatUsd } from '../../components/format';
import { CUSTOM_MODEL_ID } from '../../scenario';
import { useMemoryEstimate, useModelInUse, useProjection, useRigSearch } from '../../state/derived';
import { useScenario } from '../../state/store';

export function Answer() {
  const scenario = useScenario();
  const model = useModelInUse();
  const memory = useMemoryEstimate();
  const rigs = useRigSearch();
  const projection = useProjection();

  const modelName =
    model.status === 'ok'
      ? model.value.name
      : scenario.modelId === CUSTOM_MODEL_ID
        ? (scenario.hfRepo ?? 'Your custom model')
        : scenario.modelId;
  const setup = `${modelName} at ${scenario.weightFormat.toUpperCase()} with ${formatTokens(scenario.contextTokens)} context${
    scenario.batch > 1 ? ` × ${scenario.batch} sequences` : ''
  }`;
  const memoryPart =
    memory.status === 'ok'
      ? `needs about ${formatGiB(memory.value.total)} (${formatGiB(memory.value.totalRange.low)}–${formatGiB(memory.value.totalRange.high)})`
      : memory.status === 'error'
        ? `cannot be estimated (${memory.message})`
        : 'needs an amount of memory the app cannot compute yet';

  let rigPart: string;
  if (rigs.status !== 'ok') rigPart = 'Rig prices are not available yet.';
  else if (rigs.value.kind === 'none')
    rigPart = `No rig in the dataset fits these constraints: ${rigs.value.message}`;
  else {
    const best = rigs.value.rigs[0];
    rigPart = best
      ? `The cheapest rig that holds it as of ${scenario.asOf} is ${best.label} at ${formatUsd(best.totalPriceUsd)}.`
      : 'No rig was priced.';
  }

  let projectionPart: string;
  if (projection.status !== 'ok') projectionPart = 'The price projection is not available yet.';
  else {
    const o = projection.value.projection.outcome;
    const target = `A ${scenario.targetMemoryGiB} GiB rig${scenario.requireFp8 ? ' with native fp8' : ''}`;
    const threshold = formatUsd(scenario.thresholdUsd);
    const edge = (e: { kind: 'at'; date: string } | { kind: 'not-within-horizon'; horizonYear: number }) =>
      e.kind === 'at' ? e.date.slice(0, 4) : `after ${e.horizonYear}`;
    projectionPart =
      o.kind === 'already-affordable'
        ? `${target} already costs under ${threshold}.`
        : o.kind === 'crosses'
          ? `${target} reaches ${threshold} around ${o.date.slice(0, 4)} (range ${edge(o.range.early)}–${edge(o.range.late)}).`
          : o.kind === 'not-within-horizon'
            ? `${target} does not reach ${threshold} by ${o.horizonYear} on this trend.`
            : `There is too little price history to say when ${target.toLowerCase()} reaches ${threshold}.`;
  }

  return (
    <p className="answer" aria-live="polite" data-name="answer">
      <strong>{setup}</strong> {memoryPart}. {rigPart} {projectionPart}
    </p>
  );
}
