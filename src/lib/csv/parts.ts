// Builds the files an upload sends, fed with text chunks like the analyzer. Each part is a full
// CSV of at most rowsPerPart data rows, held as a Blob of ~1 MB string pieces so that no giant
// string is ever built and the page receives Blobs (references), not rows.

import { createNumberNormaliser, type TimeZoneMap } from '../phone';
import { isBlank, RowClassifier } from './classify';
import { PROBLEMS_MAX } from './constants';
import { toCsvCell } from './csvCell';
import type { DoNotCallLookup } from './doNotCall';
import { excludesAnything, FactsFilter } from './numberFacts';
import { CsvRecordReader, type CsvRow, countLineBreaks } from './reader';
import type { ColumnMapping, LeftOutRows, PartsSettings, UploadMode, UploadPart } from './types';

const PIECE_CHARS = 1 << 20;
const AS_WRITTEN = { neutraliseFormula: false } as const;
const EOL = '\r\n';

export class UploadPartsBuilder {
  private readonly reader: CsvRecordReader;
  private readonly classifier: RowClassifier | null;
  private headerPending: boolean;
  private headerLine = '';
  private pieces: string[] = [];
  /** Rows of the piece being gathered (a header line carries its EOL), and their characters. */
  private lines: string[] = [];
  private chars = 0;
  private rowLines: number[] = [];
  private partLines: number[] = [];
  /** The part's line the next row starts on. */
  private partLine = 1;
  private headerLines = 0;
  private rows = 0;
  /** Data rows read (sent or not), for progress. */
  rowsRead = 0;
  /** With a mapping every part is canonical: the number, then the mapped variables, no header. */
  private readonly mapping: ColumnMapping | null;
  private readonly commaSeparated: boolean;
  /** 'valid' with settings.exclude: the types and hours the operator leaves out. */
  private readonly leftOut: FactsFilter | null = null;
  /** The rows settings.exclude left out, for the upload's summary. */
  readonly leftOutRows: LeftOutRows = { rows: [], byType: {}, hours: 0 };

  constructor(
    private readonly settings: PartsSettings,
    private readonly mode: UploadMode,
    private readonly rowsPerPart: number,
    private readonly onPart: (part: UploadPart) => void,
    /** 'valid': rows on these do-not-call lists are left out, as the analysis counted them. */
    doNotCall: DoNotCallLookup | null = null,
    /** 'valid' with settings.exclude: the time-zone map the exclusion needs (numberFacts.ts). */
    zones: TimeZoneMap | null = null,
  ) {
    if (!Number.isInteger(rowsPerPart) || rowsPerPart < 1)
      throw new RangeError('rowsPerPart must be a positive integer');
    this.headerPending = settings.firstRowIsHeader;
    this.mapping = settings.mapping ?? null;
    this.commaSeparated = settings.delimiter === ',';
    // With a mapping, settings.varCount is what is sent; a row of the file has fileColumns cells.
    const rowVarCount = this.mapping ? (settings.fileColumns ?? 1) - 1 : settings.varCount;
    const normaliser = createNumberNormaliser(settings.defaultCountry, {
      zones: mode === 'valid' ? zones : null,
    });
    if (mode === 'valid' && excludesAnything(settings.exclude)) {
      if (!normaliser.facts) throw new Error('Leaving numbers out by type or hours needs the time-zone map');
      this.leftOut = new FactsFilter(normaliser.facts, settings.exclude);
    }
    this.classifier =
      mode === 'valid' || this.mapping
        ? new RowClassifier(
            normaliser,
            rowVarCount,
            mode === 'valid' ? settings.existingNumbers : undefined,
            1024,
            this.mapping,
            mode === 'valid' ? doNotCall : null,
          )
        : null;
    this.reader = new CsvRecordReader(settings.delimiter, (row) => this.record(row));
  }

  push(text: string): void {
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
      this.headerLines = 1 + breaksIn(this.headerLine, EOL.length);
      return;
    }
    this.rowsRead++;
    let text: string;
    // Cells of a comma-separated row without a quote hold no comma, quote or line break: written as
    // they are (what toCsvCell would give them), and the row spans one line.
    let plain = false;
    const { mapping } = this;
    if (mapping) {
      const classifier = this.classifier as RowClassifier;
      const cells = row.cells();
      if (this.mode === 'valid') {
        if (classifier.classify(row) !== null) return;
        if (this.leftOut?.leftOut(classifier.facts)) {
          this.leaveOut(row.line, classifier.facts);
          return;
        }
        text = `+${classifier.key}`;
      } else {
        // The file as it is: the number as written (the first valid of its columns, else the first filled).
        classifier.pick(row);
        text = toCsvCell(cells[classifier.numberColumn] ?? '', AS_WRITTEN);
      }
      plain = this.commaSeparated && row.raw().indexOf('"') === -1;
      const { variables } = mapping;
      for (let i = 0; i < variables.length; i++) {
        const cell = cells[variables[i]] ?? '';
        text += plain ? `,${cell}` : `,${toCsvCell(cell, AS_WRITTEN)}`;
      }
    } else if (this.classifier) {
      if (this.classifier.classify(row) !== null) return;
      if (this.leftOut?.leftOut(this.classifier.facts)) {
        this.leaveOut(row.line, this.classifier.facts);
        return;
      }
      const cells = row.cells();
      // Upload data is not neutralised: a "-5" or "+1" variable must reach the call flow as written.
      text = `+${this.classifier.key}`;
      plain = this.commaSeparated && row.raw().indexOf('"') === -1;
      for (let i = 1; i <= this.settings.varCount; i++)
        text += plain ? `,${cells[i] ?? ''}` : `,${toCsvCell(cells[i], AS_WRITTEN)}`;
    } else text = row.raw();
    if (this.rows === 0) {
      this.partLine = 1;
      if (this.mode === 'asIs' && this.headerLine && !this.mapping) {
        this.lines.push(this.headerLine.slice(0, -EOL.length));
        this.chars += this.headerLine.length;
        this.partLine += this.headerLines;
      }
    }
    // Rows are gathered and joined into ~1 MB pieces: one flat string per piece, where `piece +=
    // row` would build a rope of a million nodes for the collector.
    this.lines.push(text);
    this.chars += text.length + EOL.length;
    this.rowLines.push(row.line);
    this.partLines.push(this.partLine);
    this.partLine += plain ? 1 : 1 + breaksIn(text, 0);
    this.rows++;
    if (this.chars >= PIECE_CHARS) this.endPiece();
    if (this.rows === this.rowsPerPart) this.flush();
  }

  private leaveOut(line: number, facts: number): void {
    const type = (this.leftOut as FactsFilter).why(facts);
    const counts = this.leftOutRows;
    if (type === null) counts.hours++;
    else counts.byType[type] = (counts.byType[type] ?? 0) + 1;
    if (counts.rows.length < PROBLEMS_MAX) counts.rows.push({ line, type });
  }

  /** The gathered rows as one piece of the part. */
  private endPiece(): void {
    if (this.lines.length > 0) this.pieces.push(`${this.lines.join(EOL)}${EOL}`);
    this.lines = [];
    this.chars = 0;
  }

  private flush(): void {
    this.endPiece();
    const rowLines = Uint32Array.from(this.rowLines);
    this.onPart({
      blob: new Blob(this.pieces, { type: 'text/csv' }),
      firstLine: rowLines[0],
      lastLine: rowLines[rowLines.length - 1],
      rows: this.rows,
      firstRowIsHeader: this.mode === 'asIs' && this.settings.firstRowIsHeader && !this.mapping,
      varCount: this.settings.varCount,
      rowLines,
      partLines: Uint32Array.from(this.partLines),
    });
    this.pieces = [];
    this.rowLines = [];
    this.partLines = [];
    this.rows = 0;
  }
}

/**
 * A valid row as the upload sends it, after `classify`: the number in E.164, then the variables
 * (the mapped columns, or the row's own) as written (upload data is not neutralised).
 */
export function validRowText(
  row: CsvRow,
  classifier: RowClassifier,
  mapping: ColumnMapping | null,
  varCount: number,
): string {
  const cells = row.cells();
  let text = `+${classifier.key}`;
  if (mapping)
    for (const column of mapping.variables) text += `,${toCsvCell(cells[column] ?? '', AS_WRITTEN)}`;
  else for (let i = 1; i <= varCount; i++) text += `,${toCsvCell(cells[i], AS_WRITTEN)}`;
  return text;
}

/** Line breaks in a row as written (quoted cells may hold some), not counting `eol` at its end. */
function breaksIn(text: string, eol: number): number {
  return text.indexOf('\n') === -1 && text.indexOf('\r') === -1
    ? 0
    : countLineBreaks(text, 0, text.length - eol);
}
