// What the buyer accepts: new and/or used, native fp8, minimum speed, budget, and the date prices are read at.
import { useId } from 'react';
import { formatUsd } from '../../components/format';
import { NumberField } from '../../components/number-field';
import { SelectField } from '../../components/select-field';
import { Slider } from '../../components/slider';
import {
  CONDITION_SETS,
  type ConditionSet,
  LIMITS,
  todayIso,
  UNIFIED_MEMORY_LIMITS,
  type UnifiedMemoryLimitId,
  unifiedMemoryLimitOf,
} from '../../scenario';
import { setScenario, useScenarioField } from '../../state/store';

const CONDITION_LABELS: Record<ConditionSet, string> = {
  any: 'New or used',
  new: 'New only',
  used: 'Used only',
};
// What each limit does; the exact rule per machine is in the rig search's assumptions
// (src/core/rigs/constants.ts rigAssumptions) and each quote's notes.
const UNIFIED_LIMIT_LABELS: Record<UnifiedMemoryLimitId, string> = {
  raised: 'Raised (all but an OS reserve)',
  factory: 'Factory default',
};
const UNIFIED_LIMIT_OPTIONS = UNIFIED_MEMORY_LIMITS.map((v) => ({
  value: v,
  label: UNIFIED_LIMIT_LABELS[v],
}));

const BUDGET_RULE = {
  min: 1,
  max: LIMITS.budgetUsd.max,
  zeroMeans: 'no limit',
  format: formatUsd,
} as const;
const formatBudget = (v: number) => (v === 0 ? 'no budget limit' : `at most ${formatUsd(v)}`);

const CONDITION_OPTIONS = CONDITION_SETS.map((c) => ({ value: c, label: CONDITION_LABELS[c] }));

/** Where the minimum-speed slider stops: fine steps where reading speeds differ (a few to tens of tokens/s),
 *  coarse ones up to the link's maximum. The number field beside it takes any whole number in the range. */
export const MIN_TPS_STOPS: readonly number[] = [
  0, 1, 2, 3, 5, 7, 10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150, 200, 300, 500, 1000,
];

export function RigConstraints() {
  const conditions = useScenarioField('conditions');
  const requireFp8 = useScenarioField('requireFp8');
  const minTokensPerSecond = useScenarioField('minTokensPerSecond');
  const budgetUsd = useScenarioField('budgetUsd');
  const asOf = useScenarioField('asOf');
  const unifiedLimit = unifiedMemoryLimitOf({ unifiedMemoryLimit: useScenarioField('unifiedMemoryLimit') });
  const ids = { fp8: useId(), asOf: useId() };
  return (
    <div className="input-grid constraints">
      <SelectField<ConditionSet>
        label="Buy"
        name="conditions"
        value={conditions}
        options={CONDITION_OPTIONS}
        onChange={(v) => setScenario({ conditions: v })}
      />
      <div className="field checkbox-field">
        <input
          id={ids.fp8}
          type="checkbox"
          data-name="require-fp8"
          checked={requireFp8}
          onChange={(e) => setScenario({ requireFp8: e.target.checked })}
        />
        <label htmlFor={ids.fp8}>Require native fp8</label>
      </div>
      <Slider
        label="Minimum speed"
        name="min-tps"
        value={minTokensPerSecond}
        min={LIMITS.minTokensPerSecond.min}
        max={LIMITS.minTokensPerSecond.max}
        stops={MIN_TPS_STOPS}
        unit="tok/s"
        zeroMeans="no minimum"
        formatValue={(v) => (v === 0 ? 'No minimum' : `At least ${v} tokens/s`)}
        onChange={(v) => setScenario({ minTokensPerSecond: v })}
      />
      <NumberField
        label="Budget (USD, 0 = no limit)"
        name="budget"
        value={budgetUsd}
        rule={BUDGET_RULE}
        formatValue={formatBudget}
        onChange={(v) => setScenario({ budgetUsd: v })}
      />
      <SelectField<UnifiedMemoryLimitId>
        label="Unified-memory GPU limit (Mac, Strix Halo)"
        name="unified-limit"
        value={unifiedLimit}
        options={UNIFIED_LIMIT_OPTIONS}
        onChange={(v) => setScenario({ unifiedMemoryLimit: v })}
      />
      <div className="field">
        <label htmlFor={ids.asOf}>Prices as of</label>
        <input
          id={ids.asOf}
          type="date"
          data-name="as-of"
          min="2000-01-01"
          max={todayIso()}
          value={asOf}
          onChange={(e) => {
            const v = e.target.value;
            if (/^\d{4}-\d{2}-\d{2}$/.test(v) && v <= todayIso() && v >= '2000-01-01')
              setScenario({ asOf: v });
          }}
        />
      </div>
    </div>
  );
}
