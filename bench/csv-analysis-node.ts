// Node benchmark of the CSV analysis core against a bare papaparse parse of the same text.
//   node --expose-gc --import tsx bench/csv-analysis-node.ts [rows=1000000] [runs=5]
// Runs are interleaved (papaparse, ours, papaparse, ours…) so that a noisy machine slows both
// alike; it prints medians of wall and CPU time, their ratio, the validator memo's hit rate and
// the heap the analysis holds. Data: "+1" and 10 random digits (about half of them valid numbers
// of the +1 countries), a name and an amount, 1 row in 1000 repeating an earlier number, like the
// in-browser benchmark (issue 6, benchmark 2); and a regional list of national numbers.
import Papa from 'papaparse';
import { type CsvAnalysis, CsvAnalyzer, CsvRecordReader } from '../src/lib/csv';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 5);
const CHUNK = 1 << 20;

function makeRandomFile(count: number): string {
  let state = 12345;
  const rnd = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const numbers: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const number = i % 1000 === 999 ? numbers[rnd(i)] : `+1${2 + rnd(8)}${String(rnd(1e9)).padStart(9, '0')}`;
    numbers.push(number);
    lines.push(`${number},Name ${i},${rnd(1000)}`);
  }
  return `${lines.join('\n')}\n`;
}

function makeRegionalFile(count: number): string {
  const areaCodes = [
    212, 213, 305, 312, 415, 469, 512, 602, 617, 646, 702, 713, 718, 786, 805, 818, 917, 925, 949, 972,
  ];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    // 7919 is coprime with 8,000,000: the local numbers of one area code do not repeat.
    const local = String(2_000_000 + ((i * 7919) % 8_000_000));
    lines.push(
      `(${areaCodes[i % areaCodes.length]}) ${local.slice(0, 3)}-${local.slice(3)},Name ${i},${i % 1000}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function split(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out;
}

interface Timing {
  wall: number[];
  cpu: number[];
}

function measure(timing: Timing, fn: () => void): void {
  global.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  timing.wall.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  timing.cpu.push((used.user + used.system) / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const show = (label: string, t: Timing) =>
  console.info(
    `${label.padEnd(48)} wall ${median(t.wall).toFixed(0).padStart(5)} ms, cpu ${median(t.cpu).toFixed(0).padStart(5)} ms` +
      `   (wall runs: ${t.wall.map((v) => v.toFixed(0)).join(', ')})`,
  );

for (const [name, text] of [
  ['random +1 numbers', makeRandomFile(rows)],
  ['regional national numbers', makeRegionalFile(rows)],
] as const) {
  const chunks = split(text);
  console.info(
    `\n== ${rows.toLocaleString('en')} rows, ${name}, ${(text.length / 1e6).toFixed(1)} MB, node ${process.version}`,
  );
  const papa: Timing = { wall: [], cpu: [] };
  const splitter: Timing = { wall: [], cpu: [] };
  const ours: Timing = { wall: [], cpu: [] };
  let analysis: CsvAnalysis | null = null;
  let stats = { checked: 0, memoHits: 0 };
  let heldBytes = 0;
  let papaRows = 0;
  for (let run = 0; run < runs; run++) {
    measure(papa, () => {
      papaRows = 0;
      const config = {
        skipEmptyLines: true,
        chunkSize: CHUNK,
        chunk: (result: Papa.ParseResult<unknown>) => {
          papaRows += result.data.length;
        },
      };
      Papa.parse(text, config as Papa.ParseConfig<unknown>);
    });
    measure(splitter, () => {
      const reader = new CsvRecordReader(',', () => {});
      for (const chunk of chunks) reader.push(chunk);
      reader.end();
    });
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    measure(ours, () => {
      const analyzer = new CsvAnalyzer({ defaultCountry: 'US' }, 'utf-8', undefined, text.length);
      for (const chunk of chunks) analyzer.push(chunk);
      analysis = analyzer.finish();
      stats = { ...analyzer.normaliserStats };
      // Measured before the analyzer is dropped: its duplicate map, memo tries and lists.
      global.gc?.();
      heldBytes = process.memoryUsage().heapUsed - heapBefore;
    });
  }
  show('papaparse, chunk callback (counts only)', papa);
  show('our record splitter alone', splitter);
  show('full analysis (split, validate, duplicates)', ours);
  const a = analysis as unknown as CsvAnalysis;
  console.info(
    `result: rows ${a.rows} (papaparse: ${papaRows}), valid ${a.valid}, invalid ${a.invalid}, duplicates ${a.duplicates}; ` +
      `memo hits ${stats.memoHits}/${stats.checked} = ${((100 * stats.memoHits) / stats.checked).toFixed(2)}%; ` +
      `heap held by the analyzer at its end ${(heldBytes / 1e6).toFixed(0)} MB`,
  );
  console.info(
    `ratio full analysis / papaparse: wall ${(median(ours.wall) / median(papa.wall)).toFixed(2)}, ` +
      `cpu ${(median(ours.cpu) / median(papa.cpu)).toFixed(2)}`,
  );
}
