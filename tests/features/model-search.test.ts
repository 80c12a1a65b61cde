// The model picker's matching, on the real preset list (data/models/*.json): what a person types and what
// they expect to find.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryWords, searchModels } from '../../src/features/model-picker/model-search';

const dir = join(__dirname, '..', '..', 'data', 'models');
const presets = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  .map((p) => ({ id: p.id as string, name: p.name as string, hfRepo: p.hfRepo as string, aliases: [] }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));
const names = (query: string) => searchModels(presets, query).map((p) => p.name);

describe('searchModels', () => {
  it('finds DeepSeek-R1 first for "deepseek r1", whatever the case, punctuation or word order', () => {
    for (const q of ['deepseek r1', 'DeepSeek R1', 'r1 deepseek', 'deepseek-r1', 'DEEPSEEK_R1', 'deepseekr1'])
      expect(names(q)[0], q).toBe('DeepSeek-R1');
    expect(names('deepseek r1')).toEqual(['DeepSeek-R1']);
  });

  it('finds both Llama 70B models for "llama 70b", and nothing else', () => {
    expect(new Set(names('llama 70b'))).toEqual(
      new Set(['Llama 3.1 70B Instruct', 'Llama 3.3 70B Instruct']),
    );
  });

  it('matches a version with or without its dot, but never inside a number', () => {
    expect(names('qwen 2.5 72')).toEqual(['Qwen2.5 72B Instruct']);
    expect(names('qwen2.5 72b')).toEqual(['Qwen2.5 72B Instruct']);
    // "25" is not the start of "235": Qwen3-235B-A22B must not match "qwen 25".
    expect(names('qwen 25')).not.toContain('Qwen3-235B-A22B');
    // "3" matches "Qwen3" and "3.1", but not the "3" inside "32B".
    expect(new Set(names('llama 3.1'))).toEqual(
      new Set(['Llama 3.1 8B Instruct', 'Llama 3.1 70B Instruct', 'Llama 3.1 405B Instruct']),
    );
    expect(new Set(names('qwen 32'))).toEqual(new Set(['Qwen3 32B', 'Qwen2.5 32B']));
    expect(names('qwen 3 32')).toEqual(['Qwen3 32B']);
  });

  it('finds a preset by its Hugging Face repo when the name lacks the word', () => {
    // "meta" is in meta-llama/..., not in the names.
    const found = names('meta 405');
    expect(found).toEqual(['Llama 3.1 405B Instruct']);
  });

  it('ranks a match in the name above one only in the id or repo, and the exact name first', () => {
    const gptOss = names('gpt oss');
    expect(gptOss.slice(0, 2).sort()).toEqual(['gpt-oss-120b', 'gpt-oss-20b']);
    expect(names('gpt-oss-20b')[0]).toBe('gpt-oss-20b');
  });

  it('returns every preset, in order, for an empty or punctuation-only query, and none for nonsense', () => {
    expect(names('')).toEqual(presets.map((p) => p.name));
    expect(names('  -- ')).toEqual(presets.map((p) => p.name));
    expect(names('zzzz')).toEqual([]);
    expect(names('deepseek 405b')).toEqual([]);
  });

  it('folds accents and case in the query words', () => {
    expect(queryWords('  Déepseek-R1  Llama_3.1 ')).toEqual(['deepseekr1', 'llama31']);
  });
});
