// Every benchmark runs alone on a fresh clone (issue 12, item 6): each sub-benchmark, by itself, at a
// tiny size (1,000 rows, one run), from an empty results folder (BENCH_RESULTS_DIR), must finish with
// figures and no error. It checks the harness, not the figures. `npm run test:faults` runs it
// (bench/vitest.config.ts): a console build and a Chromium per sub-benchmark are too slow for `npm test`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './lib/paths.ts';
import type { Report } from './lib/report.ts';

const run = promisify(execFile);
const TSX = resolve(repoRoot, 'node_modules/.bin/tsx');
const BENCHES = ['size', 'csv', 'upload', 'listing', 'grid', 'load', 'dnc', 'mapped', 'sheet'];
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('each benchmark alone, tiny, from an empty results folder', () => {
  it.each(BENCHES)('%s', async (id) => {
    const results = mkdtempSync(join(tmpdir(), `sipcaller-bench-smoke-${id}-`));
    folders.push(results);
    expect(readdirSync(results)).toEqual([]);
    await run(TSX, ['bench/run.ts', `--only=${id}`, '--rows=1000', '--runs=1'], {
      cwd: repoRoot,
      env: { ...process.env, BENCH_RESULTS_DIR: results },
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(readFileSync(join(results, 'report.json'), 'utf8')) as Report;
    expect(report.sections.map((section) => section.id)).toEqual([id]);
    const [section] = report.sections;
    expect(section.error).toBeUndefined();
    expect(section.figures.length).toBeGreaterThan(0);
    for (const figure of section.figures) expect(Number.isFinite(figure.value), figure.name).toBe(true);
    expect(readFileSync(join(results, 'report.md'), 'utf8')).toContain(section.title);
  });
});
