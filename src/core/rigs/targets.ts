// What an engine is built for, read from a hardware item's `architecture.target` (src/data/schema.ts,
// TARGET_PATTERN): a CUDA compute capability, an AMD gfx target, an Apple GPU generation, an Intel GPU
// architecture, or a CPU's x86-64 level. Pure parsing; the support rules are in engine-support.ts.
import type { HardwareItem } from '../../data/schema';

export type DeviceTarget =
  /** NVIDIA: compute capability as a number, sm_61 -> 6.1, sm_121 -> 12.1. */
  | { api: 'cuda'; computeCapability: number; target: string }
  /** AMD: the LLVM gfx target, e.g. gfx906, gfx90a, gfx942, gfx1100, gfx1151. */
  | { api: 'rocm'; gfx: string; target: string }
  /** Apple silicon GPU generation (apple-m3 -> 3). */
  | { api: 'metal'; generation: number; target: string }
  /** Intel GPUs (Arc A = xe-hpg, Arc B = xe2, Data Center Max = xe-hpc) and Gaudi accelerators. */
  | { api: 'intel'; arch: string; target: string }
  /** A CPU: its x86-64 level (v3 = AVX2, v4 = AVX-512, v4-amx) or arm64. */
  | { api: 'cpu'; level: string; target: string }
  /** The dataset does not say: no engine is assumed to run on it. */
  | { api: 'unknown'; target: string };

export function parseTarget(target: string | undefined): DeviceTarget {
  if (target === undefined) return { api: 'unknown', target: '' };
  const sm = /^sm_(\d+)(\d)$/.exec(target);
  if (sm) return { api: 'cuda', computeCapability: Number(sm[1]) + Number(sm[2]) / 10, target };
  if (/^gfx[0-9a-f]{3,4}$/.test(target)) return { api: 'rocm', gfx: target, target };
  const apple = /^apple-m(\d)$/.exec(target);
  if (apple) return { api: 'metal', generation: Number(apple[1]), target };
  const intel = /^intel-(.+)$/.exec(target);
  if (intel) return { api: 'intel', arch: intel[1] as string, target };
  const cpu = /^(x86-64-v[34](?:-amx)?|arm64)$/.exec(target);
  if (cpu) return { api: 'cpu', level: cpu[1] as string, target };
  return { api: 'unknown', target };
}

/** An item's target. A CPU platform the dataset gives no architecture is still a CPU: llama.cpp's CPU
 *  backend runs on any x86-64 or arm64 processor. */
export function targetOf(item: HardwareItem): DeviceTarget {
  const known = targetCache.get(item);
  if (known) return known;
  const t: DeviceTarget =
    item.architecture === undefined && item.kind === 'cpu-platform'
      ? { api: 'cpu', level: 'unknown level', target: '' }
      : parseTarget(item.architecture?.target);
  targetCache.set(item, t);
  return t;
}

// Items are immutable (the dataset is parsed once), so each is parsed once per search session.
const targetCache = new WeakMap<HardwareItem, DeviceTarget>();

/** Readable name of a target for messages: "compute capability 6.1", "gfx906", "Apple M3". */
export function describeTarget(t: DeviceTarget): string {
  switch (t.api) {
    case 'cuda':
      return `compute capability ${t.computeCapability.toFixed(1)}`;
    case 'rocm':
      return t.gfx;
    case 'metal':
      return `Apple M${t.generation}`;
    case 'intel':
      return `Intel ${t.arch}`;
    case 'cpu':
      return t.level === 'arm64' ? 'an arm64 CPU' : `an ${t.level} CPU`;
    case 'unknown':
      return 'an architecture the dataset does not record';
  }
}
