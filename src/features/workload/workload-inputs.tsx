// How the model is run: weight format, KV cache format, context length, concurrent sequences, engine.

import { useMemo } from 'react';
import { formatTokens } from '../../components/format';
import { SelectField } from '../../components/select-field';
import { Slider } from '../../components/slider';
import { ENGINES, KV_CACHE_FORMATS, WEIGHT_FORMATS } from '../../core/memory/formats';
import {
  ENGINE_IDS,
  type EngineId,
  KV_FORMAT_IDS,
  type KvFormatId,
  LIMITS,
  WEIGHT_FORMAT_IDS,
  type WeightFormatId,
} from '../../scenario';
import { useClampContext, useContextLimit } from '../../state/context-limit';
import { setScenario, useScenarioField } from '../../state/store';

/** Log-scale stops from 1K to 1M tokens: each power of two and 1.5x it. */
export const CONTEXT_STOPS: readonly number[] = (() => {
  const stops: number[] = [];
  for (let p = 10; p <= 20; p++) {
    stops.push(2 ** p);
    if (p < 20) stops.push(1.5 * 2 ** p);
  }
  return stops;
})();

const BATCH_STOPS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256] as const;

// Labels come from the memory model's format lists (the ids are the same; tests/scenario pins that).
const labelOf = (list: readonly { id: string; label: string }[], id: string) =>
  list.find((f) => f.id === id)?.label ?? id;
const WEIGHT_OPTIONS = WEIGHT_FORMAT_IDS.map((id) => ({ value: id, label: labelOf(WEIGHT_FORMATS, id) }));
const KV_OPTIONS = KV_FORMAT_IDS.map((id) => ({ value: id, label: labelOf(KV_CACHE_FORMATS, id) }));
const ENGINE_OPTIONS = ENGINE_IDS.map((id) => ({ value: id, label: labelOf(ENGINES, id) }));

// One component per control, each reading only its own field: moving the context slider re-renders that
// slider, not the format lists beside it (26 options each).
function WeightFormatField() {
  const weightFormat = useScenarioField('weightFormat');
  return (
    <SelectField<WeightFormatId>
      label="Weight format"
      name="weight-format"
      value={weightFormat}
      options={WEIGHT_OPTIONS}
      onChange={(v) => setScenario({ weightFormat: v })}
    />
  );
}

function KvFormatField() {
  const kvCacheFormat = useScenarioField('kvCacheFormat');
  return (
    <SelectField<KvFormatId>
      label="KV cache format"
      name="kv-format"
      value={kvCacheFormat}
      options={KV_OPTIONS}
      onChange={(v) => setScenario({ kvCacheFormat: v })}
    />
  );
}

const formatContext = (v: number) => `${formatTokens(v)} tokens`;
const setContext = (v: number) => setScenario({ contextTokens: v });
const grouped = new Intl.NumberFormat('en-US');
const formatContextBound = (v: number) => `${grouped.format(v)} (${formatTokens(v)})`;
/** The stops up to a model's limit, ending at the limit itself. */
function stopsUpTo(max: number): readonly number[] {
  if (max >= LIMITS.contextTokens.max) return CONTEXT_STOPS;
  const below = CONTEXT_STOPS.filter((s) => s < max);
  return [...below, max];
}
function ContextSlider() {
  const contextTokens = useScenarioField('contextTokens');
  // The slider ends at the model's own limit (issue 9); a larger context is brought down to it.
  const limit = useContextLimit();
  const max = limit?.maxTokens ?? LIMITS.contextTokens.max;
  const value = Math.min(contextTokens, max);
  useClampContext(contextTokens, limit);
  const stops = useMemo(() => stopsUpTo(max), [max]);
  return (
    <Slider
      label="Context length"
      name="context"
      value={value}
      min={LIMITS.contextTokens.min}
      max={max}
      stops={stops}
      unit="tokens"
      formatValue={formatContext}
      formatBound={formatContextBound}
      hint={
        limit ? `${formatContext(value)}; ${limit.modelName} takes up to ${formatTokens(max)}` : undefined
      }
      onChange={setContext}
    />
  );
}

const formatBatch = (v: number) => `${v} sequence${v === 1 ? '' : 's'} at full context`;
const setBatch = (v: number) => setScenario({ batch: v });
function BatchSlider() {
  const batch = useScenarioField('batch');
  return (
    <Slider
      label="Concurrent sequences"
      name="batch"
      value={batch}
      min={LIMITS.batch.min}
      max={LIMITS.batch.max}
      stops={BATCH_STOPS}
      formatValue={formatBatch}
      onChange={setBatch}
    />
  );
}

function EngineField() {
  const engine = useScenarioField('engine');
  return (
    <SelectField<EngineId>
      label="Engine"
      name="engine"
      value={engine}
      options={ENGINE_OPTIONS}
      onChange={(v) => setScenario({ engine: v })}
    />
  );
}

export function WorkloadInputs() {
  return (
    <div className="input-grid">
      <WeightFormatField />
      <KvFormatField />
      <ContextSlider />
      <BatchSlider />
      <EngineField />
    </div>
  );
}
