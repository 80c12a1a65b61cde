import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' makes the static build work from any sub-path of a static host.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
