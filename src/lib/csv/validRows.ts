// The valid rows as "only the valid rows" sends them, written by the analysis while it reads the file
// (it already has each row's cells and verdict), so that building the upload's parts is slicing a
// Blob, not a second read and parse of the file. The old way (parts.ts, UploadPartsBuilder) stays
// for what the analysis could not know: the file as it is, numbers left out by type or hours, and
// campaign numbers or do-not-call lists that changed since the analysis (checked key by key here).

import type { NumberNormaliser } from '../phone';
import { RowClassifier } from './classify';
import { toCsvCell } from './csvCell';
import type { DoNotCallLookup } from './doNotCall';
import type { CsvRow } from './reader';
import type { ColumnMapping, PartsSettings, ProblemReason, UploadPart, ValidRowsText } from './types';

const AS_WRITTEN = { neutraliseFormula: false } as const;
const EOL = '\r\n';
const PIECE_CHARS = 1 << 20;
/** The verdicts that depend on the campaign's numbers and the do-not-call lists, as stored. */
const SENT = 0;
const LISTED = 1;
const IN_CAMPAIGN = 2;
const REPEATED = 3;

/** What the parts must agree on with the analysis for its rows to be the ones sent. */
export function validRowsFingerprint(settings: PartsSettings, sheet: string | undefined): string {
  return JSON.stringify([
    settings.defaultCountry,
    settings.delimiter,
    settings.firstRowIsHeader,
    settings.varCount,
    settings.mapping ?? null,
    settings.mapping ? (settings.fileColumns ?? null) : null,
    sheet ?? null,
  ]);
}

class GrowingArray<T extends Float64Array | Uint32Array | Uint8Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  at(index: number): number {
    return this.data[index];
  }
  take(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Gathers the valid rows' upload text during the analysis (CsvAnalyzer). */
export class ValidRowsRecorder {
  private readonly pieces: Blob[] = [];
  private texts: string[] = [];
  /** Characters written, and where the piece being gathered starts; rows already in a piece. */
  private chars = 0;
  private pieceStart = 0;
  private done = 0;
  private bytes = 0;
  private readonly charEnds = new GrowingArray(new Float64Array(1024), (n) => new Float64Array(n));
  private lineCount = 0;
  private readonly ends = new GrowingArray(new Float64Array(1024), (n) => new Float64Array(n));
  private readonly rowLines = new GrowingArray(new Uint32Array(1024), (n) => new Uint32Array(n));
  private readonly lines = new GrowingArray(new Uint32Array(1024), (n) => new Uint32Array(n));
  private readonly keys = new GrowingArray(new Float64Array(1024), (n) => new Float64Array(n));
  private readonly verdicts = new GrowingArray(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly commaSeparated: boolean;

  constructor(
    delimiter: string,
    private readonly mapping: ColumnMapping | null,
    private readonly varCount: number,
  ) {
    this.commaSeparated = delimiter === ',';
  }

  /** After `classifier.classify(row)` gave `reason`. */
  add(row: CsvRow, classifier: RowClassifier, reason: ProblemReason | null): void {
    if (reason !== null) {
      const verdict =
        reason === 'onDncList'
          ? LISTED
          : reason === 'duplicateInCampaign'
            ? IN_CAMPAIGN
            : reason === 'duplicate'
              ? REPEATED
              : -1;
      if (verdict !== -1) {
        this.keys.push(classifier.key);
        this.verdicts.push(verdict);
      }
      return;
    }
    this.keys.push(classifier.key);
    this.verdicts.push(SENT);
    // What UploadPartsBuilder writes for a valid row: the E.164 number, then the variables as
    // written; cells of a comma-separated row without a quote need no quoting. The pieces go into
    // the piece's list as they are (one join per piece, no string built per row).
    const cells = row.cells();
    const plain = this.commaSeparated && row.raw().indexOf('"') === -1;
    const { texts } = this;
    const number = `+${classifier.key}`;
    texts.push(number);
    let chars = number.length + EOL.length;
    let breaks = 0;
    const { mapping } = this;
    const count = mapping ? mapping.variables.length : this.varCount;
    for (let i = 0; i < count; i++) {
      const cell = (mapping ? cells[mapping.variables[i]] : cells[i + 1]) ?? '';
      const text = plain ? cell : toCsvCell(cell, AS_WRITTEN);
      texts.push(',', text);
      chars += 1 + text.length;
      if (!plain) breaks += lineBreaks(text);
    }
    texts.push(EOL);
    this.chars += chars;
    this.charEnds.push(this.chars);
    this.rowLines.push(row.line);
    this.lines.push(this.lineCount);
    this.lineCount += 1 + breaks;
    if (this.chars - this.pieceStart >= PIECE_CHARS) this.endPiece();
  }

  /**
   * The gathered rows as one Blob (the browser writes a string's UTF-8 itself, faster than a
   * TextEncoder here); the rows' ends in bytes are their ends in characters while the piece is ASCII.
   */
  private endPiece(): void {
    if (this.texts.length === 0) return;
    const piece = this.texts.join('');
    this.texts = [];
    const rows = this.charEnds.length;
    if (!NOT_ASCII.test(piece)) {
      for (let i = this.done; i < rows; i++)
        this.ends.push(this.bytes + this.charEnds.at(i) - this.pieceStart);
    } else {
      let at = 0;
      let bytes = this.bytes;
      for (let i = this.done; i < rows; i++) {
        const end = this.charEnds.at(i) - this.pieceStart;
        bytes += utf8Length(piece, at, end);
        at = end;
        this.ends.push(bytes);
      }
    }
    this.bytes = this.ends.at(rows - 1);
    this.done = rows;
    this.pieceStart = this.chars;
    this.pieces.push(new Blob([piece]));
  }

  /** fingerprint: validRowsFingerprint of the analysis's settings, checked by the parts job. */
  finish(fingerprint: string): ValidRowsText {
    this.endPiece();
    const ends = this.ends.take();
    const keys = this.keys.take();
    // The tables travel as a Blob too: the page hands them on by reference, never copies them.
    return {
      blob: new Blob(this.pieces, { type: 'text/csv' }),
      tables: new Blob([ends, this.rowLines.take(), this.lines.take(), keys, this.verdicts.take()]),
      rows: ends.length,
      checked: keys.length,
      fingerprint,
    };
  }
}

/** The tables of ValidRowsText, read back in the parts job. */
export interface ValidRowsTables {
  ends: Float64Array;
  rowLines: Uint32Array;
  lines: Uint32Array;
  keys: Float64Array;
  verdicts: Uint8Array;
}

export async function readTables({ tables, rows, checked }: ValidRowsText): Promise<ValidRowsTables> {
  const buffer = await tables.arrayBuffer();
  return {
    ends: new Float64Array(buffer, 0, rows),
    rowLines: new Uint32Array(buffer, rows * 8, rows),
    lines: new Uint32Array(buffer, rows * 12, rows),
    keys: new Float64Array(buffer, rows * 16, checked),
    verdicts: new Uint8Array(buffer, rows * 16 + checked * 8, checked),
  };
}

/**
 * Whether the campaign's numbers and the do-not-call lists give every number the analysis checked
 * against them the same verdict as then: only then are its rows the ones to send.
 */
export function sameVerdicts(
  rows: Pick<ValidRowsTables, 'keys' | 'verdicts'>,
  normaliser: NumberNormaliser,
  existingNumbers: readonly string[] | undefined,
  doNotCall: DoNotCallLookup | null,
): boolean {
  const classifier = new RowClassifier(normaliser, 0, existingNumbers, 0, null, doNotCall);
  const { keys, verdicts } = rows;
  for (let i = 0; i < keys.length; i++) {
    const now = classifier.verdictOfKey(keys[i]);
    const then = verdicts[i];
    if (
      now === 'onDncList'
        ? then !== LISTED
        : now === 'duplicateInCampaign'
          ? then !== IN_CAMPAIGN
          : then === LISTED || then === IN_CAMPAIGN
    )
      return false;
  }
  return true;
}

/** The parts of "only the valid rows": slices of the analysis's text, `rowsPerPart` rows each. */
export function validRowsParts(
  blob: Blob,
  rows: ValidRowsTables,
  varCount: number,
  rowsPerPart: number,
  onPart: (part: UploadPart) => void,
): void {
  const { ends, rowLines, lines } = rows;
  for (let first = 0; first < ends.length; first += rowsPerPart) {
    const last = Math.min(ends.length, first + rowsPerPart) - 1;
    const partLines = new Uint32Array(last - first + 1);
    const base = lines[first] - 1;
    for (let i = first; i <= last; i++) partLines[i - first] = lines[i] - base;
    const partRowLines = rowLines.slice(first, last + 1);
    onPart({
      blob: blob.slice(first === 0 ? 0 : ends[first - 1], ends[last], 'text/csv'),
      firstLine: partRowLines[0],
      lastLine: partRowLines[partRowLines.length - 1],
      rows: last - first + 1,
      firstRowIsHeader: false,
      varCount,
      rowLines: partRowLines,
      partLines,
    });
  }
}

const NOT_ASCII = /[\u0080-\uffff]/;

/** The UTF-8 bytes of text[from, to), as TextEncoder writes them (a lone surrogate: 3 bytes). */
function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Line breaks in a cell as written (LF, CRLF and a lone CR count one each). */
function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
