// Builds with the project's own Vite (same version, same defaults) into bench/results, so a bench
// never races with other builds of dist/.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { repoRoot, resultsDir } from './paths.ts';

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
  const outDir = resolve(resultsDir, name);
  await build({
    configFile: resolve(repoRoot, 'vite.config.ts'),
    root: repoRoot,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
};

/** A fixture app under bench/ (its own index.html), with the React plugin and Vite's defaults. */
const buildFixtureNow = async (folder: string, name: string): Promise<string> => {
  const outDir = resolve(resultsDir, name);
  await build({
    configFile: false,
    root: resolve(repoRoot, folder),
    plugins: [react()],
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
};
