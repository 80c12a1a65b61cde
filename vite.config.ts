import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { datasetPlugin } from './scripts/vite-dataset-plugin.ts';
import { historySeedPlugin } from './scripts/vite-history-seed-plugin.ts';
import { defaultScenario } from './src/scenario/defaults.ts';
import { prerenderPlugin } from './scripts/vite-prerender-plugin.ts';
import { presetFacts } from './scripts/model-facts.ts';

// The model presets in data/models/*.json, as three virtual modules read by src/data/models.ts:
// - virtual:model-index, what the picker lists (id, name, repo, aliases): in the first-paint bundle;
// - virtual:model-config-default, the default scenario's preset config (with its source URL and date), which
//   the default page needs right after first paint (0.9 KB gzip instead of all of them);
// - virtual:model-configs, every other preset's config, loaded on demand as ONE chunk when another model is
//   picked. The configs share most of their keys, so together they gzip to about a quarter of the bytes of
//   one chunk per config (measured: 45 chunks, 40 KB -> 10.5 KB). The configs are kept whole; the files'
//   notes and licence lines, which the app does not show, stay in data/.
function modelPresets(): Plugin {
  const modules = {
    'virtual:model-index': 'index',
    'virtual:model-configs': 'configs',
    'virtual:model-config-default': 'default',
  } as const;
  const defaultModelId = defaultScenario().modelId;
  const dir = resolve(import.meta.dirname, 'data/models');
  return {
    name: 'rigcast-model-presets',
    resolveId: (id) => (id in modules ? `\0${id}` : null),
    load(id) {
      const which = id.startsWith('\0') ? modules[id.slice(1) as keyof typeof modules] : undefined;
      if (!which) return null;
      const index = [];
      const configs: Record<string, unknown> = {};
      const defaultConfig: Record<string, unknown> = {};
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        this.addWatchFile(join(dir, file));
        try {
          const preset = JSON.parse(readFileSync(join(dir, file), 'utf8'));
          const { id: presetId, name, hfRepo, aliases, config, sourceUrl, retrievedOn } = preset;
          if (typeof presetId === 'string' && typeof name === 'string') {
            index.push({
              id: presetId,
              name,
              hfRepo,
              aliases,
              file,
              inDefaultChunk: presetId === defaultModelId,
              // The picker's figures (parameters, max context) computed here, so the configs can stay lazy.
              ...(which === 'index' ? presetFacts(config, name) : {}),
            });
            (presetId === defaultModelId ? defaultConfig : configs)[file] = {
              config,
              sourceUrl,
              retrievedOn,
            };
          }
        } catch {
          // A broken preset file is reported by npm run lint:data; the picker leaves it out.
        }
      }
      // JSON.parse of a string: V8 parses JSON faster than the same object literal
      // (https://v8.dev/blog/cost-of-javascript-2019#json).
      const value = which === 'index' ? index : which === 'default' ? defaultConfig : configs;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
    },
  };
}

// The dev server injects an inline React refresh preamble and <style> tags for hot reload, which the
// strict Content-Security-Policy in index.html forbids. The policy applies to the build; in dev it is
// dropped so `npm run dev` works.
function devWithoutCsp(): Plugin {
  return {
    name: 'rigcast-dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
  };
}

// base './' makes the static build work from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    devWithoutCsp(),
    modelPresets(),
    datasetPlugin({ root: process.env.RIGCAST_DATA_ROOT ?? import.meta.dirname }),
    historySeedPlugin(),
    prerenderPlugin(),
  ],
  // The price dataset is one lazily loaded chunk of inlined JSON, larger than Vite's 500 kB warning by
  // design; scripts/bench-ui.ts reports the real (gzip) sizes against the budgets. RIGCAST_DATA_ROOT points
  // the dataset at another folder's data/ (the browser tests build with a broken fixture).
  build: {
    target: 'es2022',
    // One stylesheet for the whole page, inlined into the pre-rendered index.html (first paint needs all of
    // it; the page's code arrives in several chunks after first paint).
    cssCodeSplit: false,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
