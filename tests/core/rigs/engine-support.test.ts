// The engine support table against the cases the issue found and the documents it cites.
import { describe, expect, it } from 'vitest';
import { deviceSupport, formatSupport } from '../../../src/core/rigs/engine-support';
import { parseTarget } from '../../../src/core/rigs/targets';

const t = parseTarget;

describe('parseTarget', () => {
  it('reads compute capabilities, gfx targets, Apple generations and CPU levels', () => {
    expect(t('sm_61')).toMatchObject({ api: 'cuda', computeCapability: 6.1 });
    expect(t('sm_121')).toMatchObject({ api: 'cuda', computeCapability: 12.1 });
    expect(t('sm_89')).toMatchObject({ api: 'cuda', computeCapability: 8.9 });
    expect(t('gfx90a')).toMatchObject({ api: 'rocm', gfx: 'gfx90a' });
    expect(t('apple-m3')).toMatchObject({ api: 'metal', generation: 3 });
    expect(t('x86-64-v4-amx')).toMatchObject({ api: 'cpu', level: 'x86-64-v4-amx' });
    expect(t(undefined).api).toBe('unknown');
    expect(t('z80').api).toBe('unknown');
  });
});

describe('deviceSupport', () => {
  it('vLLM: Pascal (6.0, 6.1) no; Volta 7.0 yes with a note; Turing 7.5 and newer yes', () => {
    expect(deviceSupport('vllm', t('sm_60')).runs).toBe(false);
    expect(deviceSupport('vllm', t('sm_61')).reason).toMatch(
      /compute capability 7\.0 or newer \(this is 6\.1\)/,
    );
    const volta = deviceSupport('vllm', t('sm_70'));
    expect(volta.runs).toBe(true);
    expect(volta.note).toMatch(/0\.10/);
    expect(deviceSupport('vllm', t('sm_75'))).toEqual({ runs: true });
  });
  it('vLLM: MI50 (gfx906) and RDNA 2 not in its ROCm list; MI210, MI300, RX 7900, Strix Halo are', () => {
    expect(deviceSupport('vllm', t('gfx906')).runs).toBe(false);
    expect(deviceSupport('vllm', t('gfx1030')).runs).toBe(false);
    for (const g of ['gfx90a', 'gfx942', 'gfx1100', 'gfx1151'])
      expect(deviceSupport('vllm', t(g)).runs).toBe(true);
  });
  it('vLLM does not run on a Mac GPU or as a CPU-only rig; llama.cpp runs on both', () => {
    expect(deviceSupport('vllm', t('apple-m2')).runs).toBe(false);
    expect(deviceSupport('vllm', t('x86-64-v3')).runs).toBe(false);
    expect(deviceSupport('llama.cpp', t('apple-m2')).runs).toBe(true);
    expect(deviceSupport('llama.cpp', t('x86-64-v3')).runs).toBe(true);
  });
  it('llama.cpp: Maxwell 5.0 is the floor (4.9 is not); no Gaudi backend; an unknown target runs nothing', () => {
    expect(deviceSupport('llama.cpp', { api: 'cuda', computeCapability: 5.0, target: 'sm_50' }).runs).toBe(
      true,
    );
    expect(deviceSupport('llama.cpp', { api: 'cuda', computeCapability: 4.9, target: 'sm_49' }).runs).toBe(
      false,
    );
    expect(deviceSupport('llama.cpp', t('intel-gaudi3')).runs).toBe(false);
    expect(deviceSupport('vllm', t('intel-gaudi3')).runs).toBe(true);
    expect(deviceSupport('llama.cpp', t(undefined)).runs).toBe(false);
  });
});

describe('formatSupport', () => {
  it('vLLM fp8: native from Ada (8.9); Ampere dense through Marlin, Ampere MoE not; Volta/Turing not', () => {
    expect(formatSupport('vllm', t('sm_89'), 'fp8', true)).toEqual({ runs: true });
    const ampereDense = formatSupport('vllm', t('sm_86'), 'fp8', false);
    expect(ampereDense.runs).toBe(true);
    expect(ampereDense.note).toMatch(/Marlin/);
    expect(formatSupport('vllm', t('sm_86'), 'fp8', true).runs).toBe(false);
    expect(formatSupport('vllm', t('sm_75'), 'fp8', false).runs).toBe(false);
    expect(formatSupport('vllm', t('sm_70'), 'fp8', false).reason).toMatch(/no fp8 path/);
  });
  it('vLLM fp8 on AMD: MI300 (gfx942) and RDNA 4 yes, MI210 (gfx90a) no', () => {
    expect(formatSupport('vllm', t('gfx942'), 'fp8', true).runs).toBe(true);
    expect(formatSupport('vllm', t('gfx1201'), 'fp8', true).runs).toBe(true);
    expect(formatSupport('vllm', t('gfx90a'), 'fp8', true).runs).toBe(false);
  });
  it('a device the engine cannot run at all fails every format with the device reason', () => {
    expect(formatSupport('vllm', t('sm_61'), 'bf16', false).reason).toMatch(/compute capability 7\.0/);
  });
  it('llama.cpp runs GGUF, bf16, MXFP4 anywhere; not fp8/int8/int4 checkpoints', () => {
    expect(formatSupport('llama.cpp', t('sm_61'), 'q4_k_m', false).runs).toBe(true);
    expect(formatSupport('llama.cpp', t('apple-m1'), 'mxfp4', true).runs).toBe(true);
    expect(formatSupport('llama.cpp', t('sm_89'), 'fp8', false).reason).toMatch(/Q8_0/);
    expect(formatSupport('llama.cpp', t('sm_89'), 'int4', false).reason).toMatch(/Q4_K_M/);
  });
  it('vLLM int4: AWQ from Turing (7.5); Volta gets a GPTQ note; MXFP4 native on Hopper, Marlin on Ampere', () => {
    expect(formatSupport('vllm', t('sm_75'), 'int4', false)).toEqual({ runs: true });
    expect(formatSupport('vllm', t('sm_70'), 'int4', false).note).toMatch(/GPTQ/);
    expect(formatSupport('vllm', t('sm_90'), 'mxfp4', true)).toEqual({ runs: true });
    expect(formatSupport('vllm', t('sm_80'), 'mxfp4', true).note).toMatch(/Marlin/);
    expect(formatSupport('vllm', t('sm_75'), 'mxfp4', true).runs).toBe(false);
  });
  it('vLLM NVFP4: native from Blackwell (10.0), Marlin from 8.0, not before', () => {
    expect(formatSupport('vllm', t('sm_100'), 'nvfp4', false)).toEqual({ runs: true });
    expect(formatSupport('vllm', t('sm_90'), 'nvfp4', false).note).toMatch(/Marlin/);
    expect(formatSupport('vllm', t('sm_75'), 'nvfp4', false).runs).toBe(false);
  });
});
