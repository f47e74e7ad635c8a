// Reads a do-not-call file (CSV or TXT: a number per line, optionally a note in the next column)
// into sorted, distinct E.164 keys, streaming, with progress. Runs in the worker (dncWorker.ts), or
// in-process in tests.
import { CsvRecordReader, type CsvRow } from '../csv';
import { type CountryCode, createNumberNormaliser } from '../phone';
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
  /** Non-blank rows read (a header row included). */
  rows: number;
  valid: number;
  /** Valid numbers that were already on an earlier row. */
  duplicates: number;
  invalid: number;
  /** The first INVALID_SAMPLES invalid rows. */
  invalidLines: InvalidLine[];
}

export const INVALID_SAMPLES = 100;
const NOTE_MAX = 200;
const PROGRESS_MS = 100;
const SLICE_BYTES = 4 * 1024 * 1024;

const detectDelimiter = (head: string): ',' | ';' | '\t' => {
  const firstLine = head.slice(0, head.search(/[\r\n]|$/));
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';') && !firstLine.includes(',')) return ';';
  return ',';
};

export interface ParseOptions {
  defaultCountry: CountryCode;
  onProgress?: (progress: ParseProgress) => void;
  signal?: AbortSignal;
}

export async function parseDncFile(
  file: Blob,
  { defaultCountry, onProgress, signal }: ParseOptions,
): Promise<ParsedList> {
  const normaliser = createNumberNormaliser(defaultCountry);
  let keys = new Float64Array(1 << 16);
  let count = 0;
  const notes = new Map<number, string>();
  const invalidLines: InvalidLine[] = [];
  let rows = 0;
  let invalid = 0;
  const onRow = (row: CsvRow) => {
    const cell = row.firstCell().trim();
    if (cell === '' && row.columns <= 1) return;
    rows++;
    const key = normaliser.normaliseToKey(cell);
    if (key === 0) {
      invalid++;
      if (invalidLines.length < INVALID_SAMPLES)
        invalidLines.push({ line: row.line, value: cell.slice(0, 40) });
      return;
    }
    if (count === keys.length) {
      const grown = new Float64Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    keys[count++] = key;
    if (row.columns > 1) {
      const note = row.cells()[1]?.trim();
      if (note) notes.set(key, note.slice(0, NOTE_MAX));
    }
  };
  let reader: CsvRecordReader | undefined;
  const decoder = new TextDecoder('utf-8');
  let bytesRead = 0;
  let lastProgress = 0;
  try {
    // Slices rather than file.stream(): the same in every browser and in jsdom.
    for (let at = 0; at < file.size; at += SLICE_BYTES) {
      if (signal?.aborted) throw signal.reason;
      const value = new Uint8Array(await file.slice(at, at + SLICE_BYTES).arrayBuffer());
      if (at === 0 && value.subarray(0, 4096).includes(0)) throw new DncError('notText');
      bytesRead += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      reader ??= new CsvRecordReader(detectDelimiter(text), onRow);
      reader.push(text);
      const now = Date.now();
      if (onProgress && now - lastProgress >= PROGRESS_MS) {
        lastProgress = now;
        onProgress({ bytesRead, totalBytes: file.size, rows });
      }
    }
    const tail = decoder.decode();
    reader ??= new CsvRecordReader(detectDelimiter(tail), onRow);
    if (tail) reader.push(tail);
    reader.end();
  } catch (error) {
    if (error instanceof DncError || signal?.aborted) throw error;
    throw new DncError('readFailed', error instanceof Error ? error.message : String(error));
  }
  onProgress?.({ bytesRead, totalBytes: file.size, rows });
  const valid = count;
  const distinct = sortUnique(keys.subarray(0, count));
  if (distinct.length === 0) throw new DncError('noNumbers');
  return { keys: distinct, notes, rows, valid, duplicates: valid - distinct.length, invalid, invalidLines };
}
