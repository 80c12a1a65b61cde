// "What does my hardware run?": pick what you own; for the model in use, whether it fits (whole, with part of
// it in RAM, or not), the largest context and the speed, the partial-offload plan with its slider; and the
// largest models the hardware runs at the quick questions' context and speed.
import { useState } from 'react';
import { formatGiB, formatTokens } from '../../components/format';
import { Unavailable } from '../../components/unavailable';
import { formatParameters, formatQuant, formatTps, SweepSettings } from '../../components/view-fields';
import type { HardwareRow, HardwareSweep } from '../../core/plan/hardware-sweep';
import type { OwnedRun } from '../../core/plan/owned-hardware';
import type { BudgetView } from '../../scenario';
import {
  chooseHardwareRow,
  type OwnedAnswer,
  type ResolvedHardware,
  type SweepAnswer,
  setBudgetView,
  useBudgetView,
  useHardwareSweep,
  useOffloadView,
  useOwnedChoice,
  useOwnedLargestContext,
  useOwnedOptions,
  useOwnedRun,
  useResolvedHardware,
} from '../../state/quick-questions';
import { useScenarioField } from '../../state/store';
import { HardwareForm } from './hardware-form';
import { OffloadPanel } from './offload-panel';
import './my-hardware.css';

export function MyHardware() {
  const options = useOwnedOptions();
  const choice = useOwnedChoice();
  const hardware = useResolvedHardware();
  if (options.status === 'unavailable') return <Unavailable>{options.reason}</Unavailable>;
  if (options.status === 'error')
    return (
      <p className="error-text" role="alert">
        {options.message}
      </p>
    );
  return (
    <div className="my-hardware">
      <HardwareForm choice={choice} options={options.value} />
      {hardware.status === 'ok' ? (
        <>
          <p className="owned-title" data-name="owned-title">
            <strong>{hardware.value.title}</strong>
          </p>
          {hardware.value.warnings.map((w) => (
            <p key={w} className="warn-text" role="note">
              {w}
            </p>
          ))}
        </>
      ) : null}
      <section aria-labelledby="h-owned-model" className="owned-model">
        <h3 id="h-owned-model">The model in use</h3>
        <CurrentModel />
      </section>
      <section aria-labelledby="h-owned-runs" className="owned-runs">
        <h3 id="h-owned-runs">The largest models it runs</h3>
        <LargestModels />
      </section>
    </div>
  );
}

function CurrentModel() {
  const answer = useOwnedRun();
  if (answer.status === 'unavailable') return <Unavailable>{answer.reason}</Unavailable>;
  if (answer.status === 'error')
    return (
      <p className="error-text" role="alert">
        {answer.message}
      </p>
    );
  return <CurrentModelAnswer answer={answer.value} />;
}

function CurrentModelAnswer({ answer }: { answer: OwnedAnswer }) {
  const { model, hardware, options, result } = answer;
  const heading = `${model.name}, ${formatQuant(options.weightFormat)}, ${formatTokens(options.contextTokens)} context, ${options.engine}`;
  if (!result.ok)
    return (
      <>
        <p className="muted">{heading}</p>
        <p className="error-text" role="alert">
          {result.message}
        </p>
      </>
    );
  const run = result.run;
  return (
    <div className="owned-answer">
      <p className="muted small">{heading} (set in section 1).</p>
      <p className={`verdict verdict-${run.mode}`} data-name="owned-verdict" data-mode={run.mode}>
        {verdictText(run, hardware)}
      </p>
      {run.decodeTokensPerSecond !== undefined && run.mode !== 'none' ? (
        <dl className="owned-speeds" data-name="owned-speeds">
          <div>
            <dt>Decode</dt>
            <dd className="num">
              {formatTps(run.decodeTokensPerSecond)} tokens/s
              <span className="muted small">
                {' '}
                context full
                {run.decodeTokensPerSecondEmpty !== undefined
                  ? `; ${formatTps(run.decodeTokensPerSecondEmpty)} empty`
                  : ''}
              </span>
            </dd>
          </div>
          <div>
            <dt>Prompt</dt>
            <dd className="num">
              {run.prefillTokensPerSecond !== undefined
                ? `${formatTps(run.prefillTokensPerSecond)} tokens/s`
                : 'unknown (no TFLOPS figure)'}
            </dd>
          </div>
        </dl>
      ) : null}
      <LargestContextLine />
      <Offload deviceName={hardware.deviceName} contextTokens={options.contextTokens} />
      {run.notes.length > 0 ? (
        <ul className="muted small owned-notes">
          {run.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function verdictText(run: OwnedRun, hardware: ResolvedHardware): string {
  const where =
    hardware.hw.kind === 'gpus'
      ? hardware.deviceName
      : hardware.hw.kind === 'unified'
        ? `the ${hardware.hw.machine.name}`
        : 'RAM';
  const need = `needs ${formatGiB(run.needBytes)}, has ${formatGiB(run.usableBytes)}`;
  if (run.engineBlock) return `Does not run: ${run.engineBlock}.`;
  switch (run.mode) {
    case 'whole':
      return `Fits whole on ${where}: needs ${formatGiB(run.needBytes)} of ${formatGiB(run.usableBytes)}, ${formatGiB(run.headroomBytes)} to spare.`;
    case 'offload':
      return `Does not fit ${where} whole (${need}); it runs with part of it in RAM, as below, with ${formatGiB(run.headroomBytes)} of RAM to spare.`;
    case 'none':
      return hardware.hw.kind === 'gpus' && run.plan
        ? `Does not fit: ${need} on ${where}, and the rest does not fit in RAM either.`
        : `Does not fit: ${need} on ${where}.`;
  }
}

function LargestContextLine() {
  const largest = useOwnedLargestContext();
  if (largest.status !== 'ok') return null;
  const { whole, withOffload, modelLimit } = largest.value;
  const limit = modelLimit !== null ? ` (the model is built for ${formatTokens(modelLimit)})` : '';
  return (
    <p data-name="owned-largest-context">
      Largest context{' '}
      {whole !== null ? (
        <>
          with all of it on the device: <strong className="num">{formatTokens(whole)}</strong> tokens
        </>
      ) : (
        'with all of it on the device: none'
      )}
      {withOffload !== null ? (
        <>
          ; with part of it in RAM: <strong className="num">{formatTokens(withOffload)}</strong> tokens
        </>
      ) : null}
      {limit}.
    </p>
  );
}

function Offload({ deviceName, contextTokens }: { deviceName: string; contextTokens: number }) {
  const view = useOffloadView();
  if (view.status !== 'ok' || view.value === null) return null;
  return <OffloadPanel view={view.value} deviceName={deviceName} contextTokens={contextTokens} />;
}

function LargestModels() {
  const view = useBudgetView();
  const sweep = useHardwareSweep();
  return (
    <div className="owned-list">
      <div className="input-grid quick-inputs">
        <SweepSettings
          contextTokens={view.contextTokens}
          minTokensPerSecond={view.minTokensPerSecond}
          onChange={(patch) => setBudgetView(patch)}
        />
      </div>
      {sweep.status === 'unavailable' ? (
        <Unavailable>{sweep.reason}</Unavailable>
      ) : sweep.status === 'error' ? (
        <p className="error-text" role="alert">
          {sweep.message}
        </p>
      ) : (
        <ModelList answer={sweep.value} view={view} />
      )}
    </div>
  );
}

const FIRST_ROWS = 10;

function ModelList({ answer, view }: { answer: SweepAnswer<HardwareSweep>; view: BudgetView }) {
  const [showAll, setShowAll] = useState(false);
  if (answer.status === 'running') {
    return (
      <p role="status" className="muted" data-name="hardware-progress">
        Trying every model…{' '}
        {answer.progress.total > 0 ? `${answer.progress.done} of ${answer.progress.total}` : ''}
      </p>
    );
  }
  const rows = answer.value.rows;
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  const speed = view.minTokensPerSecond > 0 ? `${view.minTokensPerSecond} tokens/s or faster` : 'any speed';
  return (
    <>
      <p data-name="hardware-summary" aria-live="polite">
        {rows.length === 0
          ? `No preset runs at ${speed} with ${formatTokens(view.contextTokens)} tokens of context on this hardware.`
          : `${rows.length} models run at ${speed} with ${formatTokens(view.contextTokens)} tokens of context, each at its best quantization. Largest first:`}
      </p>
      {rows.length > 0 ? (
        <ol className="plan-rows owned-rows" data-name="hardware-rows">
          {shown.map((r) => (
            <HardwareRowItem key={r.modelId} row={r} />
          ))}
        </ol>
      ) : null}
      {rows.length > FIRST_ROWS ? (
        <button type="button" onClick={() => setShowAll(!showAll)}>
          {showAll ? `Show the first ${FIRST_ROWS}` : `Show all ${rows.length}`}
        </button>
      ) : null}
      <p className="muted small" data-name="hardware-timing">
        Tried {answer.value.evaluatedCount} placements in {Math.round(answer.ms)} ms (formats too big for all
        the memory are ruled out from their estimate).
      </p>
    </>
  );
}

function HardwareRowItem({ row }: { row: HardwareRow }) {
  const modelId = useScenarioField('modelId');
  const weightFormat = useScenarioField('weightFormat');
  const contextTokens = useScenarioField('contextTokens');
  const inUse =
    modelId === row.modelId && weightFormat === row.weightFormat && contextTokens === row.contextTokens;
  const how =
    row.run.mode === 'whole'
      ? 'whole'
      : row.run.plan
        ? row.run.plan.flags.replace(/ --tensor-split \S+/, '')
        : 'offload';
  return (
    <li>
      <button
        type="button"
        className={inUse ? 'plan-row in-use' : 'plan-row'}
        data-name="hardware-row"
        data-model={row.modelId}
        data-format={row.weightFormat}
        aria-current={inUse ? 'true' : undefined}
        onClick={() => chooseHardwareRow(row)}
      >
        <span className="plan-model">
          <strong>
            {row.modelName}
            {inUse ? <span className="plan-badge">in use</span> : null}
          </strong>
          <span className="plan-sub">
            {formatParameters(row.totalParameters)}
            {row.activeParameters < row.totalParameters * 0.9
              ? `, ${formatParameters(row.activeParameters)} active`
              : ''}
          </span>
        </span>
        <span className="plan-format">{formatQuant(row.weightFormat)}</span>
        <span className="plan-how">
          {flagPairs(how).map((f) => (
            <span key={f} className="flag">
              {f}
            </span>
          ))}
        </span>
        <span className="plan-num num">
          {row.run.decodeTokensPerSecond !== undefined
            ? `${formatTps(row.run.decodeTokensPerSecond)} tok/s`
            : ''}
        </span>
      </button>
    </li>
  );
}

/** "-ngl 61 --n-cpu-moe 39" -> ["-ngl 61", "--n-cpu-moe 39"], each shown unbroken. */
function flagPairs(flags: string): string[] {
  return flags.split(/ (?=-)/);
}
