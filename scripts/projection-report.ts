// What the dataset says about the question rigcast exists for: when does a rig holding 512 GB or 1 TB cost
// $3,000 or $5,000, with and without native fp8, and which rig kind gets there first?
// Run: npx tsx scripts/projection-report.ts [--months] (prints markdown; --months adds the monthly frontier).
import type { RigKind } from '../src/core/index';
import {
  type CrossingEdge,
  DRAM_SPIKE_WINDOW,
  fitAnnualChange,
  type ProjectionOptions,
  projectRigCost,
  type RigCostProjection,
} from '../src/core/projection/project';
import { PUBLISHED_RATES } from '../src/core/projection/reference-rates';
import { type RigCostHistory, rigCostHistory } from '../src/core/projection/rig-history';
import { RIG_KINDS } from '../src/core/rigs/types';
import { gibToBytes } from '../src/core/units';
import { loadDatasetFromDisk } from '../src/data/load-node';

const { dataset, problems } = loadDatasetFromDisk();
const showMonths = process.argv.includes('--months');

const fmtYear = (e: CrossingEdge) => (e.kind === 'at' ? e.date.slice(0, 7) : `after ${e.horizonYear}`);
const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function describe(p: RigCostProjection): string {
  const o = p.outcome;
  switch (o.kind) {
    case 'already-affordable':
      return `already ≤ ${usd(p.thresholdUsd)} since ${o.since} (latest ${usd(o.latestPriceUsd)} on ${o.latestDate})`;
    case 'crosses':
      return `${o.date.slice(0, 7)} (band ${fmtYear(o.range.early)} – ${fmtYear(o.range.late)})${o.trendBelowLatestPrice ? ', trend already below the latest price' : ''}`;
    case 'not-within-horizon':
      return `not by ${o.horizonYear} (band early edge ${fmtYear(o.range.early)}, late ${fmtYear(o.range.late)})`;
    case 'too-little-data':
      return `too little data (${o.have} of ${o.need} distinct months)`;
  }
}

function fitLine(p: RigCostProjection): string {
  const f = p.fit;
  if (!f) return 'no fit';
  return `${pct(f.annualChange)}/yr [${pct(f.annualChangeLow)}, ${pct(f.annualChangeHigh)}], ${f.pointsUsed} months ${f.firstDate.slice(0, 7)}–${f.lastDate.slice(0, 7)}`;
}

function latest(h: RigCostHistory): string {
  const p = h.points[h.points.length - 1];
  return p ? `${usd(p.priceUsd)} in ${p.month}: ${p.rigLabel} (${p.rigKind})` : 'no rig found';
}

console.log(`# rigcast projection report\n`);
console.log(
  `Dataset: ${dataset.items.length} items, ${Object.values(dataset.prices).reduce((s, l) => s + l.length, 0)} price observations, ${dataset.series.length} series; ${problems.length} data problems.`,
);
console.log(
  'Frontier = the cheapest rig each month (new or used, prices as of the month end, every part priced within 365 days).',
);
console.log(
  `Fit: Theil–Sen on log price, band = 10th/90th residual percentiles over Sen's 80% slope interval; horizon 2036. Spike window excluded in the right-hand column: from ${DRAM_SPIKE_WINDOW.from}.\n`,
);

const scenarios: { targetGiB: number; requireFp8: boolean }[] = [
  { targetGiB: 512, requireFp8: false },
  { targetGiB: 512, requireFp8: true },
  { targetGiB: 1024, requireFp8: false },
  { targetGiB: 1024, requireFp8: true },
];

console.log(
  '| target | fp8 | latest cheapest rig | fitted rate (all data) | $3,000 | $5,000 | $3,000, spike excluded | $5,000, spike excluded |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const s of scenarios) {
  const h = rigCostHistory(dataset, { targetBytes: gibToBytes(s.targetGiB), requireFp8: s.requireFp8 });
  const run = (o: ProjectionOptions) => projectRigCost(h.points, o);
  const cells = [
    run({ thresholdUsd: 3000 }),
    run({ thresholdUsd: 5000 }),
    run({ thresholdUsd: 3000, excludeSpike: true }),
    run({ thresholdUsd: 5000, excludeSpike: true }),
  ];
  console.log(
    `| ${s.targetGiB} GiB | ${s.requireFp8 ? 'native fp8' : 'any'} | ${latest(h)} | ${fitLine(cells[0] as RigCostProjection)} | ${cells.map(describe).join(' | ')} |`,
  );
}

console.log('\n## The same frontier under published rates (anchored on the frontier, spike included)\n');
const fixedRates = ['dram-since-2010', 'gpu-flops-per-usd-epoch', 'dram-mccallum-1957-2020'] as const;
console.log(`| target | fp8 | threshold | ${fixedRates.join(' | ')} |`);
console.log(`|---|---|---|${fixedRates.map(() => '---').join('|')}|`);
for (const s of scenarios) {
  const h = rigCostHistory(dataset, { targetBytes: gibToBytes(s.targetGiB), requireFp8: s.requireFp8 });
  for (const thresholdUsd of [3000, 5000]) {
    const cells = fixedRates.map((id) =>
      describe(projectRigCost(h.points, { thresholdUsd, rate: { kind: 'published', id } })),
    );
    console.log(
      `| ${s.targetGiB} GiB | ${s.requireFp8 ? 'native fp8' : 'any'} | ${usd(thresholdUsd)} | ${cells.join(' | ')} |`,
    );
  }
}

console.log('\n## Which rig kind gets there first ($3,000, fitted rate, all data)\n');
const summaries: string[] = [];
console.log('| target | fp8 | rig kind | months with a rig | latest | fitted rate | $3,000 |');
console.log('|---|---|---|---|---|---|---|');
for (const s of scenarios) {
  const rows: { kind: RigKind; year: number; tooLittle: boolean; line: string }[] = [];
  for (const kind of RIG_KINDS) {
    // Per-kind frontier: the cheapest rig of this kind each month (the search restricted to it).
    const h = rigCostHistoryForKind(s.targetGiB, s.requireFp8, kind);
    if (h.points.length === 0) continue;
    const p = projectRigCost(h.points, { thresholdUsd: 3000 });
    const o = p.outcome;
    const year =
      o.kind === 'crosses' ? o.year : o.kind === 'already-affordable' ? 0 : Number.POSITIVE_INFINITY;
    rows.push({
      kind,
      year,
      tooLittle: o.kind === 'too-little-data',
      line: `| ${s.targetGiB} GiB | ${s.requireFp8 ? 'native fp8' : 'any'} | ${kind} | ${h.points.length} | ${latest(h)} | ${fitLine(p)} | ${describe(p)} |`,
    });
  }
  rows.sort((a, b) => a.year - b.year);
  for (const r of rows) console.log(r.line);
  const first = rows[0];
  summaries.push(
    `${s.targetGiB} GiB, ${s.requireFp8 ? 'native fp8' : 'any fp8'}: ` +
      (first === undefined
        ? 'no rig kind has a frontier'
        : Number.isFinite(first.year)
          ? `${first.kind} gets there first`
          : rows.every((r) => r.tooLittle)
            ? 'too little data for every rig kind'
            : 'no rig kind with enough data reaches $3,000 by 2036 on its own fitted trend'),
  );
}
console.log(`\n${summaries.map((l) => `- ${l}`).join('\n')}`);

function rigCostHistoryForKind(targetGiB: number, requireFp8: boolean, kind: RigKind): RigCostHistory {
  return rigCostHistory(dataset, { targetBytes: gibToBytes(targetGiB), requireFp8, rigKinds: [kind] });
}

if (showMonths) {
  for (const s of scenarios) {
    const h = rigCostHistory(dataset, { targetBytes: gibToBytes(s.targetGiB), requireFp8: s.requireFp8 });
    console.log(`\n### Frontier, ${s.targetGiB} GiB, ${s.requireFp8 ? 'native fp8' : 'any fp8'}\n`);
    for (const p of h.points) console.log(`- ${p.month}: ${usd(p.priceUsd)} ${p.rigLabel} (${p.rigKind})`);
  }
}

console.log("\n## DRAM $/GB rates measured on the dataset's series (Theil–Sen), beside the published ones\n");
console.log('| series | window | points | annual change [80% interval] |');
console.log('|---|---|---|---|');
const windows: [number, number][] = [
  [1970, 2009],
  [2010, 2024],
  [2010, 2019],
  [2015, 2024],
];
for (const series of dataset.series) {
  const points = series.points.map((p) => ({ date: p.observedOn, priceUsd: p.usdPerGB }));
  for (const [from, to] of windows) {
    const f = fitAnnualChange(points, from, to);
    if (!f || f.points < 5) continue;
    console.log(
      `| ${series.id} | ${from}–${to} | ${f.points} | ${pct(f.annualChange)} [${pct(f.annualChangeLow)}, ${pct(f.annualChangeHigh)}] |`,
    );
  }
}
console.log(`\nPublished: ${PUBLISHED_RATES.map((r) => `${r.label} ${pct(r.annualChange)}`).join('; ')}.`);
