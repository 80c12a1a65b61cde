// Pre-renders the page at build time: the default scenario's whole page with its real numbers, rendered by
// the app's own components (src/app/prerender.tsx) with react-dom/static, in Node, through a Vite server
// built from the same config (the same plugins: the dataset parsed by the same loader, the model presets),
// so every number comes from the same core code the browser runs. The markup goes into index.html's #root,
// which main.tsx hydrates. The build also adds the one inline script (src/app/boot-script.ts) and its
// sha256 to the Content-Security-Policy: no 'unsafe-inline'.
//
// A page that cannot be pre-rendered (a broken dataset, a render error) does not fail the build: the
// warning is printed and index.html is left as it was, rendered in the browser as before.
import { createHash } from 'node:crypto';
import { createServer, type Plugin, type ResolvedConfig } from 'vite';
import type { PrerenderedPage } from '../src/app/prerender';
import { PRERENDERED_AS_OF_ATTRIBUTE } from '../src/state/hydration.ts';

const ENTRY = '/src/app/prerender.tsx';
const ROOT_DIV = /<div id="root"><\/div>/;
const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*script-src )'self'/s;

/** The CSP source expression for an inline script. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** index.html with the pre-rendered page in #root, the boot script in <head> and its hash in the CSP. */
export function injectPrerendered(html: string, page: PrerenderedPage, boot: string): string {
  if (!ROOT_DIV.test(html)) throw new Error('index.html has no empty <div id="root"></div>');
  if (!CSP_META.test(html)) throw new Error("index.html's Content-Security-Policy has no script-src 'self'");
  return html
    .replace(CSP_META, `$1'self' ${scriptHash(boot)}`)
    .replace('</title>', `</title>\n    <script>${boot}</script>`)
    .replace(ROOT_DIV, () => `<div id="root" ${PRERENDERED_AS_OF_ATTRIBUTE}="${page.asOf}">${page.html}</div>`);
}

async function renderInNode(config: ResolvedConfig): Promise<{ page: PrerenderedPage; boot: string }> {
  const server = await createServer({
    configFile: config.configFile,
    root: config.root,
    mode: config.mode,
    logLevel: 'error',
    clearScreen: false,
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const prerender = (await server.ssrLoadModule(ENTRY)) as typeof import('../src/app/prerender');
    const bootModule = (await server.ssrLoadModule('/src/app/boot-script.ts')) as typeof import(
      '../src/app/boot-script'
    );
    const page = await prerender.prerenderPage();
    return { page, boot: bootModule.bootScript(page.query) };
  } finally {
    await server.close();
  }
}

export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'rigcast-prerender',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        try {
          const { page, boot } = await renderInNode(config);
          return injectPrerendered(html, page, boot);
        } catch (error) {
          config.logger.warn(
            `rigcast-prerender: the page was not pre-rendered, it will render in the browser (${error instanceof Error ? error.message : String(error)})`,
          );
          return html;
        }
      },
    },
  };
}
