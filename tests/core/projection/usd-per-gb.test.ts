import { describe, expect, it } from 'vitest';
import { usdPerGBHistory } from '../../../src/core/projection/usd-per-gb';
import type { Dataset, HardwareItem, PriceObservation } from '../../../src/data/schema';

const source = { url: 'https://example.org/p', retrievedOn: '2026-11-01' };
const obs = (observedOn: string, priceUsd: number, condition: 'new' | 'used' = 'new'): PriceObservation => ({
  observedOn,
  priceUsd,
  market: condition === 'new' ? 'retail' : 'used',
  condition,
  region: 'us',
  quantity: 1,
  source,
});
const item = (id: string, extra: Partial<HardwareItem>): HardwareItem => ({
  id,
  name: id,
  vendor: 'x',
  kind: 'gpu',
  releasedOn: '2020-01-01',
  sources: [source],
  ...extra,
});

const dataset: Dataset = {
  items: [
    item('gpu-24', { kind: 'gpu', memory: { sizeGiB: 24, type: 'dedicated' } }),
    item('gpu-48', { kind: 'gpu', memory: { sizeGiB: 48, type: 'dedicated' } }),
    item('rdimm-64', {
      kind: 'memory-module',
      memory: { sizeGiB: 64, type: 'system' },
      module: { generation: 'ddr5', formFactor: 'rdimm', speedMTs: 5600 },
    }),
    item('udimm-32', {
      kind: 'memory-module',
      memory: { sizeGiB: 32, type: 'system' },
      module: { generation: 'ddr5', formFactor: 'udimm', speedMTs: 6000 },
    }),
  ],
  prices: {
    'gpu-24': [obs('2024-01-10', 2400), obs('2024-01-20', 1200, 'used'), obs('2024-02-05', 2160)],
    'gpu-48': [obs('2024-01-15', 3600), obs('2024-01-25', 4800)],
    'rdimm-64': [obs('2025-09-30', 255), obs('2025-12-31', 450)],
    'udimm-32': [obs('2025-09-30', 100)],
  },
  series: [
    {
      id: 'dram-x',
      name: 'DRAM x',
      memoryClass: 'dram',
      points: [
        { observedOn: '2010-06-30', usdPerGB: 12, source },
        { observedOn: '2010-06-01', usdPerGB: 10, source },
      ],
    },
  ],
};

describe('usdPerGBHistory', () => {
  const h = usdPerGBHistory(dataset);
  const byId = (id: string) => h.find((s) => s.id === id);

  it('gives the cheapest and median $/GB per month per class', () => {
    // Jan 2024 new VRAM: 2400/24 = 100, 3600/48 = 75, 4800/48 = 100 -> cheapest 75, median 100.
    expect(byId('gpu-vram-new')?.points).toEqual([
      {
        month: '2024-01',
        date: '2024-01-31',
        cheapestUsdPerGB: 75,
        medianUsdPerGB: 100,
        observations: 3,
        cheapestId: 'gpu-48',
      },
      {
        month: '2024-02',
        date: '2024-02-29',
        cheapestUsdPerGB: 90,
        medianUsdPerGB: 90,
        observations: 1,
        cheapestId: 'gpu-24',
      },
    ]);
    expect(byId('gpu-vram-used')?.points.map((p) => p.cheapestUsdPerGB)).toEqual([50]);
  });

  it('sorts DDR5 RDIMMs into the server class and leaves desktop DDR5 out of it', () => {
    expect(byId('server-ddr5-rdimm')?.points.map((p) => [p.month, p.cheapestUsdPerGB])).toEqual([
      ['2025-09', 255 / 64],
      ['2025-12', 450 / 64],
    ]);
    expect(byId('ddr4')?.points).toEqual([]);
    expect(byId('unified')?.points).toEqual([]);
  });

  it('passes published series through, one point per month', () => {
    const s = byId('series:dram-x');
    expect(s?.origin).toBe('series');
    expect(s?.points).toEqual([
      {
        month: '2010-06',
        date: '2010-06-30',
        cheapestUsdPerGB: 10,
        medianUsdPerGB: 11,
        observations: 2,
        cheapestId: 'dram-x',
      },
    ]);
  });

  it('is computed once per dataset', () => {
    expect(usdPerGBHistory(dataset)).toBe(h);
  });
});
