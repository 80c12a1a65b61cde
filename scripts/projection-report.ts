// What the dataset says about the question rigcast exists for: when does a 512 GB or 1 TB rig cost $3,000
// or $5,000, for each rig class (good fp8 / VRAM or unified, any precision / any memory), by the whole-rig
// frontier and by the component model, and would this method have predicted the past (backtest)?
// Run: npx tsx scripts/projection-report.ts [--json] [--spike-excluded] [--as-of=YYYY-MM-DD]
import {
  ANSWER_THRESHOLDS_USD,
  answerSentence,
  type ClassOutlook,
  classOutlook,
  describeOutcome,
} from '../src/core/projection/answer';
import { RIG_CLASS_SPECS, RIG_CLASSES } from '../src/core/projection/rig-classes';
import { loadDatasetFromDisk } from '../src/data/load-node';

const GIB = 2 ** 30;
const TARGETS = [512, 1024] as const;
const { dataset, problems } = loadDatasetFromDisk();
const json = process.argv.includes('--json');
const excludeSpike = process.argv.includes('--spike-excluded');
const asOf = process.argv.find((a) => a.startsWith('--as-of='))?.slice('--as-of='.length);

const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

const outlooks = new Map<number, ClassOutlook[]>();
for (const gib of TARGETS) {
  outlooks.set(
    gib,
    RIG_CLASSES.map((rigClass) =>
      classOutlook(dataset, {
        rigClass,
        targetBytes: gib * GIB,
        excludeSpike,
        ...(asOf ? { asOf } : {}),
      }),
    ),
  );
}

if (json) {
  const cells = [];
  for (const gib of TARGETS) {
    for (const o of outlooks.get(gib) ?? []) {
      const latest = o.history.points[o.history.points.length - 1];
      for (const p of o.projections) {
        const out = p.outcome;
        const componentCrossing = o.componentProjection.crossings.find(
          (c) => c.thresholdUsd === p.thresholdUsd,
        );
        cells.push({
          targetGiB: gib,
          rigClass: o.rigClass,
          thresholdUsd: p.thresholdUsd,
          kind: out.kind,
          date: out.kind === 'crosses' ? out.date : out.kind === 'already-affordable' ? out.since : null,
          band:
            out.kind === 'crosses' || out.kind === 'not-within-horizon'
              ? {
                  early:
                    out.range.early.kind === 'at'
                      ? out.range.early.date
                      : `after ${out.range.early.horizonYear}`,
                  late:
                    out.range.late.kind === 'at'
                      ? out.range.late.date
                      : `after ${out.range.late.horizonYear}`,
                }
              : null,
          latest: latest
            ? {
                month: latest.month,
                priceUsd: latest.priceUsd,
                rig: latest.rigLabel,
                decodeTokensPerSecond: latest.decodeTokensPerSecond,
                oldestPriceOn: latest.oldestPriceOn,
              }
            : null,
          fit: p.fit
            ? {
                annualChange: p.fit.annualChange,
                low: p.fit.annualChangeLow,
                high: p.fit.annualChangeHigh,
                months: p.fit.pointsUsed,
                from: p.fit.firstDate,
                to: p.fit.lastDate,
              }
            : null,
          historyMonths: o.history.points.length,
          componentModel: {
            latestUsd: o.components[o.components.length - 1]?.estimateUsd ?? null,
            memoryAnnualChange: o.componentProjection.fit?.memoryAnnualChange ?? null,
            crossing: componentCrossing?.date ?? null,
            componentToRig: o.componentToRig,
          },
          backtest: o.backtest,
        });
      }
    }
  }
  console.log(JSON.stringify({ asOf: asOf ?? null, excludeSpike, cells }, null, 2));
  process.exit(0);
}

console.log('# rigcast projection report\n');
console.log(
  `Dataset: ${dataset.items.length} items, ${Object.values(dataset.prices).reduce((s, l) => s + l.length, 0)} price observations; ${problems.length} data problems. ${excludeSpike ? 'Fit without the 2025–26 DRAM spike. ' : ''}${asOf ? `As of ${asOf}.` : ''}`,
);
console.log(
  'Frontier = the cheapest buildable rig of the class each month (prices as of the month end, carried forward up to 2 years). Line = from the latest price at the Theil–Sen rate of the whole window; band = residual 10th–90th percentiles (widened to the latest point) over Sen’s 80% slope interval. Horizon 2036.\n',
);
for (const rigClass of RIG_CLASSES)
  console.log(`- **${RIG_CLASS_SPECS[rigClass].label}**: ${RIG_CLASS_SPECS[rigClass].definition}.`);

for (const gib of TARGETS) {
  const list = outlooks.get(gib) ?? [];
  console.log(`\n## ${gib === 1024 ? '1 TiB' : `${gib} GiB`}\n`);
  console.log(`${answerSentence(list)}\n`);
  console.log(
    '| class | latest | fit (annual change, window) | $3,000 | $5,000 | component model (latest, memory rate, $3,000 / $5,000) | backtest (cut-off: median |log error|, band held) |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const o of list) {
    const latest = o.history.points[o.history.points.length - 1];
    const fit = o.projections[0]?.fit;
    const c = o.componentProjection;
    const lastC = o.components[o.components.length - 1];
    const bt = o.backtest
      .map((b) =>
        b.medianAbsLogError === null
          ? `${b.cutoff.slice(0, 4)}: ${b.skipped}`
          : `${b.cutoff.slice(0, 4)}: ${b.medianAbsLogError.toFixed(2)}, ${pct(b.bandCoverage ?? 0)} of ${b.compared}`,
      )
      .join('; ');
    console.log(
      `| ${RIG_CLASS_SPECS[o.rigClass].label} | ${latest ? `${usd(latest.priceUsd)} (${latest.month}, ${latest.rigLabel}, ${latest.decodeTokensPerSecond.toFixed(1)} t/s)` : 'none'} | ${fit ? `${pct(fit.annualChange)}/yr [${pct(fit.annualChangeLow)}, ${pct(fit.annualChangeHigh)}], ${fit.pointsUsed} months ${fit.firstDate.slice(0, 7)}–${fit.lastDate.slice(0, 7)}` : 'no fit'} | ${o.projections.map((p) => describeOutcome(p.outcome, p.thresholdUsd)).join(' | ')} | ${lastC ? `${usd(lastC.estimateUsd)} (${lastC.devices} × ${lastC.memoryItemName}), ${c.fit ? `${pct(c.fit.memoryAnnualChange)}/yr` : 'no fit'}, ${c.crossings.map((x) => x.date?.slice(0, 7) ?? 'not by 2036').join(' / ')}` : 'none'} | ${bt} |`,
    );
  }
}
console.log(
  `\nThresholds: ${ANSWER_THRESHOLDS_USD.map(usd).join(', ')}. A "band" is where 80% of outcomes would fall if the past scatter and slope uncertainty held; the component model ignores chassis limits (more than 8 GPUs or 4 clustered machines) and prices parts fresh (≤ 1 year old).`,
);
