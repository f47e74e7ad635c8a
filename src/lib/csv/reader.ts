// Streaming RFC 4180 record splitter, shared by the console's analysis (in its worker) and the
// emulator's upload, so that both read every file the same way. Written out rather than papaparse
// because papaparse builds every row's array, and a row without a quote here allocates nothing
// (reader.test.ts compares the two). Text arrives in chunks of any size; a record may straddle
// chunks (a quoted field with line breaks, a CRLF cut in two). A row without a quote takes a fast
// path that allocates only what the caller asks for: most rows of a large file only need their
// first cell and their cell count, so the other cells are never cut out (this is what makes the
// analysis cheaper than a parser that builds every row). Rows with a quote are parsed character
// by character.
//
// The rules, the same in both modes:
// - A line ends at LF, CRLF or a lone CR; each counts as one line, inside quotes too.
// - A leading BOM (U+FEFF) is dropped; anywhere else it is data.
// - An empty line is a record of one empty cell (callers skip blank rows: classify.ts isBlank).
// - A quote inside an unquoted field is a character like any other (`Jo"hn`), as in papaparse.
// - A quoted field ends at its closing quote, which must be followed by the delimiter, a line end
//   or the end of the text. Anything else (`"abc"x`) is a fault: 'textAfterQuote'.
// - A quote that is never closed is a fault, 'unclosedQuote'; the field runs to the end of the text.
// - `line` is the 1-based line where the record starts, as a text editor counts.
// Strict mode (the emulator) throws a CsvSyntaxError for a fault, with the record's line; the
// default mode delivers the record with `fault` set (the text after the quote kept in the cell, an
// unclosed field running to the end), and the analysis makes it a problem row, never sent as valid.
import type { Delimiter } from './types';

/** Where a record's runs of cells go (CsvRow.writeSpan): their place in the text pushed, [start, end). */
export interface SpanSink {
  span(start: number, end: number): void;
}

/** What is wrong with a record's quotes; null on every well-formed record. */
export type CsvFault = 'textAfterQuote' | 'unclosedQuote';

/** The record being delivered; valid only during the sink call (the reader reuses it). */
export interface CsvRow {
  /** 1-based line where the record starts, as a text editor counts. */
  readonly line: number;
  /** Number of cells (a trailing delimiter makes an empty last cell). */
  readonly columns: number;
  /** A malformed quote on this record (only in the default, non-strict mode). */
  readonly fault: CsvFault | null;
  /** The record holds a quote (its cells are not slices of its text: writeSpan() gives false). */
  readonly quoted: boolean;
  firstCell(): string;
  cells(): string[];
  /** Cell `index` ('' past the last one), without building the row's other cells. */
  cell(index: number): string;
  /**
   * Hands `sink` where cells from..to (0-based, to < columns) lie, with the delimiters between them,
   * in the text pushed (characters after a leading BOM): a writer copies the run of cells in one go.
   * False on a record with a quote (its cells are not its text).
   */
  writeSpan(from: number, to: number, sink: SpanSink): boolean;
  /** The record as written, without its line break. */
  raw(): string;
}

export interface CsvReaderOptions {
  /** Throw a CsvSyntaxError on a fault instead of delivering the record (the emulator's 400). */
  strict?: boolean;
}

const FAULT_MESSAGES: Record<CsvFault, string> = {
  textAfterQuote: 'a closing quote is followed by text instead of a delimiter or a line end',
  unclosedQuote: 'a quoted field is never closed',
};

/** A fault in strict mode; the reader cannot be used after it. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly fault: CsvFault,
    /** The line where the faulty record starts. */
    readonly line: number,
  ) {
    super(FAULT_MESSAGES[fault]);
    this.name = 'CsvSyntaxError';
  }
}

export type RecordSink = (row: CsvRow) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;
const NONE = Number.POSITIVE_INFINITY;
/** One regular-expression scan finds a lone CR; CRLF files then need no per-line CR search. */
const LONE_CR = /\r(?!\n)/g;

export class CsvRecordReader implements CsvRow {
  private rest = '';
  private nextLine = 1;
  private started = false;
  /** Characters pushed (after a leading BOM), and where the text being parsed starts among them. */
  private chars = 0;
  private base = 0;
  private readonly delimiterCode: number;
  private readonly strict: boolean;
  // The current record: buf[start, stop), its first cell ends at firstEnd; or parsed cells.
  line = 0;
  columns = 0;
  fault: CsvFault | null = null;
  quoted = false;
  private buf = '';
  private start = 0;
  private stop = 0;
  private firstEnd = 0;
  private parsed: string[] | null = null;
  private first: string | null = null;
  /** A record of the fast path: where its delimiters are (the first columns - 1 entries). */
  private delimiters: Int32Array = new Int32Array(64);

  constructor(
    private readonly delimiter: Delimiter,
    private sink: RecordSink,
    { strict = false }: CsvReaderOptions = {},
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
    this.strict = strict;
  }

  /** Physical lines read so far (after `end()`: the file's line count). */
  get lines(): number {
    return this.nextLine - 1;
  }

  setSink(sink: RecordSink): void {
    this.sink = sink;
  }

  push(text: string): void {
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    this.base = this.chars - this.rest.length;
    this.chars += text.length;
    this.parse(this.rest.length > 0 ? this.rest + text : text, false);
  }

  end(): void {
    this.base = this.chars - this.rest.length;
    this.parse(this.rest, true);
    this.rest = '';
  }

  firstCell(): string {
    this.first ??= this.parsed ? this.parsed[0] : this.buf.slice(this.start, this.firstEnd);
    return this.first;
  }

  cells(): string[] {
    if (this.parsed === null) {
      // A row of the fast path: it holds exactly columns - 1 delimiters, and no quote.
      const cells: string[] = [];
      for (let i = 0; i < this.columns; i++) cells.push(this.cell(i));
      this.parsed = cells;
    }
    return this.parsed;
  }

  cell(index: number): string {
    if (this.parsed !== null) return this.parsed[index] ?? '';
    if (index >= this.columns) return '';
    return this.buf.slice(this.cellStart(index), this.cellEnd(index));
  }

  writeSpan(from: number, to: number, sink: SpanSink): boolean {
    if (this.quoted) return false;
    sink.span(this.base + this.cellStart(from), this.base + this.cellEnd(to));
    return true;
  }

  private cellStart(index: number): number {
    return index === 0 ? this.start : this.delimiters[index - 1] + 1;
  }

  private cellEnd(index: number): number {
    return index === this.columns - 1 ? this.stop : this.delimiters[index];
  }

  raw(): string {
    return this.buf.slice(this.start, this.stop);
  }

  private parse(buf: string, final: boolean): void {
    const n = buf.length;
    const d = this.delimiter;
    this.buf = buf;
    let pos = 0;
    // Where the next LF, quote, delimiter and lone CR are, found once per run of text without them
    // (searching from every line would be quadratic on files without any, e.g. LF in a CR file).
    let nl = -1;
    let nextQuote = -1;
    let nextDelimiter = -1;
    let nextLoneCr = -1;
    while (pos < n) {
      if (nl !== n && nl < pos) {
        nl = buf.indexOf('\n', pos);
        if (nl === -1) nl = n;
      }
      if (nextLoneCr !== NONE && nextLoneCr < pos) {
        LONE_CR.lastIndex = pos;
        nextLoneCr = LONE_CR.exec(buf)?.index ?? NONE;
      }
      // The line is buf[pos, end); the next one starts at `after`.
      let end: number;
      let after: number;
      if (nextLoneCr < nl) {
        if (nextLoneCr + 1 === n && !final) break; // a CR at the end of the chunk: its LF may come next
        end = nextLoneCr;
        after = nextLoneCr + 1;
      } else if (nl < n) {
        end = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        after = nl + 1;
      } else if (final) {
        end = n;
        after = n;
      } else break;
      if (nextQuote !== NONE && nextQuote < pos) {
        nextQuote = buf.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = NONE;
      }
      if (nextQuote >= end) {
        if (nextDelimiter !== NONE && nextDelimiter < pos) {
          nextDelimiter = buf.indexOf(d, pos);
          if (nextDelimiter === -1) nextDelimiter = NONE;
        }
        let columns = 1;
        let firstEnd = end;
        if (nextDelimiter < end) {
          firstEnd = nextDelimiter;
          let { delimiters } = this;
          while (nextDelimiter < end) {
            if (columns > delimiters.length) delimiters = this.growDelimiters();
            delimiters[columns - 1] = nextDelimiter;
            columns++;
            nextDelimiter = buf.indexOf(d, nextDelimiter + 1);
            if (nextDelimiter === -1) nextDelimiter = NONE;
          }
        }
        this.line = this.nextLine;
        this.columns = columns;
        this.fault = null;
        this.quoted = false;
        this.start = pos;
        this.stop = end;
        this.firstEnd = firstEnd;
        this.parsed = null;
        this.first = null;
        this.sink(this);
        this.nextLine++;
        pos = after;
        continue;
      }
      const next = this.parseSlow(buf, pos, final);
      if (next === -1) break;
      pos = next;
    }
    this.rest = pos < n ? buf.slice(pos) : '';
  }

  private growDelimiters(): Int32Array {
    const grown = new Int32Array(this.delimiters.length * 2);
    grown.set(this.delimiters);
    this.delimiters = grown;
    return grown;
  }

  /** Parses one record that holds a quote; returns the index after it, or -1 when it needs more text. */
  private parseSlow(buf: string, start: number, final: boolean): number {
    const n = buf.length;
    const d = this.delimiterCode;
    const cells: string[] = [];
    let fault: CsvFault | null = null;
    let breaks = 0;
    let i = start;
    let recordEnd: number;
    let next: number;
    for (;;) {
      let value = '';
      if (i < n && buf.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        for (;;) {
          const k = buf.indexOf('"', j);
          if (k === -1) {
            if (!final) return -1;
            breaks += countLineBreaks(buf, j, n);
            fault = this.check('unclosedQuote', fault);
            value += buf.slice(j);
            i = n;
            break;
          }
          breaks += countLineBreaks(buf, j, k);
          if (k + 1 === n && !final) return -1;
          const after = buf.charCodeAt(k + 1);
          if (after === QUOTE) {
            value += buf.slice(j, k + 1);
            j = k + 2;
            continue;
          }
          if (k + 1 < n && after !== d && after !== LF && after !== CR)
            fault = this.check('textAfterQuote', fault);
          value += buf.slice(j, k);
          i = k + 1;
          break;
        }
      }
      // Unquoted field, or the text after a closing quote (a fault, kept in the cell).
      let j = i;
      let c = 0;
      while (j < n) {
        c = buf.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      if (j === n && !final) return -1;
      if (j > i) value += buf.slice(i, j);
      cells.push(value);
      if (j < n && c === d) {
        i = j + 1;
        if (i === n && !final) return -1;
        continue;
      }
      recordEnd = j;
      if (j === n) next = n;
      else if (c === LF) next = j + 1;
      else if (j + 1 < n) next = buf.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
      else if (final) next = n;
      else return -1; // a CR at the end of the chunk: its LF may come next
      break;
    }
    this.line = this.nextLine;
    this.columns = cells.length;
    this.fault = fault;
    this.quoted = true;
    this.start = start;
    this.stop = recordEnd;
    this.parsed = cells;
    this.first = null;
    this.sink(this);
    this.nextLine += 1 + breaks;
    return next;
  }

  /** Records a fault: the first one of the record is kept; strict mode throws it. */
  private check(fault: CsvFault, earlier: CsvFault | null): CsvFault {
    if (this.strict) throw new CsvSyntaxError(fault, this.nextLine);
    return earlier ?? fault;
  }
}

/** Line breaks in buf[from, to): LF, CRLF and a lone CR count one each. */
export function countLineBreaks(buf: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c === LF || (c === CR && buf.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}
