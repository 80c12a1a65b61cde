import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { datasetPlugin } from './scripts/vite-dataset-plugin';

// The model picker needs every preset's name at first paint, not the configs. This virtual module lists
// the presets (id, name, repo, aliases) at build time; src/data/models.ts loads the configs on demand, so
// 40+ configs stay out of the first-paint bundle.
function modelIndex(): Plugin {
  const virtualId = 'virtual:model-index';
  const resolvedId = `\0${virtualId}`;
  const dir = resolve(import.meta.dirname, 'data/models');
  return {
    name: 'rigcast-model-index',
    resolveId: (id) => (id === virtualId ? resolvedId : null),
    load(id) {
      if (id !== resolvedId) return null;
      const index = [];
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        this.addWatchFile(join(dir, file));
        try {
          const preset = JSON.parse(readFileSync(join(dir, file), 'utf8'));
          // Only what the picker lists; the rest (config, source, dates) loads with the chosen preset.
          const { id: presetId, name, hfRepo, aliases } = preset;
          if (typeof presetId === 'string' && typeof name === 'string') {
            index.push({ id: presetId, name, hfRepo, aliases, file });
          }
        } catch {
          // A broken preset file is reported by npm run lint:data; the picker leaves it out.
        }
      }
      return `export default ${JSON.stringify(index)};`;
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
    modelIndex(),
    datasetPlugin({ root: process.env.RIGCAST_DATA_ROOT ?? import.meta.dirname }),
  ],
  // The price dataset is one lazily loaded chunk of inlined JSON, larger than Vite's 500 kB warning by
  // design; scripts/bench-ui.ts reports the real (gzip) sizes against the budgets. RIGCAST_DATA_ROOT points
  // the dataset at another folder's data/ (the browser tests build with a broken fixture).
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Every model config in one chunk (src/data/models.ts loads them on demand): gzip shares their
          // common keys, so one chunk ships far fewer bytes than 45 small ones.
          groups: [{ name: 'model-configs', test: /[\\/]data[\\/]models[\\/][^\\/]+\.json$/ }],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
