// What a person owns: N x a GPU from the dataset (or one entered by hand), a unified machine, or no GPU; and the
// system RAM (size, and a RAM setup, a CPU platform from the dataset, or a bandwidth entered by hand).
import { useId } from 'react';
import { CommitNumberField } from '../../components/view-fields';
import { RAM_CONFIGS } from '../../core/plan/ram-configs';
import {
  MANUAL_ID,
  OWNED_KINDS,
  type OwnedHardwareChoice,
  type OwnedKind,
  VIEW_LIMITS,
} from '../../scenario';
import { type OwnedOptions, setOwnedHardware } from '../../state/quick-questions';

const KIND_LABELS: Record<OwnedKind, string> = {
  gpus: 'GPUs',
  unified: 'A unified-memory machine',
  cpu: 'No GPU (CPU and RAM)',
};
const GPU_COUNTS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export function HardwareForm({ choice, options }: { choice: OwnedHardwareChoice; options: OwnedOptions }) {
  const ids = { kind: useId(), count: useId(), gpu: useId(), machine: useId(), ram: useId() };
  return (
    <div className="hardware-form">
      <fieldset className="kind-choice">
        <legend>What I own</legend>
        {OWNED_KINDS.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={ids.kind}
              value={k}
              data-name={`own-${k}`}
              checked={choice.kind === k}
              onChange={() => setOwnedHardware({ kind: k })}
            />{' '}
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <div className="input-grid quick-inputs">
        {choice.kind === 'gpus' ? (
          <>
            <div className="field">
              <label htmlFor={ids.count}>How many</label>
              <select
                id={ids.count}
                data-name="own-gpu-count"
                value={choice.gpuCount}
                onChange={(e) => setOwnedHardware({ gpuCount: Number(e.target.value) })}
              >
                {(GPU_COUNTS.includes(choice.gpuCount as (typeof GPU_COUNTS)[number])
                  ? GPU_COUNTS
                  : [...GPU_COUNTS, choice.gpuCount]
                ).map((n) => (
                  <option key={n} value={n}>
                    {n} ×
                  </option>
                ))}
              </select>
            </div>
            <div className="field wide-field">
              <label htmlFor={ids.gpu}>GPU</label>
              <select
                id={ids.gpu}
                data-name="own-gpu"
                value={choice.gpuId}
                onChange={(e) => setOwnedHardware({ gpuId: e.target.value })}
              >
                {options.gpus.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name} ({g.memory?.sizeGiB} GB, {g.bandwidthGBps} GB/s)
                  </option>
                ))}
                <option value={MANUAL_ID}>Another GPU: enter its memory and bandwidth</option>
              </select>
            </div>
            {choice.gpuId === MANUAL_ID ? (
              <>
                <CommitNumberField
                  label="GPU memory"
                  unit="GiB each"
                  name="own-gpu-memory"
                  value={choice.gpuMemoryGiB}
                  min={VIEW_LIMITS.gpuMemoryGiB.min}
                  max={VIEW_LIMITS.gpuMemoryGiB.max}
                  onCommit={(v) => setOwnedHardware({ gpuMemoryGiB: v })}
                />
                <CommitNumberField
                  label="GPU memory bandwidth"
                  unit="GB/s"
                  name="own-gpu-bandwidth"
                  decimals={1}
                  value={choice.gpuBandwidthGBps}
                  min={VIEW_LIMITS.bandwidthGBps.min}
                  max={VIEW_LIMITS.bandwidthGBps.max}
                  onCommit={(v) => setOwnedHardware({ gpuBandwidthGBps: v })}
                />
              </>
            ) : null}
          </>
        ) : null}
        {choice.kind === 'unified' ? (
          <div className="field wide-field">
            <label htmlFor={ids.machine}>Machine</label>
            <select
              id={ids.machine}
              data-name="own-machine"
              value={choice.unifiedId}
              onChange={(e) => setOwnedHardware({ unifiedId: e.target.value })}
            >
              {options.unified.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.bandwidthGBps} GB/s)
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {choice.kind !== 'unified' ? (
          <>
            <CommitNumberField
              label="System RAM"
              unit="GiB installed"
              name="own-ram"
              value={choice.ramGiB}
              min={VIEW_LIMITS.ramGiB.min}
              max={VIEW_LIMITS.ramGiB.max}
              onCommit={(v) => setOwnedHardware({ ramGiB: v })}
              hint="The OS keeps 8 GiB of it."
            />
            <div className="field wide-field">
              <label htmlFor={ids.ram}>RAM speed and channels</label>
              <select
                id={ids.ram}
                data-name="own-ram-setup"
                value={choice.ramId}
                onChange={(e) => setOwnedHardware({ ramId: e.target.value })}
              >
                <optgroup label="RAM setups (channels × MT/s × 8 bytes)">
                  {RAM_CONFIGS.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="CPU platforms in the dataset (every channel filled)">
                  {options.platforms.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name.split(',')[0]} ({p.bandwidthGBps} GB/s)
                    </option>
                  ))}
                </optgroup>
                <option value={MANUAL_ID}>Enter the bandwidth by hand</option>
              </select>
            </div>
            {choice.ramId === MANUAL_ID ? (
              <CommitNumberField
                label="RAM bandwidth"
                unit="GB/s"
                name="own-ram-bandwidth"
                decimals={1}
                value={choice.ramBandwidthGBps}
                min={VIEW_LIMITS.bandwidthGBps.min}
                max={VIEW_LIMITS.bandwidthGBps.max}
                onCommit={(v) => setOwnedHardware({ ramBandwidthGBps: v })}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
