// Projection benchmark: the default scenario (512 GiB, new or used, no fp8 requirement, $3,000, fitted
// rate). Cached = the month searches are already done (what a slider drag on threshold or rate costs);
// uncached = every month searched afresh (first render, or a change of target memory / fp8 / bandwidth).
import { projectRigCost } from '../../src/core/projection/project';
import { rigCostHistory } from '../../src/core/projection/rig-history';
import { usdPerGBHistory } from '../../src/core/projection/usd-per-gb';
import { loadDatasetFromDisk } from '../../src/data/load-node';
import type { Dataset } from '../../src/data/schema';
import { report, time } from '../lib/timing';

export function run(): void {
  const { dataset } = loadDatasetFromDisk();
  const fresh = (): Dataset => ({ ...dataset }); // a new object misses the per-dataset caches
  const h = rigCostHistory(dataset);
  console.log(
    `dataset: ${dataset.items.length} items, ${dataset.series.length} series; ${h.monthsSearched} months ` +
      `(${h.firstMonth ?? '-'} to ${h.lastMonth ?? '-'}), ${h.points.length} with a 512 GiB rig`,
  );
  report(
    'history, uncached (all month searches)',
    time(() => rigCostHistory(fresh()), 1000),
  );
  report(
    'history, cached',
    time(() => rigCostHistory(dataset), 300, 10),
  );
  report(
    'projectRigCost on the cached history',
    time(() => projectRigCost(h.points), 300, 10),
  );
  report(
    'history (cached) + projection, 3 thresholds',
    time(() => {
      const points = rigCostHistory(dataset).points;
      for (const thresholdUsd of [3000, 5000, 10_000]) projectRigCost(points, { thresholdUsd });
    }),
  );
  report(
    'usdPerGBHistory, uncached',
    time(() => usdPerGBHistory(fresh()), 300),
  );
  // The fit's cost grows with n^2 pairs: a dense 20-year monthly history for scale.
  const synthetic = Array.from({ length: 240 }, (_, i) => ({
    date: `${2006 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-28`,
    priceUsd: 50_000 * 0.8 ** (i / 12) * (1 + 0.1 * Math.sin(i)),
  }));
  report(
    'projectRigCost, 240 synthetic monthly points',
    time(() => projectRigCost(synthetic), 300),
  );
}
