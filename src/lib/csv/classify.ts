// The verdict on one data row, shared by the analysis and by the builder of the valid-rows file so
// that both always agree on which rows are sent.

import type { NumberNormaliser } from '../phone';
import type { DoNotCallLookup } from './doNotCall';
import { NumberLineMap } from './numberSet';
import type { CsvFault, CsvRow } from './reader';
import type { ColumnMapping, ProblemReason } from './types';

export class RowClassifier {
  private readonly seen: NumberLineMap;
  private readonly existing: NumberLineMap;
  /** Set by `classify`: the row's E.164 digits as a number (0 when invalid). */
  key = 0;
  /** Set by `classify` for a duplicate: the line where the number first appeared. */
  firstLine = 0;
  /** Set by `classify` with a mapping: the column the number was taken from, and its cell (trimmed). */
  numberColumn = 0;
  numberCell = '';
  /** Set by `classify` for `onDncList`: the lists holding the number. */
  lists: readonly string[] | null = null;
  /** Cells a row must have: varCount + 1, or with a mapping the file's width. */
  readonly expected: number;

  /**
   * varCount: the variables a row of the file has (its cells − 1); with a mapping the row's number
   * is the first valid cell of mapping.number rather than the first cell.
   */
  constructor(
    private readonly normaliser: NumberNormaliser,
    readonly varCount: number,
    existingNumbers: readonly string[] = [],
    expectedRows = 1024,
    readonly mapping: ColumnMapping | null = null,
    /** The device's do-not-call lists: a valid number on one is `onDncList`, never sent. */
    private readonly doNotCall: DoNotCallLookup | null = null,
  ) {
    this.expected = varCount + 1;
    this.seen = new NumberLineMap(expectedRows);
    this.existing = new NumberLineMap(existingNumbers.length);
    for (const number of existingNumbers) {
      // Campaign numbers are stored as sent: national ones are compared by their E.164 form.
      const key = /^\+[1-9][0-9]{6,14}$/.test(number)
        ? Number(number.slice(1))
        : normaliser.normaliseToKey(number);
      if (key !== 0) this.existing.add(key, 1);
    }
  }

  /** With a time-zone map: the facts id (type, country, zones) of the number `classify` read last. */
  get facts(): number {
    return this.normaliser.lastFacts;
  }

  /** The row's E.164 form, after `classify` (null when invalid). */
  get e164(): string | null {
    return this.key === 0 ? null : `+${this.key}`;
  }

  /** null for a row to send, else why not. */
  classify(row: CsvRow): ProblemReason | null {
    this.key = 0;
    // A malformed quote first: its cells are not what the writer meant, and the server refuses it.
    if (row.fault !== null) return row.fault;
    if (this.mapping !== null) return this.classifyMapped(row);
    const expected = this.varCount + 1;
    if (row.columns !== expected && !hasColumns(row.cells(), expected)) return 'wrongColumnCount';
    const cell = row.firstCell().trim();
    if (cell === '') return 'emptyNumber';
    const key = this.normaliser.normaliseToKey(cell);
    if (key === 0) return 'invalidNumber';
    return this.classifyValid(key, row.line);
  }

  /** With a mapping: the number is the first valid of the number columns (its fallbacks). */
  private classifyMapped(row: CsvRow): ProblemReason | null {
    // Only the number columns are cut out of the row (cells() only when its width is off).
    if (row.columns !== this.expected && !hasColumns(row.cells(), this.expected)) {
      this.pick(row);
      return 'wrongColumnCount';
    }
    const key = this.pick(row);
    if (this.numberCell === '') return 'emptyNumber';
    if (key === 0) return 'invalidNumber';
    return this.classifyValid(key, row.line);
  }

  /** A valid number: listed first (the reason that matters most), then in the campaign, then seen. */
  private classifyValid(key: number, line: number): ProblemReason | null {
    this.key = key;
    if (this.doNotCall !== null) {
      this.lists = this.doNotCall.holding(key);
      if (this.lists !== null) return 'onDncList';
    }
    if (this.existing.get(key) !== 0) return 'duplicateInCampaign';
    this.firstLine = this.seen.add(key, line);
    return this.firstLine === 0 ? null : 'duplicate';
  }

  /** What the lists and the campaign say of a valid number, without counting it as seen. */
  verdictOfKey(key: number): 'onDncList' | 'duplicateInCampaign' | null {
    if (this.doNotCall !== null && this.doNotCall.holding(key) !== null) return 'onDncList';
    return this.existing.get(key) !== 0 ? 'duplicateInCampaign' : null;
  }

  /**
   * Sets numberColumn / numberCell to the first valid number of the mapping's columns (else the
   * first non-empty one, else the first column) and returns its key (0: none valid).
   */
  pick(row: CsvRow): number {
    const columns = (this.mapping as ColumnMapping).number;
    let firstFilled = -1;
    let firstCell = '';
    for (const column of columns) {
      const cell = row.cell(column).trim();
      if (cell === '') continue;
      const key = this.normaliser.normaliseToKey(cell);
      if (key !== 0) {
        this.numberColumn = column;
        this.numberCell = cell;
        return key;
      }
      if (firstFilled === -1) {
        firstFilled = column;
        firstCell = cell;
      }
    }
    this.numberColumn = firstFilled === -1 ? (columns[0] ?? 0) : firstFilled;
    this.numberCell = firstCell;
    return 0;
  }
}

/** Exactly `expected` cells, or more whose extra cells are all empty (trailing delimiters). */
export function hasColumns(cells: readonly string[], expected: number): boolean {
  if (cells.length === expected) return true;
  if (cells.length < expected) return false;
  for (let i = expected; i < cells.length; i++) if (cells[i].trim() !== '') return false;
  return true;
}

/** A line with nothing but whitespace and delimiters is not a data row. */
export function isBlank(row: CsvRow): boolean {
  const first = row.firstCell();
  if (first.length > 0 && first.trim() !== '') return false;
  if (row.columns === 1) return true;
  const cells = row.cells();
  for (let i = 1; i < cells.length; i++) if (cells[i].trim() !== '') return false;
  return true;
}

/** A record kept for later (the detection sample), replayed as a row. */
export class StoredRow implements CsvRow {
  readonly line: number;
  readonly columns: number;
  readonly fault: CsvFault | null;
  /** Replayed from its cells: never copied as runs of its text (writeSpan() gives false). */
  readonly quoted = true;
  private readonly storedCells: string[];
  private readonly storedRaw: string;

  constructor(row: CsvRow) {
    this.line = row.line;
    this.fault = row.fault;
    this.storedCells = row.cells();
    this.columns = this.storedCells.length;
    this.storedRaw = row.raw();
  }

  firstCell(): string {
    return this.storedCells[0];
  }

  cells(): string[] {
    return this.storedCells;
  }

  cell(index: number): string {
    return this.storedCells[index] ?? '';
  }

  writeSpan(): boolean {
    return false;
  }

  raw(): string {
    return this.storedRaw;
  }
}
