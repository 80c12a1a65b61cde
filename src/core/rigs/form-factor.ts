// Which GPUs fit which host. The dataset schema has no form-factor field yet, so this reads it from the
// item's id and name: SXM and OAM modules need a baseboard for exactly that module, and a host takes
// PCIe cards unless its id or name says otherwise. A stopgap until the schema carries the field; the
// patterns are listed here so a new module type is one line.
import type { HardwareItem } from '../../data/schema';

export const GPU_FORM_FACTORS = ['pcie', 'sxm2', 'sxm4', 'sxm5', 'sxm6', 'oam'] as const;
export type GpuFormFactor = (typeof GPU_FORM_FACTORS)[number];

/** First match wins. SXM6 = HGX B100/B200 boards; OAM = AMD Instinct MI250X/MI300X/MI325X/MI355X and
 *  Gaudi 3 OAM, per their spec pages. */
const MODULE_PATTERNS: readonly [RegExp, GpuFormFactor][] = [
  [/sxm2/i, 'sxm2'],
  [/sxm4/i, 'sxm4'],
  [/sxm5|h200-sxm|hgx-h|hgx h/i, 'sxm5'],
  [/\bb[12]00\b|hgx-b|hgx b/i, 'sxm6'],
  [/oam|mi250x|mi300x|mi325x|mi355x/i, 'oam'],
];

function text(item: HardwareItem): string {
  return `${item.id} ${item.name}`;
}

/** The form factor of a GPU item (PCIe unless its id or name names a module). */
export function gpuFormFactor(item: HardwareItem): GpuFormFactor {
  const t = text(item);
  for (const [pattern, ff] of MODULE_PATTERNS) if (pattern.test(t)) return ff;
  return 'pcie';
}

/** The GPU form factor a gpu-host takes: the module its id or name names, else PCIe cards. */
export function hostFormFactor(item: HardwareItem): GpuFormFactor {
  return gpuFormFactor(item);
}
