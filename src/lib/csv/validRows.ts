// "Only the valid rows" written by the analysis while it reads the file (it already has each row's
// cells and verdict), so that building the upload's parts is cutting a Blob, not a second read and
// parse of the file. Only an analysis with a column mapping writes them: there the parts are a
// rewrite of every row (the number, then the variables in their order), the slowest part of an
// upload. The recorder gives each row as a few numbers (its key, where its runs of cells lie in the
// text); the writer, in a worker of its own, reads the file's text itself and writes UTF-8 bytes
// (utf8Writer.ts). The second read (parts.ts, UploadPartsBuilder) stays for what the analysis did
// not write: the file as it is, the API's layout, and a campaign or do-not-call lists that now give
// a number another verdict (each number the analysis checked is checked again).

import { FactsTable, type NumberFacts, type NumberNormaliser } from '../phone';
import { RowClassifier } from './classify';
import { PROBLEMS_MAX } from './constants';
import { toCsvCell } from './csvCell';
import type { DoNotCallLookup } from './doNotCall';
import { excludesAnything, type FactsExclusion, FactsFilter } from './numberFacts';
import { type CsvRow, countLineBreaks, type SpanSink } from './reader';
import { textChunks } from './sniff';
import type {
  ColumnMapping,
  LeftOutRows,
  PartsSettings,
  ProblemReason,
  TextEncodingName,
  UploadPart,
  ValidRowsText,
} from './types';
import { Utf8PieceWriter } from './utf8Writer';

const AS_WRITTEN = { neutraliseFormula: false } as const;
const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;
/** Verdicts of the numbers checked against the campaign and the lists (repeats in the file are not kept). */
const SENT = 0;
const LISTED = 1;
const IN_CAMPAIGN = 2;
/**
 * Left-out rows cut a part into slices of the analysis's text: past this many slices in all, the
 * parts are built by reading the file again (a Blob of a million slices costs more than the read).
 */
export const MAX_SLICES = 20_000;

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

type Typed = Float64Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/** A typed array that grows by doubling, for tables of a million rows. */
class Growing<T extends Typed> {
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
    return this.data.subarray(0, this.length) as T;
  }
}

const floats = () => new Growing(new Float64Array(4096), (n) => new Float64Array(n));
const uints = () => new Growing(new Uint32Array(4096), (n) => new Uint32Array(n));

/** The mapping's variables as runs of cells next to each other in the file: [first, last] pairs. */
function runsOf(variables: readonly number[]): number[] {
  const runs: number[] = [];
  for (const column of variables) {
    const last = runs.length - 1;
    if (last > 0 && runs[last] === column - 1) runs[last] = column;
    else runs.push(column, column);
  }
  return runs;
}

// The recorder (in the analysis's worker) and the writer (in a worker of its own when the analysis
// can start one, so that the two cores of a small machine share the work; else in line) talk in a
// compact program of numbers: no text crosses, as the writer reads the file's text itself (copying
// a megabyte of text between workers costs more than writing its rows).
const ROW = 1; // key, file line, facts id: "+E.164"
const SPAN = 2; // start, end in the text: "," and the text
const CELL = 3; // index: "," and strings[index] (a cell quoted or re-quoted for the comma)
const END = 4; // line breaks in the row: CRLF, the row's tables
const CHECKED = 5; // key, verdict: a number the lists or the campaign kept out
const BATCH_OPS = 1 << 16;

/**
 * One batch of the program: the ops and the strings of its cells; its spans lie within [minStart,
 * maxEnd) of the text (characters after a leading BOM, as the reader counts them).
 */
export interface RowsBatch {
  ops: Float64Array;
  length: number;
  strings: string[];
  minStart: number;
  maxEnd: number;
}

/** What the writer gives back: ValidRowsText but for what only the analysis knows. */
export type WrittenRows = Omit<ValidRowsText, 'facts' | 'fingerprint'>;

/** The text the analysis reads, for the writer to read again: a Blob and its encoding. */
export interface RowsSource {
  text: Blob;
  encoding: TextEncodingName;
}

/** Where the recorder sends its batches: a writer in line, or one in a worker (validRowsWorker.ts). */
export interface RowsWriterPort {
  send(batch: RowsBatch): void;
  /** Resolves once fewer batches wait than the writer can take without holding much memory. */
  ready(): Promise<void> | undefined;
  finish(): Promise<WrittenRows>;
  /** Drops the writer (the analysis failed or was cancelled). */
  close(): void;
  /** Numbers in a batch's program (tests make it small, to cut rows across batches). */
  batchOps?: number;
}

/** The writer run in line (tests, and a worker that cannot start one of its own). */
export const inlineRowsWriter = (source: RowsSource, keepBehind?: number): RowsWriterPort => {
  const writer = new ValidRowsWriter(source, keepBehind);
  return {
    send: (batch) => writer.enqueue(batch),
    ready: () => undefined,
    finish: () => writer.finish(),
    close: () => {},
  };
};

/** The file's text from the place the writer has reached: read on as batches need more. */
class TextWindow {
  text = '';
  /** Where `text` starts in the file's text. */
  start = 0;
  private readonly chunks: AsyncGenerator<{ text: string }>;
  private first = true;

  constructor(
    { text, encoding }: RowsSource,
    /** Text kept behind the batch's first span before it is let go (tests: 0, every time). */
    private readonly keepBehind: number,
  ) {
    this.chunks = textChunks(text, encoding);
  }

  /** Holds the text up to `end`, and none before `from` that `keepBehind` would not cover. */
  async hold(from: number, end: number): Promise<void> {
    // Never past what was read: the next chunk goes on where the text ends.
    const cut = Math.min(from, this.start + this.text.length) - this.start;
    if (cut > this.keepBehind) {
      this.text = this.text.slice(cut);
      this.start += cut;
    }
    while (this.start + this.text.length < end) {
      const next = await this.chunks.next();
      if (next.done) throw new Error("The file ended before the rows' text");
      let chunk = next.value.text;
      // The reader drops a leading BOM: its characters are counted without it.
      if (this.first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      this.first = false;
      this.text += chunk;
    }
  }
}

/** Turns the recorder's program into the rows' UTF-8 text and their tables. */
export class ValidRowsWriter {
  private readonly writer = new Utf8PieceWriter();
  private readonly window: TextWindow;
  /** The batches so far, applied one after the other. */
  private applied: Promise<void> = Promise.resolve();
  /** Bytes of the text by the end of each row. */
  private readonly ends = floats();
  private readonly rowLines = uints();
  /** The text's line each row starts on (0-based), kept once a row spans several. */
  private lines: Growing<Uint32Array<ArrayBuffer>> | null = null;
  private lineCount = 0;
  private readonly factsIds = uints();
  private readonly keys = floats();
  private readonly verdicts = new Growing(new Uint8Array(4096), (n) => new Uint8Array(n));
  private line = 0;

  constructor(source: RowsSource, keepBehind = 1 << 20) {
    this.window = new TextWindow(source, keepBehind);
  }

  /** Applies `batch` after those before it; onApplied once it is. */
  enqueue(batch: RowsBatch, onApplied?: () => void): void {
    this.applied = this.applied.then(async () => {
      await this.window.hold(batch.minStart, batch.maxEnd);
      this.apply(batch);
      onApplied?.();
    });
  }

  /** The rows and tables, once every batch is applied; rejects if one could not be. */
  async finish(): Promise<WrittenRows> {
    await this.applied;
    const ends = this.ends.take();
    const keys = this.keys.take();
    const parts: Typed[] = [ends, this.rowLines.take(), keys, this.verdicts.take()];
    if (this.lines) {
      // One more entry: where the text's last row ends, so that each row spans lines[i + 1] - lines[i].
      this.lines.push(this.lineCount);
      parts.push(this.lines.take());
    }
    parts.push(this.factsIds.take());
    return {
      blob: this.writer.finish('text/csv'),
      // The tables travel as a Blob too: the page hands them on by reference, never copies them.
      tables: new Blob(parts),
      rows: ends.length,
      checked: keys.length,
      multiline: this.lines !== null,
    };
  }

  private apply({ ops, length, strings }: RowsBatch): void {
    const { writer } = this;
    const { text, start } = this.window;
    let i = 0;
    while (i < length) {
      const op = ops[i];
      if (op === SPAN) {
        writer.writeByte(COMMA);
        writer.writeChars(text, ops[i + 1] - start, ops[i + 2] - start);
        i += 3;
      } else if (op === ROW) {
        this.keys.push(ops[i + 1]);
        this.verdicts.push(SENT);
        writer.writeE164(ops[i + 1]);
        this.line = ops[i + 2];
        this.factsIds.push(ops[i + 3]);
        i += 4;
      } else if (op === END) {
        this.endRow(ops[i + 1]);
        i += 2;
      } else if (op === CELL) {
        const cell = strings[ops[i + 1]];
        writer.writeByte(COMMA);
        writer.writeChars(cell, 0, cell.length);
        i += 2;
      } else if (op === CHECKED) {
        this.keys.push(ops[i + 1]);
        this.verdicts.push(ops[i + 2]);
        i += 3;
      } else throw new Error(`Unknown op ${op} in the valid rows' program`);
    }
  }

  private endRow(breaks: number): void {
    this.writer.writeByte(CR);
    this.writer.writeByte(LF);
    if (breaks > 0 && this.lines === null) {
      // The first row that spans lines: every row before it spanned one.
      this.lines = uints();
      for (let i = 0; i < this.ends.length; i++) this.lines.push(i);
    }
    this.lines?.push(this.lineCount);
    this.lineCount += 1 + breaks;
    this.ends.push(this.writer.bytes);
    this.rowLines.push(this.line);
  }
}

/**
 * Gathers the valid rows' upload text during a mapped analysis (CsvAnalyzer), as a program for the
 * writer: per row a few numbers (the key, the runs of the row's text to copy), no string made.
 */
export class ValidRowsRecorder implements SpanSink {
  private readonly ops: Float64Array;
  private length = 0;
  private strings: string[] = [];
  /** Where the batch's spans lie in the text (minStart: Infinity while it has none). */
  private minStart = Number.POSITIVE_INFINITY;
  private maxEnd = 0;
  private readonly commaSeparated: boolean;
  private readonly runs: number[];

  constructor(
    delimiter: string,
    private readonly mapping: ColumnMapping,
    private readonly normaliser: NumberNormaliser,
    private readonly port: RowsWriterPort,
  ) {
    this.ops = new Float64Array(Math.max(16, port.batchOps ?? BATCH_OPS));
    this.commaSeparated = delimiter === ',';
    this.runs = runsOf(mapping.variables);
  }

  /** After `classifier.classify(row)` gave `reason`. */
  add(row: CsvRow, classifier: RowClassifier, reason: ProblemReason | null): void {
    if (reason !== null) {
      if (reason === 'onDncList' || reason === 'duplicateInCampaign')
        this.emit3(CHECKED, classifier.key, reason === 'onDncList' ? LISTED : IN_CAMPAIGN);
      return;
    }
    if (this.length + 4 > this.ops.length) this.flush();
    const { ops } = this;
    let at = this.length;
    ops[at++] = ROW;
    ops[at++] = classifier.key;
    ops[at++] = row.line;
    ops[at++] = classifier.facts;
    this.length = at;
    let breaks = 0;
    // A comma-separated row without a quote: its cells hold no comma, quote or line break, so they
    // are what toCsvCell writes, and a run of them is one copy of the row's text (span below).
    if (this.commaSeparated && !row.quoted) {
      const { runs } = this;
      for (let i = 0; i < runs.length; i += 2) row.writeSpan(runs[i], runs[i + 1], this);
    } else {
      for (const column of this.mapping.variables) {
        const text = toCsvCell(row.cell(column), AS_WRITTEN);
        if (text.charCodeAt(0) === QUOTE) breaks += countLineBreaks(text, 0, text.length);
        // Room first: a full batch leaves with its strings, and the index is into the next one's.
        if (this.length + 2 > this.ops.length) this.flush();
        this.strings.push(text);
        this.emit2(CELL, this.strings.length - 1);
      }
    }
    this.emit2(END, breaks);
  }

  /** A run of the row's text (CsvRow.writeSpan), by its place in the text. */
  span(start: number, end: number): void {
    // Room first: the batch that holds the op must count its text.
    if (this.length + 3 > this.ops.length) this.flush();
    if (start < this.minStart) this.minStart = start;
    if (end > this.maxEnd) this.maxEnd = end;
    this.emit3(SPAN, start, end);
  }

  /** Resolves when the writer can take more (the analysis waits between chunks of the file). */
  ready(): Promise<void> | undefined {
    return this.port.ready();
  }

  /** fingerprint: validRowsFingerprint of the analysis's settings, checked by the parts job. */
  async finish(fingerprint: string): Promise<ValidRowsText> {
    this.flush();
    const written = await this.port.finish();
    return {
      ...written,
      facts: this.normaliser.facts ? [...this.normaliser.facts.all()] : null,
      fingerprint,
    };
  }

  close(): void {
    this.port.close();
  }

  private emit2(op: number, a: number): void {
    if (this.length + 2 > this.ops.length) this.flush();
    this.ops[this.length++] = op;
    this.ops[this.length++] = a;
  }

  private emit3(op: number, a: number, b: number): void {
    if (this.length + 3 > this.ops.length) this.flush();
    this.ops[this.length++] = op;
    this.ops[this.length++] = a;
    this.ops[this.length++] = b;
  }

  /** The batch so far goes to the writer. */
  private flush(): void {
    if (this.length === 0) return;
    // A copy of the ops written (it goes to the writer's worker whole): the buffer is used again.
    this.port.send({
      ops: this.ops.slice(0, this.length),
      length: this.length,
      strings: this.strings,
      minStart: Number.isFinite(this.minStart) ? this.minStart : this.maxEnd,
      maxEnd: this.maxEnd,
    });
    this.length = 0;
    this.strings = [];
    this.minStart = Number.POSITIVE_INFINITY;
  }
}

/** The tables of ValidRowsText, read back in the parts job. */
export interface ValidRowsTables {
  /** Bytes of the text by the end of each row. */
  ends: Float64Array;
  /** The file's line of each row. */
  rowLines: Uint32Array;
  /** The numbers checked against the campaign and the lists, and what they said then. */
  keys: Float64Array;
  verdicts: Uint8Array;
  /** The text's line (0-based) each row starts on, and one more where the last ends; null: one line a row. */
  lines: Uint32Array | null;
  /** Each row's facts id (null without the time-zone map). */
  facts: Uint32Array | null;
}

export async function readTables(written: ValidRowsText): Promise<ValidRowsTables> {
  const { rows, checked } = written;
  const buffer = await written.tables.arrayBuffer();
  let at = 0;
  const take = <T>(make: (offset: number) => T, bytes: number): T => {
    const table = make(at);
    at += bytes;
    return table;
  };
  const ends = take((o) => new Float64Array(buffer, o, rows), rows * 8);
  const rowLines = take((o) => new Uint32Array(buffer, o, rows), rows * 4);
  // Float64 tables after a Uint32 one must start on a multiple of 8: copied out when they do not.
  const keys = take((o) => new Float64Array(buffer.slice(o, o + checked * 8)), checked * 8);
  const verdicts = take((o) => new Uint8Array(buffer, o, checked), checked);
  const lines = written.multiline
    ? take((o) => new Uint32Array(buffer.slice(o, o + (rows + 1) * 4)), (rows + 1) * 4)
    : null;
  const facts = written.facts ? take((o) => new Uint32Array(buffer.slice(o, o + rows * 4)), rows * 4) : null;
  return { ends, rowLines, keys, verdicts, lines, facts };
}

/**
 * Whether the campaign's numbers and the do-not-call lists give every number the analysis checked
 * against them the same verdict as then: only then are its rows the ones to send.
 */
export function sameVerdicts(
  tables: Pick<ValidRowsTables, 'keys' | 'verdicts'>,
  normaliser: NumberNormaliser,
  existingNumbers: readonly string[] | undefined,
  doNotCall: DoNotCallLookup | null,
): boolean {
  const classifier = new RowClassifier(normaliser, 0, existingNumbers, 0, null, doNotCall);
  const { keys, verdicts } = tables;
  for (let i = 0; i < keys.length; i++) {
    const now = classifier.verdictOfKey(keys[i]);
    const then = verdicts[i];
    if (
      now === 'onDncList'
        ? then !== LISTED
        : now === 'duplicateInCampaign'
          ? then !== IN_CAMPAIGN
          : then !== SENT
    )
      return false;
  }
  return true;
}

/** The rows of a part: runs [first, end) of the written rows, sent one after the other. */
type Slices = number[];

/**
 * The parts of "only the valid rows" cut from the analysis's text, `rowsPerPart` rows each, with
 * `exclude`'s types and hours left out (counted in `leftOut`). null when that would take more than
 * MAX_SLICES slices: the caller then reads the file again.
 */
export function validRowsParts(
  written: ValidRowsText,
  tables: ValidRowsTables,
  varCount: number,
  rowsPerPart: number,
  exclude: FactsExclusion | null,
  onPart: (part: UploadPart) => void,
): LeftOutRows | null {
  const { rows } = written;
  const leftOut: LeftOutRows = { rows: [], byType: {}, hours: 0 };
  // Which rows go: the parts as runs of kept rows.
  const parts: Slices[] = [];
  let part: Slices = [];
  let inPart = 0;
  let slices = 0;
  let runStart = -1;
  const closeRun = (end: number) => {
    if (runStart === -1) return;
    part.push(runStart, end);
    slices++;
    runStart = -1;
  };
  let filter: FactsFilter | null = null;
  const facts = tables.facts ?? new Uint32Array(0);
  if (excludesAnything(exclude)) {
    // Written without the time-zone map: the second read loads it (or says why it cannot).
    if (!written.facts || !tables.facts) return null;
    filter = factsFilter(written.facts, exclude);
  }
  for (let i = 0; i < rows; i++) {
    if (filter?.leftOut(facts[i])) {
      closeRun(i);
      const type = filter.why(facts[i]);
      if (type === null) leftOut.hours++;
      else leftOut.byType[type] = (leftOut.byType[type] ?? 0) + 1;
      if (leftOut.rows.length < PROBLEMS_MAX) leftOut.rows.push({ line: tables.rowLines[i], type });
      continue;
    }
    if (runStart === -1) runStart = i;
    if (++inPart === rowsPerPart) {
      closeRun(i + 1);
      parts.push(part);
      part = [];
      inPart = 0;
    }
    if (slices > MAX_SLICES) return null;
  }
  closeRun(rows);
  if (inPart > 0) parts.push(part);
  const { ends } = tables;
  const byteAt = (row: number) => (row === 0 ? 0 : ends[row - 1]);
  for (const runs of parts) {
    const blobs: Blob[] = [];
    let count = 0;
    for (let s = 0; s < runs.length; s += 2) count += runs[s + 1] - runs[s];
    const rowLines = new Uint32Array(count);
    const partLines = tables.lines ? new Uint32Array(count) : null;
    let at = 0;
    let line = 1;
    for (let s = 0; s < runs.length; s += 2) {
      const [first, end] = [runs[s], runs[s + 1]];
      blobs.push(written.blob.slice(byteAt(first), byteAt(end)));
      rowLines.set(tables.rowLines.subarray(first, end), at);
      if (partLines && tables.lines) {
        for (let i = first; i < end; i++) {
          partLines[at + i - first] = line;
          line += tables.lines[i + 1] - tables.lines[i];
        }
      }
      at += end - first;
    }
    onPart({
      blob: blobs.length === 1 ? blobs[0] : new Blob(blobs, { type: 'text/csv' }),
      firstLine: rowLines[0],
      lastLine: rowLines[rowLines.length - 1],
      rows: count,
      firstRowIsHeader: false,
      varCount,
      rowLines,
      ...(partLines ? { partLines } : {}),
    });
  }
  return leftOut;
}

/** The analysis's facts ids, interned again in their order (the same ids), and the filter on them. */
function factsFilter(facts: readonly NumberFacts[], exclude: FactsExclusion): FactsFilter {
  const table = new FactsTable();
  for (const one of facts) table.intern(one);
  return new FactsFilter(table, exclude);
}
