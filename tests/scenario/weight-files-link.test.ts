// Share links that name model files (wrepo, wrev, wfile): they round-trip, a bad one falls back to the
// predicted weights with a notice, and links written before the keys existed decode as before.
import { describe, expect, it } from 'vitest';
import { decodeScenario, defaultScenario, encodeScenario, isValidScenario } from '../../src/scenario';

const TODAY = '2026-12-03';
const REF = {
  repo: 'bartowski/Meta-Llama-3.1-8B-Instruct-GGUF',
  revision: '4c506ee36f8097e80414dd2ed2dcf7055cae89e5',
  file: 'Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf',
};

describe('model files in the link', () => {
  it('round-trip: repo, revision and file', () => {
    const s = { ...defaultScenario(TODAY), modelId: 'llama-3-1-8b', weights: REF };
    const q = encodeScenario(s);
    expect(q).toContain(
      '&wrepo=bartowski/Meta-Llama-3.1-8B-Instruct-GGUF&wrev=4c506ee36f8097e80414dd2ed2dcf7055cae89e5&wfile=Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf',
    );
    const d = decodeScenario(q, { today: TODAY });
    expect(d.notices).toEqual([]);
    expect(d.scenario).toEqual(s);
    expect(isValidScenario(d.scenario)).toBe(true);
  });

  it('a split file in a folder, with spaces and parentheses', () => {
    const s = {
      ...defaultScenario(TODAY),
      weights: {
        repo: 'unsloth/DeepSeek-V3-0324-GGUF',
        revision: 'main',
        file: 'UD-Q2_K_XL/Deep Seek (v3)-00001-of-00006.gguf',
      },
    };
    expect(decodeScenario(encodeScenario(s), { today: TODAY }).scenario.weights).toEqual(s.weights);
  });

  it('no weights in the scenario writes no keys', () => {
    expect(encodeScenario(defaultScenario(TODAY))).not.toContain('wrepo');
  });

  it('a missing revision reads main', () => {
    const d = decodeScenario(`?v=1&wrepo=${REF.repo}&wfile=${REF.file}`, { today: TODAY });
    expect(d.scenario.weights).toEqual({ ...REF, revision: 'main' });
  });

  for (const [what, query] of [
    ['no file', `?v=1&wrepo=${REF.repo}`],
    ['a path out of the repository', `?v=1&wrepo=${REF.repo}&wfile=../../etc/passwd.gguf`],
    ['not a model file', `?v=1&wrepo=${REF.repo}&wfile=README.md`],
    ['a bad repo id', '?v=1&wrepo=a--b%2Fc&wfile=m.gguf'],
    ['a bad revision', `?v=1&wrepo=${REF.repo}&wrev=..%2F..&wfile=m.gguf`],
  ] as const) {
    it(`falls back to predicted weights with a notice: ${what}`, () => {
      const d = decodeScenario(query, { today: TODAY });
      expect(d.scenario.weights).toBeUndefined();
      expect(d.notices).toHaveLength(1);
      expect(d.notices[0]).toContain('(wrepo, wrev, wfile)');
      expect(isValidScenario(d.scenario)).toBe(true);
    });
  }

  it('frozen: a link written with model files on 2026-12-03', () => {
    const d = decodeScenario(
      '?v=1&model=qwen3-30b-a3b&wf=q4_k_m&kv=f16&ctx=32768&batch=1&engine=llama.cpp&cond=any&fp8=0&mintps=0&budget=0&asof=2026-12-03&target=512&threshold=3000&rate=fitted&decline=20&spike=1&from=0&wrepo=test-org/Qwen3-30B-A3B-GGUF&wrev=1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d&wfile=Qwen3-30B-A3B-Q4_K_M.gguf',
      { today: TODAY },
    );
    expect(d.notices).toEqual([]);
    expect(d.scenario).toEqual({
      ...defaultScenario(TODAY),
      modelId: 'qwen3-30b-a3b',
      weights: {
        repo: 'test-org/Qwen3-30B-A3B-GGUF',
        revision: '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d',
        file: 'Qwen3-30B-A3B-Q4_K_M.gguf',
      },
    });
  });
});
