// Prints the three cheapest rigs for reference scenarios (llama.cpp and vLLM, GGUF and fp8/MXFP4) at four
// dates, with every component's price, date, age and source, and the rig's notes (host fit, engine,
// usable memory). Read it as a hardware buyer would. Usage: npx tsx scripts/rig-report.ts [--json]
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
import type { WeightFormatId } from '../src/core/memory/format-ids';
import { bytesToGB } from '../src/core/units';
import { loadDatasetFromDisk, REPO_ROOT } from '../src/data/load-node';

interface Scenario {
  preset: string;
  label: string;
  contextTokens: number;
  weightFormat: WeightFormatId;
  engine: 'llama.cpp' | 'vllm';
}
const SCENARIOS: Scenario[] = [
  {
    preset: 'llama-3-1-8b',
    label: 'Llama 3.1 8B q4_k_m 8K, llama.cpp',
    contextTokens: 8192,
    weightFormat: 'q4_k_m',
    engine: 'llama.cpp',
  },
  {
    preset: 'llama-3-1-70b',
    label: 'Llama 3.1 70B q4_k_m 32K, llama.cpp',
    contextTokens: 32768,
    weightFormat: 'q4_k_m',
    engine: 'llama.cpp',
  },
  {
    preset: 'llama-3-3-70b',
    label: 'Llama 3.3 70B fp8 8K, vLLM',
    contextTokens: 8192,
    weightFormat: 'fp8',
    engine: 'vllm',
  },
  {
    preset: 'gpt-oss-120b',
    label: 'gpt-oss-120b mxfp4 32K, vLLM',
    contextTokens: 32768,
    weightFormat: 'mxfp4',
    engine: 'vllm',
  },
  {
    preset: 'qwen3-235b-a22b',
    label: 'Qwen3-235B-A22B fp8 16K, vLLM',
    contextTokens: 16384,
    weightFormat: 'fp8',
    engine: 'vllm',
  },
  {
    preset: 'deepseek-r1',
    label: 'DeepSeek-R1 q4_k_m 16K, llama.cpp',
    contextTokens: 16384,
    weightFormat: 'q4_k_m',
    engine: 'llama.cpp',
  },
  {
    preset: 'deepseek-v3',
    label: 'DeepSeek-V3 fp8 16K, vLLM',
    contextTokens: 16384,
    weightFormat: 'fp8',
    engine: 'vllm',
  },
  {
    preset: 'kimi-k2',
    label: 'Kimi K2 q4_k_m 16K, llama.cpp',
    contextTokens: 16384,
    weightFormat: 'q4_k_m',
    engine: 'llama.cpp',
  },
];
const DATES = ['2026-12-03', '2025-06-01', '2025-02-25', '2024-06-01'] as const;

const gb = (bytes: number) => `${bytesToGB(bytes).toFixed(1)} GB`;
const usd = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;

function printQuote(rank: number, q: RigQuote): void {
  const prefill =
    q.prefillTokensPerSecond === undefined ? '' : `, prefill ~${q.prefillTokensPerSecond.toFixed(0)} t/s`;
  console.log(
    `  ${rank}. ${usd(q.totalPriceUsd)}  ${q.label}  [${q.kind}]\n` +
      `     decode ~${q.decodeTokensPerSecond.toFixed(1)} t/s${prefill}; usable ${gb(q.usableBytes)}, headroom ${gb(q.headroomBytes)}; ${q.bandwidthGBps.toFixed(0)} GB/s; ${q.powerW} W${q.powerKnown ? '' : ' (part unknown)'}; fp8 ${q.fp8}`,
  );
  for (const c of q.components) {
    const adjusted = c.unitPriceUsd === c.observedPriceUsd ? '' : ` (observed ${usd(c.observedPriceUsd)})`;
    console.log(
      `     - ${c.quantity} × ${c.name}: ${usd(c.unitPriceUsd)}${adjusted} (${c.condition}, ${c.market}, ${c.observedOn}, ${c.ageDays} d old) ${c.sourceUrl}`,
    );
  }
  for (const n of q.notes) console.log(`       · ${n}`);
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
    weightFormat: s.weightFormat,
    kvCacheFormat: 'f16',
    contextTokens: s.contextTokens,
    batch: 1,
    engine: s.engine,
  });
  const activeParameters = countParameters(model).active;
  for (const asOf of DATES) {
    const request = rigRequestFromEstimate(estimate, {
      constraints: { conditions: ['new', 'used'], requireFp8: false, asOf, maxResults: 3 },
      engine: s.engine,
      weightFormat: s.weightFormat,
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
