import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server proxies /v1 to the emulator started by `npm run dev` (server/dev.ts sets the port).
const apiTarget = process.env.SIPCALLER_DEV_API ?? 'http://127.0.0.1:8080';

// node-polyglot (under ra-i18n-polyglot) requires the `object.entries` polyfill, which drags in
// get-intrinsic and a dozen es-shims packages (~5 KB gzip); every browser the console supports has
// Object.entries, which is what the polyfill returns there anyway. The alias holds in dev and build.
const objectEntries = fileURLToPath(new URL('./src/shims/objectEntries.cjs', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^object\.entries$/, replacement: objectEntries }] },
  server: {
    host: '127.0.0.1',
    proxy: { '/v1': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The sign-in screen as one file: everything src/main.tsx imports statically. Left alone, the
          // bundler splits out what the entry shares with the lazy console into files of their own, and
          // every extra file costs its own headers and compression dictionary (about 2.5 KB gzip here;
          // `npm run bench -- --only=size`). src/auth/entryChunk.test.ts keeps the console out of it.
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  worker: { format: 'es' },
});
