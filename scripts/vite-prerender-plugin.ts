// Pre-renders the page at build time: the default scenario's whole page with its real numbers, rendered by
// the app's own components (src/app/prerender.tsx) with react-dom/static, in Node, through a Vite server
// built from the same config (scripts/lib/build-time-server.ts: the same plugins, the dataset parsed by the
// same loader, the model presets), so every number comes from the same core code the browser runs. The markup goes into index.html's #root,
// which main.tsx hydrates. First paint then needs the HTML alone: the stylesheet is inlined, and the app's
// code is loaded by the one inline script (src/app/boot-script.ts) once the page has painted. Both inline
// elements are allowed by their sha256 in the Content-Security-Policy: no 'unsafe-inline'.
//
// A page that cannot be pre-rendered (a broken dataset, a render error) does not fail the build: the
// warning is printed and index.html is left as it was, rendered in the browser as before.
import { createHash } from 'node:crypto';
import type { IndexHtmlTransformContext, Plugin, ResolvedConfig } from 'vite';
import type { PrerenderedPage } from '../src/app/prerender';
import { PRERENDERED_AS_OF_ATTRIBUTE } from '../src/state/hydration.ts';
import { buildTimeServer, closeBuildTimeServer } from './lib/build-time-server.ts';

const ENTRY = '/src/app/prerender.tsx';
const ROOT_DIV = /<div id="root"><\/div>/;
const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/s;
const ENTRY_SCRIPT = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;
const PAGE_END_ID = 'prerendered-end';
const STYLESHEET = /<link rel="stylesheet" crossorigin href="\.\/([^"]+)">/g;

/** The CSP source expression for an inline script or style element's text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Adds a source to one directive of a policy (which must have the directive). */
export function addToDirective(policy: string, directive: string, source: string): string {
  const pattern = new RegExp(`(^|;)(\\s*${directive}\\s[^;]*)`);
  if (!pattern.test(policy)) throw new Error(`the Content-Security-Policy has no ${directive}`);
  return policy.replace(pattern, (_m, start: string, body: string) => `${start}${body.trimEnd()} ${source}`);
}

/** index.html with the pre-rendered page in #root, the stylesheets inline, the entry script replaced by the
 *  boot script (which loads it after first paint), and the hashes of the inline elements in the CSP.
 *  readAsset gives the text of a built file by its path relative to the output folder. */
export function injectPrerendered(
  html: string,
  page: PrerenderedPage,
  makeBoot: (entry: string, preloads: string[]) => string,
  readAsset: (file: string) => string,
): string {
  if (!ROOT_DIV.test(html)) throw new Error('index.html has no empty <div id="root"></div>');
  const csp = CSP_META.exec(html);
  if (!csp) throw new Error('index.html has no Content-Security-Policy');
  const entries = [...html.matchAll(ENTRY_SCRIPT)].map((m) => m[1] as string);
  if (entries.length !== 1)
    throw new Error(`expected one entry script in index.html, found ${entries.length}`);
  const preloads = [...html.matchAll(MODULE_PRELOAD)].map((m) => m[1] as string);
  const boot = makeBoot(entries[0] as string, preloads);
  let policy = addToDirective(csp[1] as string, 'script-src', cspHash(boot));
  const styles: string[] = [];
  let out = html.replace(STYLESHEET, (_m, file: string) => {
    const css = readAsset(file);
    styles.push(css);
    policy = addToDirective(policy, 'style-src', cspHash(css));
    return `<style>${css}</style>`;
  });
  if (styles.length === 0) throw new Error('index.html links no stylesheet');
  if (styles.some((css) => css.includes('</style'))) throw new Error('a stylesheet contains "</style"');
  out = out
    .replace(ENTRY_SCRIPT, '')
    .replace(MODULE_PRELOAD, '')
    .replace(CSP_META, () => `<meta http-equiv="Content-Security-Policy" content="${policy}"`)
    // First paint waits until the whole page is parsed (Chromium's render-blocking rel=expect; others ignore
    // it): painted while the HTML still arrives, a half-parsed part (a list with half its options) would be
    // drawn at another height and then move what is below it.
    .replace(
      '</title>',
      () =>
        `</title>\n    <link rel="expect" href="#${PAGE_END_ID}" blocking="render" />\n    <script>${boot}</script>`,
    )
    .replace(
      ROOT_DIV,
      () =>
        `<div id="root" ${PRERENDERED_AS_OF_ATTRIBUTE}="${page.asOf}">${page.html}</div><span id="${PAGE_END_ID}" hidden></span>`,
    );
  return out;
}

interface Rendered {
  page: PrerenderedPage;
  bootScript: typeof import('../src/app/boot-script').bootScript;
}

async function renderInNode(config: ResolvedConfig): Promise<Rendered> {
  const server = await buildTimeServer(config);
  const prerender = (await server.ssrLoadModule(ENTRY)) as typeof import('../src/app/prerender');
  const bootModule = (await server.ssrLoadModule(
    '/src/app/boot-script.ts',
  )) as typeof import('../src/app/boot-script');
  const page = await prerender.prerenderPage();
  return { page, bootScript: bootModule.bootScript };
}

function assetText(ctx: IndexHtmlTransformContext, file: string): string {
  const asset = ctx.bundle?.[file];
  if (!asset) throw new Error(`${file} is not in the bundle`);
  const source = asset.type === 'asset' ? asset.source : asset.code;
  return typeof source === 'string' ? source : new TextDecoder().decode(source);
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
      async handler(html, ctx: IndexHtmlTransformContext) {
        try {
          const { page, bootScript } = await renderInNode(config);
          return injectPrerendered(
            html,
            page,
            (entry, preloads) => bootScript({ prerenderedQuery: page.query, entry, preloads }),
            (file) => assetText(ctx, file),
          );
        } catch (error) {
          config.logger.warn(
            `rigcast-prerender: the page was not pre-rendered, it will render in the browser (${error instanceof Error ? error.message : String(error)})`,
          );
          return html;
        }
      },
    },
    async closeBundle() {
      await closeBuildTimeServer();
    },
  };
}
