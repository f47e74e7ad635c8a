// Writes the upload's rows as UTF-8 straight into ~1 MB byte pieces kept as Blobs. A row is a number
// and a few runs of the file's text: the reader's text is encoded once with TextEncoder (a native
// pass, ~40× a charCodeAt loop) and each run is a copy of its bytes, where a TextEncoder call (and
// the string it needs) per run would cost more than the run. One-off strings (a quoted cell) are
// encoded by hand; utf8Writer.test.ts compares every byte with TextEncoder's.

const PIECE_BYTES = 1 << 20;
/** Buffers in one Blob: 16 MB held in the worker at most. */
const BATCH_PIECES = 16;
const PLUS = 43;

/** Where a CsvRow copies runs of its text (CsvRow.writeSpan). */
export interface CharSink {
  /** text[from, to) of a text that many calls copy from (the reader's current chunk). */
  copyChars(text: string, from: number, to: number): void;
}

const encoder = new TextEncoder();
const NOT_ASCII = /[\u0080-\uffff]/g;

export class Utf8PieceWriter implements CharSink {
  private buffer: Uint8Array<ArrayBuffer> = new Uint8Array(PIECE_BYTES);
  private at = 0;
  private flushed = 0;
  private readonly pieces: Blob[] = [];
  /** Filled buffers not yet in a Blob: one Blob of many buffers costs a fraction of one Blob each. */
  private batch: Uint8Array<ArrayBuffer>[] = [];
  /** The text copyChars copies from, as UTF-8, and its characters outside ASCII (null: none). */
  private source: string | null = null;
  private sourceBytes = new Uint8Array(0);
  private wide: { at: Int32Array; extraBy: Int32Array; count: number } | null = null;
  /** byteOf's last answer: the characters outside ASCII before `lastIndex`. */
  private lastIndex = 0;
  private lastWide = 0;

  /** Bytes written so far. */
  get bytes(): number {
    return this.flushed + this.at;
  }

  /** An ASCII character (a delimiter, CR, LF). */
  writeByte(code: number): void {
    if (this.at === this.buffer.length) this.flush(1);
    this.buffer[this.at++] = code;
  }

  /** "+" and the digits of a positive integer below 2^53 (an E.164 key), with no string made. */
  writeE164(key: number): void {
    if (this.at + 17 > this.buffer.length) this.flush(17);
    const { buffer } = this;
    buffer[this.at++] = PLUS;
    // Two halves that int32 arithmetic handles: the digits above the last eight, then those eight.
    const high = Math.floor(key / 1e8);
    const low = key - high * 1e8;
    if (high > 0) {
      this.writeDigits(high, digitCount(high));
      this.writeDigits(low, 8);
    } else this.writeDigits(low, digitCount(low));
  }

  /** The `digits` digits of value (below 10^8, zeros before it as needed), two at a time. */
  private writeDigits(value: number, digits: number): void {
    const { buffer } = this;
    const start = this.at;
    let i = start + digits;
    this.at = i;
    let rest = value;
    while (i - start >= 2) {
      const pair = rest % 100;
      rest = (rest - pair) / 100;
      buffer[--i] = PAIRS[2 * pair + 1];
      buffer[--i] = PAIRS[2 * pair];
    }
    if (i > start) buffer[--i] = 48 + (rest % 10);
  }

  /** text[from, to) as UTF-8; a lone surrogate becomes U+FFFD, as TextEncoder writes it. */
  writeChars(text: string, from: number, to: number): void {
    if (this.at + (to - from) * 3 > this.buffer.length) this.flush((to - from) * 3);
    const { buffer } = this;
    let at = this.at;
    for (let i = from; i < to; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        buffer[at++] = c;
        continue;
      }
      if (c < 0x800) {
        buffer[at++] = 0xc0 | (c >> 6);
        buffer[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          buffer[at++] = 0xf0 | (c >> 18);
          buffer[at++] = 0x80 | ((c >> 12) & 0x3f);
          buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
          buffer[at++] = 0x80 | (c & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      buffer[at++] = 0xe0 | (c >> 12);
      buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
      buffer[at++] = 0x80 | (c & 0x3f);
    }
    this.at = at;
  }

  copyChars(text: string, from: number, to: number): void {
    if (text !== this.source) this.encodeSource(text);
    const start = this.byteOf(from);
    const end = this.byteOf(to);
    if (this.at + (end - start) > this.buffer.length) this.flush(end - start);
    const { buffer, sourceBytes } = this;
    let at = this.at;
    for (let i = start; i < end; i++) buffer[at++] = sourceBytes[i];
    this.at = at;
  }

  private encodeSource(text: string): void {
    if (this.sourceBytes.length < text.length * 3) this.sourceBytes = new Uint8Array(text.length * 3);
    const { written } = encoder.encodeInto(text, this.sourceBytes);
    this.source = text;
    this.wide = null;
    this.lastIndex = 0;
    this.lastWide = 0;
    if (written === text.length) return;
    // Where the bytes run ahead of the characters: after each character outside ASCII, by how much.
    const at: number[] = [];
    const extraBy: number[] = [];
    let extra = 0;
    NOT_ASCII.lastIndex = 0;
    for (let match = NOT_ASCII.exec(text); match !== null; match = NOT_ASCII.exec(text)) {
      const i = match.index;
      const c = text.charCodeAt(i);
      if (c < 0x800) extra += 1;
      else if (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1))) extra += 0;
      else if (isHigh(c) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) extra += 2;
      else extra += 2; // 3 bytes: the BMP, or a lone surrogate written as U+FFFD
      at.push(i);
      extraBy.push(extra);
    }
    this.wide = { at: Int32Array.from(at), extraBy: Int32Array.from(extraBy), count: at.length };
  }

  /** The byte of the source where its character `index` starts. */
  private byteOf(index: number): number {
    const { wide } = this;
    if (wide === null) return index;
    // The characters outside ASCII before `index`: each adds its extra bytes. Rows and their runs
    // mostly come in order: from the last answer forward, else a binary search from the start.
    let low = index >= this.lastIndex ? this.lastWide : 0;
    if (low === 0 && index < this.lastIndex) {
      let high = wide.count;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (wide.at[middle] < index) low = middle + 1;
        else high = middle;
      }
    } else while (low < wide.count && wide.at[low] < index) low++;
    this.lastIndex = index;
    this.lastWide = low;
    return index + (low === 0 ? 0 : wide.extraBy[low - 1]);
  }

  /** Everything written, as one Blob of the pieces (the writer is then empty). */
  finish(type: string): Blob {
    this.flush(0);
    this.endBatch();
    const blob = new Blob(this.pieces, { type });
    this.pieces.length = 0;
    return blob;
  }

  /** The bytes so far join the batch; then at least `room` bytes are free in a new buffer. */
  private flush(room: number): void {
    if (this.at > 0) {
      this.batch.push(this.buffer.subarray(0, this.at));
      this.flushed += this.at;
      this.at = 0;
      if (this.batch.length === BATCH_PIECES) this.endBatch();
      this.buffer = new Uint8Array(Math.max(PIECE_BYTES, room));
    } else if (room > this.buffer.length) this.buffer = new Uint8Array(room);
  }

  private endBatch(): void {
    if (this.batch.length === 0) return;
    this.pieces.push(new Blob(this.batch));
    this.batch = [];
  }
}

/** "00" to "99" as character codes: PAIRS[2n], PAIRS[2n + 1]. */
const PAIRS = Uint8Array.from(
  { length: 200 },
  (_, i) => 48 + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10),
);

/** Digits of a positive integer below 10^8. */
const digitCount = (value: number): number => {
  let digits = 1;
  for (let limit = 10; value >= limit && digits < 8; limit *= 10) digits++;
  return digits;
};

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
