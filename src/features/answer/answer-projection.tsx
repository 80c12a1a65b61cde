// The headline's third number: when the chosen class's rig of the target memory reaches the threshold
// (loaded with the price dataset; the rig-class outlooks are computed between frames, see
// src/state/class-outlooks.ts).
import type { ComponentType } from 'react';
import { formatUsd } from '../../components/format';
import { useProjectionOutlook } from '../../state/class-outlooks';
import { useScenarioField } from '../../state/store';
import type { FigureProps } from './answer';

const CLASS_WORDS = {
  'good-fp8': 'with good fp8',
  'gpu-unified': 'of VRAM/unified memory',
  any: 'of any memory',
} as const;

type Edge = { kind: 'at'; date: string } | { kind: 'not-within-horizon'; horizonYear: number };
const edge = (e: Edge) => (e.kind === 'at' ? e.date.slice(0, 7) : `after ${e.horizonYear}`);

export default function AnswerProjection({ Figure }: { Figure: ComponentType<FigureProps> }) {
  const projection = useProjectionOutlook('chosen');
  const thresholdUsd = useScenarioField('thresholdUsd');
  const targetGiB = useScenarioField('targetMemoryGiB');
  const threshold = formatUsd(thresholdUsd);
  if (projection.status !== 'ok')
    return (
      <Figure
        name="answer-projection"
        label={`A ${targetGiB} GiB rig at ${threshold}`}
        value="…"
        detail={projection.status === 'error' ? projection.message : 'The price history is loading.'}
      />
    );
  const v = projection.value;
  if (v.computing)
    return (
      <Figure
        name="answer-projection"
        label={`A ${v.computing.targetGiB} GiB rig ${CLASS_WORDS[v.selected]} at ${threshold}`}
        value="…"
        detail="Computing its price history."
      />
    );
  const chosen = v.classes.find((c) => c.rigClass === v.selected);
  const label = `A ${v.targetGiB} GiB rig ${CLASS_WORDS[v.selected]} at ${threshold}`;
  const latest = chosen?.outlook?.history.points.at(-1);
  const o = chosen?.atUser?.projection.outcome;
  const today = latest
    ? `costs ${formatUsd(latest.priceUsd)} in ${latest.date.slice(0, 7)}`
    : 'has no price yet';
  const figure =
    o === undefined
      ? { value: '…', detail: 'Computing the price history of each rig class.' }
      : o.kind === 'already-affordable'
        ? { value: 'now', detail: `Under ${threshold} since ${o.since.slice(0, 7)}; it ${today}.` }
        : o.kind === 'crosses'
          ? {
              value: `~${o.date.slice(0, 4)}`,
              detail: `Around ${o.date.slice(0, 7)} (band ${edge(o.range.early)} to ${edge(o.range.late)}); it ${today}.`,
            }
          : o.kind === 'not-within-horizon'
            ? { value: `not by ${o.horizonYear}`, detail: `On this trend; it ${today}.` }
            : {
                value: 'too little data',
                detail: `${o.have} months with a rig, ${o.need} needed to fit a trend.`,
              };
  return <Figure name="answer-projection" label={label} {...figure} />;
}
