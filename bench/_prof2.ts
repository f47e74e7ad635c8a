import { CsvAnalyzer } from '../src/resources/numbers/csv/analyzer';
let state = 12345;
const rnd = (n: number) => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state % n; };
const lines: string[] = [];
for (let i = 0; i < 1000000; i++) lines.push(`+1${2 + rnd(8)}${String(rnd(1e9)).padStart(9, '0')},Name ${i},${rnd(1000)}`);
const text = lines.join('\n') + '\n';
const pieces: string[] = [];
for (let i = 0; i < text.length; i += 1 << 20) pieces.push(text.slice(i, i + (1 << 20)));
for (let r = 0; r < 2; r++) {
  const t = performance.now();
  const a = new CsvAnalyzer({ defaultCountry: 'US' });
  for (const p of pieces) a.push(p);
  const res = a.finish();
  console.log('analysis', performance.now() - t, res.rows, a.normaliserStats);
}
