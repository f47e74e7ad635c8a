// The hand-written UTF-8 writer against TextEncoder, byte for byte: one-off strings, runs copied from
// a text encoded once (ASCII, accents, the BMP, surrogate pairs, lone surrogates), E.164 keys.
import { describe, expect, it } from 'vitest';
import { Utf8PieceWriter } from './utf8Writer';

const ALPHABET = [
  'a',
  'Z',
  '0',
  ',',
  ' ',
  'ñ',
  'ü',
  '€',
  '中',
  '😀',
  '\uD800',
  '\uDFFF',
  '\u007F',
  '\u0080',
  '\u07FF',
  '\u0800',
  '\uFFFF',
];

/** A seeded generator (the wall keeps src/lib from test/fixtures): int(n) in [0, n), pick. */
const createRandom = (seed: number) => {
  let state = seed >>> 0;
  const int = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * n);
  };
  return { int, pick: <T>(items: readonly T[]): T => items[int(items.length)] };
};

const randomText = (random: ReturnType<typeof createRandom>, length: number) => {
  let text = '';
  while (text.length < length) text += random.pick(ALPHABET);
  return text;
};

const bytesOf = async (writer: Utf8PieceWriter) =>
  new Uint8Array(await writer.finish('text/plain').arrayBuffer());

/** The parts' bytes one after the other. */
const joined = async (parts: Uint8Array<ArrayBuffer>[]) =>
  new Uint8Array(await new Blob(parts).arrayBuffer());

/** The first index where a and b differ (-1: none): a deep toEqual of megabytes is slow. */
const firstDifference = (a: Uint8Array, b: Uint8Array) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
};

describe('Utf8PieceWriter', () => {
  it('writes strings as TextEncoder does', async () => {
    const random = createRandom(7);
    const writer = new Utf8PieceWriter();
    const expected: Uint8Array<ArrayBuffer>[] = [];
    for (let i = 0; i < 2_000; i++) {
      const text = randomText(random, random.int(40));
      writer.writeChars(text, 0, text.length);
      expected.push(new TextEncoder().encode(text));
    }
    expect(firstDifference(await bytesOf(writer), await joined(expected))).toBe(-1);
  });

  it('writes runs of a text as TextEncoder encodes them, across buffers of 1 MB', async () => {
    const random = createRandom(11);
    const writer = new Utf8PieceWriter();
    const expected: Uint8Array<ArrayBuffer>[] = [];
    const encoder = new TextEncoder();
    for (let chunk = 0; chunk < 30; chunk++) {
      // Chunks of ASCII only and chunks with other characters, as the reader's text comes.
      const text =
        chunk % 3 === 0 ? 'abc,def;'.repeat(10_000) : randomText(random, 40_000 + random.int(40_000));
      for (let run = 0; run < 300; run++) {
        let from = random.int(text.length);
        let to = Math.min(text.length, from + random.int(400));
        // Runs start and end between cells, never inside a surrogate pair.
        if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from--;
        if (to < text.length && isLow(text.charCodeAt(to)) && isHigh(text.charCodeAt(to - 1))) to++;
        writer.writeChars(text, from, to);
        expected.push(encoder.encode(text.slice(from, to)));
      }
    }
    const all = await joined(expected);
    expect(all.length).toBeGreaterThan(1 << 20);
    expect(firstDifference(await bytesOf(writer), all)).toBe(-1);
  });

  it('writes E.164 keys as their digits after a plus', async () => {
    const random = createRandom(3);
    const keys = [
      1, 9, 10, 99_999_999, 100_000_000, 100_000_001, 12_025_550_101, 447_911_123_456, 999_999_999_999_999,
    ];
    for (let i = 0; i < 1_000; i++) keys.push(1 + random.int(1e9) * 1e6 + random.int(1e6));
    const writer = new Utf8PieceWriter();
    for (const key of keys) writer.writeE164(key);
    expect(new TextDecoder().decode(await bytesOf(writer))).toBe(keys.map((key) => `+${key}`).join(''));
  });

  it('counts the bytes written', () => {
    const writer = new Utf8PieceWriter();
    writer.writeChars('añ😀', 0, 4);
    writer.writeByte(10);
    expect(writer.bytes).toBe(1 + 2 + 4 + 1);
  });
});

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
