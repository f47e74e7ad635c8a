// Benchmarks 8 and 9 (issue 13, item 6), on the page bench/columns-page builds:
//  8. mapped: a CRM export (1,000,000 rows by default, 8 columns, a header, the phone in the fourth)
//     through the upload panel's path (analysis, suggested mapping, mapped analysis, canonical upload
//     CSV the analysis wrote, cut into parts) against a bare papaparse parse of the same file in a worker.
//  9. sheet: a 100,000-row (a tenth of --rows), 6-column .xlsx, written here with @e965/xlsx, through
//     the panel's analysis against a bare @e965/xlsx read (XLSX.read + sheet_to_csv) in a worker.
// Same browser, runs alternating, a fresh context per run: wall time, peak JS heap (page + workers)
// and renderer RSS (CDP), longest main-thread task (long-task observer).
import { resolve } from 'node:path';
import { launchChromium } from './lib/browser.ts';
import { buildFixture } from './lib/build.ts';
import { writeCrmCsvFile, writeSheetFile } from './lib/crmData.ts';
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
  steps: Record<string, number>;
  detail: Record<string, number | string>;
}

type Job = 'mappedConsole' | 'sheetConsole' | 'bareParse' | 'bareSheet';

/** Runs `consoleJob` and `bareJob` on `file` alternately, `runs` times each, in one browser. */
const compare = async (file: string, consoleJob: Job, bareJob: Job, runs: number) => {
  const pageDir = await buildFixture('bench/columns-page', 'columns-page');
  const server = await startBenchServer({ file: false, staticDir: pageDir, seed: false });
  const browser = await launchChromium();
  try {
    const runOnce = async (job: Job) => {
      // A fresh context (and renderer) per run, so one run's garbage does not count in the next.
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto('/');
      await page.locator('#status', { hasText: 'ready' }).waitFor();
      await page.setInputFiles('#file', file);
      const memory = await watchMemory(browser, page);
      // The sampling stops before the context closes, whatever the job did.
      const result = (await page
        .evaluate(
          (name) =>
            (window as unknown as { columnsBench: Record<string, () => Promise<unknown>> }).columnsBench[
              name
            ](),
          job,
        )
        .finally(() => memory.stop())) as RunResult;
      const peaks = await memory.stop();
      await context.close();
      return { ...result, peaks };
    };
    const consoleRuns = [];
    const bareRuns = [];
    for (let run = 0; run < runs; run++) {
      bareRuns.push(await runOnce(bareJob));
      consoleRuns.push(await runOnce(consoleJob));
    }
    return { consoleRuns, bareRuns };
  } finally {
    await browser.close();
    await server.stop();
  }
};

type Runs = Awaited<ReturnType<typeof compare>>;

const figuresOf = ({ consoleRuns, bareRuns }: Runs, baselineName: string): Figure[] => {
  const consoleMs = median(consoleRuns.map((run) => run.ms));
  const bareMs = median(bareRuns.map((run) => run.ms));
  const highest = (runs: Runs['consoleRuns'], pick: (run: Runs['consoleRuns'][number]) => number) =>
    Math.max(...runs.map(pick));
  const peakHeap = highest(consoleRuns, (run) => run.peaks.jsHeap);
  const bareHeap = highest(bareRuns, (run) => run.peaks.jsHeap);
  const rss = highest(consoleRuns, (run) => run.peaks.rendererRss);
  const bareRss = highest(bareRuns, (run) => run.peaks.rendererRss);
  const rssGrowth = highest(consoleRuns, (run) => run.peaks.rendererRss - run.peaks.rendererRssAtStart);
  const bareRssGrowth = highest(bareRuns, (run) => run.peaks.rendererRss - run.peaks.rendererRssAtStart);
  const longest = highest(consoleRuns, (run) => run.longestTaskMs);
  const bareLongest = highest(bareRuns, (run) => run.longestTaskMs);
  const workerSampled = consoleRuns.every((run) => run.peaks.workerSamples > 0);
  const stepNames = Object.keys(consoleRuns[0].steps);
  const steps = stepNames
    .map((name) => `${name} ${round(median(consoleRuns.map((run) => run.steps[name] ?? 0)) / 1000, 2)} s`)
    .join(' + ');
  return [
    {
      name: 'wall time, median',
      value: round(consoleMs / 1000, 2),
      unit: 's',
      baseline: round(bareMs / 1000, 2),
      baselineName,
      ratio: ratio(consoleMs, bareMs),
      target: '≤ 1.5 × baseline',
      pass: consoleMs <= 1.5 * bareMs,
      note: `${steps}; runs ${consoleRuns.map((run) => round(run.ms / 1000, 1)).join(', ')} s vs ${bareRuns.map((run) => round(run.ms / 1000, 1)).join(', ')} s`,
    },
    {
      name: 'peak JS heap (page + workers), highest run',
      value: round(peakHeap / MB, 1),
      unit: 'MB',
      baseline: round(bareHeap / MB, 1),
      baselineName,
      ratio: ratio(peakHeap, bareHeap),
      note: workerSampled ? undefined : 'the worker heap could not be sampled in every run',
    },
    {
      name: 'renderer RSS, peak, highest run',
      value: round(rss / MB, 1),
      unit: 'MB',
      baseline: round(bareRss / MB, 1),
      baselineName,
      ratio: ratio(rss, bareRss),
      note: `growth during the run ${round(rssGrowth / MB, 1)} MB vs ${round(bareRssGrowth / MB, 1)} MB`,
    },
    {
      name: 'longest main-thread task while it runs, worst run',
      value: round(longest, 0),
      unit: 'ms',
      baseline: round(bareLongest, 0),
      baselineName,
      target: 'no task > 100 ms',
      pass: longest <= 100,
      note: `${highest(consoleRuns, (run) => run.longTasks)} long tasks (> 50 ms) at most`,
    },
  ];
};

const listed = (detail: Record<string, number | string>) =>
  Object.entries(detail)
    .map(([key, value]) => `${key} ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`)
    .join(', ');

const COMMON_METHOD = [
  'Page built by Vite from bench/columns-page, served by the emulator, Debian Chromium headless; the file chosen in an <input type=file> (a disk-backed File). Runs alternate, a fresh browser context per run; wall time = performance.now() around the whole path on the page.',
  'Heap: CDP sampled every 100 ms (Runtime.getHeapUsage in each worker target, Performance.getMetrics JSHeapUsedSize of the page), the peak of their sum. Renderer RSS from /proc for the renderer pids CDP SystemInfo.getProcessInfo names. Long tasks: a PerformanceObserver("longtask") on the page.',
];

export const runMapped = async (rows: number, runs = 3): Promise<Section> => {
  const name = `crm-${rows}.csv`;
  const file = resolve(resultsDir, name);
  const bytes = await writeCrmCsvFile(file, rows);
  const result = await compare(file, 'mappedConsole', 'bareParse', runs);
  const first = result.consoleRuns[0];
  return {
    id: 'mapped',
    title: '8. Column mapping: a CRM export analysed and rewritten',
    method: [
      `File: ${rows.toLocaleString('en-US')} rows of 8 columns with a header (Customer ID, First name, Last name, Phone, Email, City, Amount, Signed up), phones as "(212) 234-5678" (${round(bytes / 1e6, 1)} MB, bench/results/${name}); 1 row in 200 has an invalid phone, 1 in 500 a missing column, 1 in 1000 repeats an earlier phone.`,
      `Console: the upload panel's path on a fresh device (bench/columns-page/main.ts): analyzeCsv with the detected settings, applying the proposed mapping from the first rows; the Columns section's roles (suggestRoles + validateRoles), and the analysis again only if they differ; then buildUploadParts('valid', 100,000 rows a part): the canonical CSV (E.164, then the variables) that the mapped analysis wrote in its worker as it read the file, cut into parts by a second worker once it has checked every number against the campaign and the lists again. It found ${first.rows.toLocaleString('en-US')} rows: ${listed(first.detail)}.`,
      `Baseline: papaparse (skipEmptyLines, chunk callback) in a module worker of its own (bench/csv-page/bareWorker.ts), posting back only the row count (${result.bareRuns[0].rows.toLocaleString('en-US')} rows).`,
      `${runs} runs each.`,
      ...COMMON_METHOD,
    ],
    figures: figuresOf(result, 'bare papaparse worker'),
  };
};

export const runSheet = async (rows: number, runs = 3): Promise<Section> => {
  const name = `leads-${rows}.xlsx`;
  const file = resolve(resultsDir, name);
  const bytes = await writeSheetFile(file, rows);
  const result = await compare(file, 'sheetConsole', 'bareSheet', runs);
  const first = result.consoleRuns[0];
  return {
    id: 'sheet',
    title: '9. Spreadsheet: an .xlsx analysed',
    method: [
      `File: ${rows.toLocaleString('en-US')} rows of 6 columns with a header (Customer ID, Name, Phone as text, City, Amount, Due as a date), one sheet, written with @e965/xlsx (${round(bytes / 1e6, 1)} MB, bench/results/${name}); 1 row in 200 has an invalid phone, 1 in 500 none, 1 in 1000 repeats an earlier one.`,
      `Console: the upload panel's analysis (bench/columns-page/main.ts): analyzeCsv with the detected settings and the proposed mapping (the workbook read in the CSV worker by src/lib/sheet), suggestRoles + validateRoles, and the analysis again only if they differ. It found ${first.rows.toLocaleString('en-US')} rows: ${listed(first.detail)}.`,
      `Baseline: a bare @e965/xlsx read in a module worker of its own (bench/columns-page/bareSheetWorker.ts): XLSX.read(bytes, { type: 'array', dense: true }) and XLSX.utils.sheet_to_csv of the sheet, posting back only its length (${result.bareRuns[0].rows.toLocaleString('en-US')} lines).`,
      `${runs} runs each.`,
      ...COMMON_METHOD,
    ],
    figures: figuresOf(result, 'bare @e965/xlsx read'),
  };
};
