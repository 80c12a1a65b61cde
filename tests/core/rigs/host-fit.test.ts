// Boundary tests of the host checks: bays, card width, cooling against airflow, form factor, PSU at 80%.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST_POWER_W, PSU_MAX_SUSTAINED_LOAD } from '../../../src/core/rigs/constants';
import { fitGpusInHost, hostAllowsTensorParallel } from '../../../src/core/rigs/host-fit';
import type { HardwareItem } from '../../../src/data/schema';

const src = { url: 'https://example.org/manual', retrievedOn: '2026-01-01' };
const host = (extra: Partial<HardwareItem> = {}): HardwareItem => ({
  id: 'h',
  name: 'Host',
  vendor: 'T',
  kind: 'gpu-host',
  releasedOn: '2020-01-01',
  gpuBays: { count: 4, maxSlotWidth: 2, airflow: 'case', pcieLanes: 16, source: src },
  psuW: 1000,
  powerW: 200,
  sources: [src],
  ...extra,
});
const card = (extra: Partial<HardwareItem> = {}): HardwareItem => ({
  id: 'g',
  name: 'Card',
  vendor: 'NVIDIA',
  kind: 'gpu',
  releasedOn: '2020-01-01',
  memory: { sizeGiB: 24, type: 'dedicated' },
  bandwidthGBps: 900,
  powerW: 150,
  card: { slotWidth: 2, cooling: 'open-air', source: src },
  sources: [src],
  ...extra,
});

describe('fitGpusInHost', () => {
  it('PSU: a draw of exactly 80% of the rating fits, one watt more does not', () => {
    // 4 x 150 W + 200 W = 800 W = 80% of 1000 W.
    expect(PSU_MAX_SUSTAINED_LOAD).toBe(0.8);
    expect(fitGpusInHost(host(), card(), 4).ok).toBe(true);
    const over = fitGpusInHost(host({ powerW: 201 }), card(), 4);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.reason).toMatch(/801 W, over 800 W \(80% of its 1000 W PSU\)/);
  });

  it('bays: as many cards as bays fit, one more does not', () => {
    expect(fitGpusInHost(host(), card(), 4).ok).toBe(true);
    expect(fitGpusInHost(host({ psuW: 10_000 }), card(), 5).ok).toBe(false);
  });

  it('width: a card as wide as the bay fits, one slot wider does not', () => {
    expect(fitGpusInHost(host(), card(), 1).ok).toBe(true);
    const wide = fitGpusInHost(host(), card({ card: { slotWidth: 3, cooling: 'open-air', source: src } }), 1);
    expect(wide.ok).toBe(false);
    if (!wide.ok) expect(wide.reason).toMatch(/3 slots wide/);
  });

  it('cooling: passive cards need server airflow; open-air cards do not go in a server', () => {
    const passive = card({ card: { slotWidth: 2, cooling: 'passive', source: src } });
    const server = (h: HardwareItem) => ({
      ...h,
      gpuBays: { ...(h.gpuBays as NonNullable<HardwareItem['gpuBays']>), airflow: 'server' as const },
    });
    expect(fitGpusInHost(host(), passive, 1).ok).toBe(false);
    expect(
      fitGpusInHost(
        host({ gpuBays: { count: 4, maxSlotWidth: 2, airflow: 'open-frame', pcieLanes: 1, source: src } }),
        passive,
        1,
      ).ok,
    ).toBe(false);
    expect(fitGpusInHost(server(host()), passive, 1).ok).toBe(true);
    expect(fitGpusInHost(server(host()), card(), 1).ok).toBe(false);
    const blower = card({ card: { slotWidth: 2, cooling: 'blower', source: src } });
    expect(fitGpusInHost(server(host()), blower, 1).ok).toBe(true);
    expect(fitGpusInHost(host(), blower, 1).ok).toBe(true);
  });

  it('missing facts are not a licence: no bays, no PSU, no card block, no card power', () => {
    expect(fitGpusInHost(host({ gpuBays: undefined }), card(), 1).ok).toBe(false);
    expect(fitGpusInHost(host({ psuW: undefined }), card(), 1).ok).toBe(false);
    expect(fitGpusInHost(host(), card({ card: undefined }), 1).ok).toBe(false);
    expect(fitGpusInHost(host(), card({ powerW: undefined }), 1).ok).toBe(false);
  });

  it('a host whose own draw is unknown is checked with the labelled default, and says so', () => {
    // 4 x 150 + 250 = 850 W > 800 W; 3 x 150 + 250 = 700 W fits.
    expect(DEFAULT_HOST_POWER_W).toBe(250);
    expect(fitGpusInHost(host({ powerW: undefined }), card(), 4).ok).toBe(false);
    const three = fitGpusInHost(host({ powerW: undefined }), card(), 3);
    expect(three.ok).toBe(true);
    if (three.ok) expect(three.notes.join(' ')).toMatch(/assumes 250 W/);
  });

  it('SXM modules go only in a host with their baseboard, PCIe cards only in PCIe hosts', () => {
    const sxm = card({ formFactor: 'sxm2', card: undefined });
    expect(fitGpusInHost(host({ formFactor: 'sxm2' }), sxm, 4).ok).toBe(true);
    expect(fitGpusInHost(host(), sxm, 1).ok).toBe(false);
    expect(fitGpusInHost(host({ formFactor: 'sxm2' }), card(), 1).ok).toBe(false);
  });

  it('x1 risers carry a layer split but not tensor parallel; x4 carries both', () => {
    const mining = host({
      gpuBays: { count: 4, maxSlotWidth: 3, airflow: 'open-frame', pcieLanes: 1, source: src },
    });
    expect(hostAllowsTensorParallel(mining)).toBe(false);
    const tp = fitGpusInHost(mining, card(), 2, true);
    expect(tp.ok && tp.notes.join(' ')).toMatch(/pipeline parallel/);
    const x4 = host({
      gpuBays: { count: 4, maxSlotWidth: 3, airflow: 'open-frame', pcieLanes: 4, source: src },
    });
    expect(hostAllowsTensorParallel(x4)).toBe(true);
    const x3 = host({
      gpuBays: { count: 4, maxSlotWidth: 3, airflow: 'open-frame', pcieLanes: 3, source: src },
    });
    expect(hostAllowsTensorParallel(x3)).toBe(false);
  });
});
