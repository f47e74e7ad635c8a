// Streaming RFC 4180 record splitter. Text arrives in chunks of any size; a record may straddle
// chunks (a quoted field with line breaks, a CRLF cut in two). A row without a quote takes a fast
// path that allocates only what the caller asks for: most rows of a large file only need their
// first cell and their cell count, so the other cells are never cut out (this is what makes the
// analysis cheaper than a parser that builds every row). Rows with a quote are parsed character
// by character.
import type { Delimiter } from './types';

/** The record being delivered; valid only during the sink call (the reader reuses it). */
export interface CsvRow {
  /** 1-based line where the record starts, as a text editor counts. */
  readonly line: number;
  /** Number of cells (a trailing delimiter makes an empty last cell). */
  readonly columns: number;
  firstCell(): string;
  cells(): string[];
  /** The record as written, without its line break. */
  raw(): string;
}

export type RecordSink = (row: CsvRow) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvRecordReader implements CsvRow {
  private rest = '';
  private nextLine = 1;
  private readonly delimiterCode: number;
  // The current record: buf[start, stop), its first cell ends at firstEnd; or parsed cells.
  line = 0;
  columns = 0;
  private buf = '';
  private start = 0;
  private stop = 0;
  private firstEnd = 0;
  private parsed: string[] | null = null;
  private first: string | null = null;

  constructor(
    private readonly delimiter: Delimiter,
    private sink: RecordSink,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Physical lines read so far (after `end()`: the file's line count). */
  get lines(): number {
    return this.nextLine - 1;
  }

  setSink(sink: RecordSink): void {
    this.sink = sink;
  }

  push(text: string): void {
    this.parse(this.rest.length > 0 ? this.rest + text : text, false);
  }

  end(): void {
    this.parse(this.rest, true);
    this.rest = '';
  }

  firstCell(): string {
    this.first ??= this.parsed ? this.parsed[0] : this.buf.slice(this.start, this.firstEnd);
    return this.first;
  }

  cells(): string[] {
    this.parsed ??= this.buf.slice(this.start, this.stop).split(this.delimiter);
    return this.parsed;
  }

  raw(): string {
    return this.buf.slice(this.start, this.stop);
  }

  private parse(buf: string, final: boolean): void {
    const n = buf.length;
    const d = this.delimiter;
    this.buf = buf;
    let pos = 0;
    // Where the next quote and delimiter are, found once per run of text without them (searching
    // from every line would be quadratic on files without any).
    let nextQuote = -1;
    let nextDelimiter = -1;
    while (pos < n) {
      let nl = buf.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = n;
      }
      if (nextQuote !== Number.POSITIVE_INFINITY && nextQuote < pos) {
        nextQuote = buf.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = Number.POSITIVE_INFINITY;
      }
      if (nextQuote >= nl) {
        const end = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        if (nextDelimiter !== Number.POSITIVE_INFINITY && nextDelimiter < pos) {
          nextDelimiter = buf.indexOf(d, pos);
          if (nextDelimiter === -1) nextDelimiter = Number.POSITIVE_INFINITY;
        }
        let columns = 1;
        let firstEnd = end;
        if (nextDelimiter < end) {
          firstEnd = nextDelimiter;
          while (nextDelimiter < end) {
            columns++;
            nextDelimiter = buf.indexOf(d, nextDelimiter + 1);
            if (nextDelimiter === -1) nextDelimiter = Number.POSITIVE_INFINITY;
          }
        }
        this.line = this.nextLine;
        this.columns = columns;
        this.start = pos;
        this.stop = end;
        this.firstEnd = firstEnd;
        this.parsed = null;
        this.first = null;
        this.sink(this);
        this.nextLine++;
        pos = nl + 1;
        continue;
      }
      const next = this.parseSlow(buf, pos, final);
      if (next === -1) break;
      pos = next;
    }
    this.rest = pos < n ? buf.slice(pos) : '';
  }

  /** Parses one record that holds a quote; returns the index after it, or -1 when it needs more text. */
  private parseSlow(buf: string, start: number, final: boolean): number {
    const n = buf.length;
    const d = this.delimiterCode;
    const cells: string[] = [];
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
            // An unclosed quote runs to the end of the file, as in papaparse.
            if (!final) return -1;
            breaks += countLineBreaks(buf, j, n);
            value += buf.slice(j);
            i = n;
            break;
          }
          breaks += countLineBreaks(buf, j, k);
          if (k + 1 === n && !final) return -1;
          if (buf.charCodeAt(k + 1) === QUOTE) {
            value += buf.slice(j, k + 1);
            j = k + 2;
            continue;
          }
          value += buf.slice(j, k);
          i = k + 1;
          break;
        }
      }
      // Unquoted field, or text after a closing quote (kept literally, as spreadsheets do).
      let j = i;
      while (j < n) {
        const c = buf.charCodeAt(j);
        if (c === d || c === LF) break;
        j++;
      }
      if (j === n && !final) return -1;
      let fieldEnd = j;
      if ((j === n || buf.charCodeAt(j) === LF) && fieldEnd > i && buf.charCodeAt(fieldEnd - 1) === CR)
        fieldEnd--;
      if (fieldEnd > i) value += buf.slice(i, fieldEnd);
      cells.push(value);
      if (j < n && buf.charCodeAt(j) === d) {
        i = j + 1;
        if (i === n && !final) return -1;
        continue;
      }
      recordEnd = fieldEnd;
      next = j === n ? n : j + 1;
      break;
    }
    this.line = this.nextLine;
    this.columns = cells.length;
    this.start = start;
    this.stop = recordEnd;
    this.parsed = cells;
    this.first = null;
    this.sink(this);
    this.nextLine += 1 + breaks;
    return next;
  }
}

function countLineBreaks(buf: string, from: number, to: number): number {
  let count = 0;
  let i = buf.indexOf('\n', from);
  while (i !== -1 && i < to) {
    count++;
    i = buf.indexOf('\n', i + 1);
  }
  return count;
}
