import { UploadPartsBuilder } from '../src/resources/numbers/csv/parts';
import { CsvAnalyzer } from '../src/resources/numbers/csv/analyzer';
let state = 12345;
const rnd = (n: number) => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state % n; };
const lines: string[] = [];
for (let i = 0; i < 1000000; i++) lines.push(`+1${2 + rnd(8)}${String(rnd(1e9)).padStart(9, '0')},Name ${i},${rnd(1000)}`);
const text = lines.join('\n') + '\n';
const pieces: string[] = [];
for (let i = 0; i < text.length; i += 1 << 20) pieces.push(text.slice(i, i + (1 << 20)));
for (let r = 0; r < 1; r++) {
  let t = performance.now();
  const parts: unknown[] = [];
  const b = new UploadPartsBuilder({ defaultCountry: 'US', delimiter: ',', firstRowIsHeader: false, varCount: 2 }, 'valid', 100000, (p) => parts.push(p));
  for (const p of pieces) b.push(p);
  b.finish();
  console.log('parts valid', performance.now() - t, parts.length);
  t = performance.now();
  const b2 = new UploadPartsBuilder({ defaultCountry: 'US', delimiter: ',', firstRowIsHeader: false, varCount: 2 }, 'asIs', 100000, (p) => parts.push(p));
  for (const p of pieces) b2.push(p);
  b2.finish();
  console.log('parts asIs', performance.now() - t);
  t = performance.now();
  const a = new CsvAnalyzer({ defaultCountry: 'US' });
  for (const p of pieces) a.push(p);
  a.finish();
  console.log('analysis', performance.now() - t);
}
