// src/data/dataset.ts gets the dataset from scripts/vite-dataset-plugin.ts, which parses data/ at build
// time. These tests load dataset.ts through that plugin (a Vite server in SSR mode, as the build does) and
// compare it with the disk loader the data lint uses.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_DROPPED_DATA_FIELDS,
  datasetForBundle,
  datasetModuleSource,
  datasetPlugin,
} from '../../scripts/vite-dataset-plugin';
import { loadDatasetFromDisk, REPO_ROOT } from '../../src/data/load-node';
import { type PackedSources, unpackSources } from '../../src/data/shared-sources';
import { BROKEN_SYNTAX_JSON } from '../browser/fixtures/broken-data/broken-syntax';

const BROKEN_FIXTURE = fileURLToPath(new URL('../browser/fixtures/broken-data/', import.meta.url));

const withoutDroppedFields = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v) => (BUNDLE_DROPPED_DATA_FIELDS.has(key) ? undefined : v)));

async function importSource(source: string): Promise<Record<string, unknown>> {
  return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}

describe('src/data/dataset.ts (parsed at build time by the dataset plugin)', () => {
  let server: ViteDevServer;
  beforeAll(async () => {
    server = await createServer({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'silent',
      plugins: [datasetPlugin({ root: REPO_ROOT })],
      server: { middlewareMode: true, hmr: false, watch: null },
      appType: 'custom',
    });
  });
  afterAll(() => server?.close());

  it('sees exactly what the disk loader sees, minus the fields the UI does not show', async () => {
    const fromDisk = loadDatasetFromDisk();
    const module = await server.ssrLoadModule('/src/data/dataset.ts');
    expect(module.dataset).toEqual(withoutDroppedFields(fromDisk.dataset));
    expect(module.datasetProblems).toEqual(fromDisk.problems);
    // Two runs of the data gate (the lint's rules over every file): seconds on a busy machine.
  }, 30_000);

  it('drops the notes, titles and archive links, and nothing the app uses', () => {
    const text = JSON.stringify(datasetForBundle().dataset);
    for (const key of BUNDLE_DROPPED_DATA_FIELDS) expect(text).not.toContain(`"${key}":`);
    expect(text).toContain('"url":');
    expect(text).toContain('"observedOn":');
  });
});

describe('a broken data file (tests/browser/fixtures/broken-data)', () => {
  it('is left out and listed, and the module still builds', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rigcast-broken-data-'));
    cpSync(BROKEN_FIXTURE, root, { recursive: true });
    writeFileSync(join(root, 'data/prices/broken-syntax.json'), BROKEN_SYNTAX_JSON);
    let source: string;
    try {
      source = datasetModuleSource(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    const module = await importSource(source);
    const dataset = unpackSources<{ items: { id: string }[] }>(module.packedDataset as PackedSources);
    const problems = module.datasetProblems as { file: string; rule: string; leftOut?: string }[];
    expect(dataset.items.map((i) => i.id)).toEqual(['nvidia-rtx-3090-24gb']);
    // The gate's problems are the lint's (rule "schema" for a file that is not JSON), each naming what it left
    // out.
    const left = problems.map((p) => `${p.leftOut} ${p.rule}`);
    expect(left).toContain('data/prices/broken-syntax.json schema');
    expect(left).toContain('data/hardware/broken-schema.json schema');
    // Only the lint's dates rule rejects the 2099 observation: exactly it is left out, the other two stay.
    expect(left).toContain('data/prices/nvidia-rtx-3090-24gb.json $.observations[2] dates');
    const kept = unpackSources<{ prices: Record<string, { observedOn: string }[]> }>(
      module.packedDataset as PackedSources,
    ).prices;
    expect(kept['nvidia-rtx-3090-24gb']?.map((o) => o.observedOn)).toEqual(['2020-09-01', '2023-01-15']);
  });
});
