import { CsvAnalyzer } from '../src/resources/numbers/csv/analyzer';
const areaCodes = [212, 213, 305, 312, 415, 469, 512, 602, 617, 646, 702, 713, 718, 786, 805, 818, 917, 925, 949, 972];
const lines: string[] = [];
for (let i = 0; i < 1000000; i++) {
  const local = String(2_000_000 + ((i * 7919) % 8_000_000));
  lines.push(`(${areaCodes[i % areaCodes.length]}) ${local.slice(0, 3)}-${local.slice(3)},Name ${i},${i % 1000}`);
}
const text = lines.join('\n') + '\n';
lines.length = 0;
const pieces: string[] = [];
for (let i = 0; i < text.length; i += 1 << 20) pieces.push(text.slice(i, i + (1 << 20)));
for (let r = 0; r < 3; r++) {
  const c = process.cpuUsage();
  const a = new CsvAnalyzer({ defaultCountry: 'US' });
  for (const p of pieces) a.push(p);
  a.finish();
  const u = process.cpuUsage(c);
  console.log('analysis cpu', (u.user + u.system) / 1000);
}
