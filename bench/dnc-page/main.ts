// The do-not-call benchmark page: loads a list with the console's loader (loadDncFile: its module
// worker parses, sorts and writes IndexedDB), then runs the console's upload analysis (analyzeCsv:
// its worker reads those lists itself) or the bare papaparse worker of bench/csv-page on a CSV.
import { analyzeCsv } from '../../src/lib/csv';
import { listDncLists, loadDncFile, openDncLookup } from '../../src/lib/dnc';

const status = document.getElementById('status') as HTMLOutputElement;

const chosen = (id: string): File => {
  const file = (document.getElementById(id) as HTMLInputElement).files?.[0];
  if (!file) throw new Error(`choose the ${id} file first`);
  return file;
};

/** Runs `job` while a long-task observer watches the page's main thread. */
const measured = async (job: () => Promise<{ rows: number; detail: Record<string, number> }>) => {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  status.value = 'running';
  const started = performance.now();
  const { rows, detail } = await job();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const entry of observer.takeRecords()) tasks.push(entry.duration);
  observer.disconnect();
  status.value = 'done';
  return { ms, rows, longestTaskMs: tasks.length ? Math.max(...tasks) : 0, longTasks: tasks.length, detail };
};

const loadList = () =>
  measured(async () => {
    const result = await loadDncFile({
      file: chosen('list'),
      mode: 'new',
      name: 'Bench DNC',
      defaultCountry: 'US',
    });
    return {
      rows: result.rows,
      detail: { listed: result.list.count, invalid: result.invalid, duplicates: result.duplicates },
    };
  });

const consoleAnalysis = () =>
  measured(async () => {
    const analysis = await analyzeCsv(chosen('file'), { defaultCountry: 'US' });
    const lists = await listDncLists();
    return {
      rows: analysis.rows,
      detail: {
        valid: analysis.valid,
        invalid: analysis.invalid,
        duplicates: analysis.duplicates,
        onDncLists: analysis.doNotCall?.rows ?? -1,
        listedNumbers: lists.reduce((sum, list) => sum + list.count, 0),
      },
    };
  });

/** What the analysis worker does first, timed alone (on the page's thread): reading every list. */
const readLists = () =>
  measured(async () => {
    const started = performance.now();
    const lookup = await openDncLookup();
    const readMs = performance.now() - started;
    // A million lookups of keys like the CSV's (US numbers), as the analysis makes one per valid row.
    let state = 7;
    let hits = 0;
    const lookupStarted = performance.now();
    for (let i = 0; i < 1_000_000; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      if (lookup.holding(12_000_000_000 + Math.floor((state / 2147483648) * 8e9)) !== null) hits++;
    }
    return {
      rows: 0,
      detail: { readMs: Math.round(readMs), lookupsMs: Math.round(performance.now() - lookupStarted), hits },
    };
  });

const bareParse = () =>
  measured(
    () =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL('../csv-page/bareWorker.ts', import.meta.url), {
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
        worker.postMessage(chosen('file'));
      }),
  );

Object.assign(window, { dncBench: { loadList, readLists, consoleAnalysis, bareParse } });
status.value = 'ready';
