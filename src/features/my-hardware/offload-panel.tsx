// Partial offload for the model in use on the GPUs a person owns: how many layers go on the GPUs, the llama.cpp
// flag that gives it, what each device holds and the speed, with a slider for -ngl (or --n-cpu-moe) that moves
// the bytes and the speed as it moves. The placement is src/core/offload (llama.cpp's loader, layer by layer).
import { useId } from 'react';
import { formatGiB, formatTokens } from '../../components/format';
import { formatTps } from '../../components/view-fields';
import type { OffloadPlan } from '../../core/offload/types';
import { type OffloadView, setOwnedHardware } from '../../state/quick-questions';

/** "41 of 81 layers on the RTX 3090, 22.7 GiB; 18.4 GiB in RAM." */
export function offloadSentence(plan: OffloadPlan, deviceName: string): string {
  const gpuBytes = plan.gpus.reduce((s, g) => s + g.totalBytes, 0);
  const ram = `${formatGiB(plan.cpu.totalBytes)} in RAM`;
  if (plan.mode === 'experts' && plan.cpu.expertBlocks > 0) {
    const layers =
      plan.layersOnGpu === plan.totalLayers
        ? `All ${plan.totalLayers} layers`
        : `${plan.layersOnGpu} of ${plan.totalLayers} layers`;
    return `${layers} on ${deviceName} with the experts of ${plan.cpu.expertBlocks} layers in RAM: ${formatGiB(gpuBytes)} on the GPU${plan.gpus.length > 1 ? 's' : ''}; ${ram}.`;
  }
  return `${plan.layersOnGpu} of ${plan.totalLayers} layers on ${deviceName}, ${formatGiB(gpuBytes)}; ${ram}.`;
}

export function OffloadPanel({
  view,
  deviceName,
  contextTokens,
}: {
  view: OffloadView;
  deviceName: string;
  contextTokens: number;
}) {
  const id = useId();
  const { plan } = view;
  const experts = plan.mode === 'experts';
  const sliderMax = experts ? view.blocks : view.totalLayers;
  const sliderValue = experts ? plan.config.nCpuMoe : plan.layersOnGpu;
  const fittedForMode = experts ? view.fitted.experts : view.fitted.layers;
  const overGpu = plan.gpus.filter((g) => !g.fits);
  return (
    <div className="offload-panel" data-name="offload-panel">
      <h4>Partial offload (llama.cpp)</h4>
      <p className="offload-sentence" data-name="offload-sentence">
        {offloadSentence(plan, deviceName)}
      </p>
      <p>
        Flag: <code data-name="offload-flags">{plan.flags}</code>{' '}
        <span className="muted small">
          e.g.{' '}
          <code>
            llama-server -m model.gguf -c {contextTokens} {plan.flags}
          </code>
        </span>
      </p>
      {view.moe ? (
        <fieldset className="mode-choice">
          <legend>What stays in RAM</legend>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              data-name="offload-mode-experts"
              checked={experts}
              onChange={() =>
                setOwnedHardware({
                  offload: { mode: 'experts', nCpuMoe: view.fitted.experts?.config.nCpuMoe ?? view.blocks },
                })
              }
            />{' '}
            Experts of the first layers (--n-cpu-moe)
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              data-name="offload-mode-layers"
              checked={!experts}
              onChange={() =>
                setOwnedHardware({ offload: { mode: 'layers', nGpuLayers: view.fitted.layers.layersOnGpu } })
              }
            />{' '}
            Whole layers (-ngl)
          </label>
        </fieldset>
      ) : null}
      <div className="slider">
        <label className="slider-label" htmlFor={`${id}-range`}>
          {experts ? 'Layers whose experts stay in RAM (--n-cpu-moe)' : 'Layers on the GPU (-ngl)'}
        </label>
        <div className="slider-row">
          <input
            id={`${id}-range`}
            type="range"
            data-name="offload-slider"
            min={0}
            max={sliderMax}
            step={1}
            value={sliderValue}
            aria-valuetext={experts ? `--n-cpu-moe ${sliderValue}` : `-ngl ${sliderValue} of ${sliderMax}`}
            onChange={(e) => {
              const v = Number(e.target.value);
              setOwnedHardware({
                offload: experts ? { mode: 'experts', nCpuMoe: v } : { mode: 'layers', nGpuLayers: v },
              });
            }}
          />
          <output className="num" htmlFor={`${id}-range`}>
            {sliderValue} / {sliderMax}
          </output>
        </div>
        <p className="slider-hint muted">
          {fittedForMode ? `The largest that fits: ${fittedForMode.flags}.` : ''}{' '}
          {view.manual ? (
            <button
              type="button"
              data-name="offload-reset"
              onClick={() => setOwnedHardware({ offload: undefined })}
            >
              Back to the largest that fits
            </button>
          ) : null}
        </p>
      </div>
      {overGpu.length > 0 || !plan.fitsRam ? (
        <p className="error-text" role="alert" data-name="offload-over">
          Does not fit:{' '}
          {overGpu
            .map(
              (g) =>
                `${g.name ?? `GPU ${g.index}`} needs ${formatGiB(g.totalBytes)} of ${formatGiB(g.budgetBytes)}`,
            )
            .concat(
              plan.fitsRam
                ? []
                : [`RAM needs ${formatGiB(plan.cpu.totalBytes)} of ${formatGiB(plan.cpu.budgetBytes)}`],
            )
            .join('; ')}
          .
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="offload-bytes" data-name="offload-bytes">
          <caption className="visually-hidden">Bytes per device for {plan.flags}</caption>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Layers</th>
              <th scope="col" className="plan-num">
                Weights
              </th>
              <th scope="col" className="plan-num">
                KV cache
              </th>
              <th scope="col" className="plan-num">
                Compute
              </th>
              <th scope="col" className="plan-num">
                Runtime
              </th>
              <th scope="col" className="plan-num">
                Total of budget
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.gpus.map((g) => (
              <tr key={g.index} className={g.fits ? '' : 'over'}>
                <th scope="row">
                  GPU {g.index}
                  {g.name ? ` (${g.name})` : ''}
                </th>
                <td>
                  {g.blocks} blocks{g.holdsOutput ? ' + output' : ''}
                </td>
                <td className="plan-num num">{formatGiB(g.weightBytes)}</td>
                <td className="plan-num num">{formatGiB(g.kvBytes)}</td>
                <td className="plan-num num">{formatGiB(g.computeBytes)}</td>
                <td className="plan-num num">{formatGiB(g.runtimeBytes)}</td>
                <td className="plan-num num" data-name="gpu-total">
                  {formatGiB(g.totalBytes)} of {formatGiB(g.budgetBytes, 0)}
                </td>
              </tr>
            ))}
            <tr className={plan.cpu.fits ? '' : 'over'}>
              <th scope="row">RAM (CPU)</th>
              <td>
                {plan.cpu.blocks} blocks
                {plan.cpu.expertBlocks > 0 ? `, experts of ${plan.cpu.expertBlocks}` : ''}
                {plan.outputOnGpu ? '' : ' + output'}
              </td>
              <td className="plan-num num">{formatGiB(plan.cpu.weightBytes)}</td>
              <td className="plan-num num">{formatGiB(plan.cpu.kvBytes)}</td>
              <td className="plan-num num">{formatGiB(plan.cpu.computeBytes)}</td>
              <td className="plan-num num">{formatGiB(plan.cpu.runtimeBytes)}</td>
              <td className="plan-num num" data-name="ram-total">
                {formatGiB(plan.cpu.totalBytes)} of {formatGiB(plan.cpu.budgetBytes, 0)}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {plan.speed ? (
        <p data-name="offload-speed">
          Decode{' '}
          <strong className="num">{formatTps(plan.speed.decodeTokensPerSecondAtFullContext)} tokens/s</strong>{' '}
          with the {formatTokens(contextTokens)} context full ({formatTps(plan.speed.decodeTokensPerSecond)}{' '}
          when empty)
          {plan.speed.prefillTokensPerSecond !== undefined
            ? `; prompt ${formatTps(plan.speed.prefillTokensPerSecond)} tokens/s`
            : ''}
          .
        </p>
      ) : null}
      <p className="muted small">
        Input embeddings stay in RAM; llama.cpp counts the output layer in -ngl and offloads it first (builds
        from December 2025). Compute buffers are for a 512-token micro-batch. Speeds: GPU bytes at 0.78 of its
        bandwidth, RAM bytes at 0.52 of the RAM's, plus 1.9 ms per token (src/core/offload/README.md).
      </p>
    </div>
  );
}
