// Golden cases: published GGUF file sizes (tests/golden/gguf-sizes.json, each with its source URL). The
// weights estimate must land within ±3% of each file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateMemory, type ModelSpec, modelFromHfConfig } from '../../../src/core/index';
import { loadPreset, ROOT } from './helpers';

interface GoldenGguf {
  model: string;
  format: string;
  fileBytes: number;
  repo: string;
  url: string;
}

const cases = JSON.parse(readFileSync(join(ROOT, 'tests/golden/gguf-sizes.json'), 'utf8')) as GoldenGguf[];
const models = new Map<string, ModelSpec>();
const modelFor = (id: string) => {
  let m = models.get(id);
  if (!m) {
    m = modelFromHfConfig(loadPreset(id).config, id);
    models.set(id, m);
  }
  return m;
};

describe('GGUF file sizes within ±3% of published releases', () => {
  it('has golden cases', () => {
    expect(cases.length).toBeGreaterThan(20);
  });
  it.each(cases.map((c) => [`${c.model} ${c.format} (${c.repo})`, c] as const))('%s', (_label, c) => {
    expect(c.url).toMatch(/^https:\/\//);
    const e = estimateMemory(modelFor(c.model), {
      weightFormat: c.format,
      kvCacheFormat: 'f16',
      contextTokens: 1,
      batch: 1,
    });
    const error = (e.weights - c.fileBytes) / c.fileBytes;
    expect(Math.abs(error)).toBeLessThanOrEqual(0.03);
  });
});
