// 1-2 GPUs in a CPU platform that takes them (its GPU bays and PSU, host-fit.ts), with the MoE's routed
// experts in system RAM: llama.cpp's -ot exps=CPU. vLLM has no such split.
import { type Candidate, candidate, devicesFor, fp8Of } from '../candidate';
import type { PricedCatalog } from '../catalog';
import { BYTES_PER_GIB, MAX_HYBRID_GPUS } from '../constants';
import { dimmNote, platformFills } from '../dimm-fill';
import { ENGINE_SUPPORT_SOURCES, engineRunsHybrid, verdictFor } from '../engine-support';
import { fitGpusInHost, hostTakes } from '../host-fit';
import {
  CPU_SPEED,
  computeOf,
  computeSeconds,
  GPU_SPEED,
  type StepBytes,
  splitPrefillTokensPerSecond,
  streamSeconds,
  tokensPerSecond,
} from '../speed';
import type { RigRequest } from '../types';
import { usableGpuBytes } from '../usable-memory';

export function hybridCandidates(
  cat: PricedCatalog,
  request: RigRequest,
  step: StepBytes,
  out: Candidate[],
): void {
  const ramNeed = request.offloadableBytes;
  if (ramNeed <= 0) return;
  const gpuNeed = Math.max(0, request.acceleratorBytes - ramNeed);
  const engineBlockAll = engineRunsHybrid(request.engine ?? 'llama.cpp')
    ? undefined
    : `vLLM has no GPU + RAM expert split (its cpu_offload_gb streams weights over PCIe every step, ${ENGINE_SUPPORT_SOURCES.vllmCpuOffload})`;
  // Share of a token's active weights that are routed experts (computed on the CPU in prefill).
  const weightsPerToken = Math.max(1, request.bytesPerToken - request.kvBytesPerToken);
  const cpuShare = Math.min(1, request.offloadableBytesPerToken / weightsPerToken);
  for (const platform of cat.platforms) {
    const bays = platform.item.gpuBays;
    if (bays === undefined || platform.item.psuW === undefined) continue;
    const fills = platformFills(platform.item, platform.included, cat.modules, ramNeed);
    if (fills.length === 0) continue;
    const maxGpus = Math.min(MAX_HYBRID_GPUS, bays.count);
    const cpuCompute = computeOf(platform.item, true);
    for (const gpu of cat.gpus) {
      const per = usableGpuBytes(gpu.item);
      const n = devicesFor(gpuNeed, per);
      if (n > maxGpus) continue;
      if (!hostTakes(platform.item, gpu.item, n)) continue;
      const fit = fitGpusInHost(platform.item, gpu.item, n);
      if (!fit.ok) continue;
      const verdict = verdictFor(request, gpu.item);
      const engineBlock =
        engineBlockAll ?? (verdict.runs ? undefined : `${gpu.item.name}: ${verdict.reason}`);
      const gpuBw = gpu.item.bandwidthGBps as number;
      const gpuCompute = computeOf(gpu.item, false);
      const gpuSeconds = Math.max(
        streamSeconds(step.nonExpertBytes, gpuBw, GPU_SPEED),
        computeSeconds(request, step.batch, gpuCompute),
      );
      for (const fill of fills) {
        const ramSeconds = streamSeconds(step.expertBytes, fill.bandwidthGBps, CPU_SPEED);
        const stepSeconds = gpuSeconds + ramSeconds + GPU_SPEED.fixedSeconds;
        const notes = [
          `Routed experts (${(ramNeed / BYTES_PER_GIB).toFixed(0)} GiB) in system RAM, the rest on ${n} GPU(s), as llama.cpp -ot exps=CPU.`,
          dimmNote(platform.item, fill),
          ...fit.notes,
        ];
        if (verdict.runs && verdict.note) notes.push(`${gpu.item.name}: ${verdict.note}.`);
        const sizeGiB = fill.moduleItem.memory?.sizeGiB;
        out.push(
          candidate(
            {
              id: `gpu-ram-hybrid:${platform.item.id}:${fill.moduleItem.id}:x${fill.count}:${gpu.item.id}:x${n}`,
              kind: 'gpu-ram-hybrid',
              label: `${n} × ${gpu.item.name} + ${platform.item.name} with ${fill.count} × ${sizeGiB} GiB`,
              parts: [
                { priced: gpu, role: 'gpu', quantity: n },
                { priced: platform, role: 'cpu-platform', quantity: 1 },
                ...(fill.module
                  ? [{ priced: fill.module, role: 'memory-module' as const, quantity: fill.count }]
                  : []),
              ],
              usableBytes: n * per + fill.usableBytes,
              gpuUsableBytes: n * per,
              bandwidthGBps: fill.bandwidthGBps,
              decodeTokensPerSecond: tokensPerSecond(step.batch, stepSeconds),
              prefillTokensPerSecond: splitPrefillTokensPerSecond(request, gpuCompute, cpuCompute, cpuShare),
              powerW: n * (gpu.item.powerW ?? 0) + (platform.item.powerW ?? 0),
              fp8: fp8Of(gpu.item),
              notes,
              ...(engineBlock === undefined ? {} : { engineBlock }),
            },
            request,
          ),
        );
      }
    }
  }
}
