// classOutlook computed a few months at a time (classOutlookSteps, for the app to run between frames) gives
// the same outlook as one whole-range search, and reprojectOutlook gives what a fresh outlook with other
// options would.
import { describe, expect, it } from 'vitest';
import {
  classOutlook,
  classOutlookSteps,
  OUTLOOK_STEP_MONTHS,
  reprojectOutlook,
} from '../../../src/core/projection/answer';
import { componentHistory } from '../../../src/core/projection/components';
import { datasetMonthRange, rigCostHistory } from '../../../src/core/projection/rig-history';
import { loadDatasetFromDisk } from '../../../src/data/load-node';

const GIB = 2 ** 30;
const { dataset } = loadDatasetFromDisk();

describe('classOutlookSteps', () => {
  it('yields between chunks of months and returns the whole-range history and components', () => {
    const opts = { rigClass: 'gpu-unified' as const, targetBytes: 512 * GIB, asOf: '2026-06-15' };
    const steps = classOutlookSteps(dataset, opts);
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    const range = datasetMonthRange(dataset);
    expect(range).not.toBeNull();
    expect(yields).toBeGreaterThan(2);
    const outlook = step.value;
    // A fresh dataset object has empty caches: the whole-range searches below run from scratch.
    const fresh = loadDatasetFromDisk().dataset;
    const history = rigCostHistory(fresh, {
      targetBytes: opts.targetBytes,
      rigClass: opts.rigClass,
      asOf: opts.asOf,
    });
    expect(outlook.history.points).toEqual(history.points);
    const from = (range as [string, string])[0] > '2019-01' ? (range as [string, string])[0] : '2019-01';
    const components = componentHistory(fresh, {
      rigClass: opts.rigClass,
      targetBytes: opts.targetBytes,
      from,
      to: '2026-06',
      asOf: opts.asOf,
    });
    expect(outlook.components).toEqual(components);
    expect(outlook.history.points.at(-1)?.date).toBe('2026-06-15');
    expect(OUTLOOK_STEP_MONTHS).toBeGreaterThan(0);
  });

  it('reprojectOutlook with other options equals a fresh outlook with them', () => {
    const base = classOutlook(dataset, { rigClass: 'any', targetBytes: 512 * GIB, asOf: '2026-12-03' });
    const opts = { excludeSpike: true, thresholdsUsd: [4000, 20_000] };
    const fresh = classOutlook(dataset, {
      rigClass: 'any',
      targetBytes: 512 * GIB,
      asOf: '2026-12-03',
      ...opts,
    });
    const again = reprojectOutlook(base, opts);
    expect(again.projections.map((p) => p.thresholdUsd)).toEqual([4000, 20_000]);
    expect(again).toEqual(fresh);
    expect(again.projections[0]?.outcome).not.toEqual(base.projections[0]?.outcome);
  });
});
