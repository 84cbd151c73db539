import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The client lives in client/ and builds to dist/client, which the server serves.
export default defineConfig({
  root: 'client',
  plugins: [solid()],
  build: { outDir: '../dist/client', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/ws': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
});
