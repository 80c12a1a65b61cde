import { describe, expect, it } from 'vitest';
import { dataset, datasetProblems } from '../../src/data/dataset';
import { loadDatasetFromDisk } from '../../src/data/load-node';

describe('src/data/dataset.ts (the build-time import)', () => {
  it('sees exactly what the disk loader sees', () => {
    const fromDisk = loadDatasetFromDisk();
    expect(dataset).toEqual(fromDisk.dataset);
    expect(datasetProblems).toEqual(fromDisk.problems);
  });
});
