// `npm run bench [-- --only=size,csv,upload,listing,grid,load,dnc,mapped,sheet] [--rows=1000000] [--runs=N]`
// Runs the sub-benchmarks one after the other (they are heavy; the machine has two cores) and writes
// bench/results/report.md and report.json. Each sub-benchmark has a time bound; one that fails or
// runs out of time is reported as such and the others still run. Each one makes what it needs (builds,
// data files, the results folder: bench/results, or BENCH_RESULTS_DIR), so any one runs alone. Benchmarks are not tests: the
// exit code is 0 unless the harness itself breaks, whatever the figures say.
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { runMapped, runSheet } from './columns.ts';
import { runCsv } from './csv.ts';
import { runDnc } from './dnc.ts';
import { runGrid } from './grid.ts';
import { resultsDir } from './lib/paths.ts';
import { type Report, type Section, toMarkdown, writeReport } from './lib/report.ts';
import { runListing } from './listing.ts';
import { runLoad } from './load.ts';
import { runSize } from './size.ts';
import { runUpload } from './upload.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    rows: { type: 'string', default: '1000000' },
    // Repetitions of the browser benchmarks (each has its own default); the smoke test uses 1.
    runs: { type: 'string' },
  },
});
const rows = Number(values.rows);
if (!Number.isSafeInteger(rows) || rows < 1000) throw new Error('--rows must be an integer ≥ 1000');
const runs = values.runs === undefined ? undefined : Number(values.runs);
if (runs !== undefined && (!Number.isSafeInteger(runs) || runs < 1))
  throw new Error('--runs must be an integer ≥ 1');

interface Bench {
  id: string;
  title: string;
  minutes: number;
  run: () => Promise<Section>;
}

const BENCHES: Bench[] = [
  { id: 'size', title: '1. Download size: bytes on the wire', minutes: 6, run: () => runSize(runs) },
  { id: 'csv', title: '2. CSV analysis in Chromium', minutes: 10, run: () => runCsv(rows, runs) },
  { id: 'upload', title: '3. Upload ingestion', minutes: 10, run: () => runUpload(rows) },
  { id: 'listing', title: '4. Listing a large campaign', minutes: 10, run: () => runListing(rows) },
  { id: 'grid', title: '5. Grid: campaign to 100 rows painted', minutes: 8, run: () => runGrid(rows, runs) },
  { id: 'load', title: '6. Load to grid, throttled', minutes: 8, run: () => runLoad(runs) },
  { id: 'dnc', title: '7. Do-not-call lists in Chromium', minutes: 15, run: () => runDnc(rows, runs) },
  {
    id: 'mapped',
    title: '8. Column mapping: a CRM export analysed and rewritten',
    minutes: 12,
    run: () => runMapped(rows, runs),
  },
  // A workbook is read whole (20–30× the cost of its rows as CSV): a tenth of the rows, 100,000 by default.
  {
    id: 'sheet',
    title: '9. Spreadsheet: an .xlsx analysed',
    minutes: 10,
    run: () => runSheet(Math.round(rows / 10), runs),
  },
];

const only = values.only
  ?.split(',')
  .map((id) => id.trim())
  .filter(Boolean);
const unknown = only?.filter((id) => !BENCHES.some((bench) => bench.id === id)) ?? [];
if (unknown.length)
  throw new Error(
    `Unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.id).join(', ')}`,
  );
const selected = only ? BENCHES.filter((bench) => only.includes(bench.id)) : BENCHES;

const withTimeout = <T>(promise: Promise<T>, minutes: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no result within ${minutes} min`)), minutes * 60_000);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

const report: Report = {
  startedAt: new Date().toISOString(),
  finishedAt: '',
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  environment: {
    node: process.version,
    cpu: `${availableParallelism()} × ${cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GB`,
    rows: rows.toLocaleString('en-US'),
    'load average at start (1 min)': loadavg()[0].toFixed(1),
  },
  sections: [],
};

for (const bench of selected) {
  const started = performance.now();
  console.info(`bench: ${bench.title} …`);
  let section: Section;
  try {
    section = await withTimeout(bench.run(), bench.minutes);
  } catch (error) {
    console.error(error);
    section = {
      id: bench.id,
      title: bench.title,
      method: [],
      figures: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
  section.seconds = (performance.now() - started) / 1000;
  report.sections.push(section);
  report.finishedAt = new Date().toISOString();
  report.environment['load average at end (1 min)'] = loadavg()[0].toFixed(1);
  // Written after every sub-benchmark, so a later crash keeps what was measured.
  writeReport(resultsDir, report);
  console.info(`bench: ${bench.title} done in ${section.seconds.toFixed(0)} s`);
}

console.info(`\n${toMarkdown(report)}`);
console.info(`Written to ${resultsDir}/report.md and report.json`);
// A sub-benchmark that ran out of time may still hold a browser or a server: do not wait for it.
process.exit(0);
