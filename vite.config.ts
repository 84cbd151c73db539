import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Requests the app shell must never answer with index.html (issue 17 item 12): the API and
 * its downloads (exports are `/api/…`), websockets, share links (the server decides whether
 * a link still lives), health checks, and anything that names a file.
 */
const NOT_THE_SHELL = [/^\/api\//, /^\/ws\//, /^\/s\//, /^\/(?:healthz|readyz)(?:\?|$)/, /\/[^/?]+\.[a-z0-9]+(?:\?|$)/i];

// The client lives in client/ and builds to dist/client, which the server serves.
export default defineConfig({
  root: 'client',
  plugins: [
    solid(),
    // The offline app shell: a Workbox service worker built from the npm packages (nothing is
    // fetched from a CDN), registered by client/lib/service-worker.ts.
    VitePWA({
      injectRegister: false,
      // skipWaiting + clientsClaim: a deploy's worker takes over at once; a tab still on the
      // old build gets a 404 for a chunk it lacks and reloads (client/lib/chunk-reload.ts).
      registerType: 'autoUpdate',
      manifest: {
        name: 'Samplan',
        short_name: 'Samplan',
        description: 'Handlingsplaner, strategier och dagordningar – tillsammans, live.',
        lang: 'sv',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any maskable' }],
      },
      workbox: {
        // The manifest and its icon are added by the plugin itself.
        globPatterns: ['**/*.{html,js,css,woff,woff2,png,ico}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: NOT_THE_SHELL,
        cleanupOutdatedCaches: true,
        skipWaiting: true,
        clientsClaim: true,
        // What opening a document needs besides its local copy: who I am and the document's
        // title, kind and role. From the network whenever it answers; the last answer offline.
        runtimeCaching: [
          {
            urlPattern: /\/api\/(?:me|documents\/[^/?]+)$/,
            method: 'GET',
            handler: 'NetworkFirst',
            options: { cacheName: 'samplan-api', cacheableResponse: { statuses: [200] }, expiration: { maxEntries: 200 } },
          },
        ],
      },
    }),
  ],
  build: { outDir: '../dist/client', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/ws': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
});
