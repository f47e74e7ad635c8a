// Builds with the project's own Vite (same version, same defaults) into bench/results, so a bench
// never races with other builds of dist/.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, resolveConfig } from 'vite';
import { ensureResultsDir, repoRoot, resultsDir } from './paths.ts';

/** The console exactly as `npm run build` builds it (vite.config.ts), into bench/results/<name>. */
const built = new Map<string, Promise<string>>();
const once = (name: string, make: () => Promise<string>): Promise<string> => {
  let promise = built.get(name);
  if (!promise) {
    promise = make();
    built.set(name, promise);
  }
  return promise;
};

/** Built at most once per run (the size and grid benches share it). */
export const buildConsole = (name = 'console-dist'): Promise<string> =>
  once(name, () => buildConsoleNow(name));
export const buildFixture = (folder: string, name: string): Promise<string> =>
  once(name, () => buildFixtureNow(folder, name));

const buildConsoleNow = async (name: string): Promise<string> => {
  ensureResultsDir();
  const outDir = resolve(resultsDir, name);
  await build({
    configFile: resolve(repoRoot, 'vite.config.ts'),
    root: repoRoot,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
};

/**
 * The console's `html` build options (vite.config.ts), e.g. the CSP nonce placeholder Vite writes
 * into index.html for the server to fill per response: a fixture built with them runs under the
 * same Content-Security-Policy the server sends with every page.
 */
const consoleHtmlOptions = async () =>
  (
    await resolveConfig(
      { configFile: resolve(repoRoot, 'vite.config.ts'), root: repoRoot, logLevel: 'warn' },
      'build',
    )
  ).html;

/** A fixture app under bench/ (its own index.html), with the React plugin and Vite's defaults. */
const buildFixtureNow = async (folder: string, name: string): Promise<string> => {
  ensureResultsDir();
  const outDir = resolve(resultsDir, name);
  await build({
    configFile: false,
    root: resolve(repoRoot, folder),
    plugins: [react()],
    logLevel: 'warn',
    worker: { format: 'es' },
    html: await consoleHtmlOptions(),
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/** What the console's build precompresses: per kind (.br, .gz), the source types and the smallest size. */
export const precompressionOf = (dir: string): Map<string, Map<string, number>> => {
  const files = new Set(filesUnder(dir));
  const kinds = new Map<string, Map<string, number>>();
  for (const file of files) {
    const kind = extname(file);
    if (kind !== '.br' && kind !== '.gz') continue;
    const source = file.slice(0, -kind.length);
    if (!files.has(source)) continue;
    const types = kinds.get(kind) ?? new Map<string, number>();
    const size = statSync(source).size;
    types.set(extname(source), Math.min(types.get(extname(source)) ?? size, size));
    kinds.set(kind, types);
  }
  return kinds;
};

const COMPRESS: Record<string, (data: Buffer) => Buffer> = {
  '.br': (data) =>
    brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
  '.gz': (data) => gzipSync(data, { level: 9 }),
};

/**
 * Gives a fixture build the precompressed copies the console's build has (same kinds, same file
 * types, from the same smallest size; Brotli quality 11, gzip level 9), so the one server sends
 * both apps the same way. Nothing to do while the console's build has none. Answers what it wrote.
 */
export const matchPrecompression = (referenceDir: string, targetDir: string): string[] => {
  const written: string[] = [];
  const kinds = precompressionOf(referenceDir);
  for (const file of filesUnder(targetDir)) {
    for (const [kind, types] of kinds) {
      const threshold = types.get(extname(file));
      if (threshold === undefined || extname(file) === kind) continue;
      const data = readFileSync(file);
      if (data.length < threshold) continue;
      writeFileSync(`${file}${kind}`, COMPRESS[kind](data));
      written.push(relative(targetDir, `${file}${kind}`));
    }
  }
  return written;
};

/**
 * The baseline react-admin app (bench/baseline-app), with the console's precompression matched:
 * what every browser benchmark compares the console with.
 */
export const buildBaseline = (): Promise<string> =>
  once('baseline-dist', async () => {
    const consoleDir = await buildConsole();
    const baselineDir = await buildFixtureNow('bench/baseline-app', 'baseline-dist');
    matchPrecompression(consoleDir, baselineDir);
    return baselineDir;
  });
