import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The model picker needs every preset's name at first paint, but only the chosen model's config.json.
// This virtual module lists the presets (id, name, source) at build time; src/state/model-presets.ts
// loads each config on demand, so 40+ configs stay out of the first-paint bundle.
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

// The app shows every price's source URL and date, not the reviewers' notes and page titles beside them
// in data/; dropping those fields from the browser bundle halves the dataset chunk (about 80 -> 36 KB
// gzip). The data lint and the unit tests read the files from disk, untouched.
const BUNDLE_DROPPED_DATA_FIELDS = new Set(['note', 'title', 'archivedUrl', '$schema']);
function slimDataJson(): Plugin {
  return {
    name: 'rigcast-slim-data-json',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]data[\\/](hardware|prices|series)[\\/][^\\/]+\.json$/.test(id)) return null;
      try {
        const slim = JSON.stringify(JSON.parse(code), (key, value) =>
          BUNDLE_DROPPED_DATA_FIELDS.has(key) ? undefined : value,
        );
        return { code: slim, map: null };
      } catch {
        return null; // leave a broken file as it is: the dataset loader reports it
      }
    },
  };
}

// base './' makes the static build work from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [react(), devWithoutCsp(), modelIndex(), slimDataJson()],
  // The price dataset is one lazily loaded chunk of inlined JSON, larger than Vite's 500 kB warning by
  // design; scripts/bench-ui.ts reports the real (gzip) sizes against the budgets.
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
