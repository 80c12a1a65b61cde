// The model's context limit from its config: max_position_embeddings, stretched by a RoPE scaling.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFromHfConfig } from '../../../src/core/model/from-hf-config';
import { REPO_ROOT } from '../../../src/data/load-node';

const preset = (id: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'data/models', `${id}.json`), 'utf8')) as {
    name: string;
    config: Record<string, unknown>;
  };
const limit = (id: string) => modelFromHfConfig(preset(id).config, id).maxContextTokens;

describe('maxContextTokens', () => {
  it('matches the published context of each model (model cards)', () => {
    // DeepSeek-V3: yarn, 4096 x 40 = 163,840 (its config's max_position_embeddings too).
    expect(limit('deepseek-v3')).toBe(163_840);
    // Llama 3.1: 128K, kept in max_position_embeddings with rope_type llama3.
    expect(limit('llama-3-1-70b')).toBe(131_072);
    // Qwen3 dense: 32,768 native; config says 40,960 (32K prompt + 8K generation).
    expect(limit('qwen3-32b')).toBe(40_960);
    expect(limit('qwen3-4b-instruct-2507')).toBe(262_144);
    expect(limit('gemma-2-27b')).toBe(8192);
    // Gemma 3's text_config omits it; Gemma3TextConfig's default is 131,072.
    expect(limit('gemma-3-27b')).toBe(131_072);
    expect(limit('gpt-oss-120b')).toBe(131_072);
  });

  it('a stretching RoPE scaling extends the limit; a shrinking factor or an unknown type does not', () => {
    const base = preset('qwen2-5-72b').config;
    expect(modelFromHfConfig(base).maxContextTokens).toBe(32_768);
    const yarn = {
      ...base,
      rope_scaling: { type: 'yarn', factor: 4, original_max_position_embeddings: 32_768 },
    };
    expect(modelFromHfConfig(yarn).maxContextTokens).toBe(131_072);
    const shrink = {
      ...base,
      rope_scaling: { type: 'yarn', factor: 0.5, original_max_position_embeddings: 32_768 },
    };
    expect(modelFromHfConfig(shrink).maxContextTokens).toBe(32_768);
    const unknown = {
      ...base,
      rope_scaling: { type: 'magic', factor: 8, original_max_position_embeddings: 32_768 },
    };
    expect(modelFromHfConfig(unknown).maxContextTokens).toBe(32_768);
  });

  it('reads only the scaling object’s own fields, and is null when the config says nothing', () => {
    const base = { ...preset('llama-3-1-8b').config };
    delete base.max_position_embeddings;
    delete base.rope_scaling;
    expect(modelFromHfConfig(base).maxContextTokens).toBeNull();
    const inherited = Object.create({ type: 'yarn', factor: 8, original_max_position_embeddings: 8192 });
    expect(modelFromHfConfig({ ...base, rope_scaling: inherited }).maxContextTokens).toBeNull();
  });
});
