import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFromDisk } from '../../src/data/load-node';
import { computeDatasetStats } from '../../src/data/stats';

describe('computeDatasetStats', () => {
  it('summarises the good fixture', () => {
    const stats = computeDatasetStats(
      loadDatasetFromDisk(join(import.meta.dirname, 'fixtures', 'good')).dataset,
    );
    expect(stats).toMatchObject({
      items: 2,
      itemsPerKind: { gpu: 1, unified: 1 },
      observations: 2,
      observationsPerMarket: { msrp: 1, used: 1 },
      observationsPerCondition: { new: 1, used: 1 },
      observationsPerYear: { '2020': 1, '2023': 1 },
      firstObservedOn: '2020-09-01',
      lastObservedOn: '2023-01-15',
      itemsWithPrices: 1,
      itemsWithNoPrice: ['apple-mac-studio-m2-ultra-192gb'],
      series: [{ id: 'dram-test', points: 2, firstObservedOn: '2019-06-15', lastObservedOn: '2020-06-15' }],
    });
    // nvidia.github.io, nvidia.com (2 pages), apple.com, example.org (3 pages)
    expect(stats.distinctSourceUrls).toBe(7);
    expect(stats.sourcesPerHost).toEqual({
      'example.org': 3,
      'nvidia.com': 2,
      'apple.com': 1,
      'nvidia.github.io': 1,
    });
  });
  it('handles an empty dataset', () => {
    const stats = computeDatasetStats({ items: [], prices: {}, series: [] });
    expect(stats.firstObservedOn).toBeNull();
    expect(stats.observations).toBe(0);
  });
});
