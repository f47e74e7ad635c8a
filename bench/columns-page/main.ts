// The column-mapping benchmarks' page. The console's path is what the upload panel does with a
// dropped file (UploadPanel, columnMapping.ts, useUpload): analyzeCsv with the detected settings and
// the proposed mapping, the Columns section's roles (suggestRoles, validateRoles), the analysis again
// only if they differ from what it applied, and for an upload the canonical parts built in the
// worker (buildUploadParts, 'valid', DEFAULT_ROWS_PER_PART). Baselines: papaparse, or a bare @e965/xlsx read, in a worker of
// their own. Each call is timed on the page while a long-task observer watches the main thread.
import {
  analyzeCsv,
  buildUploadParts,
  type CsvAnalysis,
  isIdentity,
  rolesToMapping,
  suggestRoles,
  validateRoles,
} from '../../src/lib/csv';
import { DEFAULT_ROWS_PER_PART } from '../../src/resources/numbers/upload/limits';

export interface RunResult {
  ms: number;
  rows: number;
  longestTaskMs: number;
  longTasks: number;
  /** Milliseconds of each step of the console's path. */
  steps: Record<string, number>;
  detail: Record<string, number | string>;
}

interface JobResult {
  rows: number;
  steps?: Record<string, number>;
  detail?: Record<string, number | string>;
}

const input = document.getElementById('file') as HTMLInputElement;
const status = document.getElementById('status') as HTMLOutputElement;

const chosenFile = (): File => {
  const file = input.files?.[0];
  if (!file) throw new Error('choose a file first');
  return file;
};

/** Runs `job` while a long-task observer watches the page's main thread. */
const measured = async (job: (file: File) => Promise<JobResult>): Promise<RunResult> => {
  const file = chosenFile();
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  status.value = 'running';
  const started = performance.now();
  const { rows, steps = {}, detail = {} } = await job(file);
  const ms = performance.now() - started;
  // Long-task entries are delivered after the task: give the observer a frame to report the last one.
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const entry of observer.takeRecords()) tasks.push(entry.duration);
  observer.disconnect();
  status.value = 'done';
  return {
    ms,
    rows,
    longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
    longTasks: tasks.length,
    steps,
    detail,
  };
};

/**
 * The upload panel's path on a fresh device (no mapping remembered, no variable names): the
 * analysis applying the proposed mapping (AnalysisSettings.propose), the Columns section's roles
 * (suggestRoles), the analysis again only if those differ from what it applied, then (rewrite) the
 * canonical parts of the valid rows.
 */
const consolePath = (rewrite: boolean) =>
  measured(async (file) => {
    const steps: Record<string, number> = {};
    let mark = performance.now();
    const step = (name: string) => {
      const now = performance.now();
      steps[name] = now - mark;
      mark = now;
    };
    const settings = { defaultCountry: 'US', propose: { knownNames: [], remembered: {} } } as const;
    let analysis: CsvAnalysis = await analyzeCsv(file, settings);
    step('analysis');
    const roles = suggestRoles({ columns: analysis.columns });
    const issues = validateRoles(roles, analysis.columns);
    if (issues.length) throw new Error(`the suggested mapping has issues: ${issues.map((i) => i.code)}`);
    const wanted = isIdentity(roles, analysis.fileColumns) ? null : rolesToMapping(roles);
    if (JSON.stringify(wanted) !== JSON.stringify(analysis.mapping)) {
      analysis = await analyzeCsv(file, { ...settings, mapping: wanted });
      step('mapped analysis');
    }
    let sent = 0;
    let bytes = 0;
    if (rewrite) {
      const parts = await buildUploadParts(file, analysis, {
        mode: 'valid',
        rowsPerPart: DEFAULT_ROWS_PER_PART,
      });
      for (const part of parts) {
        sent += part.rows;
        bytes += part.blob.size;
      }
      step('rewrite');
    }
    return {
      rows: analysis.rows,
      steps,
      detail: {
        valid: analysis.valid,
        invalid: analysis.invalid,
        duplicates: analysis.duplicates,
        number: analysis.mapping
          ? `column ${analysis.mapping.number.map((c) => c + 1).join('/')}`
          : 'column 1',
        variables: analysis.varCount,
        ...(rewrite ? { 'rows sent': sent, 'bytes sent': bytes } : {}),
      },
    };
  });

// Vite bundles a worker only from a literal `new Worker(new URL(…), …)`: hence the factories below.
const inWorker = (start: () => Worker) =>
  measured(
    (file) =>
      new Promise<JobResult>((resolve, reject) => {
        const worker = start();
        worker.onmessage = ({ data }: MessageEvent<{ rows?: number; chars?: number; error?: string }>) => {
          worker.terminate();
          if (data.error !== undefined) reject(new Error(data.error));
          else resolve({ rows: data.rows ?? 0, detail: data.chars ? { chars: data.chars } : {} });
        };
        worker.onerror = (event) => {
          worker.terminate();
          reject(new Error(event.message));
        };
        worker.postMessage(file);
      }),
  );

Object.assign(window, {
  columnsBench: {
    mappedConsole: () => consolePath(true),
    sheetConsole: () => consolePath(false),
    bareParse: () =>
      inWorker(() => new Worker(new URL('../csv-page/bareWorker.ts', import.meta.url), { type: 'module' })),
    bareSheet: () =>
      inWorker(() => new Worker(new URL('./bareSheetWorker.ts', import.meta.url), { type: 'module' })),
  },
});
status.value = 'ready';
