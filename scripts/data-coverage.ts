// npm run data:coverage [-- --json] [-- --max-age=DAYS]: for every month from 2019-01 to the dataset's last
// month and each target (512 GiB / 1 TiB) x class (any memory; GPU or unified; GPU or unified with native
// fp8), the cheapest rig's price and the age of its oldest price; then per target the share of months
// covered (any price within the carry-forward limit, and fresh prices only) against issue 10's goals, and
// every month-to-month move of more than 2.5x with its cause (a price expiring, or the market).
import { COVERAGE_TARGETS, type CoverageRow, frontierCoverage } from '../src/core/projection/coverage';
import { datasetMonthRange } from '../src/core/projection/rig-history';
import { loadDatasetFromDisk } from '../src/data/load-node';

const { dataset } = loadDatasetFromDisk();
const range = datasetMonthRange(dataset);
if (range === null) {
  console.error('data:coverage: the dataset has no prices');
  process.exit(1);
}
const ageArg = process.argv.find((a) => a.startsWith('--max-age='));
const report = frontierCoverage(dataset, {
  to: range[1],
  ...(ageArg ? { maxPriceAgeDays: Number(ageArg.slice('--max-age='.length)) } : {}),
});

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(0);
}

const name = (r: CoverageRow) =>
  `${r.target.targetGiB === 1024 ? '1 TiB' : `${r.target.targetGiB} GiB`} ${r.target.rigClass}`;
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const k = (usd: number | null) =>
  usd === null ? '—' : usd >= 1e5 ? `${(usd / 1e3).toFixed(0)}k` : `${(usd / 1e3).toFixed(1)}k`;

console.log(
  `Frontier coverage ${report.firstMonth} → ${report.lastMonth}; prices carried up to ${report.maxPriceAgeDays} days\n`,
);
console.log('| target | from | months | covered | fresh (≤ 365 d) | goal | met | cliffs (expiry / market) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of report.rows) {
  const expiry = r.cliffs.filter((c) => c.cause === 'expiry').length;
  console.log(
    `| ${name(r)} | ${r.target.fromMonth} | ${r.monthsCounted} | ${r.monthsCovered} (${pct(r.share)}) | ${r.monthsCoveredFresh} (${pct(r.shareFresh)}) | ${r.target.goal ? pct(r.target.goal) : '–'} | ${r.target.goal ? (r.met ? 'yes' : 'NO') : '–'} | ${expiry} / ${r.cliffs.length - expiry} |`,
  );
}
console.log('\nMonthly cheapest rig, $ (age of its oldest price in days):\n');
console.log(`| month | ${report.rows.map(name).join(' | ')} |`);
console.log(`|---|${report.rows.map(() => '---').join('|')}|`);
const months = report.rows[0]?.cells.map((c) => c.month) ?? [];
for (const [i, month] of months.entries()) {
  const cells = report.rows.map((r) => {
    const c = r.cells[i];
    return c?.priceUsd == null ? '—' : `${k(c.priceUsd)} (${c.oldestPriceAgeDays})`;
  });
  console.log(`| ${month} | ${cells.join(' | ')} |`);
}
const cliffs = report.rows.flatMap((r) => r.cliffs.map((c) => ({ row: name(r), ...c })));
if (cliffs.length > 0) {
  console.log('\nMoves of more than 2.5x in a month:');
  for (const c of cliffs) console.log(`  ${c.row} ${c.month}: ${k(c.fromUsd)} → ${k(c.toUsd)} (${c.cause})`);
}
console.log(
  `\nGoals: ${COVERAGE_TARGETS.filter((t) => t.goal > 0).length} targets; met ${report.rows.filter((r) => r.target.goal > 0 && r.met).length}.`,
);
