// Benchmark 2, CSV analysis in Chromium: the console's analyzeCsv (its module worker: parsing,
// detection, libphonenumber validation, duplicates) against a bare papaparse parse of the same file
// in a worker of its own posting back only counts, in the same browser, on a page built by Vite
// from bench/csv-page. Wall time, peak JS heap (page + workers), longest main-thread task.
import { resolve } from 'node:path';
import { launchChromium } from './lib/browser.ts';
import { buildFixture } from './lib/build.ts';
import { writeCsvFile } from './lib/csvData.ts';
import { watchMemory } from './lib/memory.ts';
import { resultsDir } from './lib/paths.ts';
import { type Figure, ratio, type Section } from './lib/report.ts';
import { startBenchServer } from './lib/server.ts';
import { median, round } from './lib/stats.ts';

const MB = 1024 * 1024;

interface RunResult {
  ms: number;
  rows: number;
  longestTaskMs: number;
  longTasks: number;
  detail: Record<string, number>;
}

export const runCsv = async (rows: number, runs = 3): Promise<Section> => {
  const file = resolve(resultsDir, `bench-${rows}.csv`);
  const bytes = await writeCsvFile(file, rows);
  const pageDir = await buildFixture('bench/csv-page', 'csv-page');
  const server = await startBenchServer({ file: false, staticDir: pageDir, seed: false });
  const browser = await launchChromium();
  try {
    const runOnce = async (kind: 'consoleAnalysis' | 'bareParse') => {
      // A fresh context (and renderer) per run, so one run's garbage does not count in the next.
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto('/');
      await page.locator('#status', { hasText: 'ready' }).waitFor();
      await page.setInputFiles('#file', file);
      const memory = await watchMemory(browser, page);
      const result = (await page.evaluate(
        (name) =>
          (window as unknown as { csvBench: Record<string, () => Promise<unknown>> }).csvBench[name](),
        kind,
      )) as RunResult;
      const peaks = await memory.stop();
      await context.close();
      return { ...result, peaks };
    };

    const consoleRuns = [];
    const bareRuns = [];
    for (let run = 0; run < runs; run++) {
      bareRuns.push(await runOnce('bareParse'));
      consoleRuns.push(await runOnce('consoleAnalysis'));
    }
    const consoleMs = median(consoleRuns.map((run) => run.ms));
    const bareMs = median(bareRuns.map((run) => run.ms));
    const peakHeap = Math.max(...consoleRuns.map((run) => run.peaks.jsHeap));
    const bareHeap = Math.max(...bareRuns.map((run) => run.peaks.jsHeap));
    const rssGrowth = Math.max(
      ...consoleRuns.map((run) => run.peaks.rendererRss - run.peaks.rendererRssAtStart),
    );
    const bareRssGrowth = Math.max(
      ...bareRuns.map((run) => run.peaks.rendererRss - run.peaks.rendererRssAtStart),
    );
    const longest = Math.max(...consoleRuns.map((run) => run.longestTaskMs));
    const bareLongest = Math.max(...bareRuns.map((run) => run.longestTaskMs));
    const workerSampled = consoleRuns.every((run) => run.peaks.workerSamples > 0);
    const detail = consoleRuns[0].detail;
    const figures: Figure[] = [
      {
        name: 'wall time, median',
        value: round(consoleMs / 1000, 2),
        unit: 's',
        baseline: round(bareMs / 1000, 2),
        baselineName: 'bare papaparse worker',
        ratio: ratio(consoleMs, bareMs),
        target: '≤ 1.5 × baseline',
        pass: consoleMs <= 1.5 * bareMs,
        note: `runs ${consoleRuns.map((run) => round(run.ms / 1000, 1)).join(', ')} s vs ${bareRuns.map((run) => round(run.ms / 1000, 1)).join(', ')} s`,
      },
      {
        name: 'peak JS heap (page + worker), highest run',
        value: round(peakHeap / MB, 1),
        unit: 'MB',
        baseline: round(bareHeap / MB, 1),
        baselineName: 'bare papaparse worker',
        ratio: ratio(peakHeap, bareHeap),
        target: '< 200 MB',
        pass: workerSampled && peakHeap < 200 * MB,
        note: workerSampled ? undefined : 'the worker heap could not be sampled in every run',
      },
      {
        name: 'renderer RSS growth during the run, highest run',
        value: round(rssGrowth / MB, 1),
        unit: 'MB',
        baseline: round(bareRssGrowth / MB, 1),
        baselineName: 'bare papaparse worker',
        ratio: ratio(rssGrowth, bareRssGrowth),
      },
      {
        name: 'longest main-thread task while it runs, worst run',
        value: round(longest, 0),
        unit: 'ms',
        baseline: round(bareLongest, 0),
        baselineName: 'bare papaparse worker',
        target: 'no task > 100 ms',
        pass: longest <= 100,
        note: `${Math.max(...consoleRuns.map((run) => run.longTasks))} long tasks (> 50 ms) at most`,
      },
    ];
    return {
      id: 'csv',
      title: '2. CSV analysis in Chromium',
      method: [
        `File: ${rows.toLocaleString('en-US')} rows "+1XXXXXXXXXX,Name,123" (${round(bytes / 1e6, 1)} MB, bench/results/${`bench-${rows}.csv`}); 1 row in 200 has an invalid number, 1 in 500 a missing column, 1 in 1000 repeats an earlier number. Chosen in an <input type=file> (a disk-backed File).`,
        `Console: analyzeCsv(file, { defaultCountry: 'US' }) from src/resources/numbers/csv (its own module worker); it found ${consoleRuns[0].rows.toLocaleString('en-US')} rows: ${Object.entries(
          detail,
        )
          .map(([key, value]) => `${key} ${value.toLocaleString('en-US')}`)
          .join(', ')}.`,
        `Baseline: papaparse (skipEmptyLines, chunk callback) in a module worker of its own, posting back only the row count (${bareRuns[0].rows.toLocaleString('en-US')} rows).`,
        `Page built by Vite from bench/csv-page, served by the emulator, Debian Chromium headless. ${runs} runs each, alternating, a fresh browser context per run; wall time = performance.now() around the call on the page.`,
        'Heap: CDP sampled every 100 ms — Runtime.getHeapUsage in each worker target (auto-attached to the page), plus Performance.getMetrics JSHeapUsedSize of the page; the peak of their sum. Renderer RSS from /proc for the renderer pids that CDP SystemInfo.getProcessInfo names.',
        'Long tasks: a PerformanceObserver("longtask") on the page during the run.',
      ],
      figures,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
};
