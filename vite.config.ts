import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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
  plugins: [react(), devWithoutCsp()],
  // The price dataset is one lazily loaded chunk of inlined JSON, larger than Vite's 500 kB warning by
  // design; scripts/bench-ui.ts reports the real (gzip) sizes against the budgets.
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
