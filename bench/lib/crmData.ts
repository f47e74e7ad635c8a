// The column-mapping benchmarks' files: a CRM export with a header and the phone in the fourth of
// eight columns (CSV), and a workbook with the phone in the third of six columns (.xlsx, written
// with @e965/xlsx). Deterministic (seeded); about 1 row in 200 has an invalid number, 1 in 500 a
// missing column (CSV) or an empty phone (workbook), 1 in 1000 repeats an earlier number.

import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { createRandom } from '../../test/fixtures/random.ts';

const FIRST = ['John', 'Mary', 'Susan', 'James', 'Walter', 'Ana', 'Luis', 'Carmen', 'Wei', 'Fatima'];
const LAST = ['Smith', 'García', 'Lee', 'Johnson', 'Müller', 'Rossi', 'Khan', 'Nguyen', 'Silva', 'Brown'];
const CITIES = ['Boston', 'Denver', 'Austin', 'Miami', 'Seattle', 'Chicago', 'Phoenix', 'Dallas'];
// Real US area codes, so most numbers are valid ones.
const AREA_CODES = [201, 202, 206, 212, 213, 305, 312, 404, 415, 512, 602, 617, 646, 702, 713, 718, 917];

export const CRM_HEADER = [
  'Customer ID',
  'First name',
  'Last name',
  'Phone',
  'Email',
  'City',
  'Amount',
  'Signed up',
];
export const SHEET_HEADER = ['Customer ID', 'Name', 'Phone', 'City', 'Amount', 'Due'];

const numbers = (seed: number) => {
  const random = createRandom(seed);
  const recent: string[] = [];
  return {
    random,
    /** A valid national US number written as an operator's CRM does, or an earlier one. */
    next(i: number): string {
      let exchange = 200 + random.int(800);
      if (exchange % 100 === 11 || exchange === 555) exchange = 234;
      let number = `(${random.pick(AREA_CODES)}) ${exchange}-${String(random.int(1e4)).padStart(4, '0')}`;
      if (i % 1000 === 999 && recent.length) number = random.pick(recent);
      if (recent.length < 1000) recent.push(number);
      else recent[random.int(1000)] = number;
      return number;
    },
  };
};

/** Yields the CRM CSV in pieces of about `rowsPerPiece` rows, header first. */
export function* crmCsvPieces(rows: number, { seed = 13, rowsPerPiece = 10_000 } = {}) {
  const source = numbers(seed);
  let piece: string[] = [CRM_HEADER.join(',')];
  for (let i = 0; i < rows; i++) {
    let phone = source.next(i);
    if (i % 200 === 101) phone = `12ab${source.random.int(1000)}`;
    const cells = [
      String(100000 + i),
      FIRST[i % 10],
      LAST[(i * 7) % 10],
      phone,
      `${FIRST[i % 10].toLowerCase()}.${i}@example.com`,
      CITIES[i % CITIES.length],
      String(i % 500),
      `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    ];
    if (i % 500 === 303) cells.pop();
    piece.push(cells.join(','));
    if (piece.length >= rowsPerPiece) {
      yield `${piece.join('\n')}\n`;
      piece = [];
    }
  }
  if (piece.length) yield `${piece.join('\n')}\n`;
}

const writeOnce = async (path: string, write: (partPath: string) => Promise<void>): Promise<number> => {
  if (existsSync(path)) return statSync(path).size;
  // The folder may not exist yet (a fresh clone, or the smoke test's empty results folder).
  mkdirSync(dirname(path), { recursive: true });
  await write(`${path}.part`);
  renameSync(`${path}.part`, path);
  return statSync(path).size;
};

/** Writes the CRM CSV unless a file of that name exists already (names carry the row count). */
export const writeCrmCsvFile = (path: string, rows: number): Promise<number> =>
  writeOnce(path, async (part) => {
    const out = createWriteStream(part);
    for (const piece of crmCsvPieces(rows)) if (!out.write(piece)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  });

/** The workbook's rows: a header, then Customer ID, Name, Phone (text), City, Amount, Due (a date). */
export const sheetRows = (rows: number, seed = 14): unknown[][] => {
  const source = numbers(seed);
  const data: unknown[][] = [SHEET_HEADER];
  for (let i = 0; i < rows; i++) {
    let phone = source.next(i);
    if (i % 200 === 101) phone = `12ab${source.random.int(1000)}`;
    if (i % 500 === 303) phone = '';
    data.push([
      100000 + i,
      `${FIRST[i % 10]} ${LAST[(i * 7) % 10]}`,
      phone,
      CITIES[i % CITIES.length],
      i % 500,
      new Date(Date.UTC(2024, i % 12, (i % 28) + 1)),
    ]);
  }
  return data;
};

/** Writes the .xlsx (one sheet, "Leads") unless a file of that name exists already. */
export const writeSheetFile = (path: string, rows: number): Promise<number> =>
  writeOnce(path, async (part) => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet(sheetRows(rows), { cellDates: true }),
      'Leads',
    );
    writeFileSync(part, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }));
  });
