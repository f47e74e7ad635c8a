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
  take(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Gathers the valid rows' upload text during the analysis (CsvAnalyzer). */
export class ValidRowsRecorder {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array<ArrayBuffer>[] = [];
  private texts: string[] = [];
  private chars = 0;
  private bytes = 0;
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
    // written; cells of a comma-separated row without a quote need no quoting.
    const cells = row.cells();
    const plain = this.commaSeparated && row.raw().indexOf('"') === -1;
    let text = `+${classifier.key}`;
    const { mapping } = this;
    if (mapping) {
      const { variables } = mapping;
      for (let i = 0; i < variables.length; i++) {
        const cell = cells[variables[i]] ?? '';
        text += plain ? `,${cell}` : `,${toCsvCell(cell, AS_WRITTEN)}`;
      }
    } else
      for (let i = 1; i <= this.varCount; i++)
        text += plain ? `,${cells[i] ?? ''}` : `,${toCsvCell(cells[i], AS_WRITTEN)}`;
    text += EOL;
    this.rowLines.push(row.line);
    this.lines.push(this.lineCount);
    // The text ends with its CRLF: its line breaks are the lines it spans.
    this.lineCount += plain ? 1 : lineBreaks(text);
    this.texts.push(text);
    this.chars += text.length;
    if (this.chars >= PIECE_CHARS) this.endPiece();
  }

  /** The gathered rows encoded at once; per row only when the piece is not plain ASCII. */
  private endPiece(): void {
    if (this.texts.length === 0) return;
    const piece = this.texts.join('');
    const bytes = this.encoder.encode(piece);
    if (bytes.length === piece.length) {
      for (const text of this.texts) {
        this.bytes += text.length;
        this.ends.push(this.bytes);
      }
    } else
      for (const text of this.texts) {
        this.bytes += this.encoder.encode(text).length;
        this.ends.push(this.bytes);
      }
    this.chunks.push(bytes);
    this.texts = [];
    this.chars = 0;
  }

  /** fingerprint: validRowsFingerprint of the analysis's settings, checked by the parts job. */
  finish(fingerprint: string): ValidRowsText {
    this.endPiece();
    return {
      blob: new Blob(this.chunks, { type: 'text/csv' }),
      ends: this.ends.take(),
      rowLines: this.rowLines.take(),
      lines: this.lines.take(),
      keys: this.keys.take(),
      verdicts: this.verdicts.take(),
      fingerprint,
    };
  }
}

/**
 * Whether the campaign's numbers and the do-not-call lists give every number the analysis checked
 * against them the same verdict as then: only then are its rows the ones to send.
 */
export function sameVerdicts(
  rows: ValidRowsText,
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
  rows: ValidRowsText,
  varCount: number,
  rowsPerPart: number,
  onPart: (part: UploadPart) => void,
): void {
  const { ends, rowLines, lines, blob } = rows;
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

/** Line breaks in a row's text with its CRLF (LF, CRLF and a lone CR count one each). */
function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
