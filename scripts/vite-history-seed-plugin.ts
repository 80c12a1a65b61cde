// virtual:rigcast-history-seed: the price history behind the projection for the scenario the page is
// pre-rendered with (its rig class's monthly cheapest rig and component estimates), computed at build time
// by the core's classOutlook on the dataset exactly as the browser gets it (src/app/prerender.tsx, run
// through scripts/lib/build-time-server.ts), and shipped with the dataset. The browser uses it for that exact
// request only (src/state/history-seed.ts, class-outlooks.ts) and computes every other one itself; it saves
// the page's longest task after load (one rig search per month of history). The dev server, and the
// build-time server itself, get no seed.
import type { Plugin, ResolvedConfig } from 'vite';
import { buildTimeServer, closeBuildTimeServer } from './lib/build-time-server.ts';

export const HISTORY_SEED_MODULE_ID = 'virtual:rigcast-history-seed';
const RESOLVED_ID = `\0${HISTORY_SEED_MODULE_ID}`;

export function historySeedPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'rigcast-history-seed',
    configResolved(resolved) {
      config = resolved;
    },
    resolveId: (id) => (id === HISTORY_SEED_MODULE_ID ? RESOLVED_ID : null),
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      let seed: unknown = null;
      if (config.command === 'build') {
        try {
          const server = await buildTimeServer(config);
          const buildTime = (await server.ssrLoadModule(
            '/src/app/prerender.tsx',
          )) as typeof import('../src/app/prerender');
          seed = buildTime.historySeed();
        } catch (error) {
          // No seed is no error: the browser computes the history itself.
          this.warn(`no price-history seed (${error instanceof Error ? error.message : String(error)})`);
        }
      }
      return `export const historySeed = JSON.parse(${JSON.stringify(JSON.stringify(seed))});`;
    },
    async buildEnd() {
      // The pre-render plugin may still need the server (it runs at the end of the bundle); it closes it.
      if (this.meta.watchMode) await closeBuildTimeServer();
    },
  };
}
