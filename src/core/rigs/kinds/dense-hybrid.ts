// A dense model split by layers between 1-2 GPUs and system RAM (llama.cpp --n-gpu-layers): the GPUs hold as
// many layers as fit, the CPU platform's RAM the rest; each token reads the GPU layers at GPU bandwidth and
// the RAM layers at RAM bandwidth. Useful only when it is the cheapest way to hold a model at a stated
// minimum speed: without one, the same platform with no GPU is cheaper. The layer-by-layer placement
// (output layer first, input embeddings on the host, KV with its layer) is in src/core/offload; here the
// split is by bytes, which is what the rig's price and speed depend on.
import { type Candidate, candidate, fp8Of } from '../candidate';
import type { PricedCatalog } from '../catalog';
import { BYTES_PER_GIB, MAX_HYBRID_GPUS } from '../constants';
import { dimmNote, platformFills } from '../dimm-fill';
import { ENGINE_SUPPORT_SOURCES, engineRunsHybrid, verdictFor } from '../engine-support';
import { hostTakes } from '../host-fit';
import {
  CPU_SPEED,
  computeOf,
  GPU_SPEED,
  type StepBytes,
  splitPrefillTokensPerSecond,
  streamSeconds,
  tokensPerSecond,
} from '../speed';
import type { RigRequest } from '../types';
import { usableGpuBytes } from '../usable-memory';

export function denseHybridCandidates(
  cat: PricedCatalog,
  request: RigRequest,
  step: StepBytes,
  out: Candidate[],
): void {
  // MoE models go through the expert split (hybrid.ts); a dense split only pays with a speed floor.
  if (request.offloadableBytes > 0 || request.constraints.minTokensPerSecond === undefined) return;
  const need = request.acceleratorBytes;
  const engineBlockAll = engineRunsHybrid(request.engine ?? 'llama.cpp')
    ? undefined
    : `vLLM has no GPU + RAM layer split (its cpu_offload_gb streams weights over PCIe every step, ${ENGINE_SUPPORT_SOURCES.vllmCpuOffload})`;
  for (const platform of cat.platforms) {
    const bays = platform.item.gpuBays;
    if (bays === undefined || platform.item.psuW === undefined) continue;
    const cpuCompute = computeOf(platform.item, true);
    for (const gpu of cat.gpus) {
      const per = usableGpuBytes(gpu.item);
      for (let n = 1; n <= Math.min(MAX_HYBRID_GPUS, bays.count); n++) {
        const gpuBytes = n * per;
        // A model the GPUs hold whole is a multi-GPU rig, not a split.
        if (gpuBytes >= need) break;
        if (!hostTakes(platform.item, gpu.item, n)) break;
        const onGpu = gpuBytes / need;
        const fills = platformFills(platform.item, platform.included, cat.modules, need - gpuBytes);
        const verdict = verdictFor(request, gpu.item);
        const engineBlock =
          engineBlockAll ?? (verdict.runs ? undefined : `${gpu.item.name}: ${verdict.reason}`);
        const gpuCompute = computeOf(gpu.item, false);
        const total = step.nonExpertBytes + step.expertBytes;
        const gpuSeconds = streamSeconds(total * onGpu, gpu.item.bandwidthGBps as number, GPU_SPEED);
        for (const fill of fills) {
          const ramSeconds = streamSeconds(total * (1 - onGpu), fill.bandwidthGBps, CPU_SPEED);
          const stepSeconds = gpuSeconds + ramSeconds + GPU_SPEED.fixedSeconds;
          const sizeGiB = fill.moduleItem.memory?.sizeGiB;
          out.push(
            candidate(
              {
                id: `dense-hybrid:${platform.item.id}:${fill.moduleItem.id}:x${fill.count}:${gpu.item.id}:x${n}`,
                kind: 'gpu-ram-hybrid',
                label: `${n} × ${gpu.item.name} + ${platform.item.name} with ${fill.count} × ${sizeGiB} GiB (layers split)`,
                parts: [
                  { priced: gpu, role: 'gpu', quantity: n },
                  { priced: platform, role: 'cpu-platform', quantity: 1 },
                  ...(fill.module
                    ? [{ priced: fill.module, role: 'memory-module' as const, quantity: fill.count }]
                    : []),
                ],
                usableBytes: gpuBytes + fill.usableBytes,
                gpuUsableBytes: gpuBytes,
                bandwidthGBps: fill.bandwidthGBps,
                decodeTokensPerSecond: tokensPerSecond(step.batch, stepSeconds),
                prefillTokensPerSecond: splitPrefillTokensPerSecond(
                  request,
                  gpuCompute,
                  cpuCompute,
                  1 - onGpu,
                ),
                powerW: n * (gpu.item.powerW ?? 0) + (platform.item.powerW ?? 0),
                fp8: fp8Of(gpu.item),
                notes: [
                  `Layers split: about ${Math.round(onGpu * 100)}% of the model (${(gpuBytes / BYTES_PER_GIB).toFixed(0)} GiB) on ${n} GPU(s), the rest in RAM, as llama.cpp --n-gpu-layers places them; the "my hardware" view gives the exact layer count.`,
                  dimmNote(platform.item, fill),
                ],
                ...(engineBlock === undefined ? {} : { engineBlock }),
              },
              request,
            ),
          );
        }
      }
    }
  }
}
