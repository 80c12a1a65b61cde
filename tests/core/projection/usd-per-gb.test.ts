import { describe, expect, it } from 'vitest';
import {
  MEMORY_CLASS_LABELS,
  MEMORY_CLASSES,
  memoryClassOf,
  usdPerGBHistory,
} from '../../../src/core/projection/usd-per-gb';
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
  // A fresh copy of the dataset in each call: the history is cached per dataset object, and a test that read the
  // cache would not count as running the code (per-test coverage, mutation testing).
  const byId = (id: string) => usdPerGBHistory({ ...dataset }).find((s) => s.id === id);

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
    const h = usdPerGBHistory(dataset);
    expect(usdPerGBHistory(dataset)).toBe(h);
    expect(usdPerGBHistory({ ...dataset })).not.toBe(h);
  });
});

describe('memoryClassOf: which $/GB class an observation counts in', () => {
  const module = (generation: 'ddr4' | 'ddr5', formFactor: 'udimm' | 'rdimm' | 'lrdimm' | 'sodimm') =>
    item(`${generation}-${formFactor}`, {
      kind: 'memory-module',
      memory: { sizeGiB: 32, type: 'system' },
      module: { generation, formFactor, speedMTs: 4800 },
    });
  it.each([
    ['a GPU bought new', item('g', { memory: { sizeGiB: 24, type: 'dedicated' } }), 'new', 'gpu-vram-new'],
    ['a GPU bought used', item('g', { memory: { sizeGiB: 24, type: 'dedicated' } }), 'used', 'gpu-vram-used'],
    [
      'a unified machine',
      item('m', { kind: 'unified', memory: { sizeGiB: 128, type: 'unified' } }),
      'new',
      'unified',
    ],
    [
      'a used unified machine',
      item('m', { kind: 'unified', memory: { sizeGiB: 128, type: 'unified' } }),
      'used',
      'unified',
    ],
    ['a DDR5 RDIMM', module('ddr5', 'rdimm'), 'new', 'server-ddr5-rdimm'],
    ['a DDR5 LRDIMM', module('ddr5', 'lrdimm'), 'new', 'server-ddr5-rdimm'],
    ['a DDR5 UDIMM', module('ddr5', 'udimm'), 'new', null],
    ['a DDR4 UDIMM', module('ddr4', 'udimm'), 'new', 'ddr4'],
    ['a DDR4 RDIMM', module('ddr4', 'rdimm'), 'used', 'ddr4'],
    ['a GPU without a memory size', item('g', {}), 'new', null],
    [
      'a CPU platform',
      item('c', { kind: 'cpu-platform', memory: { sizeGiB: 0.5, type: 'system' } }),
      'new',
      null,
    ],
    [
      'a module without its module facts',
      item('x', { kind: 'memory-module', memory: { sizeGiB: 32, type: 'system' } }),
      'new',
      null,
    ],
  ] as const)('%s -> %s', (_what, it_, condition, expected) => {
    expect(memoryClassOf(it_, obs('2024-01-01', 100, condition))).toBe(expected);
  });

  it('every class has its own readable label', () => {
    const labels = MEMORY_CLASSES.map((c) => MEMORY_CLASS_LABELS[c]);
    expect(new Set(labels).size).toBe(MEMORY_CLASSES.length);
    expect(MEMORY_CLASS_LABELS['gpu-vram-new']).toMatch(/GPU.*new/);
    expect(MEMORY_CLASS_LABELS['gpu-vram-used']).toMatch(/GPU.*used/);
    expect(MEMORY_CLASS_LABELS.unified).toMatch(/^Unified/);
    expect(MEMORY_CLASS_LABELS['server-ddr5-rdimm']).toMatch(/DDR5 RDIMM/);
    expect(MEMORY_CLASS_LABELS.ddr4).toMatch(/^DDR4/);
    for (const s of usdPerGBHistory(dataset).filter((x) => x.origin === 'items'))
      expect(s.label).toBe(MEMORY_CLASS_LABELS[s.id as (typeof MEMORY_CLASSES)[number]]);
  });

  it('months come out in order whatever the order of the observations, each counted once', () => {
    const shuffled: Dataset = {
      items: [item('g', { memory: { sizeGiB: 10, type: 'dedicated' } }), item('nomem', {})],
      prices: {
        g: [obs('2024-03-01', 30), obs('2024-01-01', 10), obs('2024-02-01', 20), obs('2024-01-31', 40)],
        nomem: [obs('2024-01-01', 1)],
      },
      series: [],
    };
    const points = usdPerGBHistory(shuffled).find((s) => s.id === 'gpu-vram-new')?.points ?? [];
    expect(points.map((p) => [p.month, p.cheapestUsdPerGB, p.observations])).toEqual([
      ['2024-01', 1, 2],
      ['2024-02', 2, 1],
      ['2024-03', 3, 1],
    ]);
    expect(points[0]?.medianUsdPerGB).toBe(2.5);
    expect(usdPerGBHistory(shuffled).flatMap((s) => s.points.map((p) => p.cheapestId))).not.toContain(
      'nomem',
    );
  });
});
