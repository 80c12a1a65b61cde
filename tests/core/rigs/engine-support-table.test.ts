// Every branch of the engine support table, one row each: engine, device target, weight format, MoE, and
// the verdict the cited documents give (ENGINE_SUPPORT_SOURCES): runs, runs through a slower path (with
// the note's key words), or does not run (with the reason's key words, which a buyer reads).
import { describe, expect, it } from 'vitest';
import type { WeightFormatId } from '../../../src/core/memory/format-ids';
import {
  deviceSupport,
  engineName,
  engineRunsHybrid,
  formatSupport,
  verdictFor,
} from '../../../src/core/rigs/engine-support';
import { parseTarget } from '../../../src/core/rigs/targets';
import type { RigEngine } from '../../../src/core/rigs/types';
import type { HardwareItem } from '../../../src/data/schema';

type Row = [RigEngine, string, WeightFormatId | null, boolean, 'runs' | 'slow' | 'no', string];

const ROWS: Row[] = [
  // llama.cpp on devices
  ['llama.cpp', 'sm_50', null, false, 'runs', ''],
  ['llama.cpp', 'sm_37', null, false, 'no', 'needs compute capability 5.0 or newer'],
  ['llama.cpp', 'gfx906', null, false, 'runs', ''],
  ['llama.cpp', 'apple-m1', null, false, 'runs', ''],
  ['llama.cpp', 'x86-64-v3', null, false, 'runs', ''],
  ['llama.cpp', 'intel-xe-hpg', null, false, 'runs', ''],
  ['llama.cpp', 'intel-gaudi3', null, false, 'no', 'no Intel Gaudi backend'],
  ['llama.cpp', 'z80', null, false, 'no', 'does not record this device'],
  // llama.cpp formats
  ['llama.cpp', 'sm_86', 'q4_k_m', false, 'runs', ''],
  ['llama.cpp', 'sm_86', 'bf16', false, 'runs', ''],
  ['llama.cpp', 'sm_86', 'fp16', false, 'runs', ''],
  ['llama.cpp', 'sm_86', 'mxfp4', true, 'runs', ''],
  ['llama.cpp', 'sm_86', 'nvfp4', false, 'slow', 'NVFP4 GGUF runs on Blackwell natively'],
  [
    'llama.cpp',
    'sm_86',
    'int4',
    false,
    'no',
    'not int4 checkpoints (convert to GGUF; Q4_K_M is the nearest size)',
  ],
  [
    'llama.cpp',
    'sm_86',
    'fp8',
    false,
    'no',
    'not fp8 checkpoints (convert to GGUF; Q8_0 is the nearest size)',
  ],
  ['llama.cpp', 'sm_37', 'q4_k_m', false, 'no', 'needs compute capability 5.0'],
  // vLLM on devices
  ['vllm', 'sm_61', null, false, 'no', 'vLLM needs compute capability 7.0 or newer (this is 6.1)'],
  ['vllm', 'sm_70', null, false, 'slow', 'wheels dropped 7.0: use vLLM 0.10.x'],
  ['vllm', 'sm_75', null, false, 'runs', ''],
  ['vllm', 'gfx90a', null, false, 'runs', ''],
  ['vllm', 'gfx1151', null, false, 'runs', ''],
  ['vllm', 'gfx906', null, false, 'no', 'ROCm build does not list gfx906'],
  ['vllm', 'gfx1030', null, false, 'no', 'does not list gfx1030'],
  ['vllm', 'apple-m3', null, false, 'no', 'CPU of a Mac, not its GPU'],
  ['vllm', 'intel-gaudi2', null, false, 'runs', ''],
  ['vllm', 'intel-xe2', null, false, 'runs', ''],
  ['vllm', 'intel-xe-hpc', null, false, 'runs', ''],
  ['vllm', 'intel-xe-hpg', null, false, 'no', 'supports Arc B-series and Data Center Max, not xe-hpg'],
  ['vllm', 'x86-64-v4', null, false, 'no', 'does not model vLLM’s CPU backend'],
  ['vllm', 'z80', null, false, 'no', 'does not record this device'],
  // vLLM 16-bit and GGUF
  ['vllm', 'sm_75', 'bf16', false, 'slow', 'no bf16 before compute capability 8.0'],
  ['vllm', 'sm_75', 'fp16', false, 'runs', ''],
  ['vllm', 'sm_80', 'bf16', false, 'runs', ''],
  ['vllm', 'gfx942', 'bf16', false, 'runs', ''],
  ['vllm', 'sm_86', 'q4_k_m', false, 'slow', 'GGUF support is experimental'],
  ['vllm', 'gfx1100', 'q8_0', false, 'slow', 'GGUF support is experimental'],
  ['vllm', 'intel-xe2', 'q4_k_m', false, 'no', 'GGUF on CUDA and ROCm only, not on Intel xe2'],
  // vLLM fp8
  ['vllm', 'sm_89', 'fp8', true, 'runs', ''],
  ['vllm', 'sm_90', 'fp8', false, 'runs', ''],
  ['vllm', 'sm_80', 'fp8', false, 'slow', 'Marlin weight-only kernel (no fp8 math before 8.9)'],
  [
    'vllm',
    'sm_86',
    'fp8',
    true,
    'no',
    'fp8 MoE models only on compute capability 8.9 or newer (this is compute capability 8.6)',
  ],
  [
    'vllm',
    'sm_75',
    'fp8',
    false,
    'no',
    'no fp8 path before compute capability 8.0 (this is compute capability 7.5)',
  ],
  ['vllm', 'gfx942', 'fp8', true, 'runs', ''],
  ['vllm', 'gfx1201', 'fp8', false, 'runs', ''],
  ['vllm', 'gfx90a', 'fp8', false, 'no', 'needs MI300/MI350/RDNA 4, not gfx90a'],
  ['vllm', 'intel-gaudi3', 'fp8', false, 'runs', ''],
  ['vllm', 'intel-xe2', 'fp8', false, 'no', 'no fp8 path on Intel xe2'],
  // vLLM int8
  ['vllm', 'sm_75', 'int8', false, 'runs', ''],
  [
    'vllm',
    'sm_70',
    'int8',
    false,
    'no',
    'INT8 W8A8 needs compute capability 7.5 or newer (this is compute capability 7.0)',
  ],
  ['vllm', 'intel-gaudi3', 'int8', false, 'runs', ''],
  ['vllm', 'gfx942', 'int8', false, 'no', 'INT8 W8A8 runs on NVIDIA GPUs only, not gfx942'],
  // vLLM int4
  ['vllm', 'sm_75', 'int4', false, 'runs', ''],
  ['vllm', 'sm_70', 'int4', false, 'slow', 'AWQ needs compute capability 7.5; a GPTQ checkpoint'],
  ['vllm', 'intel-xe2', 'int4', false, 'runs', ''],
  ['vllm', 'gfx942', 'int4', false, 'no', 'AWQ/GPTQ kernels do not run on gfx942'],
  // vLLM mxfp4
  ['vllm', 'sm_90', 'mxfp4', true, 'runs', ''],
  ['vllm', 'sm_100', 'mxfp4', true, 'runs', ''],
  ['vllm', 'sm_120', 'mxfp4', true, 'slow', 'MXFP4 through the weight-only Marlin kernel'],
  ['vllm', 'sm_80', 'mxfp4', true, 'slow', 'MXFP4 through the weight-only Marlin kernel'],
  ['vllm', 'sm_75', 'mxfp4', true, 'no', 'MXFP4 kernels need compute capability 8.0 or newer'],
  ['vllm', 'gfx950', 'mxfp4', true, 'runs', ''],
  ['vllm', 'gfx1201', 'mxfp4', true, 'runs', ''],
  ['vllm', 'gfx1100', 'mxfp4', true, 'no', 'MXFP4 on MI300/MI355X and Radeon AI PRO R9700, not gfx1100'],
  ['vllm', 'intel-xe2', 'mxfp4', true, 'no', 'MXFP4 on NVIDIA and AMD GPUs only, not Intel xe2'],
  // vLLM nvfp4
  ['vllm', 'sm_100', 'nvfp4', false, 'runs', ''],
  ['vllm', 'sm_89', 'nvfp4', false, 'slow', 'NVFP4 weights through the weight-only Marlin kernel'],
  ['vllm', 'sm_75', 'nvfp4', false, 'no', 'NVFP4 paths need compute capability 8.0 or newer'],
  ['vllm', 'gfx942', 'nvfp4', false, 'slow', 'NVFP4 emulated'],
  [
    'vllm',
    'gfx1201',
    'nvfp4',
    false,
    'no',
    'NVFP4 on NVIDIA GPUs (and emulated on MI300/MI350) only, not gfx1201',
  ],
  // a device vLLM runs through an old release, with a format that adds its own note: both notes
  ['vllm', 'sm_70', 'int4', false, 'slow', 'wheels dropped 7.0'],
];

describe('the support table, branch by branch', () => {
  it.each(ROWS)('%s on %s, %s (moe %s): %s', (engine, target, format, moe, expected, words) => {
    const t = parseTarget(target);
    const v = format === null ? deviceSupport(engine, t) : formatSupport(engine, t, format, moe);
    expect(v.runs).toBe(expected !== 'no');
    if (expected === 'runs') {
      expect(v.note).toBeUndefined();
      expect(v.reason).toBeUndefined();
    }
    if (expected === 'slow') expect(v.note).toContain(words);
    if (expected === 'no') expect(v.reason).toContain(words);
  });
  it('joins a device note and a format note with a semicolon', () => {
    const v = formatSupport('vllm', parseTarget('sm_70'), 'int4', false);
    expect(v.note).toBe(
      'vLLM 7.5+ wheels dropped 7.0: use vLLM 0.10.x or build from source; AWQ needs compute capability 7.5; a GPTQ checkpoint of the same size runs on Volta',
    );
  });
});

describe('verdictFor, engineName, engineRunsHybrid', () => {
  const src = { url: 'https://example.org', retrievedOn: '2026-01-01' };
  const p40 = {
    id: 'p40',
    name: 'P40',
    vendor: 'NVIDIA',
    kind: 'gpu',
    releasedOn: '2016-09-13',
    architecture: { name: 'Pascal', target: 'sm_61', source: src },
    sources: [src],
  } as HardwareItem;
  it('defaults to llama.cpp and to any format; a named format is checked', () => {
    expect(verdictFor({}, p40).runs).toBe(true);
    expect(verdictFor({ engine: 'vllm' }, p40).runs).toBe(false);
    expect(verdictFor({ weightFormat: 'fp8' }, p40).runs).toBe(false);
    expect(verdictFor({ weightFormat: 'q4_k_m' }, p40).runs).toBe(true);
  });
  it('MoE defaults to false (dense fp8 on Ampere runs through Marlin)', () => {
    const a100 = { ...p40, architecture: { name: 'Ampere', target: 'sm_80', source: src } } as HardwareItem;
    expect(verdictFor({ engine: 'vllm', weightFormat: 'fp8' }, a100).runs).toBe(true);
    expect(verdictFor({ engine: 'vllm', weightFormat: 'fp8', moe: true }, a100).runs).toBe(false);
  });
  it('names the engines and says only llama.cpp splits experts into RAM', () => {
    expect(engineName('vllm')).toBe('vLLM');
    expect(engineName('llama.cpp')).toBe('llama.cpp');
    expect(engineName(undefined)).toBe('llama.cpp');
    expect(engineRunsHybrid('llama.cpp')).toBe(true);
    expect(engineRunsHybrid('vllm')).toBe(false);
  });
});
