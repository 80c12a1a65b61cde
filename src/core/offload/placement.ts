// placeOffload: what each device holds for one `-ngl` / `--n-cpu-moe` setting, following llama.cpp's loader
// (llama_model::load_tensors in src/llama-model.cpp) layer by layer. See ./README.md.

import { safeEstimateMemory } from '../memory/estimate';
import type { KvCacheFormatInfo } from '../memory/formats';
import { kvCacheFormatById, weightFormatById } from '../memory/formats';
import { LLAMA_CPP_CTX_PAD, LLAMA_CPP_SWA_PAD, llamaCppKvBytesPerLayer } from '../memory/kv-cache';
import { llamaCppLayerActivationBytes, llamaCppLogitsBytes } from '../memory/overhead';
import type { ModelSpec } from '../model/model-spec';
import { offloadAssumptions } from './assumptions';
import {
  type CpuOverride,
  CUDA_CONTEXT_BYTES,
  DEFAULT_CPU_OVERRIDE,
  DEFAULT_FILE_LAYOUT,
  DEFAULT_N_UBATCH,
  DEFAULT_OFFLOAD_ORDER,
  FFN_TENSOR_PATTERN,
  FILE_LAYOUTS,
  OFFLOAD_ORDERS,
  type OffloadOrder,
  OP_OFFLOAD_MIN_BATCH,
} from './constants';
import { type ModelLayers, modelLayers } from './layers';
import { offloadSpeed } from './speed';
import type {
  OffloadConfig,
  OffloadCpuPlacement,
  OffloadError,
  OffloadGpuPlacement,
  OffloadHardware,
  OffloadMode,
  OffloadOptions,
  OffloadPlan,
  OffloadResult,
} from './types';

/** Device index per tensor: 0..gpus-1 for a GPU, CPU = -1. */
export const CPU = -1;

/** Validated inputs shared by placeOffload and fitOffload. */
export interface OffloadContext {
  model: ModelSpec;
  layers: ModelLayers;
  kvFormat: KvCacheFormatInfo;
  options: Required<OffloadOptions>;
  hardware: OffloadHardware;
  /** KV bytes of each block on whichever device holds it. */
  kvPerBlock: number[];
  /** Cumulative normalised --tensor-split points, float32 as llama.cpp computes them. */
  splits: number[];
}

const pad = (x: number, n: number) => Math.ceil(x / n) * n;

function fail(
  code: OffloadError['code'],
  field: string,
  message: string,
): { ok: false; error: OffloadError } {
  return { ok: false, error: { code, field, message } };
}

const isPositive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** Checks the options and hardware once; never throws. */
export function prepareOffload(
  model: ModelSpec,
  options: OffloadOptions,
  hardware: OffloadHardware,
): { ok: true; context: OffloadContext } | { ok: false; error: OffloadError } {
  const estimate = safeEstimateMemory(model, { ...options, engine: 'llama.cpp' });
  if (!estimate.ok) {
    const e = estimate.error;
    const code = e.code === 'unknown-engine' ? 'format-not-on-llama-cpp' : e.code;
    return fail(code, e.field, e.message);
  }
  const format = weightFormatById(options.weightFormat);
  const kvFormat = kvCacheFormatById(options.kvCacheFormat);
  const fileLayout = options.fileLayout ?? DEFAULT_FILE_LAYOUT;
  if (!FILE_LAYOUTS.includes(fileLayout)) {
    return fail('invalid-file-layout', 'fileLayout', `expected one of ${FILE_LAYOUTS.join(', ')}`);
  }
  const layers = format ? modelLayers(model, format, fileLayout) : null;
  if (!format || !kvFormat || !layers) {
    return fail(
      'format-not-on-llama-cpp',
      'weightFormat',
      `${String(options.weightFormat)} is not a format llama.cpp loads (GGUF, or 16-bit / MXFP4-MoE converted to GGUF)`,
    );
  }
  const nUbatch = options.nUbatch ?? DEFAULT_N_UBATCH;
  if (!Number.isInteger(nUbatch) || nUbatch < 1) {
    return fail('invalid-ubatch', 'nUbatch', `expected a positive integer, got ${String(nUbatch)}`);
  }
  const order = options.order ?? DEFAULT_OFFLOAD_ORDER;
  if (!OFFLOAD_ORDERS.includes(order)) {
    return fail('invalid-order', 'order', `expected one of ${OFFLOAD_ORDERS.join(', ')}`);
  }
  if (!Array.isArray(hardware.gpus) || hardware.gpus.length === 0) {
    return fail('no-gpu', 'gpus', 'partial offload needs at least one GPU');
  }
  for (const [i, g] of hardware.gpus.entries()) {
    if (!isPositive(g.memoryBytes))
      return fail('invalid-gpu', `gpus[${i}].memoryBytes`, 'expected bytes > 0');
    for (const key of ['bandwidthGBps', 'fp16Tflops', 'pcieGBps'] as const) {
      if (g[key] !== undefined && !isPositive(g[key])) {
        return fail('invalid-gpu', `gpus[${i}].${key}`, 'expected a number > 0 or nothing');
      }
    }
  }
  if (typeof hardware.systemRamBytes !== 'number' || !(hardware.systemRamBytes >= 0)) {
    return fail('invalid-ram', 'systemRamBytes', 'expected bytes >= 0');
  }
  if (hardware.cpuBandwidthGBps !== undefined && !isPositive(hardware.cpuBandwidthGBps)) {
    return fail('invalid-ram', 'cpuBandwidthGBps', 'expected a number > 0 or nothing');
  }
  const proportions = hardware.tensorSplit ?? hardware.gpus.map((g) => g.memoryBytes);
  if (
    proportions.length !== hardware.gpus.length ||
    proportions.some((x) => typeof x !== 'number' || !Number.isFinite(x) || x < 0) ||
    !proportions.some((x) => x > 0)
  ) {
    return fail('invalid-tensor-split', 'tensorSplit', 'expected one proportion >= 0 per GPU, not all zero');
  }
  // llama_model::load_tensors: running sums normalised to 1, in float.
  const splits: number[] = [];
  let sum = 0;
  for (const x of proportions) {
    sum = Math.fround(sum + x);
    splits.push(sum);
  }
  const normalised = splits.map((s) => Math.fround(s / sum));
  const ctx = Math.floor(options.contextTokens);
  const batch = Math.floor(options.batch);
  return {
    ok: true,
    context: {
      model,
      layers,
      kvFormat,
      options: {
        weightFormat: options.weightFormat,
        kvCacheFormat: options.kvCacheFormat,
        contextTokens: ctx,
        batch,
        nUbatch,
        order,
        fileLayout,
      },
      hardware,
      kvPerBlock: llamaCppKvBytesPerLayer(model, kvFormat, ctx, batch),
      splits: normalised,
    },
  };
}

/** Which device holds layer `il` (0..n-1 a block, n the output layer), as get_layer_buft_list in
 *  llama_model::load_tensors decides it. */
export function layerDevice(
  il: number,
  blocks: number,
  nGpuLayers: number,
  order: OffloadOrder,
  splits: readonly number[],
): number {
  const gpuStart =
    order === 'output-first' ? Math.max(blocks + 1 - nGpuLayers, 0) : Math.max(blocks - nGpuLayers, 0);
  const active = Math.min(nGpuLayers, blocks + 1);
  if (il < gpuStart || il - gpuStart >= active) return CPU;
  // std::upper_bound(splits, float(il - i_gpu_start) / act_gpu_layers)
  const x = Math.fround((il - gpuStart) / active);
  let g = 0;
  while (g < splits.length && !((splits[g] as number) > x)) g++;
  return Math.min(g, splits.length - 1);
}

function clampNCpuMoe(value: number | 'all' | undefined, blocks: number): number | null {
  if (value === undefined) return 0;
  if (value === 'all') return blocks;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return null;
  return Math.min(value, blocks);
}

/** Flags that reproduce a placement. */
function flagsFor(
  nGpuLayers: number,
  nCpuMoe: number,
  blocks: number,
  hardware: OffloadHardware,
  override: CpuOverride,
): string {
  const parts = [`-ngl ${nGpuLayers}`];
  if (override.from === 'first' && override.tensors === 'experts') {
    if (nCpuMoe >= blocks) parts.push('--cpu-moe');
    else if (nCpuMoe > 0) parts.push(`--n-cpu-moe ${nCpuMoe}`);
  } else if (nCpuMoe > 0) {
    // An -ot override naming each block (llama.cpp matches it with std::regex_search).
    const list: number[] = [];
    for (let b = 0; b < blocks; b++) if (overridden(b, blocks, nCpuMoe, override.from)) list.push(b);
    const what = override.tensors === 'ffn' ? 'ffn' : '(ffn_(up|down|gate|gate_up)_(ch|)exps)';
    parts.push(`-ot "blk\\.(${list.join('|')})\\.${what}=CPU"`);
  }
  if (hardware.gpus.length > 1) {
    const split =
      hardware.tensorSplit ?? hardware.gpus.map((g) => Math.round((g.memoryBytes / 2 ** 30) * 10) / 10);
    parts.push(`--tensor-split ${split.join(',')}`);
  }
  return parts.join(' ');
}

/** Whether block b is one of the N blocks whose tensors an override keeps on the CPU. */
function overridden(b: number, blocks: number, nCpuMoe: number, from: CpuOverride['from']): boolean {
  return from === 'last' ? b >= blocks - nCpuMoe : b < nCpuMoe;
}

/** The placement for a validated context (the fit search calls this in a loop). */
export function placeWithContext(
  c: OffloadContext,
  nGpuLayersRaw: number,
  nCpuMoe: number,
  mode: OffloadMode,
  override: CpuOverride = DEFAULT_CPU_OVERRIDE,
): OffloadPlan {
  const { layers, model, hardware, options } = c;
  const n = layers.blocks;
  const nGpuLayers = Math.min(nGpuLayersRaw, n + 1);
  const nGpus = hardware.gpus.length;
  const blockDevice: number[] = [];
  for (let il = 0; il < n; il++) blockDevice.push(layerDevice(il, n, nGpuLayers, options.order, c.splits));
  const outputDevice = layerDevice(n, n, nGpuLayers, options.order, c.splits);

  const gpuWeights = new Array<number>(nGpus).fill(0);
  let cpuWeights = 0;
  let cpuFirst = Number.POSITIVE_INFINITY;
  let cpuLast = -1;
  const U = Math.min(options.nUbatch, options.contextTokens * options.batch);
  let largestCpuCopy = 0; // the op-offload copy a CPU-held matmul weight needs in GPU 0's compute buffer
  let cpuHoldsMatmul = false;
  const k = Math.max(1, layers.expertsPerToken);
  const deviceOf: number[] = new Array(layers.tensors.length);
  for (let i = 0; i < layers.tensors.length; i++) {
    const t = layers.tensors[i] as (typeof layers.tensors)[number];
    let device: number;
    if (t.place === 'input') device = CPU;
    else if (t.place === 'output') device = outputDevice;
    else if (
      overridden(t.block, n, nCpuMoe, override.from) &&
      (override.tensors === 'ffn' ? FFN_TENSOR_PATTERN.test(t.spec.name) : t.expert)
    )
      device = CPU;
    else device = blockDevice[t.block] as number;
    deviceOf[i] = device;
    if (device === CPU) {
      cpuWeights += t.bytes;
      cpuFirst = Math.min(cpuFirst, t.offset);
      cpuLast = Math.max(cpuLast, t.offset + t.bytes);
      if (t.matmul) {
        cpuHoldsMatmul = true;
        const rows = t.spec.ne2 > 1 ? t.spec.ne1 * k : t.spec.ne1;
        largestCpuCopy = Math.max(largestCpuCopy, t.bytes + 4 * U * (t.spec.ne0 + rows));
      }
    } else {
      gpuWeights[device] = (gpuWeights[device] as number) + t.bytes;
    }
  }
  // Tied embeddings: the output layer reads a second copy of token_embd on its device.
  if (layers.tiedOutputBytes > 0) {
    if (outputDevice === CPU) {
      cpuHoldsMatmul = true;
      largestCpuCopy = Math.max(largestCpuCopy, layers.tiedOutputBytes + llamaCppLogitsBytes(model, U));
    } else {
      gpuWeights[outputDevice] = (gpuWeights[outputDevice] as number) + layers.tiedOutputBytes;
    }
  }

  // KV cache: each block's cache lives on the block's device (llama-kv-cache.cpp, offload_kqv default on).
  const gpuKv = new Array<number>(nGpus).fill(0);
  let cpuKv = 0;
  const gpuBlocks = new Array<number>(nGpus).fill(0);
  const firstBlock = new Array<number | null>(nGpus).fill(null);
  const lastBlock = new Array<number | null>(nGpus).fill(null);
  let cpuBlocks = 0;
  for (let il = 0; il < n; il++) {
    const d = blockDevice[il] as number;
    const kv = c.kvPerBlock[il] ?? 0;
    if (d === CPU) {
      cpuKv += kv;
      cpuBlocks++;
    } else {
      gpuKv[d] = (gpuKv[d] as number) + kv;
      gpuBlocks[d] = (gpuBlocks[d] as number) + 1;
      if (firstBlock[d] === null) firstBlock[d] = il;
      lastBlock[d] = il;
    }
  }

  // Compute buffers, reserved for one U-token ubatch with every token an output.
  const act = llamaCppLayerActivationBytes(model, U);
  const logits = llamaCppLogitsBytes(model, U);
  const opOffload = U >= OP_OFFLOAD_MIN_BATCH;
  const gpuCompute = gpuBlocks.map((b) => (b > 0 ? act : 0));
  if (outputDevice !== CPU) gpuCompute[outputDevice] = Math.max(gpuCompute[outputDevice] as number, logits);
  if (opOffload && cpuHoldsMatmul) {
    // GPU 0 runs the CPU-held layers' matmuls on a copy of each weight, one split at a time.
    gpuCompute[0] = Math.max(gpuCompute[0] as number, largestCpuCopy, cpuBlocks > 0 ? act : 0);
  }
  // Host compute buffer: the input embeddings of the ubatch and the f32 KQ mask(s) are graph inputs kept in
  // host memory; CPU-held layers add their activations only when they run on the CPU (no op offload).
  const nCtxSeq = pad(
    Math.floor(pad(options.contextTokens * options.batch, LLAMA_CPP_CTX_PAD) / options.batch),
    LLAMA_CPP_CTX_PAD,
  );
  const swaLayer = model.attentionLayers.find((l) => l.kind !== 'full' && l.windowInLlamaCpp);
  const swaCells = swaLayer
    ? pad(Math.min(nCtxSeq, swaLayer.windowTokens + Math.min(512, U)), LLAMA_CPP_SWA_PAD)
    : 0;
  let cpuCompute = 4 * U * model.hiddenSize + 4 * U * (nCtxSeq + swaCells);
  if (!opOffload) {
    if (cpuBlocks > 0) cpuCompute += act;
    if (outputDevice === CPU) cpuCompute += logits;
  }
  // The logits output buffer: n_vocab floats per sequence, in host memory (llama-context.cpp output_reserve).
  const outputBuffer = 4 * model.vocabSize * options.batch;

  const gpus: OffloadGpuPlacement[] = hardware.gpus.map((g, i) => {
    const weightBytes = gpuWeights[i] as number;
    const kvBytes = gpuKv[i] as number;
    const computeBytes = gpuCompute[i] as number;
    const runtimeBytes = CUDA_CONTEXT_BYTES;
    const totalBytes = weightBytes + kvBytes + computeBytes + runtimeBytes;
    return {
      index: i,
      ...(g.name !== undefined ? { name: g.name } : {}),
      weightBytes,
      kvBytes,
      computeBytes,
      runtimeBytes,
      totalBytes,
      budgetBytes: g.memoryBytes,
      fits: totalBytes <= g.memoryBytes,
      blocks: gpuBlocks[i] as number,
      firstBlock: firstBlock[i] as number | null,
      lastBlock: lastBlock[i] as number | null,
      holdsOutput: outputDevice === i,
    };
  });
  const cpuTotal = cpuWeights + cpuKv + cpuCompute + outputBuffer;
  const expertBlocks =
    layers.numExperts > 0
      ? countExpertBlocks(layers, (b) => overridden(b, n, nCpuMoe, override.from), blockDevice)
      : 0;
  const cpu: OffloadCpuPlacement = {
    weightBytes: cpuWeights,
    mappedWeightBytes: cpuLast >= 0 ? cpuLast - cpuFirst : 0,
    kvBytes: cpuKv,
    computeBytes: cpuCompute,
    runtimeBytes: outputBuffer,
    totalBytes: cpuTotal,
    budgetBytes: hardware.systemRamBytes,
    fits: cpuTotal <= hardware.systemRamBytes,
    blocks: cpuBlocks,
    expertBlocks,
  };
  const fitsGpu = gpus.every((g) => g.fits);
  const layersOnGpu = Math.min(nGpuLayers, n + 1);
  const plan: OffloadPlan = {
    mode,
    config: { nGpuLayers, nCpuMoe },
    flags: flagsFor(nGpuLayers, nCpuMoe, n, hardware, override),
    layersOnGpu,
    totalLayers: n + 1,
    blocksOnGpu: n - cpuBlocks,
    outputOnGpu: outputDevice !== CPU,
    gpus,
    cpu,
    fitsGpu,
    fitsRam: cpu.fits,
    fits: fitsGpu && cpu.fits,
    assumptions: offloadAssumptions(c, opOffload),
  };
  const speed = offloadSpeed(c, deviceOf, blockDevice, outputDevice);
  if (speed) plan.speed = speed;
  return plan;
}

/** Blocks with routed experts whose experts sit on the CPU (by --n-cpu-moe or because the block does). */
function countExpertBlocks(
  layers: ModelLayers,
  onCpu: (block: number) => boolean,
  blockDevice: readonly number[],
): number {
  const withExperts = new Set<number>();
  for (const t of layers.tensors) if (t.expert) withExperts.add(t.block);
  let count = 0;
  for (const b of withExperts) if (onCpu(b) || blockDevice[b] === CPU) count++;
  return count;
}

/**
 * Bytes per device, layers on the GPUs, the flags and the speed for one `-ngl` (and `--n-cpu-moe`) setting, as
 * llama.cpp would place the model. Never throws: invalid inputs come back as { ok: false, error }.
 */
export function placeOffload(
  model: ModelSpec,
  options: OffloadOptions,
  hardware: OffloadHardware,
  config: OffloadConfig,
): OffloadResult {
  const prepared = prepareOffload(model, options, hardware);
  if (!prepared.ok) return prepared;
  const c = prepared.context;
  if (
    typeof config.nGpuLayers !== 'number' ||
    !Number.isInteger(config.nGpuLayers) ||
    config.nGpuLayers < 0
  ) {
    return fail(
      'invalid-gpu-layers',
      'nGpuLayers',
      `expected an integer >= 0, got ${String(config.nGpuLayers)}`,
    );
  }
  const nCpuMoe = clampNCpuMoe(config.nCpuMoe, c.layers.blocks);
  if (nCpuMoe === null) {
    return fail(
      'invalid-cpu-moe',
      'nCpuMoe',
      `expected an integer >= 0 or 'all', got ${String(config.nCpuMoe)}`,
    );
  }
  const override: CpuOverride = {
    from: config.cpuMoeFrom ?? DEFAULT_CPU_OVERRIDE.from,
    tensors: config.cpuMoeTensors ?? DEFAULT_CPU_OVERRIDE.tensors,
  };
  if (!(['first', 'last'] as const).includes(override.from)) {
    return fail('invalid-cpu-moe', 'cpuMoeFrom', `expected 'first' or 'last', got ${String(override.from)}`);
  }
  if (!(['experts', 'ffn'] as const).includes(override.tensors)) {
    return fail(
      'invalid-cpu-moe',
      'cpuMoeTensors',
      `expected 'experts' or 'ffn', got ${String(override.tensors)}`,
    );
  }
  const mode: OffloadMode = nCpuMoe > 0 && c.layers.numExperts > 0 ? 'experts' : 'layers';
  return {
    ok: true,
    plan: placeWithContext(c, config.nGpuLayers, c.layers.numExperts > 0 ? nCpuMoe : 0, mode, override),
  };
}
