// npx tsx scripts/accuracy-report.ts [--cases]: compares the memory model's weight bytes with the published
// GGUF file sizes in tests/golden/gguf-sizes.json and prints the median and worst error per weight format.
// --cases also lists every case. Reads data/models/<id>.json for the configs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimateMemory, modelFromHfConfig, type ModelSpec } from '../src/core/index';

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
  const err = (e.weights - c.fileBytes) / c.fileBytes;
  const list = byFormat.get(c.format) ?? [];
  list.push({ err, label: `${c.model} (${c.repo})` });
  byFormat.set(c.format, list);
  if (showCases) {
    console.log(
      `${c.model.padEnd(18)} ${c.format.padEnd(8)} published ${(c.fileBytes / 1e9).toFixed(2).padStart(7)} GB  model ${(e.weights / 1e9).toFixed(2).padStart(7)} GB  ${(err * 100).toFixed(2).padStart(6)}%`,
    );
  }
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
console.log(`\nGGUF weight bytes vs published file sizes (${cases.length} cases)`);
console.log('format    n  median |err|  worst error (case)');
const all: number[] = [];
for (const [format, list] of [...byFormat.entries()].sort()) {
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
const within3 = all.filter((x) => x <= 0.03).length;
console.log(
  `all     ${String(all.length).padStart(3)}  median ${pct(all[Math.floor(all.length / 2)] ?? 0)}, worst ${pct(all[all.length - 1] ?? 0)}, within ±3%: ${within3}/${all.length}`,
);
