// Seeded property tests over every preset: more context, batch or bits never needs less memory; MoE memory
// counts every expert; active <= total; nothing is NaN.
import { describe, expect, it } from 'vitest';
import {
  countParameters,
  estimateMemory,
  type MemoryEstimate,
  type ModelSpec,
  modelFromHfConfig,
  WEIGHT_FORMATS,
} from '../../../src/core/index';
import { loadPresets, pick, prng } from './helpers';

const models: [string, ModelSpec][] = loadPresets().map((p) => [p.id, modelFromHfConfig(p.config, p.name)]);
const ENGINE_KV: [string, string[]][] = [
  ['llama.cpp', ['q4_0', 'q8_0', 'f16']],
  ['vllm', ['fp8', 'bf16']],
];
const formatIds = WEIGHT_FORMATS.map((f) => f.id);

// Chains where each format has at least as many bits as the one before, for every tensor. Q2_K is not below
// Q3_K_S everywhere: its mix puts every ffn_down and attn_output in q3_K and attn_v in q4_K, which Q3_K_S does
// not bump, so on small models (Gemma 3 1B) a Q2_K file is slightly larger; it is chained to Q3_K_M instead.
const BIT_CHAINS = [
  ['q2_k', 'q3_k_m'],
  ['q3_k_s', 'q3_k_m', 'q3_k_l', 'q4_k_s', 'q4_k_m', 'q5_k_s', 'q5_k_m', 'q6_k', 'q8_0', 'bf16'],
  // IQ4_XS/IQ4_NL are not above IQ3_M everywhere: rows not divisible by 256 (gpt-oss, 2880) make them fall
  // back to iq4_nl while IQ3_M's first-eighth ffn_down bump to q4_K falls back to q5_0 (5.5 bits).
  ['iq1_s', 'iq1_m', 'iq2_xxs', 'iq2_m', 'iq3_xxs', 'iq3_m', 'q8_0'],
  ['iq4_xs', 'iq4_nl', 'q8_0'],
  ['q4_0', 'q5_k_m'],
  ['mxfp4', 'fp8', 'bf16'],
  ['int4', 'int8', 'bf16'],
  ['nvfp4', 'fp8'],
];

function finite(e: MemoryEstimate): boolean {
  const nums = [
    e.weights,
    e.kvCache,
    e.overhead,
    e.total,
    e.routedExpertWeights,
    e.activeWeightBytesPerToken,
    e.activeExpertBytesPerToken,
    e.kvBytesPerToken,
    e.totalRange.low,
    e.totalRange.high,
  ];
  return nums.every((x) => Number.isFinite(x) && x >= 0);
}

// Each property loops over every preset; generous timeouts keep a loaded CI machine (or a mutation run, which
// instruments the code) from failing them.
const SLOW = 120_000;

describe('memory invariants (seeded)', () => {
  it(
    'more context never needs less memory',
    () => {
      const rand = prng(20261125);
      for (let i = 0; i < 300; i++) {
        const [id, m] = pick(rand, models);
        const [engine, kvs] = pick(rand, ENGINE_KV);
        const opts = {
          weightFormat: pick(rand, formatIds),
          kvCacheFormat: pick(rand, kvs),
          batch: 1 + Math.floor(rand() * 8),
          engine,
        };
        const a = 1 + Math.floor(rand() * 200_000);
        const b = a + 1 + Math.floor(rand() * 100_000);
        const ea = estimateMemory(m, { ...opts, contextTokens: a });
        const eb = estimateMemory(m, { ...opts, contextTokens: b });
        expect(eb.kvCache, `${id} ${JSON.stringify(opts)} ${a}->${b}`).toBeGreaterThanOrEqual(ea.kvCache);
        expect(eb.total).toBeGreaterThanOrEqual(ea.total);
        expect(finite(ea) && finite(eb)).toBe(true);
      }
    },
    SLOW,
  );

  it(
    'more concurrent sequences never need less memory',
    () => {
      const rand = prng(7);
      for (let i = 0; i < 300; i++) {
        const [id, m] = pick(rand, models);
        const [engine, kvs] = pick(rand, ENGINE_KV);
        const opts = {
          weightFormat: pick(rand, formatIds),
          kvCacheFormat: pick(rand, kvs),
          contextTokens: 1 + Math.floor(rand() * 65_536),
          engine,
        };
        const a = 1 + Math.floor(rand() * 16);
        const b = a + 1 + Math.floor(rand() * 16);
        const ea = estimateMemory(m, { ...opts, batch: a });
        const eb = estimateMemory(m, { ...opts, batch: b });
        expect(eb.kvCache, `${id} ${JSON.stringify(opts)} batch ${a}->${b}`).toBeGreaterThanOrEqual(
          ea.kvCache,
        );
        expect(eb.total).toBeGreaterThanOrEqual(ea.total);
      }
    },
    SLOW,
  );

  it(
    'more bits per weight never need less memory (every preset, both engines)',
    () => {
      for (const [id, m] of models) {
        for (const [engine, kvs] of ENGINE_KV) {
          for (const chain of BIT_CHAINS) {
            let prev = 0;
            for (const f of chain) {
              const e = estimateMemory(m, {
                weightFormat: f,
                kvCacheFormat: kvs[0] as string,
                contextTokens: 4096,
                batch: 1,
                engine,
              });
              expect(e.weights, `${id} ${engine} ${f}`).toBeGreaterThanOrEqual(prev);
              prev = e.weights;
            }
          }
          // and a wider KV format never less
          let prevKv = 0;
          for (const kv of kvs) {
            const e = estimateMemory(m, {
              weightFormat: 'q4_k_m',
              kvCacheFormat: kv,
              contextTokens: 4096,
              batch: 2,
              engine,
            });
            expect(e.kvCache).toBeGreaterThanOrEqual(prevKv);
            prevKv = e.kvCache;
          }
        }
      }
    },
    SLOW,
  );

  it(
    'MoE memory counts every expert; active per token is a fraction; active <= total',
    () => {
      for (const [id, m] of models) {
        const p = countParameters(m);
        expect(p.active, id).toBeLessThanOrEqual(p.total);
        for (const f of formatIds) {
          const e = estimateMemory(m, {
            weightFormat: f,
            kvCacheFormat: 'f16',
            contextTokens: 2048,
            batch: 1,
          });
          expect(finite(e), `${id} ${f}`).toBe(true);
          expect(e.activeWeightBytesPerToken).toBeLessThanOrEqual(e.weights);
          expect(e.activeExpertBytesPerToken).toBeLessThanOrEqual(e.routedExpertWeights);
          if (m.moe) {
            const fraction = m.moe.expertsPerToken / m.moe.numExperts;
            expect(e.routedExpertWeights).toBeGreaterThan(0);
            expect(e.activeExpertBytesPerToken).toBeCloseTo(e.routedExpertWeights * fraction, -3);
            // all experts are resident: weights exceed what one token reads by the unused experts
            expect(e.weights - e.activeWeightBytesPerToken).toBeGreaterThanOrEqual(
              e.routedExpertWeights * (1 - fraction) * 0.999,
            );
          } else {
            expect(e.routedExpertWeights).toBe(0);
          }
        }
      }
    },
    SLOW,
  );
});
