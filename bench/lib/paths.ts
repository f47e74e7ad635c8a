import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const benchDir = resolve(repoRoot, 'bench');
/**
 * Where builds, data files and the report go: bench/results, or BENCH_RESULTS_DIR (the smoke test
 * points it at an empty temporary folder). Read once, when the bench modules load.
 */
export const resultsDir = process.env.BENCH_RESULTS_DIR?.trim()
  ? resolve(process.env.BENCH_RESULTS_DIR.trim())
  : resolve(benchDir, 'results');

/** Makes the results folder (and returns it): every sub-benchmark calls it before writing there. */
export const ensureResultsDir = (): string => {
  mkdirSync(resultsDir, { recursive: true });
  return resultsDir;
};
