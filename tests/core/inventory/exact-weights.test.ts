// From an inventory to the memory estimate: exact weights replace the predicted ones, the KV cache and
// overhead do not change, routed experts feed GPU + RAM hybrids, and the nearest standard format is named.
import { describe, expect, it } from 'vitest';
import { modelFromHfConfig, safeEstimateMemory } from '../../../src/core/index';
import { exactWeightsFor, nearestStandardFormat } from '../../../src/core/inventory/exact-weights';
import { parseGgufHeader } from '../../../src/core/inventory/gguf';
import {
  inventoryFromGguf,
  inventoryFromSafetensors,
  type TensorInventory,
} from '../../../src/core/inventory/inventory';
import { parseSafetensorsHeader } from '../../../src/core/inventory/safetensors';
import { rigRequestFromEstimate } from '../../../src/core/rigs/requests';
import {
  buildGguf,
  buildSafetensors,
  type GgufKv,
  type GgufTensorSpec,
  ggmlTensorBytes,
  llamaGgufTensors,
  llamaSafetensorsTensors,
  moeGgufTensors,
} from '../../support/model-files';
import { loadPreset } from '../memory/helpers';

const qwen = loadPreset('qwen3-30b-a3b');
const qwenSpec = modelFromHfConfig(qwen.config, qwen.name);
const QWEN = {
  layers: 48,
  hidden: 2048,
  ffn: 6144,
  heads: 32,
  kvHeads: 4,
  vocab: 151936,
  headDim: 128,
  experts: 128,
  expertsUsed: 8,
  expertFfn: 768,
};

function ggufInventory(tensors: GgufTensorSpec[], kv: GgufKv[]): TensorInventory {
  const file = buildGguf({ kv, tensors });
  const r = parseGgufHeader(file.header, { fileSize: file.fileSize });
  if (r.status !== 'complete') throw new Error(JSON.stringify(r));
  const inv = inventoryFromGguf([{ path: 'm.gguf', sizeBytes: file.fileSize, header: r.header }]);
  if (!inv.ok) throw new Error(inv.message);
  return inv.inventory;
}

const qwenKv = (fileType?: number): GgufKv[] => [
  ['general.architecture', 'string', 'qwen3moe'],
  ['qwen3moe.block_count', 'u32', 48],
  ['qwen3moe.expert_count', 'u32', 128],
  ['qwen3moe.expert_used_count', 'u32', 8],
  ...(fileType !== undefined ? ([['general.file_type', 'u32', fileType]] as GgufKv[]) : []),
];
// A custom mix: experts at Q3_K, attention at Q8_0, output at Q6_K, embedding Q4_K (an "unsloth-style" file).
const customType = (name: string) =>
  name.includes('_exps')
    ? 'q3_k'
    : name.startsWith('blk.')
      ? 'q8_0'
      : name === 'output.weight'
        ? 'q6_k'
        : 'q4_k';
const qwenTensors = moeGgufTensors(QWEN, customType);
const qwenInventory = ggufInventory(qwenTensors, qwenKv());

describe('exactWeightsFor', () => {
  const exact = exactWeightsFor(qwenSpec, qwenInventory, 'llama.cpp', {
    label: 'test',
    quantName: 'UD-Q3_K_XL',
  });

  it('routed-expert and total bytes are the files', () => {
    const sum = (pick: (t: GgufTensorSpec) => boolean) =>
      qwenTensors.filter(pick).reduce((s, t) => s + ggmlTensorBytes(t), 0);
    expect(exact.loadedBytes).toBe(sum(() => true));
    expect(exact.routedExpertBytes).toBe(sum((t) => t.name.includes('_exps')));
    expect(exact.byType.map((t) => t.type)).toEqual(['Q3_K', 'Q8_0', 'Q6_K', 'Q4_K', 'F32']);
    expect(exact.mismatches).toEqual([]);
  });

  it('reads experts_per_token / num_experts of the experts and one embedding row per token', () => {
    const experts = exact.routedExpertBytes;
    const embedding = qwenInventory.tensors.find((t) => t.role === 'embedding')?.bytes ?? 0;
    const rest = exact.loadedBytes - experts - embedding;
    expect(exact.activeExpertBytesPerToken).toBeCloseTo((experts * 8) / 128, 3);
    expect(exact.activeBytesPerToken).toBeCloseTo(rest + (experts * 8) / 128 + embedding / 151936, 3);
  });

  it('names the nearest standard format: file_type, else the file name, else the closest size', () => {
    const withType = ggufInventory(qwenTensors, qwenKv(15));
    expect(nearestStandardFormat(qwenSpec, withType, 'llama.cpp')).toMatchObject({
      format: { id: 'q4_k_m' },
      basis: 'general.file_type 15',
    });
    expect(nearestStandardFormat(qwenSpec, qwenInventory, 'llama.cpp', 'UD-Q4_K_XL')?.format.id).toBe(
      'q4_k_m',
    );
    const bySize = nearestStandardFormat(qwenSpec, qwenInventory, 'llama.cpp', null);
    expect(bySize?.basis).toBe('closest predicted size');
    // The custom mix is mostly Q3_K experts: the closest standard mix is a 3-bit one.
    expect(bySize?.format.id).toMatch(/^q3_k|^iq3/);
    expect(exact.nearest).toMatchObject({ formatId: 'q3_k_m', basis: 'file name UD-Q3_K_XL' });
    expect(exact.nearest?.predictedBytes).toBeGreaterThan(0);
  });

  it('reports a file of another model', () => {
    const llama = loadPreset('llama-3-1-8b');
    const spec = modelFromHfConfig(llama.config, llama.name);
    const w = exactWeightsFor(spec, qwenInventory, 'llama.cpp', { label: 'x' });
    expect(w.mismatches.join('; ')).toMatch(/48 layers.*32/);
    expect(w.mismatches.join('; ')).toMatch(/hidden size is 2048/);
    expect(w.mismatches.join('; ')).toMatch(/128 experts/);
  });

  it('MTP blocks (past block_count - nextn_predict_layers) are stored, not loaded', () => {
    const glmLike = llamaGgufTensors(
      { layers: 3, hidden: 256, ffn: 512, heads: 4, kvHeads: 2, vocab: 512 },
      () => 'q8_0',
    );
    const inv = ggufInventory(glmLike, [
      ['general.architecture', 'string', 'llama'],
      ['llama.block_count', 'u32', 3],
      ['llama.nextn_predict_layers', 'u32', 1],
    ]);
    const spec = modelFromHfConfig(
      {
        model_type: 'llama',
        hidden_size: 256,
        intermediate_size: 512,
        num_attention_heads: 4,
        num_key_value_heads: 2,
        num_hidden_layers: 2,
        vocab_size: 512,
      },
      'tiny',
    );
    const w = exactWeightsFor(spec, inv, 'llama.cpp', { label: 'x' });
    const block2 = glmLike
      .filter((t) => t.name.startsWith('blk.2.'))
      .reduce((s, t) => s + ggmlTensorBytes(t), 0);
    expect(w.notLoaded).toEqual([{ what: 'multi-token-prediction blocks', bytes: block2 }]);
    expect(w.loadedBytes).toBe(inv.totalBytes - block2);
    expect(w.mismatches).toEqual([]);
  });

  it('safetensors: the dtype of the linear layers names the format', () => {
    const tensors = llamaSafetensorsTensors({
      layers: 2,
      hidden: 64,
      ffn: 128,
      heads: 4,
      kvHeads: 2,
      vocab: 100,
    });
    const file = buildSafetensors(tensors);
    const r = parseSafetensorsHeader(file.header);
    if (r.status !== 'complete') throw new Error('fixture');
    const inv = inventoryFromSafetensors([
      { path: 'model.safetensors', sizeBytes: file.fileSize, header: r.header },
    ]);
    if (!inv.ok) throw new Error(inv.message);
    const spec = modelFromHfConfig(
      {
        model_type: 'llama',
        hidden_size: 64,
        intermediate_size: 128,
        num_attention_heads: 4,
        num_key_value_heads: 2,
        num_hidden_layers: 2,
        vocab_size: 100,
      },
      'tiny',
    );
    const w = exactWeightsFor(spec, inv.inventory, 'vllm', { label: 'x' });
    expect(w.nearest).toMatchObject({ formatId: 'bf16', basis: 'dtype BF16' });
    // bf16 on vLLM is 2 bytes per parameter, exactly the file's tensors.
    expect(w.nearest?.predictedBytes).toBe(w.loadedBytes);
    expect(w.fileBytes).toBe(file.fileSize);
  });
});

describe('safeEstimateMemory with exact weights', () => {
  const exact = exactWeightsFor(qwenSpec, qwenInventory, 'llama.cpp', { label: 'test' });
  const base = { weightFormat: 'q4_k_m', kvCacheFormat: 'f16', contextTokens: 32768, batch: 1 } as const;

  it('llama.cpp: weights are the files, KV and overhead unchanged, no weight band', () => {
    const predicted = safeEstimateMemory(qwenSpec, { ...base, engine: 'llama.cpp' });
    const withFiles = safeEstimateMemory(qwenSpec, { ...base, engine: 'llama.cpp', exactWeights: exact });
    if (!predicted.ok || !withFiles.ok) throw new Error('estimate');
    const p = predicted.estimate;
    const e = withFiles.estimate;
    expect(e.weights).toBe(exact.loadedBytes);
    expect(e.kvCache).toBe(p.kvCache);
    expect(e.overhead).toBe(p.overhead);
    expect(e.total).toBe(e.weights + e.kvCache + e.overhead);
    expect(e.routedExpertWeights).toBe(exact.routedExpertBytes);
    // The range only carries the overhead's uncertainty now.
    expect(e.totalRange.high - e.total).toBeLessThan(p.totalRange.high - p.total);
    expect(e.exactWeights).toBe(exact);
    expect(e.assumptions.some((a) => a.id === 'exact-weights')).toBe(true);
    expect(e.assumptions.some((a) => a.id === 'gguf-mix')).toBe(false);
  });

  it('vLLM: the weight difference is divided by gpu_memory_utilization like the rest', () => {
    const predicted = safeEstimateMemory(qwenSpec, { ...base, engine: 'vllm' });
    const withFiles = safeEstimateMemory(qwenSpec, { ...base, engine: 'vllm', exactWeights: exact });
    if (!predicted.ok || !withFiles.ok) throw new Error('estimate');
    const dw = withFiles.estimate.weights - predicted.estimate.weights;
    expect(withFiles.estimate.total - predicted.estimate.total).toBeCloseTo(dw / 0.9, 0);
  });

  it('a GPU + RAM hybrid request offloads the files’ routed-expert bytes', () => {
    const r = safeEstimateMemory(qwenSpec, { ...base, engine: 'llama.cpp', exactWeights: exact });
    if (!r.ok) throw new Error('estimate');
    const request = rigRequestFromEstimate(r.estimate, {
      engine: 'llama.cpp',
      constraints: { conditions: ['new', 'used'], requireFp8: false, asOf: '2026-12-03' },
    });
    expect(request.offloadableBytes).toBe(exact.routedExpertBytes);
    expect(request.offloadableBytesPerToken).toBeCloseTo(exact.activeExpertBytesPerToken, 3);
  });
});
