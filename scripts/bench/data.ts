// Time of parseDataset over the whole of data/ (what the app does once at start-up), and of the full lint.
import { runLint } from '../../src/data/lint/run-lint';
import { readDataFiles } from '../../src/data/load-node';
import { parseDataset } from '../../src/data/parse';
import { report, time } from '../lib/timing';

export function run(): void {
  const files = readDataFiles();
  const raw = files.filter((f) => /^data\/(hardware|prices|series)\//.test(f.path));
  const { dataset } = parseDataset(raw);
  const observations = Object.values(dataset.prices).reduce((n, list) => n + list.length, 0);
  console.log(
    `dataset: ${raw.length} files, ${dataset.items.length} items, ${observations} observations, ${dataset.series.length} series`,
  );
  report(
    'parseDataset (whole dataset)',
    time(() => parseDataset(raw), 500),
  );
  const today = new Date().toISOString().slice(0, 10);
  report(
    `runLint (${files.length} files, all rules)`,
    time(() => runLint(files, today), 500),
  );
}
