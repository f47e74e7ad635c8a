// Node benchmark of the CSV analysis core against a bare papaparse parse of the same text.
//   npx tsx bench/csv-analysis-node.ts [rows=1000000] [runs=3]
// Prints medians (ms), the ratio to papaparse, the validator memo's hit rate and heap figures.
// Data: "+1" and 10 random digits (about half are valid US/Canada/Caribbean numbers), a name and
// an amount, 1 row in 1000 a duplicate, as in the in-browser benchmark (issue 6, benchmark 2);
// and a second file of national numbers from 20 area codes (what a regional lead list looks like).
import Papa from 'papaparse';
import { CsvAnalyzer } from '../src/resources/numbers/csv/analyzer';
import { CsvRecordReader } from '../src/resources/numbers/csv/reader';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const CHUNK = 1 << 20;

function makeRandomFile(count: number): string {
  let state = 12345;
  const rnd = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const number = i % 1000 === 999 ? lines[rnd(i)].split(',')[0] : `+1${2 + rnd(8)}${String(rnd(1e9)).padStart(9, '0')}`;
    lines.push(`${number},Name ${i},${rnd(1000)}`);
  }
  return `${lines.join('\n')}\n`;
}

function makeRegionalFile(count: number): string {
  const areaCodes = [212, 213, 305, 312, 415, 469, 512, 602, 617, 646, 702, 713, 718, 786, 805, 818, 917, 925, 949, 972];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const area = areaCodes[i % areaCodes.length];
    // 7919 is coprime with 8,000,000: the local numbers of one area code do not repeat.
    const local = String(2_000_000 + ((i * 7919) % 8_000_000));
    lines.push(`(${area}) ${local.slice(0, 3)}-${local.slice(3)},Name ${i},${i % 1000}`);
  }
  return `${lines.join('\n')}\n`;
}

const chunks = (text: string) => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out;
};

function time(label: string, fn: () => unknown): number {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    global.gc?.();
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(46)} ${median.toFixed(0).padStart(6)} ms   (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  void result;
  return median;
}

for (const [name, text] of [
  ['random +1 numbers', makeRandomFile(rows)],
  ['regional national numbers', makeRegionalFile(rows)],
] as const) {
  const pieces = chunks(text);
  console.log(`\n== ${rows.toLocaleString('en')} rows, ${name}, ${(text.length / 1e6).toFixed(1)} MB, node ${process.version}`);
  const papa = time('papaparse, whole string', () => Papa.parse(text, { skipEmptyLines: true }).data.length);
  const papaChunk = time('papaparse, chunk callback (counts only)', () => {
    let count = 0;
    const config = { skipEmptyLines: true, chunkSize: CHUNK, chunk: (r: Papa.ParseResult<unknown>) => void (count += r.data.length) };
    Papa.parse(text, config as Papa.ParseConfig<unknown>);
    return count;
  });
  time('our record splitter only (1 MB chunks)', () => {
    let count = 0;
    const reader = new CsvRecordReader(',', () => void count++);
    for (const piece of pieces) reader.push(piece);
    reader.end();
    return count;
  });
  let analysis: ReturnType<CsvAnalyzer['finish']> | null = null;
  let stats = { checked: 0, memoHits: 0 };
  const heapBefore = process.memoryUsage().heapUsed;
  let heapAtEnd = 0;
  const ours = time('full analysis (split + validate + duplicates)', () => {
    const analyzer = new CsvAnalyzer({ defaultCountry: 'US' });
    for (const piece of pieces) analyzer.push(piece);
    analysis = analyzer.finish();
    stats = { ...analyzer.normaliserStats };
    heapAtEnd = process.memoryUsage().heapUsed;
    return analysis;
  });
  const a = analysis as unknown as ReturnType<CsvAnalyzer['finish']>;
  console.log(
    `result: rows ${a.rows}, valid ${a.valid}, invalid ${a.invalid}, duplicates ${a.duplicates}; ` +
      `memo hits ${stats.memoHits}/${stats.checked} = ${((100 * stats.memoHits) / stats.checked).toFixed(2)}%`,
  );
  console.log(
    `ratio full analysis / papaparse: ${(ours / papa).toFixed(2)} (whole string), ${(ours / papaChunk).toFixed(2)} (chunk); ` +
      `heap held by the analysis at its end ≈ ${((heapAtEnd - heapBefore) / 1e6).toFixed(0)} MB (text itself excluded)`,
  );
}
