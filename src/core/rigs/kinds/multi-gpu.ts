// N identical GPUs in the cheapest host that carries them (host-fit.ts), and complete GPU servers sold
// with their GPUs. llama.cpp splits layers across GPUs (one GPU's bandwidth per token); vLLM runs tensor
// parallel over powers of two where the host's PCIe links carry it.
import type { HardwareItem } from '../../../data/schema';
import { type Candidate, candidate, devicesFor, fp8Of } from '../candidate';
import type { Priced, PricedCatalog } from '../catalog';
import { MAX_GPUS_PER_RIG } from '../constants';
import { verdictFor } from '../engine-support';
import { fitGpusInHost, hostAllowsTensorParallel, hostTakes } from '../host-fit';
import {
  computeOf,
  computeSeconds,
  GPU_SPEED,
  prefillTokensPerSecond,
  type StepBytes,
  streamSeconds,
  tensorParallelFactor,
  tokensPerSecond,
} from '../speed';
import type { RigRequest } from '../types';
import { usableGpuBytes } from '../usable-memory';

interface GpuSpeed {
  decode: number;
  prefill: number | undefined;
  factor: number;
  notes: string[];
}

/** Decode and prefill of n × gpu: llama.cpp layer split reads at one GPU's bandwidth; vLLM tensor parallel
 *  (when the link allows it) scales by tensorParallelFactor. Compute per step is one GPU's for a layer
 *  split (the layers run one after another) and n GPUs' for tensor parallel. */
function gpuSpeed(gpu: HardwareItem, n: number, request: RigRequest, step: StepBytes, tp: boolean): GpuSpeed {
  const bw = gpu.bandwidthGBps as number;
  const one = computeOf(gpu, false);
  const memSeconds = streamSeconds(step.nonExpertBytes + step.expertBytes, bw, GPU_SPEED);
  const stepSeconds = Math.max(memSeconds, computeSeconds(request, step.batch, one)) + GPU_SPEED.fixedSeconds;
  const factor = tp && n > 1 ? tensorParallelFactor(n) : 1;
  const notes: string[] = [];
  if (one.defaulted)
    notes.push(`${gpu.name}: TFLOPS not in the dataset; a conservative ${one.tflops} TFLOPS bounds compute.`);
  if (n > 1) {
    notes.push(
      tp
        ? `vLLM tensor parallel over ${n} GPUs: ${factor.toFixed(2)}x one GPU.`
        : request.engine === 'vllm'
          ? `vLLM pipeline parallel over ${n} GPUs: one GPU's speed per sequence.`
          : `llama.cpp layer split over ${n} GPUs: one GPU's bandwidth per token.`,
    );
  }
  // Prefill, like decode, runs on one GPU at a time in a layer split and on all of them, less the
  // all-reduce cost, under tensor parallel.
  const prefill = prefillTokensPerSecond(request, one);
  return {
    decode: tokensPerSecond(step.batch, stepSeconds) * factor,
    prefill: prefill === undefined ? undefined : prefill * factor,
    factor,
    notes,
  };
}

export function multiGpuCandidates(
  cat: PricedCatalog,
  request: RigRequest,
  step: StepBytes,
  out: Candidate[],
): void {
  const vllm = request.engine === 'vllm';
  const need = request.acceleratorBytes;
  for (const gpu of cat.gpus) {
    const per = usableGpuBytes(gpu.item);
    const minN = devicesFor(need, per);
    if (minN > MAX_GPUS_PER_RIG) continue;
    const verdict = verdictFor(request, gpu.item);
    // llama.cpp: more GPUs than needed only cost more (layer split reads at one GPU's speed), so only the
    // minimum count. vLLM: tensor-parallel sizes are powers of two, and more GPUs are faster.
    const counts: number[] = [];
    if (vllm) {
      for (let n = 1; n <= MAX_GPUS_PER_RIG; n *= 2) if (n >= minN) counts.push(n);
    } else {
      counts.push(minN);
    }
    for (const n of counts) {
      const host = cheapestHost(cat.hosts, gpu.item, n, vllm);
      if (host === undefined) continue;
      const tp = vllm && n > 1 && hostAllowsTensorParallel(host.priced.item);
      const speed = gpuSpeed(gpu.item, n, request, step, tp);
      const notes = [...host.notes, ...speed.notes];
      if (verdict.runs && verdict.note) notes.push(`${gpu.item.name}: ${verdict.note}.`);
      out.push(
        candidate(
          {
            id: `multi-gpu:${gpu.item.id}:x${n}:${host.priced.item.id}`,
            kind: 'multi-gpu',
            label: `${n} × ${gpu.item.name} in ${host.priced.item.name}`,
            parts: [
              { priced: gpu, role: 'gpu', quantity: n },
              { priced: host.priced, role: 'gpu-host', quantity: 1 },
            ],
            usableBytes: n * per,
            bandwidthGBps: tp ? n * (gpu.item.bandwidthGBps as number) : (gpu.item.bandwidthGBps as number),
            decodeTokensPerSecond: speed.decode,
            prefillTokensPerSecond: speed.prefill,
            powerW: n * (gpu.item.powerW ?? 0) + (host.priced.item.powerW ?? 0),
            fp8: fp8Of(gpu.item),
            notes,
            ...(verdict.runs ? {} : { engineBlock: `${gpu.item.name}: ${verdict.reason}` }),
          },
          request,
        ),
      );
    }
  }
  for (const system of cat.systems) {
    const per = usableGpuBytes(system.gpu);
    const usable = system.gpuCount * per;
    if (usable < need) continue;
    const verdict = verdictFor(request, system.gpu);
    const tp = vllm && system.gpuCount > 1;
    const speed = gpuSpeed(system.gpu, system.gpuCount, request, step, tp);
    const notes = [...speed.notes];
    if (verdict.runs && verdict.note) notes.push(`${system.gpu.name}: ${verdict.note}.`);
    out.push(
      candidate(
        {
          id: `gpu-system:${system.item.id}`,
          kind: 'multi-gpu',
          label: `${system.item.name} (${system.gpuCount} × ${system.gpu.name})`,
          parts: [{ priced: system, role: 'gpu-system', quantity: 1 }],
          usableBytes: usable,
          bandwidthGBps: tp
            ? system.gpuCount * (system.gpu.bandwidthGBps as number)
            : (system.gpu.bandwidthGBps as number),
          decodeTokensPerSecond: speed.decode,
          prefillTokensPerSecond: speed.prefill,
          powerW: system.item.powerW ?? 0,
          fp8: fp8Of(system.gpu),
          notes,
          ...(verdict.runs ? {} : { engineBlock: `${system.gpu.name}: ${verdict.reason}` }),
        },
        request,
      ),
    );
  }
}

interface HostChoice {
  priced: Priced;
  notes: string[];
}

/** The cheapest host (hosts are sorted by price) that carries n × gpu. */
function cheapestHost(hosts: readonly Priced[], gpu: HardwareItem, n: number, tensorParallel: boolean) {
  for (const host of hosts) {
    if (!hostTakes(host.item, gpu, n)) continue;
    const fit = fitGpusInHost(host.item, gpu, n, tensorParallel);
    if (fit.ok) return { priced: host, notes: fit.notes } satisfies HostChoice;
  }
  return undefined;
}
