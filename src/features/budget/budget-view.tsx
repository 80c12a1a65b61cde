// "What can I run for $X?": the largest models a budget buys at a context and minimum speed, each with the
// cheapest rig that runs it; one click makes a row the scenario. The sweep runs in the background
// (src/state/quick-questions.ts); changing the budget only filters it.
import { useState } from 'react';
import { formatTokens, formatUsd } from '../../components/format';
import { Unavailable } from '../../components/unavailable';
import {
  CommitNumberField,
  formatParameters,
  formatQuant,
  formatTps,
  SweepSettings,
} from '../../components/view-fields';
import type { BudgetRow, BudgetSweep } from '../../core/plan/budget-sweep';
import { type BudgetView as BudgetSettings, VIEW_LIMITS } from '../../scenario';
import {
  budgetRows,
  chooseBudgetRow,
  type SweepAnswer,
  setBudgetView,
  useBudgetSweep,
  useBudgetView,
} from '../../state/quick-questions';
import { useScenarioField } from '../../state/store';

const COMMON_BUDGETS = [1000, 2000, 3000, 5000, 10_000, 25_000] as const;
const FIRST_ROWS = 12;

export function BudgetView() {
  const view = useBudgetView();
  const sweep = useBudgetSweep();
  const engine = useScenarioField('engine');
  const conditions = useScenarioField('conditions');
  const asOf = useScenarioField('asOf');
  return (
    <div className="budget-view">
      <p>
        The largest models a budget buys, each with the cheapest rig that runs it at the speed you need. Click
        a row to make it the scenario below.
      </p>
      <div className="input-grid quick-inputs">
        <CommitNumberField
          label="Budget"
          unit="USD, 0 = no limit"
          name="budget-usd"
          value={view.budgetUsd}
          min={VIEW_LIMITS.budgetUsd.min}
          max={VIEW_LIMITS.budgetUsd.max}
          onCommit={(v) => setBudgetView({ budgetUsd: v })}
          hint="Press Enter to apply."
        />
        <SweepSettings
          contextTokens={view.contextTokens}
          minTokensPerSecond={view.minTokensPerSecond}
          onChange={(patch) => setBudgetView(patch)}
        />
      </div>
      <fieldset className="chips">
        <legend className="visually-hidden">Common budgets</legend>
        {COMMON_BUDGETS.map((b) => (
          <button
            key={b}
            type="button"
            aria-pressed={view.budgetUsd === b}
            data-name={`budget-chip-${b}`}
            onClick={() => setBudgetView({ budgetUsd: b })}
          >
            {formatUsd(b)}
          </button>
        ))}
      </fieldset>
      <p className="muted small">
        {engine === 'vllm'
          ? 'vLLM at BF16, FP8 and INT4'
          : 'llama.cpp at GGUF Q8_0, Q6_K, Q5_K_M, Q4_K_M, Q3_K_M and IQ2_XXS'}
        ; {conditions === 'any' ? 'new or used' : conditions} prices as of {asOf}. The engine, buying
        conditions and date are set in sections 1 and 2.
      </p>
      <Results sweep={sweep} view={view} />
    </div>
  );
}

function Results({ sweep, view }: { sweep: ReturnType<typeof useBudgetSweep>; view: BudgetSettings }) {
  if (sweep.status === 'unavailable') return <Unavailable>{sweep.reason}</Unavailable>;
  if (sweep.status === 'error')
    return (
      <p className="error-text" role="alert">
        {sweep.message}
      </p>
    );
  return <Answer answer={sweep.value} view={view} />;
}

function Answer({ answer, view }: { answer: SweepAnswer<BudgetSweep>; view: BudgetSettings }) {
  const [every, setEvery] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  if (answer.status === 'running') {
    const { done, total } = answer.progress;
    return (
      <p role="status" className="muted" data-name="budget-progress">
        Pricing every model and quantization… {total > 0 ? `${done} of ${total} models` : ''}
      </p>
    );
  }
  const sweep = answer.value;
  const rows = budgetRows(sweep, view.budgetUsd, !every);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  const budgetText = view.budgetUsd > 0 ? formatUsd(view.budgetUsd) : 'any budget';
  const speedText =
    view.minTokensPerSecond > 0 ? `${view.minTokensPerSecond} tokens/s or faster` : 'any speed';
  const contextSkips = sweep.skipped.filter((s) => s.reason === 'context');
  const cheapestOverall = sweep.rows.reduce<BudgetRow | null>(
    (best, r) => (best === null || r.rig.totalPriceUsd < best.rig.totalPriceUsd ? r : best),
    null,
  );
  return (
    <div className="budget-results">
      <p data-name="budget-summary" aria-live="polite">
        {rows.length === 0 ? (
          <>
            Nothing runs at {speedText} with {formatTokens(view.contextTokens)} tokens of context for{' '}
            {budgetText}.
            {cheapestOverall ? (
              <>
                {' '}
                The cheapest that does is {cheapestOverall.modelName}{' '}
                {formatQuant(cheapestOverall.weightFormat)} for {formatUsd(cheapestOverall.rig.totalPriceUsd)}
                .{' '}
                <button
                  type="button"
                  onClick={() =>
                    setBudgetView({ budgetUsd: Math.ceil(cheapestOverall.rig.totalPriceUsd / 100) * 100 })
                  }
                >
                  Use {formatUsd(Math.ceil(cheapestOverall.rig.totalPriceUsd / 100) * 100)}
                </button>
              </>
            ) : null}
          </>
        ) : (
          <>
            <strong>
              {rows.length} {every ? 'model and quantization pairs' : rows.length === 1 ? 'model' : 'models'}
            </strong>{' '}
            run at {speedText} with {formatTokens(view.contextTokens)} tokens of context for {budgetText}.
            Largest first:
          </>
        )}
      </p>
      {rows.length > 0 ? (
        <>
          <div className="plan-head" aria-hidden="true">
            <span>Model</span>
            <span>Quantization</span>
            <span>Cheapest rig</span>
            <span className="plan-num">Price</span>
            <span className="plan-num">Decode</span>
          </div>
          <ol className="plan-rows" data-name="budget-rows">
            {shown.map((r) => (
              <Row key={`${r.modelId}:${r.weightFormat}`} row={r} view={view} onChosen={setChosen} />
            ))}
          </ol>
        </>
      ) : null}
      <div className="chips">
        {rows.length > FIRST_ROWS ? (
          <button type="button" data-name="budget-show-all" onClick={() => setShowAll(!showAll)}>
            {showAll ? `Show the first ${FIRST_ROWS}` : `Show all ${rows.length}`}
          </button>
        ) : null}
        <label className="field checkbox-field">
          <input
            type="checkbox"
            checked={every}
            onChange={(e) => setEvery(e.target.checked)}
            data-name="budget-every"
          />
          Every quantization that fits, not only each model's best
        </label>
      </div>
      {chosen ? (
        <p role="status" className="muted small">
          {chosen}
        </p>
      ) : null}
      {contextSkips.length > 0 ? (
        <p className="muted small">
          Left out, built for less than {formatTokens(view.contextTokens)} tokens of context:{' '}
          {contextSkips.map((s) => s.modelName).join(', ')}.
        </p>
      ) : null}
      <p className="muted small" data-name="budget-timing">
        Priced {sweep.candidateCount} model × quantization pairs in {Math.round(answer.ms)} ms; the tokens/s
        is decode with the context full, from each rig's memory bandwidth (section 2 explains the rigs).
      </p>
    </div>
  );
}

function Row({
  row,
  view,
  onChosen,
}: {
  row: BudgetRow;
  view: BudgetSettings;
  onChosen: (text: string) => void;
}) {
  const modelId = useScenarioField('modelId');
  const weightFormat = useScenarioField('weightFormat');
  const contextTokens = useScenarioField('contextTokens');
  const inUse =
    modelId === row.modelId && weightFormat === row.weightFormat && contextTokens === row.contextTokens;
  const moe = row.activeParameters < row.totalParameters * 0.9;
  return (
    <li>
      <button
        type="button"
        className={inUse ? 'plan-row in-use' : 'plan-row'}
        data-name="budget-row"
        data-model={row.modelId}
        data-format={row.weightFormat}
        aria-current={inUse ? 'true' : undefined}
        onClick={() => {
          chooseBudgetRow(row, view);
          onChosen(
            `Now showing ${row.modelName} ${formatQuant(row.weightFormat)} at ${formatTokens(row.contextTokens)} context, with this budget and speed in the rig search below.`,
          );
        }}
      >
        <span className="plan-model">
          <strong>
            {row.modelName}
            {inUse ? <span className="plan-badge">in use</span> : null}
          </strong>
          <span className="plan-sub">
            {formatParameters(row.totalParameters)} parameters
            {moe ? `, ${formatParameters(row.activeParameters)} active` : ''}
          </span>
        </span>
        <span className="plan-format">{formatQuant(row.weightFormat)}</span>
        <span className="plan-rig">{row.rig.label}</span>
        <span className="plan-num num" data-name="row-price">
          {formatUsd(row.rig.totalPriceUsd)}
        </span>
        <span className="plan-num num">{formatTps(row.rig.decodeTokensPerSecond)} tok/s</span>
      </button>
    </li>
  );
}
