// The CSV benchmark page: runs the console's analysis (analyzeCsv, its own module worker) or the
// bare papaparse worker on the chosen file, timing it and watching the main thread's long tasks.
import { analyzeCsv } from '../../src/lib/csv';

export interface RunResult {
  ms: number;
  rows: number;
  longestTaskMs: number;
  longTasks: number;
  detail: Record<string, number>;
}

const input = document.getElementById('file') as HTMLInputElement;
const status = document.getElementById('status') as HTMLOutputElement;

const chosenFile = (): File => {
  const file = input.files?.[0];
  if (!file) throw new Error('choose a file first');
  return file;
};

/** Runs `job` while a long-task observer watches the page's main thread. */
const measured = async (job: (file: File) => Promise<{ rows: number; detail: Record<string, number> }>) => {
  const file = chosenFile();
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  status.value = 'running';
  const started = performance.now();
  const { rows, detail } = await job(file);
  const ms = performance.now() - started;
  // Long-task entries are delivered after the task: give the observer a frame to report the last one.
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const entry of observer.takeRecords()) tasks.push(entry.duration);
  observer.disconnect();
  status.value = 'done';
  const result: RunResult = {
    ms,
    rows,
    longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
    longTasks: tasks.length,
    detail,
  };
  return result;
};

const consoleAnalysis = () =>
  measured(async (file) => {
    const analysis = await analyzeCsv(file, { defaultCountry: 'US' });
    return {
      rows: analysis.rows,
      detail: {
        valid: analysis.valid,
        invalid: analysis.invalid,
        duplicates: analysis.duplicates,
        varCount: analysis.varCount,
      },
    };
  });

const bareParse = () =>
  measured(
    (file) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL('./bareWorker.ts', import.meta.url), {
          type: 'module',
          name: 'bare',
        });
        worker.onmessage = ({ data }: MessageEvent<{ rows?: number; error?: string }>) => {
          worker.terminate();
          if (data.error !== undefined) reject(new Error(data.error));
          else resolve({ rows: data.rows ?? 0, detail: {} });
        };
        worker.onerror = (event) => {
          worker.terminate();
          reject(new Error(event.message));
        };
        worker.postMessage(file);
      }),
  );

Object.assign(window, { csvBench: { consoleAnalysis, bareParse } });
status.value = 'ready';
