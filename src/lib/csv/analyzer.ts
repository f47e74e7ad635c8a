// The analysis itself, fed with text chunks: no worker, no File, no DOM, so that tests and the
// node benchmark drive it directly. The worker (csvWorker.ts) only decodes the file and posts.

import { createNumberNormaliser, isNumberLike, type NumberNormaliser } from '../phone';
import { damagedCellKey } from '../sheet';
import { isBlank, RowClassifier, StoredRow } from './classify';
import {
  COLUMN_SAMPLE_ROWS,
  COLUMN_SAMPLES,
  MAPPING_MAX_COLUMNS,
  PREVIEW_ROWS,
  PROBLEMS_MAX,
  RAW_MAX_CHARS,
} from './constants';
import { detectDelimiter, detectHeader, detectHeaderByColumns, detectVarCount, SCIENTIFIC } from './detect';
import { type DoNotCallLookup, quoteListNames } from './doNotCall';
import { proposedMapping } from './mapping';
import { FactsCounter } from './numberFacts';
import { CsvRecordReader, type CsvRow } from './reader';
import type {
  AnalysisSettings,
  ColumnMapping,
  ColumnStats,
  CsvAnalysis,
  Delimiter,
  PreviewRow,
  Problem,
  ProblemReason,
  ProblemValues,
  ResolvedSettings,
  TextEncodingName,
  ValidRowsText,
} from './types';
import { type RowsWriterPort, ValidRowsRecorder } from './validRows';

/** Text gathered before detection: enough lines for a steady guess, small enough to be instant. */
export const SAMPLE_CHARS = 64 * 1024;

export function problemMessage(reason: ProblemReason): string {
  return `upload.csv.problem.${reason}`;
}

/** Settings the analysis resolved by detection, available as soon as the sample was read. */
export class CsvAnalyzer {
  private pending = '';
  private reader: CsvRecordReader | null = null;
  private classifier: RowClassifier | null = null;
  private readonly normaliser: NumberNormaliser;
  private resolved: ResolvedSettings | null = null;
  private detected = { delimiter: false, header: false, varCount: false };
  private header: string[] | null = null;
  private headerPending = false;
  /** columnCounts[n]: data rows with n cells (an array: cheaper per row than a Record). */
  private readonly columnCounts: number[] = [];
  private rows = 0;
  private valid = 0;
  private invalid = 0;
  private duplicates = 0;
  private existingDuplicates = 0;
  private listed = 0;
  /** With a normaliser that keeps facts: valid rows by type, country and zones. */
  private readonly facts: FactsCounter | null;
  private blankLines = 0;
  private readonly preview: PreviewRow[] = [];
  private readonly problems: Problem[] = [];
  private problemCount = 0;
  private bytes = 0;
  private columns: ColumnStats[] = [];
  /** Settled once the sample is read: the settings' mapping, or the one proposed for its columns. */
  private mapping: ColumnMapping | null;
  private readonly numberSources: number[] = [];

  private readonly damagedCells: ReadonlySet<number>;
  /** With a rows' writer and a mapping: the valid rows' upload text, recorded as they are read. */
  private recorder: ValidRowsRecorder | null = null;

  /**
   * sizeHint: the file's size, to size the duplicate map once instead of growing it. damagedCells:
   * for a workbook's text, the cells the spreadsheet turned into floats (damagedCellKey).
   */
  constructor(
    private readonly settings: AnalysisSettings,
    private readonly encoding: TextEncodingName = 'utf-8',
    normaliser?: NumberNormaliser,
    private readonly sizeHint = 0,
    /** The device's do-not-call lists (null: not checked; the result's doNotCall is then null). */
    private readonly doNotCall: DoNotCallLookup | null = null,
    damagedCells: readonly number[] = [],
    /** Under a mapping, write the valid rows as the upload sends them (takeValidRows) with this writer. */
    private readonly rowsWriter: (() => RowsWriterPort) | null = null,
  ) {
    this.normaliser = normaliser ?? createNumberNormaliser(settings.defaultCountry);
    this.facts = this.normaliser.facts ? new FactsCounter() : null;
    this.mapping = settings.mapping ?? null;
    this.damagedCells = new Set(damagedCells);
  }

  get rowsSoFar(): number {
    return this.rows;
  }

  get normaliserStats() {
    return this.normaliser.stats;
  }

  /** After finish: the valid rows as the upload sends them, when they were written. */
  async takeValidRows(fingerprint: string): Promise<ValidRowsText | null> {
    const { recorder } = this;
    this.recorder = null;
    return recorder ? recorder.finish(fingerprint) : null;
  }

  /** Resolves when the rows' writer can take more: the caller waits before pushing the next text. */
  ready(): Promise<void> | undefined {
    return this.recorder?.ready();
  }

  /** Drops the rows' writer (the analysis failed or was cancelled). */
  close(): void {
    this.recorder?.close();
    this.recorder = null;
  }

  /** Size of the input in bytes, for the result (the caller knows it; text length is not bytes). */
  setBytes(bytes: number): void {
    this.bytes = bytes;
  }

  push(text: string): void {
    if (this.reader) {
      this.reader.push(text);
      return;
    }
    this.pending += text;
    if (this.pending.length >= SAMPLE_CHARS) this.start();
  }

  finish(): CsvAnalysis {
    if (!this.reader) this.start();
    const reader = this.reader as CsvRecordReader;
    reader.end();
    if (this.resolved === null) this.resolve([]);
    const resolved = this.resolved as ResolvedSettings;
    const { mapping } = this;
    return {
      ...resolved,
      varCount: mapping ? mapping.variables.length : resolved.varCount,
      fileColumns: resolved.varCount + 1,
      mapping,
      numberSources: Object.fromEntries(
        this.numberSources.flatMap((count, column) => (count > 0 ? [[column, count]] : [])),
      ),
      columns: this.columns,
      spreadsheet: null,
      doNotCall: this.doNotCall ? { lists: [...this.doNotCall.lists], rows: this.listed } : null,
      numberFacts:
        this.facts && this.normaliser.facts ? { groups: this.facts.groups(this.normaliser.facts) } : null,
      delimiterDetected: this.detected.delimiter,
      headerDetected: this.detected.header,
      varCountDetected: this.detected.varCount,
      header: this.header,
      encoding: this.encoding,
      columnCounts: Object.fromEntries(
        this.columnCounts.flatMap((count, columns) => (count > 0 ? [[columns, count]] : [])),
      ),
      rows: this.rows,
      valid: this.valid,
      invalid: this.invalid,
      duplicates: this.duplicates,
      existingDuplicates: this.existingDuplicates,
      blankLines: this.blankLines,
      lines: reader.lines,
      empty: this.rows === 0,
      preview: this.preview,
      problems: this.problems,
      problemCount: this.problemCount,
      bytes: this.bytes,
    };
  }

  private start(): void {
    const text = this.pending;
    this.pending = '';
    const delimiter: Delimiter = this.settings.delimiter ?? detectDelimiter(text);
    this.detected.delimiter = this.settings.delimiter === undefined;
    const sample: StoredRow[] = [];
    this.reader = new CsvRecordReader(delimiter, (row) => {
      if (isBlank(row)) this.blankLines++;
      else sample.push(new StoredRow(row));
    });
    this.reader.push(text);
    const expectedRows =
      sample.length > 0 ? Math.ceil((this.sizeHint / Math.max(1, text.length)) * sample.length) : 0;
    this.resolve(sample, delimiter, Math.min(expectedRows, 20_000_000));
    this.reader.setSink((row) => this.record(row));
    for (const row of sample) this.record(row);
  }

  private resolve(
    sample: readonly StoredRow[],
    delimiter: Delimiter = this.settings.delimiter ?? ',',
    expectedRows = 0,
  ): void {
    const { settings } = this;
    const firstRowIsHeader =
      settings.firstRowIsHeader ??
      (detectHeader(sample.map((row) => row.firstCell())) ||
        detectHeaderByColumns(sample.slice(0, COLUMN_SAMPLE_ROWS + 1).map((row) => row.cells())));
    this.detected.header = settings.firstRowIsHeader === undefined;
    const dataRows = (firstRowIsHeader ? sample.slice(1) : sample).map((row) => row.cells());
    const varCount = settings.varCount ?? detectVarCount(dataRows);
    this.detected.varCount = settings.varCount === undefined;
    this.headerPending = firstRowIsHeader;
    this.resolved = { defaultCountry: settings.defaultCountry, delimiter, firstRowIsHeader, varCount };
    this.columns = this.describeColumns(
      firstRowIsHeader && sample.length > 0 ? sample[0].cells() : null,
      dataRows.slice(0, COLUMN_SAMPLE_ROWS),
      varCount + 1,
    );
    if (settings.mapping === undefined && settings.propose)
      this.mapping = proposedMapping(this.columns, varCount + 1, settings.propose);
    this.classifier = new RowClassifier(
      this.normaliser,
      varCount,
      settings.existingNumbers,
      expectedRows,
      this.mapping,
      this.doNotCall,
    );
    if (this.rowsWriter && this.mapping)
      this.recorder = new ValidRowsRecorder(delimiter, this.mapping, this.normaliser, this.rowsWriter());
  }

  /** The row's number was damaged by the spreadsheet (its cell a float, or in scientific notation). */
  private damagedNumber(row: CsvRow, classifier: RowClassifier): boolean {
    const column = classifier.mapping ? classifier.numberColumn : 0;
    if (this.damagedCells.size > 0 && this.damagedCells.has(damagedCellKey(row.line, column))) return true;
    return SCIENTIFIC.test(classifier.mapping ? classifier.numberCell : row.firstCell().trim());
  }

  /** The columns as the sample shows them: header, a few values, how many hold valid numbers. */
  private describeColumns(header: string[] | null, rows: readonly string[][], width: number): ColumnStats[] {
    const count = Math.min(MAPPING_MAX_COLUMNS, Math.max(width, header?.length ?? 0));
    const columns: ColumnStats[] = [];
    for (let index = 0; index < count; index++) {
      const stats: ColumnStats = {
        index,
        header: header ? (header[index] ?? '').trim() : null,
        samples: [],
        validNumbers: 0,
        numberLike: 0,
        sampled: rows.length,
      };
      for (const cells of rows) {
        const cell = (cells[index] ?? '').trim();
        if (cell === '') continue;
        if (stats.samples.length < COLUMN_SAMPLES) stats.samples.push(cell);
        if (isNumberLike(cell)) {
          stats.numberLike++;
          if (this.normaliser.normaliseToKey(cell) !== 0) stats.validNumbers++;
        }
      }
      columns.push(stats);
    }
    return columns;
  }

  private record(row: CsvRow): void {
    if (isBlank(row)) {
      this.blankLines++;
      return;
    }
    if (this.headerPending) {
      this.headerPending = false;
      this.header = row.cells();
      return;
    }
    const classifier = this.classifier as RowClassifier;
    this.rows++;
    const columns = row.columns;
    this.columnCounts[columns] = (this.columnCounts[columns] ?? 0) + 1;
    let reason = classifier.classify(row);
    this.recorder?.add(row, classifier, reason);
    if (reason === 'invalidNumber' && this.damagedNumber(row, classifier)) reason = 'damagedNumber';
    let problem: Problem | null = null;
    if (reason === null) {
      this.valid++;
      this.facts?.add(classifier.facts);
      if (this.mapping !== null) {
        const column = classifier.numberColumn;
        this.numberSources[column] = (this.numberSources[column] ?? 0) + 1;
      }
    } else {
      if (reason === 'duplicate') this.duplicates++;
      else if (reason === 'duplicateInCampaign') this.existingDuplicates++;
      else if (reason === 'onDncList') this.listed++;
      else this.invalid++;
      this.problemCount++;
      if (this.problems.length < PROBLEMS_MAX || this.preview.length < PREVIEW_ROWS) {
        problem = makeProblem(reason, row, classifier);
        if (this.problems.length < PROBLEMS_MAX) this.problems.push(problem);
      }
    }
    if (this.preview.length < PREVIEW_ROWS) {
      const cells = row.cells();
      const { mapping } = this;
      const table = this.normaliser.facts;
      const facts =
        reason === null && table && classifier.facts !== 0 ? table.get(classifier.facts) : undefined;
      this.preview.push(
        mapping
          ? {
              line: row.line,
              number: classifier.numberCell,
              e164: classifier.e164,
              numberColumn: classifier.numberColumn,
              varValues: mapping.variables.map((column) => cells[column] ?? ''),
              problem,
              ...(facts ? { facts } : {}),
            }
          : {
              line: row.line,
              number: cells[0].trim(),
              e164: classifier.e164,
              varValues: cells.slice(1, Math.max(classifier.varCount + 1, lastNonEmpty(cells) + 1)),
              problem,
              ...(facts ? { facts } : {}),
            },
      );
    }
  }
}

function makeProblem(reason: ProblemReason, row: CsvRow, classifier: RowClassifier): Problem {
  const cells = row.cells();
  const raw = row.raw();
  const number = classifier.mapping ? classifier.numberCell : cells[0].trim();
  const values: ProblemValues = { number };
  let detail = number;
  if (reason === 'wrongColumnCount') {
    values.columns = cells.length < classifier.expected ? cells.length : lastNonEmpty(cells) + 1;
    values.expected = classifier.expected;
    detail = `${values.columns}/${values.expected}`;
  } else if (reason === 'duplicate' || reason === 'duplicateInCampaign') {
    values.e164 = classifier.e164 ?? undefined;
    if (reason === 'duplicate') values.firstLine = classifier.firstLine;
    detail = classifier.e164 ?? number;
  }
  let message = problemMessage(reason);
  if (reason === 'onDncList') {
    const lists = classifier.lists ?? [];
    values.e164 = classifier.e164 ?? undefined;
    values.lists = quoteListNames(lists);
    detail = classifier.e164 ?? number;
    // Its own sentence for several lists: "On do-not-call lists 'A', 'B'".
    if (lists.length > 1) message = `${message}s`;
  }
  return {
    line: row.line,
    reason,
    message,
    values,
    detail,
    raw: raw.length > RAW_MAX_CHARS ? `${raw.slice(0, RAW_MAX_CHARS)}…` : raw,
  };
}

/** Index of the last cell that is not empty (trailing empty cells are trailing delimiters). */
function lastNonEmpty(cells: readonly string[]): number {
  let i = cells.length - 1;
  while (i > 0 && cells[i].trim() === '') i--;
  return i;
}

/** Convenience for tests and the node benchmark: analyse text chunks in one call. */
export function analyzeChunks(
  chunks: Iterable<string>,
  settings: AnalysisSettings,
  normaliser?: NumberNormaliser,
  doNotCall: DoNotCallLookup | null = null,
): CsvAnalysis {
  const analyzer = new CsvAnalyzer(settings, 'utf-8', normaliser, 0, doNotCall);
  let bytes = 0;
  const encoder = new TextEncoder();
  for (const chunk of chunks) {
    bytes += encoder.encode(chunk).length;
    analyzer.push(chunk);
  }
  analyzer.setBytes(bytes);
  return analyzer.finish();
}
