// The price-history seed (scripts/vite-history-seed-plugin.ts runs src/app/prerender.tsx's historySeed at
// build time): the default scenario's history from the dataset as the browser gets it (packed, fields the UI
// does not show dropped) is the history the disk dataset gives, and its key tells every other request apart.
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rigCostHistory } from '../../src/core/projection/rig-history';
import { loadDatasetFromDisk, REPO_ROOT } from '../../src/data/load-node';
import { defaultScenario } from '../../src/scenario/defaults';
import { historyKey, historyOptions } from '../../src/state/history-seed';

describe('the price-history seed', () => {
  let server: ViteDevServer;
  beforeAll(async () => {
    server = await createServer({
      configFile: `${REPO_ROOT}/vite.config.ts`,
      root: REPO_ROOT,
      logLevel: 'silent',
      server: { middlewareMode: true, hmr: false, ws: false, watch: null },
      appType: 'custom',
      optimizeDeps: { noDiscovery: true, include: [] },
    });
  });
  afterAll(() => server?.close());

  it('is the history of the disk dataset for the default scenario', async () => {
    const buildTime = (await server.ssrLoadModule(
      '/src/app/prerender.tsx',
    )) as typeof import('../../src/app/prerender');
    const seed = buildTime.historySeed();
    const s = defaultScenario();
    const options = historyOptions(s.targetMemoryGiB, s.requireFp8, s.conditions, s.asOf);
    expect(seed.key).toBe(historyKey(options));
    expect(seed.history.points.length).toBeGreaterThan(0);
    // As JSON: that is how it reaches the browser.
    expect(JSON.parse(JSON.stringify(seed.history))).toEqual(
      JSON.parse(JSON.stringify(rigCostHistory(loadDatasetFromDisk().dataset, options))),
    );
  }, 120_000);

  it('is keyed on every option, so any other request misses it', () => {
    const base = historyKey(historyOptions(512, false, 'any', '2026-12-03'));
    expect(historyKey(historyOptions(512, false, 'any', '2026-12-03'))).toBe(base);
    for (const other of [
      // The last month is priced as of the as-of day, so another day of the same month is another request.
      historyOptions(512, false, 'any', '2026-12-31'),
      historyOptions(768, false, 'any', '2026-12-03'),
      historyOptions(512, true, 'any', '2026-12-03'),
      historyOptions(512, false, 'used', '2026-12-03'),
      historyOptions(512, false, 'any', '2026-11-30'),
    ]) {
      expect(historyKey(other)).not.toBe(base);
    }
    expect(historyKey({ requireFp8: false, targetBytes: 1 })).toBe(
      historyKey({ targetBytes: 1, requireFp8: false }),
    );
  });
});
