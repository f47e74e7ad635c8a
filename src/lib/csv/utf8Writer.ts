// Writes the upload's rows as UTF-8 straight into byte buffers, kept as Blobs of 16 MB. Written
// out rather than TextEncoder: a row is a number and a few runs of the file's text, and a TextEncoder
// call per run (and the string and the view it needs) costs more than the run; encoding each chunk
// of the file once and copying its bytes measured slower in Chromium than this loop (the non-ASCII
// characters must then be found to map characters to bytes). utf8Writer.test.ts compares every byte
// with TextEncoder's.

const PIECE_BYTES = 1 << 20;
/** Buffers in one Blob: 16 MB held in the worker at most. */
const BATCH_PIECES = 16;
const PLUS = 43;

export class Utf8PieceWriter {
  private buffer: Uint8Array<ArrayBuffer> = new Uint8Array(PIECE_BYTES);
  private at = 0;
  private flushed = 0;
  private readonly pieces: Blob[] = [];
  /** Filled buffers not yet in a Blob: one Blob of many buffers costs a fraction of one Blob each. */
  private batch: Uint8Array<ArrayBuffer>[] = [];

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
    const high = Math.floor(key / 1e8) | 0;
    const low = (key - high * 1e8) | 0;
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
    let rest = value | 0;
    while (i - start >= 2) {
      const pair = rest % 100;
      rest = (rest / 100) | 0;
      buffer[--i] = PAIRS[2 * pair + 1];
      buffer[--i] = PAIRS[2 * pair];
    }
    if (i > start) buffer[--i] = 48 + (rest % 10);
  }

  /** text[from, to) as UTF-8; a lone surrogate becomes U+FFFD, as TextEncoder writes it. */
  writeChars(text: string, from: number, to: number): void {
    if (this.at + (to - from) * 3 > this.buffer.length) this.flush((to - from) * 3);
    const { buffer } = this;
    // Every character as a byte, the loop V8 runs fastest; a run that held one outside ASCII (seen
    // in `wide`) is written again, encoded.
    let at = this.at;
    let wide = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      buffer[at++] = c;
      wide |= c;
    }
    this.at = wide < 0x80 ? at : this.encode(text, from, to);
  }

  /** text[from, to) encoded at `at`; returns where it ends. */
  private encode(text: string, from: number, to: number): number {
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
    return at;
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
