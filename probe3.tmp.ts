import { CsvAnalyzer } from './src/lib/csv/index.ts';
import { crmCsvPieces } from './bench/lib/crmData.ts';
const text = [...crmCsvPieces(1000000)].join('');
const CHUNK = 1 << 20;
const chunks: string[] = [];
for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
const mode = process.argv[2];
for (let run = 0; run < 3; run++) {
  global.gc?.();
  const s = performance.now();
  const a = new CsvAnalyzer({ defaultCountry: 'US', propose: { knownNames: [], remembered: {} } } as any, 'utf-8', undefined, text.length, null, [], mode === 'rec');
  for (const c of chunks) a.push(c);
  const r = a.finish();
  const w = a.takeValidRows('x');
  console.log(mode, (performance.now() - s).toFixed(0), r.valid, w?.rows);
}
