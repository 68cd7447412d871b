import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };
import { probeRenderer, SOFTWARE_CONTEXT, SOFTWARE_RENDERERS } from './src/scene/render-quality.ts';

/** The version the library shows; LF_BUILD tells two builds of one version apart (the update test makes one). */
const version = process.env.LF_BUILD ? `${pkg.version}+${process.env.LF_BUILD}` : pkg.version;

/**
 * A page that opens on a drill (any address without `?library`) starts fetching the 3D control
 * room's code with its first bytes, beside the entry script, instead of after the entry has run
 * and asked for it: on a cold load that is the difference between the two downloads in parallel
 * and one after the other. The library's and the instructor page's addresses do not fetch it.
 * While they download, it asks which renderer draws (src/scene/render-quality.ts).
 */
function preloadControlRoomOnDrill(): Plugin {
  return {
    name: 'lf-preload-control-room',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {});
        const room = chunks.find((c) => c.type === 'chunk' && c.isDynamicEntry && c.facadeModuleId?.endsWith('/src/ui/ControlRoom.tsx'));
        if (room?.type !== 'chunk') throw new Error('lf-preload-control-room: the ControlRoom chunk is missing from the build');
        const files = JSON.stringify([room.fileName, ...room.imports].map((f) => `/${f}`));
        // The renderer probe runs after the preloads are queued, while they download.
        const script = `if(!/[?&](library|instructor)\\b/.test(location.search)){for(const f of ${files}){const l=document.createElement('link');l.rel='modulepreload';l.href=f;document.head.appendChild(l)}window.__lfRenderer=(${probeRenderer.toString()})(${JSON.stringify(SOFTWARE_CONTEXT)},${JSON.stringify(SOFTWARE_RENDERERS.source)})}`;
        return [{ tag: 'script', children: script, injectTo: 'head' }];
      },
    },
  };
}

export default defineConfig({
  // Icons and other files served as they are (students work offline: everything ships here).
  publicDir: 'assets',
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [
    react(),
    preloadControlRoomOnDrill(),
    // An installable app that works offline after one visit (why a plugin: workbox's precache
    // with revisioned URLs, clean-up of old caches and the update handshake are easy to get
    // subtly wrong by hand). The new version waits: the page offers it and never reloads under
    // a running drill (src/ui/UpdateBanner.tsx).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Learning Factory',
        short_name: 'Learning Factory',
        description: 'Practise what happens when a production line goes wrong: a digital twin with fault drills.',
        lang: 'en',
        start_url: '/?library',
        scope: '/',
        display: 'standalone',
        theme_color: '#263238',
        background_color: '#d6d6d6',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The app shell, every route's chunk, both workers, the scenarios (bundled), fonts and 3D assets.
        globPatterns: ['**/*.{js,css,html,svg,png,json,woff2,glb,hdr}'],
        // The control room's chunk (three, fiber, drei) is about 800 kB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit's page is taken over at once, so the route chunks it loads later come
        // from the cache (a deploy in between would otherwise leave it asking for files gone).
        clientsClaim: true,
      },
    }),
  ],
  // The control room's chunk is three + fiber + drei (~800 kB, ~200 kB gzip: only the classes of
  // three the scene uses, src/scene/LineCanvas.tsx), loaded only with the 3D view.
  build: { chunkSizeWarningLimit: 850 },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/server/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/curriculum/**/*.test.ts', 'tests/fuzz/**/*.test.ts', 'tests/gateway/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // A throw-away PostgreSQL for the school server's tests (beside PGlite), when installed.
    globalSetup: ['tests/server/global-setup.ts'],
    testTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
