// Builds the files an upload sends, fed with text chunks like the analyzer. Each part is a full
// CSV of at most rowsPerPart data rows, held as a Blob of ~1 MB string pieces so that no giant
// string is ever built and the page receives Blobs (references), not rows.

import { createNumberNormaliser } from '../phone';
import { isBlank, RowClassifier } from './classify';
import { toCsvCell } from './csvCell';
import { CsvRecordReader, type CsvRow } from './reader';
import type { PartsSettings, UploadMode, UploadPart } from './types';

const PIECE_CHARS = 1 << 20;
const AS_WRITTEN = { neutraliseFormula: false } as const;
const EOL = '\r\n';

export class UploadPartsBuilder {
  private readonly reader: CsvRecordReader;
  private readonly classifier: RowClassifier | null;
  private headerPending: boolean;
  private headerLine = '';
  private started = false;
  private pieces: string[] = [];
  private piece = '';
  private rowLines: number[] = [];
  private rows = 0;
  /** Data rows read (sent or not), for progress. */
  rowsRead = 0;

  constructor(
    private readonly settings: PartsSettings,
    private readonly mode: UploadMode,
    private readonly rowsPerPart: number,
    private readonly onPart: (part: UploadPart) => void,
  ) {
    if (!Number.isInteger(rowsPerPart) || rowsPerPart < 1)
      throw new RangeError('rowsPerPart must be a positive integer');
    this.headerPending = settings.firstRowIsHeader;
    this.classifier =
      mode === 'valid'
        ? new RowClassifier(
            createNumberNormaliser(settings.defaultCountry),
            settings.varCount,
            settings.existingNumbers,
          )
        : null;
    this.reader = new CsvRecordReader(settings.delimiter, (row) => this.record(row));
  }

  push(text: string): void {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.reader.push(text);
  }

  finish(): void {
    this.reader.end();
    if (this.rows > 0) this.flush();
  }

  private record(row: CsvRow): void {
    if (isBlank(row)) return;
    if (this.headerPending) {
      this.headerPending = false;
      this.headerLine = row.raw() + EOL;
      return;
    }
    this.rowsRead++;
    let text: string;
    if (this.classifier) {
      if (this.classifier.classify(row) !== null) return;
      const cells = row.cells();
      // Upload data is not neutralised: a "-5" or "+1" variable must reach the call flow as written.
      text = `+${this.classifier.key}`;
      for (let i = 1; i <= this.settings.varCount; i++) text += `,${toCsvCell(cells[i], AS_WRITTEN)}`;
    } else text = row.raw();
    if (this.rows === 0 && this.mode === 'asIs') this.piece = this.headerLine;
    this.piece += text + EOL;
    this.rowLines.push(row.line);
    this.rows++;
    if (this.piece.length >= PIECE_CHARS) {
      this.pieces.push(this.piece);
      this.piece = '';
    }
    if (this.rows === this.rowsPerPart) this.flush();
  }

  private flush(): void {
    if (this.piece.length > 0) this.pieces.push(this.piece);
    const rowLines = Uint32Array.from(this.rowLines);
    this.onPart({
      blob: new Blob(this.pieces, { type: 'text/csv' }),
      firstLine: rowLines[0],
      lastLine: rowLines[rowLines.length - 1],
      rows: this.rows,
      firstRowIsHeader: this.mode === 'asIs' && this.settings.firstRowIsHeader,
      varCount: this.settings.varCount,
      rowLines,
    });
    this.pieces = [];
    this.piece = '';
    this.rowLines = [];
    this.rows = 0;
  }
}
