// Reads a do-not-call file (CSV, TXT, or a workbook: .xlsx, .xls, .ods) into sorted, distinct E.164
// keys, streaming, with progress. A number column and an optional note column: given, or found from
// the first rows (a phone-like header, else the column with the most valid numbers; a note-like
// header, else the column after the number). Runs in the worker (dncWorker.ts), or in-process in
// tests; @e965/xlsx is loaded (by src/lib/sheet) only when a workbook is chosen.
import { CsvRecordReader, type CsvRow, phoneHeaderScore, SHEET_MAX_BYTES } from '../csv';
import { type CountryCode, createNumberNormaliser, isNumberLike } from '../phone';
import { readSheet, SheetError, type SheetFormat, sniffSheet } from '../sheet';
import { DncError } from './errors';
import { sortUnique } from './keys';

export interface ParseProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface InvalidLine {
  line: number;
  value: string;
}

export interface ParsedList {
  keys: Float64Array;
  notes: Map<number, string>;
  /** Non-blank rows read, a header row left out. */
  rows: number;
  valid: number;
  /** Valid numbers that were already on an earlier row. */
  duplicates: number;
  invalid: number;
  /** The first INVALID_SAMPLES invalid rows. */
  invalidLines: InvalidLine[];
  /** Where the numbers and notes were read (0-based columns; header: the first row's cell, if any). */
  columns: DncColumns;
  /** 'csv' for a text file, else the workbook's format (its first sheet is read). */
  format: 'csv' | SheetFormat;
  /** For a workbook: the sheet read. */
  sheet?: string;
}

export interface DncColumn {
  index: number;
  /** The first row's cell there, when the first row is a header (its number cell is not number-like). */
  header?: string;
}

export interface DncColumns {
  number: DncColumn;
  note: DncColumn | null;
}

export const INVALID_SAMPLES = 100;
const NOTE_MAX = 200;
const PROGRESS_MS = 100;
const SLICE_BYTES = 4 * 1024 * 1024;
/** Rows read before the columns are chosen. */
const SAMPLE_ROWS = 50;
const NOTE_WORDS = [
  'note',
  'notes',
  'reason',
  'comment',
  'comments',
  'remark',
  'remarks',
  'nota',
  'notas',
  'motivo',
  'comentario',
  'comentarios',
  'observaciones',
];

const words = (header: string) =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const detectDelimiter = (head: string): ',' | ';' | '\t' => {
  const firstLine = head.slice(0, head.search(/[\r\n]|$/));
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';') && !firstLine.includes(',')) return ';';
  return ',';
};

export interface ParseOptions {
  defaultCountry: CountryCode;
  /** The number's column (0-based); undefined: found from the first rows. */
  numberColumn?: number;
  /** The note's column (0-based), null for none; undefined: found from the first rows. */
  noteColumn?: number | null;
  onProgress?: (progress: ParseProgress) => void;
  signal?: AbortSignal;
}

interface SampleRow {
  line: number;
  cells: string[];
}

export async function parseDncFile(file: Blob, options: ParseOptions): Promise<ParsedList> {
  const { defaultCountry, onProgress, signal } = options;
  const normaliser = createNumberNormaliser(defaultCountry);
  let keys = new Float64Array(1 << 16);
  let count = 0;
  const notes = new Map<number, string>();
  const invalidLines: InvalidLine[] = [];
  let rows = 0;
  let invalid = 0;
  let numberColumn = 0;
  let noteColumn = -1;
  let columns: DncColumns = { number: { index: 0 }, note: null };
  const take = (line: number, cell: string, note: string | undefined) => {
    rows++;
    const key = normaliser.normaliseToKey(cell);
    if (key === 0) {
      invalid++;
      if (invalidLines.length < INVALID_SAMPLES) invalidLines.push({ line, value: cell.slice(0, 40) });
      return;
    }
    if (count === keys.length) {
      const grown = new Float64Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    keys[count++] = key;
    if (note) notes.set(key, note.slice(0, NOTE_MAX));
  };
  const onRowChosen = (row: CsvRow) => {
    // The common file, a number per line: its first cell, without splitting the row.
    if (numberColumn === 0 && (noteColumn === -1 || row.columns === 1)) {
      const cell = row.firstCell().trim();
      if (cell !== '') return take(row.line, cell, undefined);
      if (row.columns <= 1) return;
    }
    const cells = row.cells();
    if (cells.every((value) => value.trim() === '')) return;
    take(
      row.line,
      (cells[numberColumn] ?? '').trim(),
      noteColumn >= 0 ? cells[noteColumn]?.trim() : undefined,
    );
  };
  // The first rows wait until the columns are chosen from them.
  let sample: SampleRow[] | null = [];
  const choose = () => {
    const rowsSeen = sample ?? [];
    sample = null;
    columns = chooseColumns(rowsSeen, options, (cell) => normaliser.normaliseToKey(cell) !== 0);
    numberColumn = columns.number.index;
    noteColumn = columns.note?.index ?? -1;
    // A header row (the number's column has a name there) is not a row of the list.
    for (const { line, cells } of columns.number.header === undefined ? rowsSeen : rowsSeen.slice(1)) {
      if (cells.every((value) => value.trim() === '')) continue;
      take(line, (cells[numberColumn] ?? '').trim(), noteColumn >= 0 ? cells[noteColumn]?.trim() : undefined);
    }
  };
  const onRow = (row: CsvRow) => {
    if (sample === null) return onRowChosen(row);
    sample.push({ line: row.line, cells: row.cells() });
    if (sample.length >= SAMPLE_ROWS) choose();
  };
  let reader: CsvRecordReader | undefined;
  let bytesRead = 0;
  let lastProgress = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (onProgress && (force || now - lastProgress >= PROGRESS_MS)) {
      lastProgress = now;
      onProgress({ bytesRead, totalBytes: file.size, rows });
    }
  };
  const head = new Uint8Array(
    await file
      .slice(0, 128)
      .arrayBuffer()
      .catch(() => new ArrayBuffer(0)),
  );
  const name = 'name' in file && typeof file.name === 'string' ? file.name : '';
  const format = sniffSheet(head, name);
  let sheet: string | undefined;
  try {
    if (format !== null) {
      const workbook = await readSheet(file, { maxBytes: SHEET_MAX_BYTES });
      sheet = workbook.sheet;
      reader = new CsvRecordReader(',', onRow);
      let chars = 0;
      for (const chunk of workbook.chunks) {
        if (signal?.aborted) throw signal.reason;
        chars += chunk.length;
        reader.push(chunk);
        bytesRead = Math.round((chars / Math.max(1, workbook.chars)) * file.size);
        progress();
      }
    } else {
      const decoder = new TextDecoder('utf-8');
      // Slices rather than file.stream(): the same in every browser and in jsdom.
      for (let at = 0; at < file.size; at += SLICE_BYTES) {
        if (signal?.aborted) throw signal.reason;
        const value = new Uint8Array(await file.slice(at, at + SLICE_BYTES).arrayBuffer());
        if (at === 0 && value.subarray(0, 4096).includes(0)) throw new DncError('notText');
        bytesRead += value.byteLength;
        const text = decoder.decode(value, { stream: true });
        reader ??= new CsvRecordReader(detectDelimiter(text), onRow);
        reader.push(text);
        progress();
      }
      const tail = decoder.decode();
      reader ??= new CsvRecordReader(detectDelimiter(tail), onRow);
      if (tail) reader.push(tail);
    }
    reader?.end();
    if (sample !== null) choose();
  } catch (error) {
    if (error instanceof DncError || signal?.aborted) throw error;
    if (error instanceof SheetError) throw new DncError(error.code, error.detail);
    throw new DncError('readFailed', error instanceof Error ? error.message : String(error));
  }
  bytesRead = file.size;
  progress(true);
  const valid = count;
  const distinct = sortUnique(keys.subarray(0, count));
  if (distinct.length === 0) throw new DncError('noNumbers');
  return {
    keys: distinct,
    notes,
    rows,
    valid,
    duplicates: valid - distinct.length,
    invalid,
    invalidLines,
    columns,
    format: format ?? 'csv',
    ...(sheet === undefined ? {} : { sheet }),
  };
}

/**
 * The number's column: the one given, else a header that names a phone, else the column with the
 * most valid numbers in the first rows (the first on a tie). The note's: given (null: none), else a
 * header that names a note (note, reason, comment, nota, motivo, …), else the column after the number's.
 */
export function chooseColumns(
  sample: readonly SampleRow[],
  given: Pick<ParseOptions, 'numberColumn' | 'noteColumn'>,
  isValid: (cell: string) => boolean,
): DncColumns {
  const width = sample.reduce((most, row) => Math.max(most, row.cells.length), 1);
  const first = sample[0]?.cells ?? [];
  const valids = Array.from({ length: width }, (_, column) =>
    sample.reduce((sum, row) => sum + (isValid((row.cells[column] ?? '').trim()) ? 1 : 0), 0),
  );
  const best = valids.indexOf(Math.max(...valids));
  const named = first.findIndex((cell) => phoneHeaderScore(cell.trim()) === 2);
  const number =
    given.numberColumn ?? (named >= 0 && !isValid(first[named].trim()) ? named : Math.max(best, 0));
  const firstNumber = (first[number] ?? '').trim();
  // A header names the column: not a valid number, nor a number-like one (a bad number is a row).
  const headerRow = firstNumber !== '' && !isValid(firstNumber) && !isNumberLike(firstNumber);
  const columnOf = (index: number): DncColumn => {
    const header = headerRow ? (first[index] ?? '').trim() : '';
    return header ? { index, header } : { index };
  };
  let note: number | null;
  if (given.noteColumn !== undefined) note = given.noteColumn;
  else {
    const noted = headerRow
      ? first.findIndex(
          (cell, index) => index !== number && words(cell).some((word) => NOTE_WORDS.includes(word)),
        )
      : -1;
    note = noted >= 0 ? noted : number + 1 < width ? number + 1 : null;
  }
  return { number: columnOf(number), note: note === null || note === number ? null : columnOf(note) };
}
