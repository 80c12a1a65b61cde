// How much of a device's memory a model may use once the runtime has taken its share.
import type { HardwareItem } from '../../data/schema';
import {
  BYTES_PER_GIB,
  CUDA_CONTEXT_RESERVE_BYTES,
  MACOS_GPU_WIRED_SHARE_LARGE,
  MACOS_GPU_WIRED_SHARE_SMALL,
  MACOS_GPU_WIRED_SMALL_MAX_BYTES,
} from './constants';

function isNvidia(item: HardwareItem): boolean {
  return item.vendor.toLowerCase().includes('nvidia');
}

function isApple(item: HardwareItem): boolean {
  return item.vendor.toLowerCase().includes('apple');
}

/** Usable bytes of one GPU card: its memory less the CUDA context on NVIDIA cards. vLLM's
 *  gpu_memory_utilization is not applied here: the memory estimate already divides its total by it. */
export function usableGpuBytes(item: HardwareItem): number {
  const size = (item.memory?.sizeGiB ?? 0) * BYTES_PER_GIB;
  return Math.max(0, size - (isNvidia(item) ? CUDA_CONTEXT_RESERVE_BYTES : 0));
}

/** Usable bytes of a unified-memory machine for the accelerator: the documented GPU-allocatable share
 *  when the dataset has one (Strix Halo), macOS's default wired limit on a Mac, else the whole pool less
 *  the CUDA context on NVIDIA machines (GB10). */
export function usableUnifiedBytes(item: HardwareItem): number {
  const memory = item.memory;
  if (memory === undefined) return 0;
  const size = memory.sizeGiB * BYTES_PER_GIB;
  if (memory.acceleratorUsableGiB !== undefined) {
    return Math.min(size, memory.acceleratorUsableGiB * BYTES_PER_GIB);
  }
  if (isApple(item)) {
    const share =
      size <= MACOS_GPU_WIRED_SMALL_MAX_BYTES ? MACOS_GPU_WIRED_SHARE_SMALL : MACOS_GPU_WIRED_SHARE_LARGE;
    return size * share;
  }
  return Math.max(0, size - (isNvidia(item) ? CUDA_CONTEXT_RESERVE_BYTES : 0));
}

/** Describes the reserve usableUnifiedBytes applied, for a quote's notes. */
export function unifiedReserveNote(item: HardwareItem): string | undefined {
  const memory = item.memory;
  if (memory === undefined) return undefined;
  if (memory.acceleratorUsableGiB !== undefined) {
    return `GPU may use ${memory.acceleratorUsableGiB} of ${memory.sizeGiB} GiB (documented allocatable limit).`;
  }
  if (isApple(item)) {
    return `macOS default GPU wired limit: ${(usableUnifiedBytes(item) / BYTES_PER_GIB).toFixed(0)} of ${memory.sizeGiB} GiB usable (raise with sysctl iogpu.wired_limit_mb).`;
  }
  return undefined;
}
