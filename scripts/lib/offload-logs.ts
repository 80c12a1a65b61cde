// Published llama.cpp load logs (tests/golden/offload-logs.json): each case's settings turned into a placement,
// and the placement's buffers under the names the JSON's `logged` uses. Shared by the golden test and
// scripts/accuracy-report.ts, so both read a case the same way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type FileLayout,
  type ModelSpec,
  modelFromHfConfig,
  type OffloadOrder,
  type OffloadPlan,
  type OffloadResult,
  placeOffload,
} from '../../src/core/index';

export interface OffloadLogCase {
  id: string;
  model: string;
  weightFormat: string;
  kvCacheFormat: string;
  contextTokens: number;
  batch: number;
  nUbatch: number;
  nGpuLayers: number;
  /** An expert override: nCpuMoe blocks from the first or last, their routed experts or all their ffn tensors. */
  nCpuMoe?: number;
  cpuMoeFrom?: 'first' | 'last';
  cpuMoeTensors?: 'experts' | 'ffn';
  order: OffloadOrder;
  /** How the file stores its tensors (a 2023 convert.py file stores the output layer last). */
  fileLayout?: FileLayout;
  /** config.json values that differ from the preset (a log of an earlier release of the same model). */
  configOverrides?: Record<string, unknown>;
  /** The compute-buffer band for this case when it is wider than the test's default (a documented miss). */
  computeTolerance?: number;
  url: string;
  logged: {
    offloaded?: string;
    gpuModelMiB?: number;
    cpuMappedMiB?: number;
    /** --no-mmap: the CPU-held weights (CUDA_Host + CPU model buffers). */
    cpuModelMiB?: number;
    cpuKvMiB?: number;
    gpuKvMiB?: number;
    gpuComputeMiB?: number;
    hostComputeMiB?: number;
    outputMiB?: number;
  };
}

export const MiB = 2 ** 20;

export function readOffloadLogs(root: string): OffloadLogCase[] {
  return JSON.parse(readFileSync(join(root, 'tests/golden/offload-logs.json'), 'utf8')) as OffloadLogCase[];
}

const specs = new Map<string, ModelSpec>();
/** The case's model: the preset's config.json, with the case's overrides. */
export function logCaseModel(root: string, c: OffloadLogCase): ModelSpec {
  const key = `${c.model} ${JSON.stringify(c.configOverrides ?? {})}`;
  let m = specs.get(key);
  if (!m) {
    const preset = JSON.parse(readFileSync(join(root, 'data/models', `${c.model}.json`), 'utf8')) as {
      config: Record<string, unknown>;
    };
    m = modelFromHfConfig({ ...preset.config, ...c.configOverrides }, c.model);
    specs.set(key, m);
  }
  return m;
}

/** The placement llama.cpp would make with the case's flags, on one GPU and RAM too large to matter. */
export function placeLogCase(
  root: string,
  c: OffloadLogCase,
  changes: Partial<OffloadLogCase> = {},
): OffloadResult {
  const x = { ...c, ...changes };
  return placeOffload(
    logCaseModel(root, x),
    {
      weightFormat: x.weightFormat,
      kvCacheFormat: x.kvCacheFormat,
      contextTokens: x.contextTokens,
      batch: x.batch,
      nUbatch: x.nUbatch,
      order: x.order,
      ...(x.fileLayout ? { fileLayout: x.fileLayout } : {}),
    },
    { gpus: [{ memoryBytes: 2 ** 40 }], systemRamBytes: 2 ** 40 },
    {
      nGpuLayers: x.nGpuLayers,
      ...(x.nCpuMoe !== undefined ? { nCpuMoe: x.nCpuMoe } : {}),
      ...(x.cpuMoeFrom ? { cpuMoeFrom: x.cpuMoeFrom } : {}),
      ...(x.cpuMoeTensors ? { cpuMoeTensors: x.cpuMoeTensors } : {}),
    },
  );
}

/** The plan's buffers in MiB, under the JSON's `logged` names. */
export function planBuffersMiB(p: OffloadPlan): Required<Omit<OffloadLogCase['logged'], 'offloaded'>> {
  const gpu = p.gpus[0];
  return {
    gpuModelMiB: (gpu?.weightBytes ?? 0) / MiB,
    cpuMappedMiB: p.cpu.mappedWeightBytes / MiB,
    cpuModelMiB: p.cpu.weightBytes / MiB,
    cpuKvMiB: p.cpu.kvBytes / MiB,
    gpuKvMiB: (gpu?.kvBytes ?? 0) / MiB,
    gpuComputeMiB: (gpu?.computeBytes ?? 0) / MiB,
    hostComputeMiB: p.cpu.computeBytes / MiB,
    outputMiB: p.cpu.runtimeBytes / MiB,
  };
}
