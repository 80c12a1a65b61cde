// One Vite server in SSR mode per build, for the plugins that run the app's own modules in Node at build time
// (scripts/vite-history-seed-plugin.ts, scripts/vite-prerender-plugin.ts): it is built from the same config,
// so those modules see the same plugins (the dataset exactly as the browser gets it, the model presets) and
// the same core code. The server's own copies of the build-only plugins stand aside (they apply to builds).
import { createServer, type ResolvedConfig, type ViteDevServer } from 'vite';

let server: Promise<ViteDevServer> | null = null;

export function buildTimeServer(config: ResolvedConfig): Promise<ViteDevServer> {
  server ??= createServer({
    configFile: config.configFile,
    root: config.root,
    mode: config.mode,
    logLevel: 'error',
    clearScreen: false,
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  return server;
}

/** Closes the server, if one was started (idempotent). */
export async function closeBuildTimeServer(): Promise<void> {
  const pending = server;
  server = null;
  if (pending) await (await pending).close();
}
