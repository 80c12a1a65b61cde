// npx tsx scripts/accuracy-report.ts [--cases]: compares the memory model's weight bytes with the published
// GGUF file sizes in tests/golden/gguf-sizes.json and the safetensors checkpoint sizes in
// tests/golden/checkpoint-sizes.json, and prints the median and worst error per weight format.
// --cases also lists every case. Reads data/models/<id>.json for the configs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  countParameters,
  estimateMemory,
  type ModelSpec,
  modelFromHfConfig,
  placeOffload,
} from '../src/core/index';
import { bytesToGB } from '../src/core/units';
import { placeLogCase, planBuffersMiB, readOffloadLogs } from './lib/offload-logs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface GoldenGguf {
  model: string;
  format: string;
  fileBytes: number;
  repo: string;
  url: string;
}

const cases = JSON.parse(readFileSync(join(root, 'tests/golden/gguf-sizes.json'), 'utf8')) as GoldenGguf[];
const models = new Map<string, ModelSpec>();
function model(id: string): ModelSpec {
  let m = models.get(id);
  if (!m) {
    const preset = JSON.parse(readFileSync(join(root, 'data/models', `${id}.json`), 'utf8')) as {
      config: unknown;
    };
    m = modelFromHfConfig(preset.config, id);
    models.set(id, m);
  }
  return m;
}

const byFormat = new Map<string, { err: number; label: string }[]>();
const showCases = process.argv.includes('--cases');
for (const c of cases) {
  const e = estimateMemory(model(c.model), {
    weightFormat: c.format,
    kvCacheFormat: 'f16',
    contextTokens: 1,
    batch: 1,
  });
  const fileBytes = e.weightsFileBytes ?? e.weights;
  const err = (fileBytes - c.fileBytes) / c.fileBytes;
  const list = byFormat.get(c.format) ?? [];
  list.push({ err, label: `${c.model} (${c.repo})` });
  byFormat.set(c.format, list);
  if (showCases) {
    console.log(
      `${c.model.padEnd(18)} ${c.format.padEnd(8)} published ${bytesToGB(c.fileBytes).toFixed(2).padStart(7)} GB  model ${bytesToGB(fileBytes).toFixed(2).padStart(7)} GB  ${(err * 100).toFixed(2).padStart(6)}%`,
    );
  }
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** Prints median |error| and worst error per format, then the overall line. */
function printPerFormat(
  title: string,
  groups: Map<string, { err: number; label: string }[]>,
  tolerance: number,
): void {
  const n = [...groups.values()].reduce((sum, list) => sum + list.length, 0);
  console.log(`\n${title} (${n} cases)`);
  console.log('format    n  median |err|  worst error (case)');
  const all: number[] = [];
  for (const [format, list] of [...groups.entries()].sort()) {
    const abs = list.map((x) => Math.abs(x.err)).sort((a, b) => a - b);
    all.push(...abs);
    const median =
      abs.length % 2
        ? (abs[(abs.length - 1) / 2] as number)
        : ((abs[abs.length / 2 - 1] as number) + (abs[abs.length / 2] as number)) / 2;
    const worst = list.reduce((w, x) => (Math.abs(x.err) > Math.abs(w.err) ? x : w));
    console.log(
      `${format.padEnd(8)} ${String(list.length).padStart(2)}  ${pct(median).padStart(10)}  ${pct(worst.err).padStart(8)} (${worst.label})`,
    );
  }
  all.sort((a, b) => a - b);
  const within = all.filter((x) => x <= tolerance).length;
  console.log(
    `all     ${String(all.length).padStart(3)}  median ${pct(all[Math.floor(all.length / 2)] ?? 0)}, worst ${pct(all[all.length - 1] ?? 0)}, within the tests' ±${pct(tolerance)}: ${within}/${all.length}`,
  );
}

printPerFormat('GGUF weight bytes vs published file sizes', byFormat, 0.01); // tests/core/memory/golden.test.ts

// Safetensors checkpoints (tests/golden/checkpoint-sizes.json), estimated as vLLM loads them. A checkpoint
// that also stores lm_head.weight for a tied model ('duplicated-lm-head') gets one BF16 vocab x hidden
// matrix added, as in tests/core/memory/checkpoint.test.ts.
interface GoldenCheckpoint {
  model: string;
  format: string;
  checkpointBytes: number;
  repo: string;
  includes?: string[];
}
const checkpoints = JSON.parse(
  readFileSync(join(root, 'tests/golden/checkpoint-sizes.json'), 'utf8'),
) as GoldenCheckpoint[];
const checkpointByFormat = new Map<string, { err: number; label: string }[]>();
for (const c of checkpoints) {
  const m = model(c.model);
  const e = estimateMemory(m, {
    weightFormat: c.format,
    kvCacheFormat: 'f16',
    contextTokens: 1,
    batch: 1,
    engine: 'vllm',
  });
  let bytes = e.weightsFileBytes ?? e.weights;
  const emb = m.tensors.find((t) => t.role === 'embedding');
  if (c.includes?.includes('duplicated-lm-head') && emb) bytes += 2 * emb.ne0 * emb.ne1;
  const err = (bytes - c.checkpointBytes) / c.checkpointBytes;
  const list = checkpointByFormat.get(c.format) ?? [];
  list.push({ err, label: `${c.model} (${c.repo})` });
  checkpointByFormat.set(c.format, list);
  if (showCases) {
    console.log(
      `${c.model.padEnd(18)} ${c.format.padEnd(8)} published ${bytesToGB(c.checkpointBytes).toFixed(2).padStart(7)} GB  model ${bytesToGB(bytes).toFixed(2).padStart(7)} GB  ${(err * 100).toFixed(2).padStart(6)}%`,
    );
  }
}
printPerFormat('Safetensors weight bytes vs published checkpoint sizes', checkpointByFormat, 0.005); // tests/core/memory/checkpoint.test.ts

// Parameter counts (tests/golden/safetensors-sizes.json) and engine-logged KV sizes (kv-sizes.json).
interface GoldenParams {
  model: string;
  params: number;
  kind: 'total' | 'active';
}
const paramCases = JSON.parse(
  readFileSync(join(root, 'tests/golden/safetensors-sizes.json'), 'utf8'),
) as GoldenParams[];
console.log(`\nParameter counts vs published (${paramCases.length} cases)`);
for (const c of paramCases) {
  const m = model(c.model);
  const p = countParameters(m);
  const emb = m.tensors.find((t) => t.role === 'embedding');
  const active = c.model.startsWith('gpt-oss') && emb ? p.active - emb.ne0 * emb.ne1 : p.active;
  const ours = c.kind === 'total' ? p.total : active;
  console.log(
    `${c.model.padEnd(18)} ${c.kind.padEnd(6)} published ${(c.params / 1e9).toFixed(3).padStart(9)}B  model ${(ours / 1e9).toFixed(3).padStart(9)}B  ${pct((ours - c.params) / c.params).padStart(7)}`,
  );
}

interface GoldenKv {
  model: string;
  engine: string;
  contextTokens: number;
  kvCacheFormat: string;
  kvBytes: number;
}
const kvCases = JSON.parse(readFileSync(join(root, 'tests/golden/kv-sizes.json'), 'utf8')) as GoldenKv[];
console.log(`\nKV cache vs engine logs (${kvCases.length} cases)`);
for (const c of kvCases) {
  const e = estimateMemory(model(c.model), {
    weightFormat: 'q4_k_m',
    kvCacheFormat: c.kvCacheFormat,
    contextTokens: c.contextTokens,
    batch: 1,
    engine: c.engine === 'vllm' ? 'vllm' : 'llama.cpp',
  });
  console.log(
    `${c.model} ${c.engine} ${c.kvCacheFormat} @${c.contextTokens}: logged ${(c.kvBytes / 2 ** 20).toFixed(2)} MiB, model ${(e.kvCache / 2 ** 20).toFixed(3)} MiB`,
  );
}

// Partial offload (src/core/offload): published llama.cpp load logs (tests/golden/offload-logs.json) against the
// placement's buffers, and published partial-offload decode speeds (tests/golden/offload-speeds.json).
const offloadLogs = readOffloadLogs(root);
console.log(`\nPartial offload: llama.cpp load logs (${offloadLogs.length} cases), logged MiB vs model`);
for (const c of offloadLogs) {
  const r = placeLogCase(root, c);
  if (!r.ok) {
    console.log(`${c.id}: ${r.error.message}`);
    continue;
  }
  const p = r.plan;
  const ours: Record<string, number> = planBuffersMiB(p);
  console.log(`${c.id} (${p.flags}, ${c.order}; ${c.url})`);
  if (typeof c.logged.offloaded === 'string') {
    console.log(
      `  offloaded         logged ${c.logged.offloaded.padStart(9)}  model ${`${p.layersOnGpu}/${p.totalLayers}`.padStart(9)}`,
    );
  }
  for (const [key, value] of Object.entries(c.logged)) {
    if (typeof value !== 'number' || ours[key] === undefined) continue;
    const o = ours[key] as number;
    console.log(
      `  ${key.padEnd(16)} logged ${value.toFixed(2).padStart(9)}  model ${o.toFixed(2).padStart(9)}  ${pct((o - value) / value).padStart(7)}`,
    );
  }
}

interface OffloadSpeedGolden {
  rig: { gpuMemoryBytes: number; gpuBandwidthGBps: number; cpuBandwidthGBps: number; systemRamBytes: number };
  cases: {
    model: string;
    weightFormat: string;
    nGpuLayers: number;
    nCpuMoe?: number;
    publishedTokensPerSecond: number;
    tolerance?: number;
    role?: string;
  }[];
}
const speeds = JSON.parse(
  readFileSync(join(root, 'tests/golden/offload-speeds.json'), 'utf8'),
) as OffloadSpeedGolden;
console.log(
  `\nPartial offload: decode tok/s vs published (RTX 2080 ${speeds.rig.gpuBandwidthGBps} GB/s + ${speeds.rig.cpuBandwidthGBps} GB/s RAM, ${speeds.cases.length} cases)`,
);
for (const c of speeds.cases) {
  const r = placeOffload(
    model(c.model),
    { weightFormat: c.weightFormat, kvCacheFormat: 'f16', contextTokens: 4096, batch: 1 },
    {
      gpus: [{ memoryBytes: speeds.rig.gpuMemoryBytes, bandwidthGBps: speeds.rig.gpuBandwidthGBps }],
      systemRamBytes: speeds.rig.systemRamBytes,
      cpuBandwidthGBps: speeds.rig.cpuBandwidthGBps,
    },
    { nGpuLayers: c.nGpuLayers, ...(c.nCpuMoe !== undefined ? { nCpuMoe: c.nCpuMoe } : {}) },
  );
  if (!r.ok || !r.plan.speed) continue;
  const ours = r.plan.speed.decodeTokensPerSecond;
  const err = (ours - c.publishedTokensPerSecond) / c.publishedTokensPerSecond;
  const tag = c.role ?? `tolerance ±${((c.tolerance ?? 0) * 100).toFixed(0)}%`;
  console.log(
    `${c.model.padEnd(18)} ${r.plan.flags.padEnd(24)} published ${c.publishedTokensPerSecond.toFixed(1).padStart(6)}  model ${ours.toFixed(1).padStart(6)}  ${pct(err).padStart(7)}  (${tag})`,
  );
}
