// Published llama.cpp load logs at partial offload (tests/golden/offload-logs.json): the model, CPU and KV
// buffers the placement predicts must match the logged MiB, and the compute buffers stay within their band.
import { describe, expect, it } from 'vitest';
import {
  type OffloadLogCase,
  placeLogCase,
  planBuffersMiB,
  readOffloadLogs,
} from '../../../scripts/lib/offload-logs';
import { ROOT } from '../memory/helpers';
import { MiB, model } from './helpers';

const cases = readOffloadLogs(ROOT);

/** Model, KV and host buffers are sums of tensor and cache sizes. The issue asks for 2%; the worst real error of
 *  the three logs is 0.07% (the ROCm host compute buffer), the model buffers match to the logs' 0.01 MiB. 2% would
 *  not even tell llama.cpp's two -ngl orders apart on the Qwen3-30B-A3B log (they differ by 0.85%), so the
 *  tolerance is 0.1%. */
const BUFFER_TOLERANCE = 0.001;
/** Compute buffers are an approximation of ggml's graph allocator: the Qwen3-14B ROCm and Mistral 7B logs are
 *  matched to 0.01 MiB, the Jetson Orin log is 9.2% above the prediction. The two Qwen3-235B expert-override logs
 *  are 13.8% above it and carry their own 15% band (computeTolerance in the JSON, with the reason). */
const COMPUTE_TOLERANCE = 0.1;
/** Host compute buffers (the ubatch's input embeddings and KQ mask) are a few MiB; every log prints 0.01 MiB
 *  more than the two tensors we count (15.01, 18.01, 4.76 MiB against 15.00, 18.00, 4.75): small graph inputs
 *  such as token ids and positions, not modelled. Held to 0.015 MiB, the printed resolution plus that. */
const HOST_COMPUTE_MIB = 0.015;

function plan(c: OffloadLogCase, changes: Partial<OffloadLogCase> = {}) {
  const r = placeLogCase(ROOT, c, changes);
  if (!r.ok) throw new Error(r.error.message);
  return r.plan;
}

const rel = (ours: number, logged: number) => Math.abs(ours / MiB - logged) / logged;

describe('offload load logs', () => {
  it('has at least three models, dense and MoE, each with a source URL', () => {
    expect(new Set(cases.map((c) => c.model)).size).toBeGreaterThanOrEqual(3);
    expect(cases.some((c) => model(c.model).moe !== null)).toBe(true);
    expect(cases.some((c) => model(c.model).moe === null)).toBe(true);
    for (const c of cases) expect(c.url).toMatch(/^https:\/\/(github\.com|arxiv\.org)\//);
  });

  for (const c of cases) {
    describe(c.id, () => {
      const p = plan(c);
      const l = c.logged;
      if (l.offloaded) {
        it(`offloads ${l.offloaded} layers`, () =>
          expect(`${p.layersOnGpu}/${p.totalLayers}`).toBe(l.offloaded));
      }
      const ours = planBuffersMiB(p);
      for (const [key, value] of Object.entries(l)) {
        if (typeof value !== 'number') continue;
        const o = ours[key as keyof typeof ours];
        it(`${key} ${value} MiB`, () => {
          if (key === 'outputMiB') expect(Math.abs(o - value)).toBeLessThan(0.005);
          else if (key === 'hostComputeMiB') expect(Math.abs(o - value)).toBeLessThan(HOST_COMPUTE_MIB);
          else if (key === 'gpuComputeMiB')
            expect(Math.abs(o - value) / value).toBeLessThan(c.computeTolerance ?? COMPUTE_TOLERANCE);
          else expect(Math.abs(o - value) / value).toBeLessThan(BUFFER_TOLERANCE);
        });
      }
    });
  }

  it('the current -ngl order would have put the output layer, not block 18, on the GPU for the b5466 log', () => {
    const c = cases.find((x) => x.id === 'qwen3-30b-a3b-q4km-ngl30') as OffloadLogCase;
    const now = plan(c, { order: 'output-first' });
    const then = plan(c);
    expect(then.outputOnGpu).toBe(false);
    expect(now.outputOnGpu).toBe(true);
    expect(now.blocksOnGpu).toBe(then.blocksOnGpu - 1);
    // The logged CUDA0 buffer is the blocks-first one; output-first misses it.
    expect(rel(now.gpus[0]?.weightBytes ?? 0, c.logged.gpuModelMiB as number)).toBeGreaterThan(
      BUFFER_TOLERANCE,
    );
  });

  it('the 2023 file stores its output layer last: with the convert-hf layout the mapped span would stop at block 11', () => {
    const c = cases.find((x) => x.id === 'mistral-7b-v01-q4km-ngl20') as OffloadLogCase;
    const hf = plan(c, { fileLayout: 'convert-hf' });
    const logged = c.logged.cpuMappedMiB as number;
    expect(rel(plan(c).cpu.mappedWeightBytes, logged)).toBeLessThan(BUFFER_TOLERANCE);
    expect(hf.cpu.mappedWeightBytes / MiB).toBeLessThan(logged / 2);
    // Only the span moves: the bytes held on each side are the same.
    expect(hf.cpu.weightBytes).toBe(plan(c).cpu.weightBytes);
    expect(hf.gpus[0]?.weightBytes).toBe(plan(c).gpus[0]?.weightBytes);
  });
});
