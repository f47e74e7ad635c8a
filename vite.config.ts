import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

// The dev server proxies /v1 to the emulator started by `npm run dev` (server/dev.ts sets the port).
const apiTarget = process.env.SIPCALLER_DEV_API ?? 'http://127.0.0.1:8080';

// node-polyglot (under ra-i18n-polyglot) requires the `object.entries` polyfill, which drags in
// get-intrinsic and a dozen es-shims packages (~5 KB gzip); every browser the console supports has
// Object.entries, which is what the polyfill returns there anyway. The alias holds in dev and build.
const objectEntries = fileURLToPath(new URL('./src/shims/objectEntries.cjs', import.meta.url));

// Kept in step with server/security.ts (NONCE_PLACEHOLDER, CONNECT_SRC_META); this file runs without the server.
const NONCE_PLACEHOLDER = 'SIPCALLER_CSP_NONCE';
const CONNECT_SRC_META = 'sipcaller-connect-src';

/**
 * The build writes into index.html's connect-src meta the origin of VITE_SIPCALLER_API_URL (when it
 * is another origin): the server adds it to the CSP's connect-src, and the sign-in page knows it may
 * call it. In dev there is no policy, and the meta stays empty.
 */
const connectSrcMeta = (apiUrl: string | undefined): Plugin => ({
  name: 'sipcaller-connect-src',
  apply: 'build',
  transformIndexHtml(html) {
    let origin = '';
    try {
      if (apiUrl?.trim() && /^https?:\/\//i.test(apiUrl.trim())) origin = new URL(apiUrl.trim()).origin;
    } catch {
      origin = '';
    }
    const sources = ["'self'", origin].filter(Boolean).join(' ');
    return html.replace(
      `<meta name="${CONNECT_SRC_META}" content="" />`,
      `<meta name="${CONNECT_SRC_META}" content="${sources}" />`,
    );
  },
});

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
// bson: the time-zone map the CSV worker fetches (102 KB, 13 KB gzip).
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|webmanifest|wasm|xml|bson)$/i;

/**
 * Brotli (quality 11) and gzip (level 9) copies of every asset, beside it (file.br, file.gz), for
 * @fastify/static's preCompressed (server/routes/static.ts) or nginx's gzip_static / brotli_static.
 * Not index.html (the server renders it per response, with its nonce) and not source maps (only
 * developer tools fetch them). A copy that would not be smaller is not written.
 */
const precompress = (): Plugin => {
  let outDir = 'dist';
  return {
    name: 'sipcaller-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = isAbsolute(config.build.outDir) ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file);
          if (!(await stat(path)).isFile()) return;
          const content = await readFile(path);
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzipAsync(content, { level: 9 }),
          ]);
          if (br.length < content.length) await writeFile(`${path}.br`, br);
          if (gz.length < content.length) await writeFile(`${path}.gz`, gz);
        }),
      );
    },
  };
};

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => ({
  plugins: [react(), connectSrcMeta(loadEnv(mode, root, 'VITE_').VITE_SIPCALLER_API_URL), precompress()],
  // Vite writes this placeholder into <meta property="csp-nonce" nonce="…"> (and its own script and
  // style tags); the server replaces it with each response's nonce, which src/main.tsx gives Emotion.
  html: { cspNonce: NONCE_PLACEHOLDER },
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
}));
