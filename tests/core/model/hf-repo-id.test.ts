// The Hugging Face repo id grammar, as huggingface_hub's validate_repo_id states it
// (https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/utils/_validators.py):
// "repo_name" or "namespace/repo_name"; ASCII letters, digits, '-', '_', '.'; each part starts and ends with a
// letter, digit or '_' (the regex's \b); the name is 1-96 characters; '--' and '..' are forbidden; no '.git'
// ending. The valid and invalid examples are the ones its docstring and tests give, plus our edge cases.
import { describe, expect, it } from 'vitest';
import { isHfRepoId, shortenForMessage } from '../../../src/core/model/hf-repo-id';

describe('isHfRepoId (huggingface_hub validate_repo_id)', () => {
  it.each([
    'foo',
    'foo/bar',
    '123',
    'Foo-BAR_foo.bar123',
    'Qwen/Qwen3-8B',
    'meta-llama/Llama-3.1-8B-Instruct',
    'gpt2',
    '_private_/x_',
    `org/${'a'.repeat(96)}`,
  ])('accepts %s', (id) => {
    expect(isHfRepoId(id)).toBe(true);
  });

  it.each([
    ['three parts', 'datasets/foo/bar'],
    ['a leading dot', '.repo_id'],
    ['a double dash', 'foo--bar'],
    ['a double dot', 'org/a..b'],
    ['a .git ending', 'foo.git'],
    ['a name ending in a dash', 'org/name-'],
    ['a namespace starting with a dash', '-org/name'],
    ['a name of 97 characters', `org/${'a'.repeat(97)}`],
    ['an empty name', 'org/'],
    ['an empty namespace', '/name'],
    ['nothing', ''],
    ['a space', 'org/my model'],
    ['a query string', 'org/name?x=1'],
    ['a path escape', '../etc'],
    ['non-ASCII letters', 'café/modèle'],
    ['a trailing newline', 'org/name\n'],
  ])('rejects %s', (_why, id) => {
    expect(isHfRepoId(id)).toBe(false);
  });

  it('rejects a non-string', () => {
    expect(isHfRepoId(42)).toBe(false);
    expect(isHfRepoId(null)).toBe(false);
  });
});

describe('shortenForMessage', () => {
  it('keeps a short id and clips a long one to a fixed length with an ellipsis', () => {
    expect(shortenForMessage('Qwen/Qwen3-8B')).toBe('Qwen/Qwen3-8B');
    const long = 'x'.repeat(2000);
    const short = shortenForMessage(long);
    expect(short.length).toBeLessThanOrEqual(61);
    expect(short.endsWith('…')).toBe(true);
    expect(shortenForMessage('y'.repeat(60))).toBe('y'.repeat(60));
    expect(shortenForMessage('y'.repeat(61))).toBe(`${'y'.repeat(60)}…`);
  });
});
