// The benchmark CSV: a valid US number in E.164 (real area codes), a name and an amount per row, like an operator's lead list.
// About 1 row in 200 has an invalid number, 1 in 500 a wrong column count, 1 in 1000 repeats an
// earlier number. Deterministic (seeded), written in chunks so a million rows never sit in one string.

import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRandom } from '../../test/fixtures/random.ts';

const NAMES = ['John', 'Mary', 'Susan', 'James', 'Walter', 'Ana', 'Luis', 'Carmen', 'Wei', 'Fatima'];
// Real US area codes, so the numbers are valid ones (a lead list is mostly valid numbers).
export const AREA_CODES = [
  201, 202, 205, 206, 212, 213, 214, 215, 216, 267, 301, 303, 305, 310, 312, 313, 314, 317, 323, 404, 407,
  410, 412, 415, 469, 480, 502, 503, 504, 512, 602, 608, 612, 615, 617, 619, 646, 702, 704, 713, 718, 720,
  786, 801, 805, 813, 818, 832, 917, 925, 949, 972,
];

/** Yields the CSV text in pieces of about `rowsPerPiece` rows. */
export function* csvPieces(rows: number, { seed = 6, rowsPerPiece = 10_000, allValid = false } = {}) {
  const random = createRandom(seed);
  const recent: string[] = [];
  let piece: string[] = [];
  for (let i = 0; i < rows; i++) {
    let exchange = 200 + random.int(800);
    if (exchange % 100 === 11 || exchange === 555) exchange = 234;
    let number = `+1${random.pick(AREA_CODES)}${exchange}${String(random.int(1e4)).padStart(4, '0')}`;
    let line: string;
    if (!allValid && i % 1000 === 999 && recent.length) number = random.pick(recent);
    if (!allValid && i % 200 === 101) line = `12ab${random.int(1000)},${NAMES[i % 10]},${i % 500}`;
    else if (!allValid && i % 500 === 303) line = `${number},${NAMES[i % 10]}`;
    else line = `${number},${NAMES[i % 10]},${i % 500}`;
    if (recent.length < 1000) recent.push(number);
    else recent[random.int(1000)] = number;
    piece.push(line);
    if (piece.length >= rowsPerPiece) {
      yield `${piece.join('\n')}\n`;
      piece = [];
    }
  }
  if (piece.length) yield `${piece.join('\n')}\n`;
}

export const csvBuffer = (rows: number, options: { seed?: number; allValid?: boolean } = {}): Buffer =>
  Buffer.concat([...csvPieces(rows, options)].map((piece) => Buffer.from(piece)));

/** Writes the file unless one of the same name exists already (names carry the row count). */
export const writeCsvFile = async (path: string, rows: number): Promise<number> => {
  if (existsSync(path)) return statSync(path).size;
  // The folder may not exist yet (a fresh clone, or the smoke test's empty results folder).
  mkdirSync(dirname(path), { recursive: true });
  const out = createWriteStream(`${path}.part`);
  for (const piece of csvPieces(rows)) {
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(`${path}.part`, path);
  return statSync(path).size;
};
