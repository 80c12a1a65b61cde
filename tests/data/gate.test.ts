// One gate for data: what the page gets is what passes the same rules as `npm run lint:data`. An error drops
// exactly the record it is about (one observation, or the whole file) and is listed, saying what was left out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText, isCanonicalFolder } from '../../src/data/canonical';
import { classifyDataPath } from '../../src/data/files';
import { gateDataFiles } from '../../src/data/gate';
import { MAX_JSON_DEPTH } from '../../src/data/lint/json-depth';
import { runLint } from '../../src/data/lint/run-lint';
import type { LintInputFile } from '../../src/data/lint/types';
import { readDataFiles } from '../../src/data/load-node';
import { parseDataset } from '../../src/data/parse';

const TODAY = '2026-11-25';
const GOOD = join(import.meta.dirname, 'fixtures', 'good');
// biome-ignore lint/suspicious/noExplicitAny: samples are edited freely
type Json = Record<string, any>;
const fixture = (rel: string): Json => JSON.parse(readFileSync(join(GOOD, 'data', rel), 'utf8'));

function file(path: string, json: unknown): LintInputFile {
  const { folder } = classifyDataPath(path);
  const text = isCanonicalFolder(folder) ? canonicalText(folder, json) : `${JSON.stringify(json, null, 2)}\n`;
  return { path, json, text };
}
const PRICES = 'data/prices/nvidia-rtx-3090-24gb.json';
const GPU = 'data/hardware/nvidia-rtx-3090-24gb.json';
const MAC = 'data/hardware/apple-mac-studio-m2-ultra-192gb.json';

/** The good fixture with the 3090's observations replaced by `observations`. */
function withObservations(observations: Json[]): LintInputFile[] {
  return [
    file(GPU, fixture('hardware/nvidia-rtx-3090-24gb.json')),
    file(MAC, fixture('hardware/apple-mac-studio-m2-ultra-192gb.json')),
    file(PRICES, { ...fixture('prices/nvidia-rtx-3090-24gb.json'), observations }),
    file('data/series/dram-test.json', fixture('series/dram-test.json')),
  ];
}
const [used, msrp] = fixture('prices/nvidia-rtx-3090-24gb.json').observations as Json[];
const prices = (files: LintInputFile[]) =>
  gateDataFiles(files, TODAY).dataset.prices['nvidia-rtx-3090-24gb']?.map((o) => o.observedOn);

describe('gateDataFiles', () => {
  it('passes a clean dataset through unchanged and reports nothing', () => {
    const files = readDataFiles(GOOD);
    const gated = gateDataFiles(files, TODAY);
    expect(gated.problems).toEqual([]);
    expect(gated.dataset).toEqual(parseDataset(files).dataset);
  });

  it('drops exactly an observation dated after today, and names it as left out', () => {
    const future = {
      ...used,
      observedOn: '2026-11-26',
      source: { ...used?.source, retrievedOn: '2026-11-26' },
    };
    const gated = gateDataFiles(withObservations([used as Json, future, msrp as Json]), TODAY);
    expect(gated.dataset.prices['nvidia-rtx-3090-24gb']?.map((o) => o.observedOn)).toEqual([
      '2020-09-01',
      '2023-01-15',
    ]);
    expect(gated.dataset.items.map((i) => i.id)).toContain('nvidia-rtx-3090-24gb');
    const named = gated.problems.filter((p) => p.file === PRICES);
    expect(named.length).toBeGreaterThan(0);
    for (const p of named) {
      expect(p.severity).toBe('error');
      expect(p.jsonPath.startsWith('$.observations[1]')).toBe(true);
      expect(p.leftOut).toBe(`${PRICES} $.observations[1]`);
    }
  });

  it('drops an observation more than a year before the release, keeping the rest', () => {
    const early = { ...used, observedOn: '2019-01-02' };
    expect(prices(withObservations([early, used as Json, msrp as Json]))).toEqual([
      '2020-09-01',
      '2023-01-15',
    ]);
  });

  it('drops the second of two identical observations, not both', () => {
    expect(prices(withObservations([used as Json, used as Json, msrp as Json]))).toEqual([
      '2020-09-01',
      '2023-01-15',
    ]);
  });

  it('a $1e12 price is an error and that observation is left out', () => {
    const absurd = { ...used, priceUsd: 1e12 };
    const files = withObservations([absurd, msrp as Json]);
    expect(runLint(files, TODAY).some((p) => p.severity === 'error' && p.rule === 'price-bounds')).toBe(true);
    const gated = gateDataFiles(files, TODAY);
    expect(gated.dataset.prices['nvidia-rtx-3090-24gb']?.map((o) => o.priceUsd)).toEqual([1499]);
    expect(gated.problems.map((p) => p.leftOut)).toContain(`${PRICES} $.observations[0]`);
  });

  it('an error in a hardware file drops the whole item, and its prices with a reason', () => {
    const files = withObservations([used as Json, msrp as Json]);
    const gpuFile = files[0] as LintInputFile;
    const broken = {
      ...(gpuFile.json as Json),
      sources: [{ url: 'http://insecure.example.org/', retrievedOn: TODAY }],
    };
    files[0] = file(GPU, broken);
    const gated = gateDataFiles(files, TODAY);
    expect(gated.dataset.items.map((i) => i.id)).toEqual(['apple-mac-studio-m2-ultra-192gb']);
    expect(gated.dataset.prices['nvidia-rtx-3090-24gb']).toBeUndefined();
    expect(gated.problems.find((p) => p.file === GPU)?.leftOut).toBe(GPU);
    expect(gated.problems.find((p) => p.file === PRICES)?.leftOut).toBe(PRICES);
  });

  it('reports only errors: a warning does not drop anything or appear on the page', () => {
    // A new retail price at 4x the MSRP only warns (far-from-msrp).
    const high = { ...msrp, market: 'retail', observedOn: '2021-03-01', priceUsd: 6000 };
    const files = withObservations([used as Json, msrp as Json, high]);
    expect(runLint(files, TODAY).some((p) => p.rule === 'far-from-msrp')).toBe(true);
    const gated = gateDataFiles(files, TODAY);
    expect(gated.problems).toEqual([]);
    expect(prices(files)).toEqual(['2020-09-01', '2021-03-01', '2023-01-15']);
  });

  it('a model preset with a broken envelope or an unreadable config is left out and named', () => {
    const preset = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../data/models/llama-3-1-8b.json'), 'utf8'),
    );
    const files = [
      file('data/models/llama-3-1-8b.json', preset),
      file('data/models/bad-envelope.json', { ...preset, id: 'bad-envelope', hfRepo: 'not a repo' }),
      file('data/models/bad-config.json', {
        ...preset,
        id: 'bad-config',
        config: { ...preset.config, model_type: 'constructor' },
      }),
    ];
    const gated = gateDataFiles(files, TODAY);
    expect(gated.models.map((m) => m.path)).toEqual(['data/models/llama-3-1-8b.json']);
    expect([...new Set(gated.problems.map((p) => p.leftOut))].sort()).toEqual([
      'data/models/bad-config.json',
      'data/models/bad-envelope.json',
    ]);
  });

  it(`a file nested 20,000 levels deep (the limit is ${MAX_JSON_DEPTH}) is named, not a stack overflow`, () => {
    const depth = 20_000;
    const text = `{"itemId": "nvidia-rtx-3090-24gb", "observations": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const deep: LintInputFile = { path: 'data/prices/deep.json', text, json: JSON.parse(text) };
    const files = [...readDataFiles(GOOD), deep];
    const problems = runLint(files, TODAY);
    const named = problems.filter((p) => p.file === 'data/prices/deep.json');
    expect(named).toHaveLength(1);
    expect(named[0]?.rule).toBe('json-depth');
    expect(named[0]?.message).toMatch(/nested more than \d+ levels/);
    const gated = gateDataFiles(files, TODAY);
    expect(gated.problems.map((p) => p.leftOut)).toEqual(['data/prices/deep.json']);
    expect(gated.dataset.items).toHaveLength(2);
  });
});
