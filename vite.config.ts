import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The dev server proxies /v1 to the emulator started by `npm run dev` (server/dev.ts sets the port).
const apiTarget = process.env.SIPCALLER_DEV_API ?? 'http://127.0.0.1:8080';

const unreachable = (what: string) =>
  `throw new Error(${JSON.stringify(`${what} was left out of the build as unreachable (vite.config.ts, dropUnreachable)`)});`;

/**
 * Library code this console never runs but the bundler cannot prove dead, because a runtime branch
 * picks it (bench: `npm run bench -- --only=size`; about 28 KB gzip of the first campaigns page).
 * Each replacement throws if it is ever reached, and the build fails if the library file no longer
 * looks as expected (after an upgrade), so nothing is dropped silently.
 */
const replacements: { file: RegExp; expect: RegExp; replace: (code: string) => string }[] = [
  {
    // ra-core creates a hash data router (react-router's whole data-router runtime, ~17 KB gzip) only
    // when <Admin> is not already inside a router; src/App.tsx always wraps it in <BrowserRouter>.
    file: /[\\/]ra-core[\\/]dist[\\/]routing[\\/]adapters[\\/]reactRouterProvider\.js$/,
    expect: /const InternalRouter = \(\{ children, basename, \}\) => \{[\s\S]*?\n\};\n/,
    replace: (code) =>
      code.replace(
        /const InternalRouter = \(\{ children, basename, \}\) => \{[\s\S]*?\n\};\n/,
        `const InternalRouter = () => { ${unreachable("react-admin's own hash router")} };\n`,
      ),
  },
  {
    // react-admin's default CSV exporter (jsonexport, ~2.6 KB gzip) runs only from its ExportButton;
    // the console renders none and its lists pass exporter={false}: the numbers export is its own
    // (src/resources/numbers/ExportNumbers.tsx), in the layout the upload accepts.
    file: /[\\/]ra-core[\\/]dist[\\/]export[\\/]defaultExporter\.js$/,
    expect: /^import jsonExport from 'jsonexport\/dist\/index\.js';$/m,
    replace: () =>
      `export const defaultExporter = () => { ${unreachable("react-admin's default CSV exporter")} };\n`,
  },
  {
    // MUI builds a CSS-variables theme only for `cssVariables: true`; src/theme.ts never sets it.
    file: /[\\/]@mui[\\/]material[\\/]styles[\\/]createThemeWithVars\.mjs$/,
    expect: /^export default function createThemeWithVars\(/m,
    replace: () =>
      `export default function createThemeWithVars() { ${unreachable('MUI CSS-variables theme')} }\n`,
  },
  {
    // MUI's ThemeProvider uses the CSS-variables provider only for themes with `colorSchemes`; the
    // console's themes (src/theme.ts through react-admin's createTheme) have none.
    file: /[\\/]@mui[\\/]material[\\/]styles[\\/]ThemeProviderWithVars\.mjs$/,
    expect:
      /^export const CssVarsProvider = [\s\S]*^export \{ useColorScheme, getInitColorSchemeScript, Experimental_CssVarsProvider \};$/m,
    replace: () =>
      `const dropped = () => { ${unreachable('MUI CSS-variables provider')} };\n` +
      'export { dropped as CssVarsProvider, dropped as useColorScheme, dropped as getInitColorSchemeScript, dropped as Experimental_CssVarsProvider };\n',
  },
];

const dropUnreachable = (): Plugin => ({
  name: 'sipcaller:drop-unreachable',
  apply: 'build',
  enforce: 'pre',
  load(id) {
    const entry = replacements.find(({ file }) => file.test(id));
    if (!entry) return null;
    const code = readFileSync(id, 'utf8');
    if (!entry.expect.test(code)) this.error(`${id} changed shape: review its entry in vite.config.ts`);
    return entry.replace(code);
  },
  buildEnd(error) {
    if (error) return;
    // Every replacement must have met its module: a renamed file would otherwise keep its bytes unnoticed.
    const seen = [...this.getModuleIds()];
    for (const { file } of replacements)
      if (!seen.some((id) => file.test(id))) this.error(`no module matched ${file}: review vite.config.ts`);
  },
});

// node-polyglot (under ra-i18n-polyglot) requires the `object.entries` polyfill, which drags in
// get-intrinsic and a dozen es-shims packages (~5 KB gzip); every browser the console supports has
// Object.entries, which is what the polyfill returns there anyway.
const nativeObjectEntries = (): Plugin => ({
  name: 'sipcaller:native-object-entries',
  apply: 'build',
  enforce: 'pre',
  resolveId: (id) => (id === 'object.entries' ? '\0object.entries' : null),
  load: (id) => (id === '\0object.entries' ? 'module.exports = Object.entries;\n' : null),
});

export default defineConfig({
  plugins: [react(), dropUnreachable(), nativeObjectEntries()],
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
