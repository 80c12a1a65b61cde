// Whether N cards go into a host as a person would build it: enough bays, a card no wider than a bay with
// every bay filled, a cooler the host's airflow suits, the baseboard the module needs, and a power supply
// that carries the cards and the host at no more than 80% load. A host without a PSU rating or bay facts,
// or a card without its power, width or cooler, is not offered: missing facts are not a licence.
import type { CardCooling, HardwareItem, HostAirflow } from '../../data/schema';
import { DEFAULT_HOST_POWER_W, PSU_MAX_SUSTAINED_LOAD, TP_MIN_PCIE_LANES } from './constants';
import { gpuFormFactor, hostFormFactor } from './form-factor';

export type HostFit = { ok: true; notes: string[] } | { ok: false; reason: string };

/** Which card coolers each host airflow suits. Passive server cards have no fan: they need the forced
 *  front-to-back airflow of a server chassis (https://www.ariezlabs.com/blog/p40: a P40 at home needs a
 *  server-class fan and a duct). Open-air coolers blow into the space around the card, which a dense server
 *  chassis does not leave and which fights its airflow; blower cards exhaust out of the back and stack
 *  anywhere. Liquid-cooled cards need a radiator mount, which server chassis do not have. */
export const COOLING_FITS: Record<HostAirflow, readonly CardCooling[]> = {
  server: ['passive', 'blower'],
  case: ['blower', 'open-air', 'liquid'],
  'open-frame': ['blower', 'open-air', 'liquid'],
};

/** Sustained draw of n cards plus the host, W (the host's own draw defaulted where unknown), or undefined
 *  when the card's power is missing. */
export function hostDrawW(host: HardwareItem, gpu: HardwareItem, n: number): number | undefined {
  if (gpu.powerW === undefined) return undefined;
  return n * gpu.powerW + (host.powerW ?? DEFAULT_HOST_POWER_W);
}

/** The same checks as fitGpusInHost without building messages: the search runs it for every host x card
 *  x count, and keeps the wording for the host it picks. */
export function hostTakes(host: HardwareItem, gpu: HardwareItem, n: number): boolean {
  const bays = host.gpuBays;
  if (bays === undefined || host.psuW === undefined || bays.count < n) return false;
  const formFactor = gpu.formFactor ?? 'pcie';
  if ((host.formFactor ?? 'pcie') !== formFactor) return false;
  if (formFactor === 'pcie') {
    const card = gpu.card;
    if (card === undefined || card.slotWidth > bays.maxSlotWidth) return false;
    if (!COOLING_FITS[bays.airflow].includes(card.cooling)) return false;
  }
  const draw = hostDrawW(host, gpu, n);
  return draw !== undefined && draw <= host.psuW * PSU_MAX_SUSTAINED_LOAD;
}

/** Checks n × gpu in host. `tensorParallel` asks for the PCIe lanes tensor parallelism needs. */
export function fitGpusInHost(
  host: HardwareItem,
  gpu: HardwareItem,
  n: number,
  tensorParallel = false,
): HostFit {
  const bays = host.gpuBays;
  if (bays === undefined) return { ok: false, reason: `${host.name}: its GPU bays are not in the dataset` };
  if (host.psuW === undefined)
    return { ok: false, reason: `${host.name}: its PSU rating is not in the dataset` };
  if (bays.count < n) return { ok: false, reason: `${host.name} takes ${bays.count} GPUs, not ${n}` };
  const formFactor = gpuFormFactor(gpu);
  if (hostFormFactor(host) !== formFactor) {
    return { ok: false, reason: `${gpu.name} (${formFactor}) needs a ${formFactor} host` };
  }
  if (formFactor === 'pcie') {
    const card = gpu.card;
    if (card === undefined)
      return { ok: false, reason: `${gpu.name}: its width and cooler are not in the dataset` };
    if (card.slotWidth > bays.maxSlotWidth) {
      return {
        ok: false,
        reason: `${gpu.name} is ${card.slotWidth} slots wide; ${host.name} fits ${bays.maxSlotWidth}-slot cards with ${bays.count} installed`,
      };
    }
    if (!COOLING_FITS[bays.airflow].includes(card.cooling)) {
      return {
        ok: false,
        reason: `${gpu.name} is ${card.cooling === 'open-air' ? 'an' : 'a'} ${card.cooling} card; ${host.name} has ${bays.airflow === 'server' ? 'server' : bays.airflow === 'case' ? 'desktop-case' : 'open-frame'} airflow`,
      };
    }
  }
  const draw = hostDrawW(host, gpu, n);
  if (draw === undefined) {
    return {
      ok: false,
      reason: `${gpu.powerW === undefined ? gpu.name : host.name}: power draw not in the dataset`,
    };
  }
  const limit = host.psuW * PSU_MAX_SUSTAINED_LOAD;
  if (draw > limit) {
    return {
      ok: false,
      reason: `${n} × ${gpu.name} and ${host.name} draw ${draw} W, over ${Math.round(limit)} W (80% of its ${host.psuW} W PSU)`,
    };
  }
  const notes: string[] = [];
  if (host.powerW === undefined) {
    notes.push(
      `${host.name}: its own draw is not in the dataset; the PSU check assumes ${DEFAULT_HOST_POWER_W} W.`,
    );
  }
  if (tensorParallel && n > 1 && bays.pcieLanes < TP_MIN_PCIE_LANES) {
    notes.push(
      `${host.name} gives each GPU PCIe x${bays.pcieLanes}: too narrow for tensor parallel, so vLLM runs pipeline parallel (one GPU's speed per sequence).`,
    );
  }
  return { ok: true, notes };
}

/** Whether tensor parallelism is worth running on this host (enough PCIe lanes per GPU). */
export function hostAllowsTensorParallel(host: HardwareItem): boolean {
  return (host.gpuBays?.pcieLanes ?? 0) >= TP_MIN_PCIE_LANES || hostFormFactor(host) !== 'pcie';
}
