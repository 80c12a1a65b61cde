import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { datasetPlugin } from './scripts/vite-dataset-plugin.ts';
import { historySeedPlugin } from './scripts/vite-history-seed-plugin.ts';
import { modelPresetsPlugin } from './scripts/vite-model-presets-plugin.ts';
import { prerenderPlugin } from './scripts/vite-prerender-plugin.ts';

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
    // The presets always come from this repository's data/models (a broken-data fixture has no models).
    modelPresetsPlugin(),
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
