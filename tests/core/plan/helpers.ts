// Shared inputs for the plan tests: every preset as a SweepModel, the real dataset, and owned hardware built
// from dataset items the way the app builds it.
import {
  countParameters,
  modelFromHfConfig,
  type OwnedHardware,
  type SweepModel,
} from '../../../src/core/index';
import { loadDatasetFromDisk } from '../../../src/data/load-node';
import type { HardwareItem } from '../../../src/data/schema';
import { loadPresets } from '../memory/helpers';

export const GiB = 2 ** 30;
export const { dataset } = loadDatasetFromDisk();

let cached: SweepModel[] | null = null;
export function allModels(): SweepModel[] {
  if (!cached) {
    cached = loadPresets().map((p) => {
      const spec = modelFromHfConfig(p.config, p.name);
      return { id: p.id, name: p.name, spec, parameters: countParameters(spec) };
    });
  }
  return cached;
}

export function model(id: string): SweepModel {
  const m = allModels().find((x) => x.id === id);
  if (!m) throw new Error(`no preset ${id}`);
  return m;
}

export function item(id: string): HardwareItem {
  const found = dataset.items.find((x) => x.id === id);
  if (!found) throw new Error(`no dataset item ${id}`);
  return found;
}

/** n x a dataset GPU with installed RAM (GiB) at a bandwidth (GB/s); dual-channel DDR4-3200 by default. */
export function gpus(id: string, count: number, ramGiB = 64, ramGBps = 51.2): OwnedHardware {
  const gpu = item(id);
  return {
    kind: 'gpus',
    gpu: {
      name: gpu.name,
      memoryBytes: (gpu.memory?.sizeGiB ?? 0) * GiB,
      bandwidthGBps: gpu.bandwidthGBps ?? 0,
      ...(gpu.fp16DenseTflops !== undefined ? { fp16Tflops: gpu.fp16DenseTflops } : {}),
      item: gpu,
    },
    count,
    ram: { installedBytes: ramGiB * GiB, bandwidthGBps: ramGBps },
  };
}

export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}
