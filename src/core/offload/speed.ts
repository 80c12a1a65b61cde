// Decode and prompt speed of a partial offload: each device streams the bytes it holds at its own bandwidth, and
// long prompts run on the GPU with CPU-held weights copied over PCIe. Constants and sources in constants.ts.
import { kvBytesReadPerLayer } from '../memory/kv-cache';
import {
  BYTES_PER_GB,
  CPU_DECODE_EFFICIENCY,
  CPU_DECODE_FIXED_SECONDS,
  DEFAULT_PCIE_GBPS,
  EXPERT_CPU_DECODE_EFFICIENCY,
  GPU_DECODE_EFFICIENCY,
  GPU_DECODE_FIXED_SECONDS,
  OP_OFFLOAD_MIN_BATCH,
  PCIE_H2D_EFFICIENCY,
  PREFILL_EFFICIENCY,
} from './constants';
import { expertShare } from './layers';
import type { OffloadContext } from './placement';
import type { OffloadSpeed } from './types';

const CPU = -1;

/** Decode and prefill speed, or undefined when a bandwidth is missing. `deviceOf` is each tensor's device
 *  (CPU = -1), `blockDevice` each block's. */
export function offloadSpeed(
  c: OffloadContext,
  deviceOf: readonly number[],
  blockDevice: readonly number[],
  outputDevice: number,
): OffloadSpeed | undefined {
  const { hardware, layers, model, options } = c;
  const cpuBw = hardware.cpuBandwidthGBps;
  if (cpuBw === undefined || hardware.gpus.some((g) => g.bandwidthGBps === undefined)) return undefined;
  const nGpus = hardware.gpus.length;
  const B = options.batch;

  // Weight bytes one decode step reads per device: everything it holds, one row of the token embedding per
  // sequence, and the share of each expert tensor the step's B tokens route to.
  const decodeShare = expertShare(layers, B);
  const gpuRead = new Array<number>(nGpus).fill(0);
  let cpuRead = 0;
  let cpuExpertRead = 0;
  for (let i = 0; i < layers.tensors.length; i++) {
    const t = layers.tensors[i] as (typeof layers.tensors)[number];
    const d = deviceOf[i] as number;
    let bytes = t.bytes;
    if (t.place === 'input') bytes = (t.bytes / t.spec.ne1) * B;
    else if (t.expert) bytes = t.bytes * decodeShare;
    if (d === CPU && t.expert) cpuExpertRead += bytes;
    else if (d === CPU) cpuRead += bytes;
    else gpuRead[d] = (gpuRead[d] as number) + bytes;
  }
  if (layers.tiedOutputBytes > 0) {
    if (outputDevice === CPU) cpuRead += layers.tiedOutputBytes;
    else gpuRead[outputDevice] = (gpuRead[outputDevice] as number) + layers.tiedOutputBytes;
  }

  const kvRead = (filled: number) => {
    const perLayer = kvBytesReadPerLayer(model, c.kvFormat, filled);
    const gpu = new Array<number>(nGpus).fill(0);
    let cpu = 0;
    for (let il = 0; il < perLayer.length; il++) {
      const d = blockDevice[il] as number;
      const bytes = (perLayer[il] as number) * B;
      if (d === CPU) cpu += bytes;
      else gpu[d] = (gpu[d] as number) + bytes;
    }
    return { gpu, cpu };
  };
  const step = (filled: number) => {
    const kv = kvRead(filled);
    let gpu = 0;
    for (let g = 0; g < nGpus; g++) {
      const bw = hardware.gpus[g]?.bandwidthGBps as number;
      gpu += ((gpuRead[g] as number) + (kv.gpu[g] as number)) / (GPU_DECODE_EFFICIENCY * bw * BYTES_PER_GB);
    }
    const cpu =
      (cpuRead + kv.cpu) / (CPU_DECODE_EFFICIENCY * cpuBw * BYTES_PER_GB) +
      cpuExpertRead / (EXPERT_CPU_DECODE_EFFICIENCY * cpuBw * BYTES_PER_GB);
    const usesGpu = gpuRead.some((b) => b > 0);
    const fixed = usesGpu ? GPU_DECODE_FIXED_SECONDS : CPU_DECODE_FIXED_SECONDS;
    return { gpu, cpu, fixed };
  };
  const empty = step(0);
  const full = step(options.contextTokens);
  const total = (s: { gpu: number; cpu: number; fixed: number }) => Math.max(s.gpu + s.cpu + s.fixed, 1e-12);
  const speed: OffloadSpeed = {
    decodeTokensPerSecond: B / total(empty),
    decodeTokensPerSecondAtFullContext: B / total(full),
    decodeSeconds: empty,
  };

  // Prompt processing, one ubatch of U tokens (a long prompt). FLOPs: 2 per weight a token uses.
  if (hardware.gpus.some((g) => g.fp16Tflops === undefined)) return speed;
  const U = Math.min(options.nUbatch, options.contextTokens * options.batch);
  const opOffload = U >= OP_OFFLOAD_MIN_BATCH;
  const share = expertShare(layers, U);
  const activeFraction = layers.numExperts > 0 ? layers.expertsPerToken / layers.numExperts : 1;
  const gpuFlops = new Array<number>(nGpus).fill(0);
  let copyBytes = 0;
  let cpuBytes = 0;
  for (let i = 0; i < layers.tensors.length; i++) {
    const t = layers.tensors[i] as (typeof layers.tensors)[number];
    if (!t.matmul) continue;
    const elements = t.spec.ne0 * t.spec.ne1 * t.spec.ne2;
    const flops = 2 * U * elements * (t.expert ? activeFraction : 1);
    const d = deviceOf[i] as number;
    if (d !== CPU) gpuFlops[d] = (gpuFlops[d] as number) + flops;
    else if (opOffload) {
      // ggml's scheduler runs the op on GPU 0 after copying the weight (only the used experts, PR #15346).
      gpuFlops[0] = (gpuFlops[0] as number) + flops;
      copyBytes += t.expert ? t.bytes * share : t.bytes;
    } else {
      cpuBytes += t.expert ? t.bytes * share : t.bytes;
    }
  }
  if (layers.tiedOutputBytes > 0) {
    const flops = 2 * U * model.vocabSize * model.hiddenSize;
    if (outputDevice !== CPU) gpuFlops[outputDevice] = (gpuFlops[outputDevice] as number) + flops;
    else if (opOffload) {
      gpuFlops[0] = (gpuFlops[0] as number) + flops;
      copyBytes += layers.tiedOutputBytes;
    } else cpuBytes += layers.tiedOutputBytes;
  }
  let compute = 0;
  for (let g = 0; g < nGpus; g++) {
    compute +=
      (gpuFlops[g] as number) / (PREFILL_EFFICIENCY * (hardware.gpus[g]?.fp16Tflops as number) * 1e12);
  }
  const pcie = hardware.gpus[0]?.pcieGBps ?? DEFAULT_PCIE_GBPS;
  const copy = copyBytes / (PCIE_H2D_EFFICIENCY * pcie * BYTES_PER_GB);
  // Below the op-offload batch the CPU runs its layers; counted as streaming their weights once per ubatch
  // (small ubatches are bandwidth-bound), a lower bound on its time.
  const cpu = cpuBytes / (CPU_DECODE_EFFICIENCY * cpuBw * BYTES_PER_GB);
  speed.prefillTokensPerSecond = U / Math.max(compute + copy + cpu, 1e-12);
  speed.prefillSeconds = { compute, copy, cpu, ubatchTokens: U };
  return speed;
}
