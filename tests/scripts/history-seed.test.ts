// The price-history seed (scripts/vite-history-seed-plugin.ts runs src/app/prerender.tsx's historySeed at
// build time): the default scenario's rig-class history and component estimates from the dataset as the
// browser gets it (packed, fields the UI does not show dropped) are what the disk dataset gives, and its key
// tells every other request apart.
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classOutlook } from '../../src/core/projection/answer';
import { loadDatasetFromDisk, REPO_ROOT } from '../../src/data/load-node';
import { defaultScenario } from '../../src/scenario/defaults';
import { projectionClassOf } from '../../src/scenario/scenario';
import { outlookKey } from '../../src/state/history-seed';

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

  it('is each rig class history and its component estimates for the default scenario, as the disk gives them', async () => {
    const buildTime = (await server.ssrLoadModule(
      '/src/app/prerender.tsx',
    )) as typeof import('../../src/app/prerender');
    const seed = buildTime.historySeed();
    const s = defaultScenario();
    expect(seed.outlooks.map((o) => o.rigClass)).toEqual(['good-fp8', 'gpu-unified', 'any']);
    const disk = loadDatasetFromDisk().dataset;
    for (const o of seed.outlooks) {
      expect(o.key).toBe(outlookKey(o.rigClass, s.targetMemoryGiB, s.asOf));
      expect(o.history.points.length).toBeGreaterThan(0);
      const fresh = classOutlook(disk, {
        rigClass: o.rigClass,
        targetBytes: s.targetMemoryGiB * 2 ** 30,
        asOf: s.asOf,
      });
      // As JSON: that is how it reaches the browser.
      expect(JSON.parse(JSON.stringify(o.history))).toEqual(JSON.parse(JSON.stringify(fresh.history)));
      expect(JSON.parse(JSON.stringify(o.components))).toEqual(JSON.parse(JSON.stringify(fresh.components)));
    }
    expect(projectionClassOf(s)).toBe('good-fp8');
  }, 180_000);

  it('is keyed on the class, the target and the as-of day, so any other request misses it', () => {
    const base = outlookKey('good-fp8', 512, '2026-12-03');
    expect(outlookKey('good-fp8', 512, '2026-12-03')).toBe(base);
    for (const other of [
      // The last month is priced as of the as-of day, so another day of the same month is another request.
      outlookKey('good-fp8', 512, '2026-12-31'),
      outlookKey('good-fp8', 768, '2026-12-03'),
      outlookKey('any', 512, '2026-12-03'),
      outlookKey('gpu-unified', 512, '2026-12-03'),
      outlookKey('good-fp8', 512, '2026-11-30'),
    ]) {
      expect(other).not.toBe(base);
    }
  });
});
