// Shared inputs for the offload tests: model presets and a hardware description.
import { type ModelSpec, modelFromHfConfig, type OffloadHardware } from '../../../src/core/index';
import { loadPreset } from '../memory/helpers';

const models = new Map<string, ModelSpec>();
export function model(id: string): ModelSpec {
  let m = models.get(id);
  if (!m) {
    m = modelFromHfConfig(loadPreset(id).config, id);
    models.set(id, m);
  }
  return m;
}

export const GiB = 2 ** 30;
export const MiB = 2 ** 20;

/** One 24 GiB GPU (RTX 3090 figures: 936 GB/s, 71 fp16 TFLOPS, PCIe 4.0 x16) and 64 GiB of dual-channel
 *  DDR4-3200 (51.2 GB/s). */
export function rtx3090(overrides: Partial<OffloadHardware> = {}): OffloadHardware {
  return {
    gpus: [{ name: 'RTX 3090', memoryBytes: 24 * GiB, bandwidthGBps: 936, fp16Tflops: 71, pcieGBps: 31.5 }],
    systemRamBytes: 64 * GiB,
    cpuBandwidthGBps: 51.2,
    ...overrides,
  };
}

/** The value, or a thrown error naming what was missing (tests use it instead of `!`). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`);
  return value;
}
