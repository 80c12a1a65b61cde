// Shared by the projection tests: one price observation, and a unified machine of an sm_90 class (the whole pool
// less one CUDA context is usable, so the default 600 GiB holds a 512 GiB target) at 800 GB/s.
import type { HardwareItem, PriceObservation } from '../../../src/data/schema';

export const source = { url: 'https://example.org/p', retrievedOn: '2026-11-01' };

export const obs = (observedOn: string, priceUsd: number): PriceObservation => ({
  observedOn,
  priceUsd,
  market: 'retail',
  condition: 'new',
  region: 'us',
  quantity: 1,
  source,
});

export function unifiedMachine(
  id: string,
  {
    sizeGiB = 600,
    fp8 = true,
    releasedOn = '2023-01-01',
  }: { sizeGiB?: number; fp8?: boolean; releasedOn?: string } = {},
): HardwareItem {
  return {
    id,
    name: id,
    vendor: 'Acme',
    kind: 'unified',
    releasedOn,
    memory: { sizeGiB, type: 'unified' },
    bandwidthGBps: 800,
    architecture: { name: 'Hopper', target: 'sm_90', source },
    fp8: fp8 ? { native: 'yes', source } : { native: 'no', source },
    powerW: 300,
    sources: [source],
  };
}
