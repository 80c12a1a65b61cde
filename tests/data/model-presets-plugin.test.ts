// The model presets reach the picker through the data gate: a preset that fails it is left out of the list
// and named in presetProblems (the page's notice), never silently missing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { presetModuleSource, presetsForBundle } from '../../scripts/vite-model-presets-plugin';
import { REPO_ROOT } from '../../src/data/load-node';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function rootWith(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'rigcast-presets-'));
  dirs.push(root);
  mkdirSync(join(root, 'data', 'models'), { recursive: true });
  for (const [name, json] of Object.entries(files))
    writeFileSync(join(root, 'data', 'models', name), `${JSON.stringify(json, null, 2)}\n`);
  return root;
}

const preset = JSON.parse(readFileSync(join(REPO_ROOT, 'data/models/llama-3-1-8b.json'), 'utf8')) as Record<
  string,
  unknown
> & { config: Record<string, unknown> };

async function importSource(source: string): Promise<Record<string, unknown>> {
  return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}

describe('model presets through the data gate', () => {
  it('lists the good preset and names the broken ones with what was left out', async () => {
    const root = rootWith({
      'llama-3-1-8b.json': preset,
      'no-repo.json': { ...preset, id: 'no-repo', hfRepo: undefined },
      'bad-config.json': { ...preset, id: 'bad-config', config: { ...preset.config, hidden_size: -1 } },
    });
    const bundle = presetsForBundle(root, '2026-12-03');
    expect(bundle.index.map((p) => p.id)).toEqual(['llama-3-1-8b']);
    expect(Object.keys(bundle.configs)).toEqual(['llama-3-1-8b.json']);
    expect([...new Set(bundle.problems.map((p) => p.leftOut))].sort()).toEqual([
      'data/models/bad-config.json',
      'data/models/no-repo.json',
    ]);
    const module = await importSource(presetModuleSource('index', root, '2026-12-03'));
    expect((module.default as { id: string }[]).map((p) => p.id)).toEqual(['llama-3-1-8b']);
    expect((module.presetProblems as { file: string }[]).length).toBe(bundle.problems.length);
    const configs = await importSource(presetModuleSource('configs', root, '2026-12-03'));
    expect(Object.keys(configs.default as object)).toEqual(['llama-3-1-8b.json']);
  });

  it('the repository presets all pass', () => {
    const bundle = presetsForBundle();
    expect(bundle.problems).toEqual([]);
    expect(bundle.index.length).toBeGreaterThanOrEqual(34);
  }, 30_000);
});
