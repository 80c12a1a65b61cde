// placeOffload edges and invariants: llama.cpp's -ngl counting (output layer first), the host-bound input
// embeddings, KV with its layer, --n-cpu-moe taking the first blocks, --tensor-split, and typed errors.
import { describe, expect, it } from 'vitest';
import {
  estimateMemory,
  type OffloadConfig,
  type OffloadHardware,
  type OffloadOptions,
  placeOffload,
} from '../../../src/core/index';
import { weightFormatById } from '../../../src/core/memory/formats';
import { EXPERT_TENSOR_PATTERN } from '../../../src/core/offload/constants';
import { modelLayers } from '../../../src/core/offload/layers';
import { loadPresets } from '../memory/helpers';
import { GiB, model, must, rtx3090 } from './helpers';

const Q4: OffloadOptions = { weightFormat: 'q4_k_m', kvCacheFormat: 'f16', contextTokens: 8192, batch: 1 };

/** The placed tensors of a preset at Q4_K_M. */
function layersOf(id: string) {
  return must(modelLayers(model(id), must(weightFormatById('q4_k_m'), 'format')), 'layers');
}

function plan(id: string, config: OffloadConfig, options: Partial<OffloadOptions> = {}, hw = rtx3090()) {
  const r = placeOffload(model(id), { ...Q4, ...options }, hw, config);
  if (!r.ok) throw new Error(r.error.message);
  return r.plan;
}

const embdBytes = (id: string) => {
  const m = model(id);
  const t = m.tensors.find((x) => x.role === 'embedding');
  return t ? t.ne0 * t.ne1 : 0;
};

describe('-ngl edges (Llama 3.1 8B: 32 blocks + output = 33 layers)', () => {
  const id = 'llama-3-1-8b';
  const total = estimateMemory(model(id), { ...Q4 });

  it('-ngl 0: every weight and the whole KV cache in RAM', () => {
    const p = plan(id, { nGpuLayers: 0 });
    expect(p.layersOnGpu).toBe(0);
    expect(p.totalLayers).toBe(33);
    expect(p.outputOnGpu).toBe(false);
    expect(p.gpus[0]?.weightBytes).toBe(0);
    expect(p.gpus[0]?.kvBytes).toBe(0);
    expect(p.cpu.weightBytes).toBe(total.weights);
    expect(p.cpu.kvBytes).toBe(total.kvCache);
    expect(p.flags).toBe('-ngl 0');
  });

  it('-ngl 1 offloads only the output layer (llama.cpp since PR #18148)', () => {
    const p = plan(id, { nGpuLayers: 1 });
    expect(p.outputOnGpu).toBe(true);
    expect(p.blocksOnGpu).toBe(0);
    expect(p.gpus[0]?.kvBytes).toBe(0);
  });

  it('-ngl = n_layer (32): the output layer and blocks 1-31 on the GPU, block 0 in RAM', () => {
    const p = plan(id, { nGpuLayers: 32 });
    expect(p.outputOnGpu).toBe(true);
    expect(p.blocksOnGpu).toBe(31);
    expect(p.gpus[0]?.firstBlock).toBe(1);
    expect(p.cpu.blocks).toBe(1);
    expect(p.cpu.kvBytes).toBe(total.kvCache / 32);
  });

  it('-ngl = n_layer with the pre-December-2025 order: all blocks on the GPU, the output layer in RAM', () => {
    const p = plan(id, { nGpuLayers: 32 }, { order: 'blocks-first' });
    expect(p.outputOnGpu).toBe(false);
    expect(p.blocksOnGpu).toBe(32);
    expect(p.cpu.kvBytes).toBe(0);
  });

  it('-ngl = n_layer + 1 (33): everything on the GPU but the input embeddings', () => {
    const p = plan(id, { nGpuLayers: 33 });
    expect(p.layersOnGpu).toBe(33);
    expect(p.outputOnGpu).toBe(true);
    expect(p.blocksOnGpu).toBe(32);
    expect(p.cpu.kvBytes).toBe(0);
    // Only token_embd (q4_K: 144 B per 256 values) stays in RAM.
    expect(p.cpu.weightBytes).toBe((embdBytes(id) / 256) * 144);
    expect(p.cpu.mappedWeightBytes).toBe(p.cpu.weightBytes);
    expect(p.gpus[0]?.weightBytes).toBe(total.weights - p.cpu.weightBytes);
  });

  it('-ngl 99 is clamped to n_layer + 1', () => {
    const p = plan(id, { nGpuLayers: 99 });
    expect(p.config.nGpuLayers).toBe(33);
    expect(p.flags).toBe('-ngl 33');
  });
});

describe('invariants over -ngl', () => {
  for (const id of ['llama-3-3-70b', 'gemma-3-27b', 'qwen3-30b-a3b', 'deepseek-v2-lite']) {
    it(`${id}: GPU bytes never shrink and RAM bytes never grow as -ngl rises; weights are conserved`, () => {
      const m = model(id);
      const total = estimateMemory(m, Q4);
      let prev = plan(id, { nGpuLayers: 0 });
      for (let ngl = 1; ngl <= m.numLayers + 1; ngl++) {
        const p = plan(id, { nGpuLayers: ngl });
        const g = must(p.gpus[0]);
        const g0 = must(prev.gpus[0]);
        expect(g.weightBytes + g.kvBytes).toBeGreaterThanOrEqual(g0.weightBytes + g0.kvBytes);
        expect(p.cpu.weightBytes + p.cpu.kvBytes).toBeLessThanOrEqual(
          prev.cpu.weightBytes + prev.cpu.kvBytes,
        );
        const tied = m.tensors.some((t) => t.role === 'output') ? 0 : p.outputOnGpu ? 1 : 0;
        const dup = tied ? must(p.gpus[0]).weightBytes + p.cpu.weightBytes - total.weights : 0;
        expect(g.weightBytes + p.cpu.weightBytes - dup).toBe(total.weights);
        expect(g.kvBytes + p.cpu.kvBytes).toBe(total.kvCache);
        expect(p.layersOnGpu).toBe(ngl);
        prev = p;
      }
    });
  }

  it("a tied-embedding model loads token_embd a second time on the output layer's GPU (Gemma 3)", () => {
    const id = 'gemma-3-27b';
    const tokenEmbd = plan(id, { nGpuLayers: 63 }).cpu.weightBytes;
    const p = plan(id, { nGpuLayers: 1 });
    // GPU: the duplicated token_embd used as output matrix, plus output_norm (f32, 5376 values).
    expect(p.gpus[0]?.weightBytes).toBe(tokenEmbd + 4 * 5376);
    expect(p.cpu.weightBytes).toBe(estimateMemory(model(id), Q4).weights - 4 * 5376);
  });
});

describe('MoE expert offload', () => {
  const id = 'qwen3-30b-a3b';

  it('--cpu-moe keeps every routed expert in RAM and nothing else but token_embd', () => {
    const m = model(id);
    const total = estimateMemory(m, Q4);
    const p = plan(id, { nGpuLayers: 49, nCpuMoe: 'all' });
    expect(p.mode).toBe('experts');
    expect(p.flags).toBe('-ngl 49 --cpu-moe');
    expect(p.cpu.expertBlocks).toBe(48);
    const embd = plan(id, { nGpuLayers: 49 }).cpu.weightBytes;
    expect(p.cpu.weightBytes).toBe(total.routedExpertWeights + embd);
    expect(p.cpu.kvBytes).toBe(0);
    // The mapped range runs from token_embd to the last block's experts: nearly the whole file.
    expect(p.cpu.mappedWeightBytes).toBeGreaterThan(p.cpu.weightBytes);
  });

  it('--n-cpu-moe N takes the experts of the first N blocks', () => {
    const a = plan(id, { nGpuLayers: 49, nCpuMoe: 12 });
    const b = plan(id, { nGpuLayers: 49, nCpuMoe: 13 });
    expect(a.flags).toBe('-ngl 49 --n-cpu-moe 12');
    expect(a.cpu.expertBlocks).toBe(12);
    // Qwen3-30B-A3B: 48 MoE blocks, so each step moves one block's experts (the Q4_K_M mix gives some blocks a
    // q6_K ffn_down_exps, so blocks differ by up to a third).
    const perBlock = estimateMemory(model(id), Q4).routedExpertWeights / 48;
    const step = b.cpu.weightBytes - a.cpu.weightBytes;
    expect(step).toBeGreaterThan(perBlock * 0.8);
    expect(step).toBeLessThan(perBlock * 1.3);
    // Mapped range: token_embd, then blocks 0..11, up to blk.11.ffn_up_exps.
    expect(a.cpu.mappedWeightBytes).toBeLessThan(b.cpu.mappedWeightBytes);
  });

  it('an -ot override of the last N blocks: the same bytes per block from the other end, and its flag', () => {
    const last = plan(id, { nGpuLayers: 49, nCpuMoe: 2, cpuMoeFrom: 'last' });
    expect(last.flags).toBe('-ngl 49 -ot "blk\\.(46|47)\\.(ffn_(up|down|gate|gate_up)_(ch|)exps)=CPU"');
    expect(last.cpu.expertBlocks).toBe(2);
    const none = plan(id, { nGpuLayers: 49 });
    const moved = last.cpu.weightBytes - none.cpu.weightBytes;
    // Exactly the routed-expert tensors of blocks 46 and 47 move.
    const experts = layersOf(id)
      .tensors.filter((t) => t.expert && t.block >= 46)
      .reduce((sum, t) => sum + t.bytes, 0);
    expect(moved).toBe(experts);
    expect(last.gpus[0]?.weightBytes).toBe((none.gpus[0]?.weightBytes ?? 0) - experts);
    // One block fewer moves one block's experts fewer.
    const one = plan(id, { nGpuLayers: 49, nCpuMoe: 1, cpuMoeFrom: 'last' });
    expect(one.cpu.expertBlocks).toBe(1);
    expect(one.cpu.weightBytes).toBeLessThan(last.cpu.weightBytes);
  });

  it("an 'ffn' override also moves the blocks' norm and router, and writes the ffn pattern", () => {
    const experts = plan(id, { nGpuLayers: 49, nCpuMoe: 2, cpuMoeFrom: 'last' });
    const ffn = plan(id, { nGpuLayers: 49, nCpuMoe: 2, cpuMoeFrom: 'last', cpuMoeTensors: 'ffn' });
    expect(ffn.flags).toBe('-ngl 49 -ot "blk\\.(46|47)\\.ffn=CPU"');
    const extra = layersOf(id)
      .tensors.filter((t) => t.block >= 46 && !t.expert && t.spec.name.includes('.ffn'))
      .reduce((sum, t) => sum + t.bytes, 0);
    expect(extra).toBeGreaterThan(0);
    expect(ffn.cpu.weightBytes - experts.cpu.weightBytes).toBe(extra);
    // The first blocks, with the ffn pattern, name blocks 0 and 1.
    expect(plan(id, { nGpuLayers: 49, nCpuMoe: 2, cpuMoeTensors: 'ffn' }).flags).toBe(
      '-ngl 49 -ot "blk\\.(0|1)\\.ffn=CPU"',
    );
  });

  it('--n-cpu-moe counts dense blocks too (DeepSeek-V2-Lite: block 0 is dense)', () => {
    const p1 = plan('deepseek-v2-lite', { nGpuLayers: 28, nCpuMoe: 1 });
    const p0 = plan('deepseek-v2-lite', { nGpuLayers: 28 });
    expect(p1.cpu.weightBytes).toBe(p0.cpu.weightBytes);
    expect(p1.cpu.expertBlocks).toBe(0);
  });

  it('moving experts to RAM slows decode on a GPU faster than RAM', () => {
    const full = must(plan(id, { nGpuLayers: 49 }).speed).decodeTokensPerSecond;
    const some = must(plan(id, { nGpuLayers: 49, nCpuMoe: 24 }).speed).decodeTokensPerSecond;
    const all = must(plan(id, { nGpuLayers: 49, nCpuMoe: 'all' }).speed).decodeTokensPerSecond;
    expect(full).toBeGreaterThan(some);
    expect(some).toBeGreaterThan(all);
  });

  it("llama.cpp's expert pattern picks exactly the routed-expert tensors of every MoE preset", () => {
    for (const id of loadPresets().map((p) => p.id)) {
      const m = model(id);
      for (const t of m.tensors) {
        expect(EXPERT_TENSOR_PATTERN.test(t.name), `${id} ${t.name}`).toBe(t.role === 'routed_expert');
      }
    }
  });

  it('a dense model ignores --n-cpu-moe', () => {
    const p = plan('llama-3-1-8b', { nGpuLayers: 33, nCpuMoe: 'all' });
    expect(p.mode).toBe('layers');
    expect(p.flags).toBe('-ngl 33');
  });
});

describe('compute buffers', () => {
  it('a GPU that runs RAM-held layers for prompts holds a copy of the largest RAM-held weight', () => {
    const full = plan('llama-3-3-70b', { nGpuLayers: 81 });
    const part = plan('llama-3-3-70b', { nGpuLayers: 41 });
    const none = plan('llama-3-3-70b', { nGpuLayers: 0 });
    // -ngl 0: the 128256 x 8192 q6_K output matrix (862 MB) is copied in for every prompt ubatch.
    expect(must(none.gpus[0]).computeBytes).toBeGreaterThan(must(full.gpus[0]).computeBytes + 800e6);
    // -ngl 41: a 8192 x 28672 q4_K FFN matrix (132 MB) and its activations fit inside the logits' peak.
    expect(must(part.gpus[0]).computeBytes).toBe(must(full.gpus[0]).computeBytes);
    // Below the op-offload batch (32) nothing is copied: RAM-held layers run on the CPU.
    const small = plan('llama-3-3-70b', { nGpuLayers: 41 }, { nUbatch: 16 });
    expect(must(small.gpus[0]).computeBytes).toBeLessThan(must(full.gpus[0]).computeBytes);
    const smallFull = plan('llama-3-3-70b', { nGpuLayers: 81 }, { nUbatch: 16 });
    expect(small.cpu.computeBytes).toBeGreaterThan(smallFull.cpu.computeBytes);
  });

  it('every GPU carries its CUDA context', () => {
    const p = plan('llama-3-1-8b', { nGpuLayers: 33 });
    expect(must(p.gpus[0]).runtimeBytes).toBe(457 * 2 ** 20);
    expect(must(p.gpus[0]).totalBytes).toBe(
      must(p.gpus[0]).weightBytes +
        must(p.gpus[0]).kvBytes +
        must(p.gpus[0]).computeBytes +
        must(p.gpus[0]).runtimeBytes,
    );
  });
});

describe('several GPUs (--tensor-split)', () => {
  const two: OffloadHardware = {
    gpus: [
      { memoryBytes: 24 * GiB, bandwidthGBps: 936 },
      { memoryBytes: 24 * GiB, bandwidthGBps: 936 },
    ],
    systemRamBytes: 64 * GiB,
    cpuBandwidthGBps: 51.2,
  };

  it('two equal GPUs split the 33 layers 17/16 with the output layer on the last one', () => {
    const p = plan('llama-3-1-8b', { nGpuLayers: 33 }, {}, two);
    expect(p.gpus[0]?.firstBlock).toBe(0);
    expect(p.gpus[0]?.lastBlock).toBe(16);
    expect(p.gpus[1]?.firstBlock).toBe(17);
    expect(p.gpus[1]?.holdsOutput).toBe(true);
    expect(p.flags).toBe('-ngl 33 --tensor-split 24,24');
  });

  it('layers follow the split proportions within one layer', () => {
    for (const split of [
      [1, 3],
      [3, 1],
      [2, 1, 1],
    ]) {
      const hw: OffloadHardware = {
        ...two,
        gpus: split.map(() => ({ memoryBytes: 80 * GiB, bandwidthGBps: 1000 })),
        tensorSplit: split,
      };
      const p = plan('llama-3-3-70b', { nGpuLayers: 81 }, {}, hw);
      const sum = split.reduce((a, b) => a + b, 0);
      p.gpus.forEach((g, i) => {
        const layers = g.blocks + (g.holdsOutput ? 1 : 0);
        expect(Math.abs(layers - (81 * (split[i] as number)) / sum)).toBeLessThanOrEqual(1);
      });
    }
  });

  it('a partial offload fills the GPUs from the last layers back', () => {
    const p = plan('llama-3-3-70b', { nGpuLayers: 41 }, {}, two);
    expect(p.gpus[0]?.firstBlock).toBe(40);
    expect(p.gpus[1]?.holdsOutput).toBe(true);
    expect(p.cpu.blocks).toBe(40);
  });
});

describe('speed', () => {
  it('decode gets faster with each layer moved to a GPU faster than RAM', () => {
    let prev = 0;
    for (const ngl of [0, 20, 40, 60, 81]) {
      const s = must(plan('llama-3-3-70b', { nGpuLayers: ngl }).speed).decodeTokensPerSecond;
      expect(s).toBeGreaterThan(prev);
      prev = s;
    }
  });

  it('a full context reads the KV cache too and decodes slower', () => {
    const s = must(plan('llama-3-1-8b', { nGpuLayers: 20 }, { contextTokens: 65536 }).speed);
    expect(s.decodeTokensPerSecondAtFullContext).toBeLessThan(s.decodeTokensPerSecond);
  });

  it('prompts with RAM-held weights pay the PCIe copy; a slower link is slower', () => {
    const hw = (pcie: number) =>
      rtx3090({ gpus: [{ memoryBytes: 24 * GiB, bandwidthGBps: 936, fp16Tflops: 71, pcieGBps: pcie }] });
    const fast = must(plan('llama-3-3-70b', { nGpuLayers: 41 }, {}, hw(31.5)).speed);
    const slow = must(plan('llama-3-3-70b', { nGpuLayers: 41 }, {}, hw(15.75)).speed);
    expect(must(fast.prefillSeconds).copy).toBeGreaterThan(0);
    expect(must(slow.prefillSeconds).copy).toBeCloseTo(2 * must(fast.prefillSeconds).copy, 10);
    expect(must(slow.prefillTokensPerSecond)).toBeLessThan(must(fast.prefillTokensPerSecond));
    const full = must(plan('llama-3-1-8b', { nGpuLayers: 33 }, {}, hw(31.5)).speed);
    expect(must(full.prefillSeconds).copy).toBe(0);
  });

  it('no speed without bandwidths; no prefill without TFLOPS', () => {
    const noCpu = rtx3090({ cpuBandwidthGBps: undefined });
    delete (noCpu as { cpuBandwidthGBps?: number }).cpuBandwidthGBps;
    expect(plan('llama-3-1-8b', { nGpuLayers: 10 }, {}, noCpu).speed).toBeUndefined();
    const noTflops = rtx3090({ gpus: [{ memoryBytes: 24 * GiB, bandwidthGBps: 936 }] });
    const s = must(plan('llama-3-1-8b', { nGpuLayers: 10 }, {}, noTflops).speed);
    expect(s.decodeTokensPerSecond).toBeGreaterThan(0);
    expect(s.prefillTokensPerSecond).toBeUndefined();
  });
});

describe('errors never throw', () => {
  const m = () => model('llama-3-1-8b');
  const cases: [string, Parameters<typeof placeOffload>, string][] = [
    [
      'fp8 checkpoint',
      [m(), { ...Q4, weightFormat: 'fp8' }, rtx3090(), { nGpuLayers: 10 }],
      'format-not-on-llama-cpp',
    ],
    [
      'unknown format',
      [m(), { ...Q4, weightFormat: 'q9' }, rtx3090(), { nGpuLayers: 10 }],
      'unknown-weight-format',
    ],
    [
      'vLLM KV format',
      [m(), { ...Q4, kvCacheFormat: 'fp8' }, rtx3090(), { nGpuLayers: 10 }],
      'kv-format-unsupported-by-engine',
    ],
    ['no GPU', [m(), Q4, rtx3090({ gpus: [] }), { nGpuLayers: 10 }], 'no-gpu'],
    ['negative -ngl', [m(), Q4, rtx3090(), { nGpuLayers: -1 }], 'invalid-gpu-layers'],
    ['fractional -ngl', [m(), Q4, rtx3090(), { nGpuLayers: 2.5 }], 'invalid-gpu-layers'],
    ['bad --n-cpu-moe', [m(), Q4, rtx3090(), { nGpuLayers: 10, nCpuMoe: -2 }], 'invalid-cpu-moe'],
    ['split length', [m(), Q4, rtx3090({ tensorSplit: [1, 1] }), { nGpuLayers: 10 }], 'invalid-tensor-split'],
    [
      'zero GPU memory',
      [m(), Q4, rtx3090({ gpus: [{ memoryBytes: 0 }] }), { nGpuLayers: 10 }],
      'invalid-gpu',
    ],
    ['ubatch 0', [m(), { ...Q4, nUbatch: 0 }, rtx3090(), { nGpuLayers: 10 }], 'invalid-ubatch'],
    ['context 0', [m(), { ...Q4, contextTokens: 0 }, rtx3090(), { nGpuLayers: 10 }], 'invalid-context'],
    [
      'bad override side',
      [m(), Q4, rtx3090(), { nGpuLayers: 10, cpuMoeFrom: 'middle' as never }],
      'invalid-cpu-moe',
    ],
    [
      'bad override tensors',
      [m(), Q4, rtx3090(), { nGpuLayers: 10, cpuMoeTensors: 'attn' as never }],
      'invalid-cpu-moe',
    ],
    [
      'unknown file layout',
      [m(), { ...Q4, fileLayout: 'sorted' as never }, rtx3090(), { nGpuLayers: 10 }],
      'invalid-file-layout',
    ],
  ];
  for (const [name, args, code] of cases) {
    it(name, () => {
      const r = placeOffload(...args);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
    });
  }
});
