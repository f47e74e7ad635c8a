// Is the file text, and in which encoding? Decided on its first 64 KB: a NUL byte means binary
// (spreadsheets saved as .xlsx, images, UTF-16 without a byte order mark); bytes that are not UTF-8 are read as
// windows-1252, which is what Excel writes for "CSV" on a Spanish or English Windows; many
// control characters after decoding mean binary too.
import { CsvAnalysisError } from './errors';
import type { TextEncodingName } from './types';

export const SNIFF_BYTES = 64 * 1024;

export function sniffEncoding(head: Uint8Array): TextEncodingName {
  // Excel's "Unicode text" export: UTF-16 with a byte order mark (and NUL bytes in every ASCII char).
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.includes(0)) throw new CsvAnalysisError('notText', 'NUL byte');
  let encoding: TextEncodingName = 'utf-8';
  let text: string;
  try {
    // stream: true so that a character cut by the 64 KB boundary is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    encoding = 'windows-1252';
    text = new TextDecoder('windows-1252').decode(head);
  }
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) suspicious++;
  }
  if (suspicious > 8 && suspicious * 100 > text.length) {
    throw new CsvAnalysisError('notText', `${suspicious} control characters`);
  }
  return encoding;
}

export async function sniffBlob(file: Blob): Promise<TextEncodingName> {
  return sniffEncoding(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
}

/** A Blob's text chunk by chunk (never whole), with the bytes read so far; empty pieces are skipped. */
export async function* textChunks(
  file: Blob,
  encoding: TextEncodingName,
): AsyncGenerator<{ text: string; bytesRead: number }> {
  // The BOM is kept: the reader drops it (one rule with the emulator, whose decoder keeps it too).
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  let bytesRead = 0;
  if (typeof file.stream === 'function') {
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytesRead += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      if (text.length > 0) yield { text, bytesRead };
    }
  } else {
    const step = 1 << 20;
    for (let offset = 0; offset < file.size; offset += step) {
      const bytes = new Uint8Array(await file.slice(offset, offset + step).arrayBuffer());
      bytesRead += bytes.byteLength;
      const text = decoder.decode(bytes, { stream: true });
      if (text.length > 0) yield { text, bytesRead };
    }
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield { text: tail, bytesRead };
}

/** Decodes a Blob chunk by chunk and hands each piece of text to `onText`. */
export async function readText(
  file: Blob,
  encoding: TextEncodingName,
  /** May return a promise: the next text waits for it (a consumer that is behind). */
  onText: (text: string, bytesRead: number) => Promise<void> | undefined | void,
): Promise<void> {
  for await (const { text, bytesRead } of textChunks(file, encoding)) await onText(text, bytesRead);
}
