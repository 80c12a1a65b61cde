// How much of a device's memory a model may use once the runtime and the OS have taken their share: one
// documented rule per platform class, applied to every item of that class (the class comes from the item's
// architecture target, not from per-item numbers). Constants and their sources are in constants.ts.
import type { HardwareItem } from '../../data/schema';
import {
  BYTES_PER_GIB,
  CUDA_CONTEXT_RESERVE_BYTES,
  GB10_CUDA_FREE_BYTES_PER_128_GIB,
  MACOS_GPU_WIRED_SHARE_LARGE,
  MACOS_GPU_WIRED_SHARE_SMALL,
  MACOS_GPU_WIRED_SMALL_MAX_BYTES,
  OS_RESERVE_BYTES,
  STRIX_HALO_BIOS_SHARE,
} from './constants';
import { targetOf } from './targets';
import type { UnifiedMemoryLimit } from './types';

/** The platform classes with a rule of their own. */
export type UnifiedPlatformClass = 'apple' | 'strix-halo' | 'gb10' | 'nvidia-grace' | 'other';

export function unifiedPlatformClass(item: HardwareItem): UnifiedPlatformClass {
  const t = targetOf(item);
  if (t.api === 'metal') return 'apple';
  if (t.api === 'rocm' && (t.gfx === 'gfx1151' || t.gfx === 'gfx1150')) return 'strix-halo';
  if (t.api === 'cuda' && t.computeCapability >= 12.1 && t.computeCapability < 12.2) return 'gb10';
  if (t.api === 'cuda') return 'nvidia-grace';
  return 'other';
}

function isNvidia(item: HardwareItem): boolean {
  return targetOf(item).api === 'cuda';
}

/** Usable bytes of one GPU card: its memory less the CUDA context on NVIDIA cards. vLLM's
 *  gpu_memory_utilization is not applied here: the memory estimate already divides its total by it. */
export function usableGpuBytes(item: HardwareItem): number {
  const size = (item.memory?.sizeGiB ?? 0) * BYTES_PER_GIB;
  return Math.max(0, size - (isNvidia(item) ? CUDA_CONTEXT_RESERVE_BYTES : 0));
}

export interface UsableUnified {
  bytes: number;
  /** The rule applied, for the quote's notes. */
  rule: string;
}

/** Usable bytes of a unified-memory machine for the model, by platform class:
 *  - Apple: macOS's GPU wired limit, as shipped (2/3 of RAM up to 36 GiB, 3/4 above) or raised with
 *    `sysctl iogpu.wired_limit_mb` to all but an OS reserve;
 *  - Strix Halo: the BIOS split (factory) or the Linux GTT limit raised to all but an OS reserve;
 *  - GB10: what CUDA was measured to have free at boot (the OS shares the pool);
 *  - other NVIDIA unified machines (Grace superchips): the GPU's own memory when the item states it, else the
 *    pool, less a CUDA context; others: the pool less an OS reserve. */
export function usableUnified(item: HardwareItem, limit: UnifiedMemoryLimit): UsableUnified {
  const sizeGiB = item.memory?.sizeGiB ?? 0;
  const size = sizeGiB * BYTES_PER_GIB;
  const reserveGiB = OS_RESERVE_BYTES / BYTES_PER_GIB;
  const gib = (b: number) => (b / BYTES_PER_GIB).toFixed(0);
  switch (unifiedPlatformClass(item)) {
    case 'apple': {
      if (limit === 'raised') {
        const bytes = Math.max(0, size - OS_RESERVE_BYTES);
        return {
          bytes,
          rule: `GPU wired limit raised to ${gib(bytes)} of ${sizeGiB} GiB (sudo sysctl iogpu.wired_limit_mb=${Math.round(bytes / 2 ** 20)}; macOS keeps ${reserveGiB} GiB).`,
        };
      }
      const share =
        size <= MACOS_GPU_WIRED_SMALL_MAX_BYTES ? MACOS_GPU_WIRED_SHARE_SMALL : MACOS_GPU_WIRED_SHARE_LARGE;
      return {
        bytes: size * share,
        rule: `macOS factory GPU wired limit: ${gib(size * share)} of ${sizeGiB} GiB (raise it with sudo sysctl iogpu.wired_limit_mb).`,
      };
    }
    case 'strix-halo': {
      if (limit === 'raised') {
        const bytes = Math.max(0, size - OS_RESERVE_BYTES);
        return {
          bytes,
          rule: `Linux GTT limit raised to ${gib(bytes)} of ${sizeGiB} GiB (amdgpu/ttm page limit; the OS keeps ${reserveGiB} GiB).`,
        };
      }
      return {
        bytes: size * STRIX_HALO_BIOS_SHARE,
        rule: `BIOS graphics-memory split: ${gib(size * STRIX_HALO_BIOS_SHARE)} of ${sizeGiB} GiB for the GPU.`,
      };
    }
    case 'gb10': {
      const bytes = (sizeGiB / 128) * GB10_CUDA_FREE_BYTES_PER_128_GIB;
      return {
        bytes,
        rule: `GB10: CUDA has about ${(bytes / BYTES_PER_GIB).toFixed(1)} of ${sizeGiB} GiB free at boot (the OS shares the pool).`,
      };
    }
    case 'nvidia-grace': {
      // A Grace superchip's coherent pool is two memories: the GPU's HBM and the CPU's LPDDR5X behind
      // NVLink-C2C. vLLM and llama.cpp's CUDA backend allocate in the GPU's own memory (the LPDDR5X is
      // reached only through explicit CPU offload or unified-memory paging, at LPDDR speed), so when the
      // item states the accelerator's share (memory.acceleratorUsableGiB, cited), only that share counts.
      const hbmGiB = item.memory?.acceleratorUsableGiB;
      if (hbmGiB !== undefined && hbmGiB < sizeGiB) {
        return {
          bytes: Math.max(0, hbmGiB * BYTES_PER_GIB - CUDA_CONTEXT_RESERVE_BYTES),
          rule: `${hbmGiB} GiB of GPU memory less one CUDA context; the other ${sizeGiB - hbmGiB} GiB of the coherent pool is CPU memory, reached at a fraction of the speed, and is not counted.`,
        };
      }
      return {
        bytes: Math.max(0, size - CUDA_CONTEXT_RESERVE_BYTES),
        rule: `${sizeGiB} GiB less one CUDA context.`,
      };
    }
    case 'other':
      return {
        bytes: Math.max(0, size - OS_RESERVE_BYTES),
        rule: `${sizeGiB} GiB less ${reserveGiB} GiB for the OS.`,
      };
  }
}
