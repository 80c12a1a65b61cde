// "What does my hardware run" for one model: whole, partial offload (llama.cpp) or not at all, the largest
// context, and speeds that agree with the rig search and with a published measurement.
import { describe, expect, it } from 'vitest';
import {
  estimateMemory,
  findCheapestRigs,
  largestContextOnOwned,
  type OwnedHardware,
  type OwnedRunOptions,
  rigRequestFromEstimate,
  runOnOwned,
} from '../../../src/core/index';
import { dataset, GiB, gpus, item, model, must } from './helpers';

const Q4: OwnedRunOptions = {
  weightFormat: 'q4_k_m',
  kvCacheFormat: 'f16',
  contextTokens: 8192,
  batch: 1,
  engine: 'llama.cpp',
};

function run(id: string, hw: OwnedHardware, o: Partial<OwnedRunOptions> = {}) {
  const m = model(id);
  const r = runOnOwned(m.spec, m.parameters, { ...Q4, ...o }, hw);
  if (!r.ok) throw new Error(r.message);
  return r.run;
}

describe('runOnOwned, GPUs with llama.cpp', () => {
  it('Llama 3.3 70B Q4_K_M on one RTX 3090 + 64 GB DDR4: a layer count, the flag, bytes per device, a speed', () => {
    const r = run('llama-3-3-70b', gpus('nvidia-rtx-3090-24gb', 1));
    expect(r.mode).toBe('offload');
    const plan = must(r.plan);
    expect(plan.mode).toBe('layers');
    expect(plan.totalLayers).toBe(81);
    expect(plan.layersOnGpu).toBeGreaterThan(30);
    expect(plan.layersOnGpu).toBeLessThan(81);
    expect(plan.flags).toBe(`-ngl ${plan.layersOnGpu}`);
    const gpu = must(plan.gpus[0]);
    expect(gpu.totalBytes).toBeLessThanOrEqual(24 * GiB);
    // The OS keeps 8 GiB of the 64: llama.cpp gets 56.
    expect(plan.cpu.budgetBytes).toBe(56 * GiB);
    expect(plan.cpu.totalBytes).toBeLessThanOrEqual(56 * GiB);
    // A 70B at 4.8 bits is about 42 GB; the two sides hold all of it.
    expect(gpu.weightBytes + plan.cpu.weightBytes).toBeGreaterThan(39e9);
    expect(gpu.weightBytes + plan.cpu.weightBytes).toBeLessThan(45e9);
    // Roughly half of the model is read from 51.2 GB/s RAM every token: 1-3 tok/s.
    expect(must(r.decodeTokensPerSecond)).toBeGreaterThan(0.8);
    expect(must(r.decodeTokensPerSecond)).toBeLessThan(3);
    expect(r.headroomBytes).toBe(plan.cpu.budgetBytes - plan.cpu.totalBytes);
    expect(must(r.offload).layers).toBe(plan);
  });

  it('two RTX 3090 hold a 70B Q4_K_M whole, at the speed measured on that pair (16.57 tok/s, ±8%)', () => {
    // XiongjieDai/GPU-Benchmarks-on-LLM-Inference README: 2x RTX 3090, LLaMA 3 70B Q4_K_M, tg512 16.57 t/s
    // (https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference). The rig search's GPU constants were
    // fitted to this point; this checks that the offload placement reads the same bytes at full offload.
    const r = run('llama-3-1-70b', gpus('nvidia-rtx-3090-24gb', 2), { contextTokens: 1024 });
    expect(r.mode).toBe('whole');
    expect(must(r.plan).flags).toBe('-ngl 81 --tensor-split 24,24');
    expect(must(r.decodeTokensPerSecondEmpty)).toBeGreaterThan(16.57 * 0.92);
    expect(must(r.decodeTokensPerSecondEmpty)).toBeLessThan(16.57 * 1.08);
    expect(r.headroomBytes).toBe(r.usableBytes - r.needBytes);
    expect(r.headroomBytes).toBeGreaterThan(0);
    expect(r.usableBytes).toBe(48 * GiB);
    expect(r.offload).toBeUndefined();
  });

  it('a GPU of exactly the bytes a whole fit needs holds it whole; one byte less needs offload', () => {
    const base = gpus('nvidia-rtx-3090-24gb', 1);
    const need = run('llama-3-1-8b', base).needBytes;
    const exact = {
      ...base,
      gpu: { ...(base as Extract<OwnedHardware, { kind: 'gpus' }>).gpu, memoryBytes: need },
    };
    expect(run('llama-3-1-8b', exact).mode).toBe('whole');
    const short = { ...exact, gpu: { ...exact.gpu, memoryBytes: need - 1 } };
    expect(run('llama-3-1-8b', short).mode).toBe('offload');
  });

  it('an MoE model that does not fit the GPU runs with its experts in RAM (--n-cpu-moe)', () => {
    const r = run('qwen3-30b-a3b', gpus('nvidia-rtx-3060-12gb', 1));
    expect(r.mode).toBe('offload');
    expect(must(r.plan).mode).toBe('experts');
    expect(must(r.plan).flags).toMatch(/--n-cpu-moe \d+|--cpu-moe/);
    // Experts offload keeps attention on the GPU: faster than putting whole layers in RAM.
    const layers = must(r.offload).layers;
    expect(must(r.decodeTokensPerSecond)).toBeGreaterThan(
      must(layers.speed).decodeTokensPerSecondAtFullContext,
    );
  });

  it('a model bigger than GPU and RAM together does not run', () => {
    const r = run('llama-3-1-405b', gpus('nvidia-rtx-3090-24gb', 1, 32));
    expect(r.mode).toBe('none');
    expect(r.headroomBytes).toBeLessThan(0);
  });
});

describe('runOnOwned, other hardware', () => {
  it('a unified machine runs at the speed the rig search quotes for it', () => {
    const mac = item('apple-mac-studio-m2-ultra-192gb');
    const m = model('llama-3-3-70b');
    const r = run('llama-3-3-70b', { kind: 'unified', machine: mac });
    expect(r.mode).toBe('whole');
    const estimate = estimateMemory(m.spec, Q4);
    const search = findCheapestRigs(
      dataset,
      rigRequestFromEstimate(estimate, {
        constraints: {
          conditions: ['new', 'used'],
          requireFp8: false,
          asOf: '2026-12-03',
          rigKinds: ['unified'],
          maxResults: 200,
          maxPriceAgeDays: Number.POSITIVE_INFINITY,
        },
        activeParameters: m.parameters.active,
        weightFormat: 'q4_k_m',
      }),
    );
    expect(search.kind).toBe('found');
    if (search.kind !== 'found') return;
    const quote = must(
      search.rigs.find((q) => q.id === `unified:${mac.id}`),
      'the M2 Ultra quote',
    );
    expect(must(r.decodeTokensPerSecond)).toBeCloseTo(quote.decodeTokensPerSecond, 6);
    expect(r.usableBytes).toBe(quote.usableBytes);
  });

  it('CPU only: RAM of exactly the need plus the OS share runs it whole; one byte less does not', () => {
    const cpu = (installedBytes: number): OwnedHardware => ({
      kind: 'cpu',
      ram: { installedBytes, bandwidthGBps: 204.8 },
    });
    const probe = run('qwen3-8b', cpu(64 * GiB));
    expect(probe.mode).toBe('whole');
    const exact = probe.needBytes + 8 * GiB;
    expect(run('qwen3-8b', cpu(exact)).mode).toBe('whole');
    expect(run('qwen3-8b', cpu(exact - 1)).mode).toBe('none');
  });

  it('vLLM on GPUs keeps the model whole or not at all, with tensor parallel on a power of two', () => {
    const two = run('qwen3-32b', gpus('nvidia-rtx-3090-24gb', 2), { engine: 'vllm', weightFormat: 'int4' });
    const three = run('qwen3-32b', gpus('nvidia-rtx-3090-24gb', 3), { engine: 'vllm', weightFormat: 'int4' });
    expect(two.mode).toBe('whole');
    expect(two.plan).toBeUndefined();
    // Three GPUs hold more but run at one GPU's speed (no tensor parallel over 3).
    expect(must(three.decodeTokensPerSecond)).toBeLessThan(must(two.decodeTokensPerSecond));
    const one = run('qwen3-32b', gpus('nvidia-rtx-3090-24gb', 1), { engine: 'vllm', weightFormat: 'bf16' });
    expect(one.mode).toBe('none');
  });

  it('vLLM cannot run an fp8 MoE on Ampere (engine support), and says so', () => {
    const r = run('qwen3-30b-a3b', gpus('nvidia-rtx-3090-24gb', 4), { engine: 'vllm', weightFormat: 'fp8' });
    expect(r.mode).toBe('none');
    expect(r.engineBlock).toMatch(/RTX 3090/);
  });
});

describe('largestContextOnOwned', () => {
  const opts = { weightFormat: 'q4_k_m', kvCacheFormat: 'f16', batch: 1, engine: 'llama.cpp' } as const;
  const limits = { minTokens: 1024, maxTokens: 1_048_576, stepTokens: 256 };

  it('whole: the context returned fits and one step more does not', () => {
    const m = model('llama-3-3-70b');
    const hw = gpus('nvidia-rtx-3090-24gb', 2);
    const ctx = must(largestContextOnOwned(m.spec, m.parameters, opts, hw, { ...limits, whole: true }));
    expect(ctx).toBeGreaterThan(8192);
    expect(ctx).toBeLessThan(131_072);
    expect(run('llama-3-3-70b', hw, { contextTokens: ctx }).mode).toBe('whole');
    expect(run('llama-3-3-70b', hw, { contextTokens: ctx + 256 }).mode).not.toBe('whole');
  });

  it("stops at the model's own context limit", () => {
    const m = model('llama-3-2-1b');
    const ctx = largestContextOnOwned(m.spec, m.parameters, opts, gpus('nvidia-rtx-3090-24gb', 2), {
      ...limits,
      whole: true,
    });
    expect(m.spec.maxContextTokens).toBe(131_072);
    expect(ctx).toBe(131_072);
  });

  it('with offload allowed the context can be longer than whole on the GPU', () => {
    const m = model('llama-3-1-8b');
    const hw = gpus('nvidia-rtx-3060-12gb', 1, 64);
    const whole = must(largestContextOnOwned(m.spec, m.parameters, opts, hw, { ...limits, whole: true }));
    const any = must(largestContextOnOwned(m.spec, m.parameters, opts, hw, { ...limits, whole: false }));
    expect(any).toBeGreaterThan(whole);
  });

  it('null when even the shortest context does not fit', () => {
    const m = model('llama-3-1-405b');
    const hw: OwnedHardware = { kind: 'cpu', ram: { installedBytes: 32 * GiB, bandwidthGBps: 51.2 } };
    expect(largestContextOnOwned(m.spec, m.parameters, opts, hw, { ...limits, whole: false })).toBeNull();
  });
});
