// npx tsx scripts/accuracy-report.ts [--cases]: compares the memory model's weight bytes with the published
// GGUF file sizes in tests/golden/gguf-sizes.json and the safetensors checkpoint sizes in
// tests/golden/checkpoint-sizes.json, and prints the median and worst error per weight format.
// --cases also lists every case. Reads data/models/<id>.json for the configs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countParameters, estimateMemory, type ModelSpec, modelFromHfConfig } from '../src/core/index';
import { bytesToGB } from '../src/core/units';

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
