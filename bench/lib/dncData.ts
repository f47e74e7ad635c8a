// The benchmark's do-not-call list: `count` valid US numbers, one a line, of which one in 100 rows of
// the benchmark CSV (bench-<rows>.csv, csvData.ts) so that the scrub finds some, the rest random
// (seeded). Written in pieces: ten million lines never sit in one string.
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRandom } from '../../test/fixtures/random.ts';
import { AREA_CODES, csvPieces } from './csvData.ts';

/** Every 100th row's number of the benchmark CSV of `rows` rows (the ones the scrub must find). */
const listedFromCsv = (rows: number): string[] => {
  const numbers: string[] = [];
  let row = 0;
  for (const piece of csvPieces(rows))
    for (const line of piece.split('\n')) {
      if (line === '') continue;
      if (row++ % 100 === 0 && line.startsWith('+')) numbers.push(line.slice(0, line.indexOf(',')));
    }
  return numbers;
};

/** Writes the list unless a file of that name exists; returns its size and how many come from the CSV. */
export const writeDncFile = async (
  path: string,
  count: number,
  csvRows: number,
): Promise<{ bytes: number; fromCsv: number }> => {
  const fromCsv = listedFromCsv(csvRows).slice(0, count);
  if (existsSync(path)) return { bytes: statSync(path).size, fromCsv: fromCsv.length };
  mkdirSync(dirname(path), { recursive: true });
  const random = createRandom(14);
  const out = createWriteStream(`${path}.part`);
  let piece = `${fromCsv.join('\n')}\n`;
  for (let i = fromCsv.length; i < count; i++) {
    let exchange = 200 + random.int(800);
    if (exchange % 100 === 11 || exchange === 555) exchange = 234;
    piece += `+1${random.pick(AREA_CODES)}${exchange}${String(random.int(1e4)).padStart(4, '0')}\n`;
    if (piece.length >= 1 << 20) {
      if (!out.write(piece)) await once(out, 'drain');
      piece = '';
    }
  }
  out.end(piece);
  await once(out, 'finish');
  renameSync(`${path}.part`, path);
  return { bytes: statSync(path).size, fromCsv: fromCsv.length };
};
