// Memory model benchmark: one estimateMemory call, and a sweep over every preset in data/models x every
// weight format x five context lengths (both with the per-model weight cache warm, as the UI runs it).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimateMemory, type ModelSpec, modelFromHfConfig, WEIGHT_FORMATS } from '../../src/core/index';
import { report, time } from '../lib/timing';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CONTEXTS = [4096, 16384, 32768, 131072, 1048576];

function presets(): ModelSpec[] {
  const dir = join(root, 'data/models');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; config: unknown };
      return modelFromHfConfig(p.config, p.id);
    });
}

export function run(): void {
  const t0 = performance.now();
  const models = presets();
  console.log(`parsed ${models.length} presets in ${(performance.now() - t0).toFixed(1)} ms`);
  const llama = models.find((m) => m.name === 'llama-3-1-70b') ?? (models[0] as ModelSpec);
  let ctx = 4096;
  report(
    'estimateMemory (Llama 3.1 70B, q4_k_m, context varying)',
    time(
      () => {
        ctx = ctx === 4096 ? 8192 : 4096;
        return estimateMemory(llama, {
          weightFormat: 'q4_k_m',
          kvCacheFormat: 'q8_0',
          contextTokens: ctx,
          batch: 1,
        });
      },
      300,
      100,
    ),
  );

  const sweep = () => {
    let n = 0;
    for (const m of models)
      for (const f of WEIGHT_FORMATS)
        for (const c of CONTEXTS) {
          estimateMemory(m, { weightFormat: f.id, kvCacheFormat: 'f16', contextTokens: c, batch: 1 });
          n++;
        }
    return n;
  };
  const cold = performance.now();
  const calls = sweep();
  const coldMs = performance.now() - cold;
  console.log(
    `sweep ${models.length} presets x ${WEIGHT_FORMATS.length} formats x ${CONTEXTS.length} contexts = ${calls} calls, first run (weights computed): ${coldMs.toFixed(1)} ms, ${((coldMs * 1000) / calls).toFixed(2)} µs/call`,
  );
  const warm = time(sweep, 500);
  console.log(
    `sweep, weights cached: median ${(warm.medianUs / 1000).toFixed(2)} ms per sweep, ${(warm.medianUs / calls).toFixed(2)} µs/call`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) run();
