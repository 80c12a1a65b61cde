// Which GPUs fit which host: SXM and OAM modules need a baseboard made for exactly that module; PCIe cards
// go in any host that takes PCIe cards. The dataset records it (HardwareItem.formFactor, absent = PCIe).
import type { GpuFormFactor, HardwareItem } from '../../data/schema';

export type { GpuFormFactor } from '../../data/schema';

/** How a GPU item attaches. */
export function gpuFormFactor(item: HardwareItem): GpuFormFactor {
  return item.formFactor ?? 'pcie';
}

/** The GPU form factor a gpu-host takes. */
export function hostFormFactor(item: HardwareItem): GpuFormFactor {
  return item.formFactor ?? 'pcie';
}
