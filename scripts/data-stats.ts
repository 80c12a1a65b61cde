// npm run data:stats: a JSON summary of data/ (items per kind, observations per market, condition and year,
// distinct sources, date range, items with no price). Problems found while loading go to stderr.

import { loadDatasetFromDisk } from '../src/data/load-node';
import { computeDatasetStats } from '../src/data/stats';

const { dataset, problems } = loadDatasetFromDisk();
const errors = problems.filter((p) => p.severity === 'error');
if (errors.length > 0) {
  console.error(
    `${errors.length} file problem(s) left some data out of these figures; run npm run lint:data`,
  );
}
console.log(JSON.stringify(computeDatasetStats(dataset), null, 2));
