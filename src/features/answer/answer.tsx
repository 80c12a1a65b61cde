// The one-sentence answer at the top of the page, built from the same derived results the sections show.
// One component per clause: each computation (the memory estimate, the rig search, the price history behind
// the projection) renders in its own unit of work, so React can yield to the browser between them.
import { formatGiB, formatTokens, formatUsd } from '../../components/format';
import { CUSTOM_MODEL_ID } from '../../scenario';
import { useMemoryEstimate, useModelInUse, useProjection, useRigSearch } from '../../state/derived';
import { useScenario, useScenarioField } from '../../state/store';

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
    <strong>
      {`${modelName} at ${scenario.weightFormat.toUpperCase()} with ${formatTokens(scenario.contextTokens)} context${
        scenario.batch > 1 ? ` × ${scenario.batch} sequences` : ''
      }`}
    </strong>
  );
}

function MemoryClause() {
  const memory = useMemoryEstimate();
  return memory.status === 'ok'
    ? `needs about ${formatGiB(memory.value.total)} (${formatGiB(memory.value.totalRange.low)}–${formatGiB(memory.value.totalRange.high)}).`
    : memory.status === 'error'
      ? `cannot be estimated (${memory.message}).`
      : 'needs an amount of memory the app cannot compute yet.';
}

function RigClause() {
  const rigs = useRigSearch();
  const asOf = useScenarioField('asOf');
  if (rigs.status !== 'ok') return 'Rig prices are not available yet.';
  if (rigs.value.kind === 'none')
    return `No rig in the dataset fits these constraints: ${rigs.value.message}`;
  const best = rigs.value.rigs[0];
  return best
    ? `The cheapest rig that holds it as of ${asOf} is ${best.label} at ${formatUsd(best.totalPriceUsd)}.`
    : 'No rig was priced.';
}

function ProjectionClause() {
  const projection = useProjection();
  const targetMemoryGiB = useScenarioField('targetMemoryGiB');
  const requireFp8 = useScenarioField('requireFp8');
  const thresholdUsd = useScenarioField('thresholdUsd');
  if (projection.status !== 'ok') return 'The price projection is not available yet.';
  const o = projection.value.projection.outcome;
  const target = `A ${targetMemoryGiB} GiB rig${requireFp8 ? ' with native fp8' : ''}`;
  const threshold = formatUsd(thresholdUsd);
  const edge = (e: { kind: 'at'; date: string } | { kind: 'not-within-horizon'; horizonYear: number }) =>
    e.kind === 'at' ? e.date.slice(0, 4) : `after ${e.horizonYear}`;
  return o.kind === 'already-affordable'
    ? `${target} already costs under ${threshold}.`
    : o.kind === 'crosses'
      ? `${target} reaches ${threshold} around ${o.date.slice(0, 4)} (range ${edge(o.range.early)}–${edge(o.range.late)}).`
      : o.kind === 'not-within-horizon'
        ? `${target} does not reach ${threshold} by ${o.horizonYear} on this trend.`
        : `There is too little price history to say when ${target.toLowerCase()} reaches ${threshold}.`;
}

export function Answer() {
  return (
    <p className="answer" aria-live="polite" data-name="answer">
      <Setup /> <MemoryClause /> <RigClause /> <ProjectionClause />
    </p>
  );
}
