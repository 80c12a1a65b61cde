// Prints the three cheapest rigs for the issue-4 scenarios, today and as of 2024-06-01, with every
// component's price, date and source. Usage: npx tsx scripts/rig-report.ts [--json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  countParameters,
  estimateMemory,
  findCheapestRigs,
  modelFromHfConfig,
  type RigQuote,
  rigRequestFromEstimate,
} from '../src/core/index';
import { bytesToGB } from '../src/core/units';
import { loadDatasetFromDisk, REPO_ROOT } from '../src/data/load-node';

const SCENARIOS = [
  { preset: 'llama-3-1-8b', label: 'Llama 3.1 8B q4_k_m 8K', contextTokens: 8192 },
  { preset: 'llama-3-1-70b', label: 'Llama 3.1 70B q4_k_m 32K', contextTokens: 32768 },
  { preset: 'deepseek-r1', label: 'DeepSeek-R1 q4_k_m 16K', contextTokens: 16384 },
  { preset: 'kimi-k2', label: 'Kimi K2 q4_k_m 16K', contextTokens: 16384 },
] as const;
const DATES = ['2026-11-25', '2024-06-01'] as const;

const gb = (bytes: number) => `${bytesToGB(bytes).toFixed(1)} GB`;
const usd = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;

function printQuote(rank: number, q: RigQuote): void {
  const prefill =
    q.prefillTokensPerSecond === undefined ? '' : `, prefill ~${q.prefillTokensPerSecond.toFixed(0)} t/s`;
  console.log(
    `  ${rank}. ${usd(q.totalPriceUsd)}  ${q.label}  [${q.kind}]\n` +
      `     decode ~${q.decodeTokensPerSecond.toFixed(1)} t/s${prefill}; usable ${gb(q.usableBytes)}, headroom ${gb(q.headroomBytes)}; ${q.bandwidthGBps.toFixed(0)} GB/s; ${q.powerW} W; fp8 ${q.fp8}`,
  );
  for (const c of q.components) {
    console.log(
      `     - ${c.quantity} × ${c.name}: ${usd(c.unitPriceUsd)} (${c.condition}, ${c.market}, ${c.observedOn}) ${c.sourceUrl}`,
    );
  }
}

const { dataset } = loadDatasetFromDisk();
const json = process.argv.includes('--json');
const out: unknown[] = [];
for (const s of SCENARIOS) {
  const preset = JSON.parse(readFileSync(join(REPO_ROOT, 'data/models', `${s.preset}.json`), 'utf8')) as {
    name: string;
    config: unknown;
  };
  const model = modelFromHfConfig(preset.config, preset.name);
  const estimate = estimateMemory(model, {
    weightFormat: 'q4_k_m',
    kvCacheFormat: 'f16',
    contextTokens: s.contextTokens,
    batch: 1,
    engine: 'llama.cpp',
  });
  const activeParameters = countParameters(model).active;
  for (const asOf of DATES) {
    const request = rigRequestFromEstimate(estimate, {
      constraints: { conditions: ['new', 'used'], requireFp8: false, asOf, maxResults: 3 },
      engine: 'llama.cpp',
      activeParameters,
    });
    const result = findCheapestRigs(dataset, request);
    if (json) {
      out.push({ scenario: s.label, asOf, estimateBytes: estimate.total, result });
      continue;
    }
    console.log(
      `\n## ${s.label}, as of ${asOf}: needs ${gb(estimate.total)} (${gb(estimate.routedExpertWeights)} routed experts), reads ${gb(request.bytesPerToken)} per token`,
    );
    if (result.kind === 'none') {
      console.log(`  nothing fits (${result.binding}): ${result.message}`);
      continue;
    }
    for (const [i, q] of result.rigs.entries()) printQuote(i + 1, q);
  }
}
if (json) console.log(JSON.stringify(out, null, 2));
