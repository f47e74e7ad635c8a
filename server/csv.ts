// A streaming CSV reader (RFC 4180 plus what spreadsheets write): quoted fields with commas,
// doubled quotes and line breaks; CRLF, LF or CR line ends; empty lines skipped but counted.
// It is written out (rather than csv-parse) because a million-row upload spent most of its time
// in csv-parse's per-record machinery; this one is a single pass of charCodeAt and reports the
// line each record STARTS on. A stray quote inside an unquoted field is kept as a character.

export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file where the record starts. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

export class CsvReader {
  private state = State.FieldStart;
  private fields: string[] = [];
  private field = '';
  private line = 1;
  private recordLine = 1;
  /** The previous character was a CR, so an LF right after it ends the same line. */
  private afterCr = false;

  /** Feeds decoded text; calls `onRecord` for every complete record in it. */
  push(text: string, onRecord: (record: CsvRecord) => void): void {
    let state = this.state;
    let start = 0; // where the unread part of the current field begins in `text`
    const length = text.length;
    for (let index = 0; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code === LF && this.afterCr) {
        // The LF of a CRLF: the line was counted (and the record ended) at the CR.
        this.afterCr = false;
        if (state === State.Quoted) continue;
        start = index + 1;
        continue;
      }
      this.afterCr = code === CR;
      switch (state) {
        case State.FieldStart:
          if (this.fields.length === 0 && code !== LF && code !== CR) this.recordLine = this.line;
          if (code === QUOTE) {
            state = State.Quoted;
            start = index + 1;
          } else if (code === COMMA) {
            this.fields.push('');
            start = index + 1;
          } else if (code === LF || code === CR) {
            if (this.fields.length) {
              this.fields.push('');
              this.emit(onRecord);
            }
            this.line++;
            start = index + 1;
          } else {
            state = State.Unquoted;
            start = index;
          }
          break;
        case State.Unquoted:
          if (code === COMMA) {
            this.fields.push(this.field + text.slice(start, index));
            this.field = '';
            state = State.FieldStart;
            start = index + 1;
          } else if (code === LF || code === CR) {
            this.fields.push(this.field + text.slice(start, index));
            this.field = '';
            this.emit(onRecord);
            state = State.FieldStart;
            this.line++;
            start = index + 1;
          }
          break;
        case State.Quoted:
          if (code === QUOTE) {
            this.field += text.slice(start, index);
            state = State.QuoteInQuoted;
            start = index + 1;
          } else if (code === LF || code === CR) {
            this.line++;
          }
          break;
        case State.QuoteInQuoted:
          if (code === QUOTE) {
            // A doubled quote stands for one quote character.
            state = State.Quoted;
            start = index;
          } else if (code === COMMA) {
            this.fields.push(this.field);
            this.field = '';
            state = State.FieldStart;
            start = index + 1;
          } else if (code === LF || code === CR) {
            this.fields.push(this.field);
            this.field = '';
            this.emit(onRecord);
            state = State.FieldStart;
            this.line++;
            start = index + 1;
          } else {
            throw new CsvSyntaxError(
              `a closing quote is followed by ${JSON.stringify(text[index])} instead of a comma or a line end`,
              this.line,
            );
          }
          break;
      }
    }
    if (state === State.Unquoted || state === State.Quoted) this.field += text.slice(start);
    this.state = state;
  }

  /** Ends the input: emits a last record without a line end, or fails on an open quote. */
  end(onRecord: (record: CsvRecord) => void): void {
    switch (this.state) {
      case State.Quoted:
        throw new CsvSyntaxError('a quoted field is never closed', this.recordLine);
      case State.Unquoted:
      case State.QuoteInQuoted:
        this.fields.push(this.field);
        this.field = '';
        this.emit(onRecord);
        break;
      case State.FieldStart:
        if (this.fields.length) {
          this.fields.push('');
          this.emit(onRecord);
        }
        break;
    }
    this.state = State.FieldStart;
  }

  private emit(onRecord: (record: CsvRecord) => void): void {
    const fields = this.fields;
    this.fields = [];
    onRecord({ fields, line: this.recordLine });
  }
}
