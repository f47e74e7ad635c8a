import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCsv, buildUploadParts, partLineToFileLine, setCsvWorkerFactory } from './client';
import { CsvAnalysisError } from './errors';
import { InProcessCsvWorker } from './testing';
import type { AnalysisProgress, UploadPart } from './types';

beforeAll(() => setCsvWorkerFactory(() => new InProcessCsvWorker()));
afterAll(() => setCsvWorkerFactory(null));

const file = (content: BlobPart | BlobPart[], type = 'text/csv') =>
  new Blob(Array.isArray(content) ? content : [content], { type });
const texts = (parts: UploadPart[]) => Promise.all(parts.map((part) => part.blob.text()));

const US = { defaultCountry: 'US' } as const;
const MIXED =
  'Phone,Name,Amount\r\n' +
  '+1 202 555 0123,"Doe, Jane",199\r\n' + // 2 valid
  '555-0001,John,1\r\n' + // 3 invalid number
  '\r\n' + // 4 blank
  '(202) 555-0124,=HYPERLINK("x"),2,\r\n' + // 5 valid, trailing delimiter
  '2025550123,dup,3\r\n' + // 6 duplicate
  '2025550125,short\r\n' + // 7 wrong column count
  '2025550126,"two\r\nlines",4\r\n' + // 8-9 valid
  '2025550199,in campaign,5\r\n'; // 10 already in the campaign

describe('analyzeCsv (worker protocol, run in-process)', () => {
  it('analyses a file and reports progress', async () => {
    const progress: AnalysisProgress[] = [];
    const analysis = await analyzeCsv(
      file(MIXED),
      { ...US, existingNumbers: ['+12025550199'] },
      { onProgress: (p) => progress.push(p) },
    );
    expect(analysis).toMatchObject({
      delimiter: ',',
      firstRowIsHeader: true,
      varCount: 2,
      rows: 7,
      valid: 3,
      invalid: 2,
      duplicates: 1,
      existingDuplicates: 1,
      encoding: 'utf-8',
      bytes: new TextEncoder().encode(MIXED).length,
    });
    expect(progress.at(-1)).toEqual({ bytesRead: analysis.bytes, totalBytes: analysis.bytes, rows: 7 });
  });

  it('reads a windows-1252 file (Excel on Windows) and a UTF-16 file with a byte order mark', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('2025550123,Jos'), 0xe9, 10]);
    const analysis = await analyzeCsv(file(latin1), US);
    expect(analysis).toMatchObject({ encoding: 'windows-1252', valid: 1 });
    expect(analysis.preview[0].varValues).toEqual(['José']);

    const text = 'number\tname\n2025550123\tZoë\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect(await analyzeCsv(file(utf16), US)).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      valid: 1,
      header: ['number', 'name'],
    });
  });

  it('rejects a binary file with notText', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]);
    await expect(analyzeCsv(file(zip), US)).rejects.toMatchObject({
      code: 'notText',
      message: 'upload.csv.error.notText',
    });
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256 || 1);
    const error = await analyzeCsv(file(noise), US).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvAnalysisError);
    expect((error as CsvAnalysisError).message).toBe('upload.csv.error.notText');
  });

  it('brings back up to 10,000 problems (sent in batches) with the full count', async () => {
    const rows = Array.from({ length: 12_345 }, (_, i) => `bad${i},x`).join('\n');
    const analysis = await analyzeCsv(file(rows), US);
    expect(analysis.problems).toHaveLength(10_000);
    expect(analysis.problemCount).toBe(12_345);
    expect(analysis.problems.map((p) => p.line)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1));
  });

  it('resolves an empty file with an empty analysis', async () => {
    expect(await analyzeCsv(file(''), US)).toMatchObject({ rows: 0, empty: true, bytes: 0 });
  });

  it('terminates the worker when aborted, and rejects with the abort reason', async () => {
    const terminatedBefore = InProcessCsvWorker.terminated;
    const controller = new AbortController();
    const run = analyzeCsv(file(MIXED), US, { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(InProcessCsvWorker.terminated).toBe(terminatedBefore + 1);
    await expect(analyzeCsv(file(MIXED), US, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('buildUploadParts', () => {
  const settings = {
    ...US,
    delimiter: ',',
    firstRowIsHeader: true,
    varCount: 2,
    existingNumbers: ['+12025550199'],
  } as const;

  it("'valid' writes the valid rows only: E.164, first occurrences, comma CSV, no header, no formula escaping", async () => {
    const parts = await buildUploadParts(file(MIXED), settings, { mode: 'valid', rowsPerPart: 100 });
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({
      rows: 3,
      firstLine: 2,
      lastLine: 8,
      firstRowIsHeader: false,
      varCount: 2,
    });
    expect(Array.from(parts[0].rowLines)).toEqual([2, 5, 8]);
    expect(await texts(parts)).toEqual([
      '+12025550123,"Doe, Jane",199\r\n+12025550124,"=HYPERLINK(""x"")",2\r\n+12025550126,"two\r\nlines",4\r\n',
    ]);
  });

  it("'asIs' keeps every data row as written and repeats the header in each part", async () => {
    const parts = await buildUploadParts(file(MIXED), settings, { mode: 'asIs', rowsPerPart: 3 });
    expect(parts.map((p) => [p.rows, p.firstLine, p.lastLine, p.firstRowIsHeader])).toEqual([
      [3, 2, 5, true],
      [3, 6, 8, true],
      [1, 10, 10, true],
    ]);
    expect(await texts(parts)).toEqual([
      'Phone,Name,Amount\r\n+1 202 555 0123,"Doe, Jane",199\r\n555-0001,John,1\r\n(202) 555-0124,=HYPERLINK("x"),2,\r\n',
      'Phone,Name,Amount\r\n2025550123,dup,3\r\n2025550125,short\r\n2025550126,"two\r\nlines",4\r\n',
      'Phone,Name,Amount\r\n2025550199,in campaign,5\r\n',
    ]);
    expect(partLineToFileLine(parts[1], 1)).toBeNull();
    expect(partLineToFileLine(parts[1], 3)).toBe(7);
    expect(partLineToFileLine(parts[1], 5)).toBeNull();
  });

  it('splits into parts of at most rowsPerPart rows, the last one shorter', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `+1202555${String(1000 + i)},v${i}`).join('\n');
    const parts = await buildUploadParts(
      file(rows),
      { ...US, delimiter: ',', firstRowIsHeader: false, varCount: 1 },
      { mode: 'valid', rowsPerPart: 10 },
    );
    expect(parts.map((p) => [p.rows, p.firstLine, p.lastLine])).toEqual([
      [10, 1, 10],
      [10, 11, 20],
      [5, 21, 25],
    ]);
    const all = (await texts(parts)).join('');
    expect(all.split('\r\n').filter(Boolean)).toHaveLength(25);
    expect(partLineToFileLine(parts[1], 1)).toBe(11);
  });

  it("never sends a row with a malformed quote in 'valid'; 'asIs' sends it as written", async () => {
    const text = '+12025550123,"a"x\n+12025550124,b\n';
    const plain = { ...US, delimiter: ',', firstRowIsHeader: false, varCount: 1 } as const;
    const valid = await buildUploadParts(file(text), plain, { mode: 'valid', rowsPerPart: 10 });
    expect(await texts(valid)).toEqual(['+12025550124,b\r\n']);
    const asIs = await buildUploadParts(file(text), plain, { mode: 'asIs', rowsPerPart: 10 });
    expect(await texts(asIs)).toEqual(['+12025550123,"a"x\r\n+12025550124,b\r\n']);
  });

  it('maps the lines the server reports back to the file when a row spans several lines', async () => {
    const text = 'Phone,"Na\nme"\n+12025550123,"two\r\nlines"\n\nbad,x\n+12025550124,y\n';
    const parts = await buildUploadParts(
      file(text),
      { ...US, delimiter: ',', firstRowIsHeader: true, varCount: 1 },
      { mode: 'asIs', rowsPerPart: 10 },
    );
    // The part: header on lines 1-2, then rows on lines 3-4, 5 and 6 (the blank line is dropped).
    expect(Array.from(parts[0].partLines ?? [])).toEqual([3, 5, 6]);
    expect([1, 2, 3, 4, 5, 6, 7].map((line) => partLineToFileLine(parts[0], line))).toEqual([
      null,
      null,
      3,
      null,
      6,
      7,
      null,
    ]);
  });

  it('gives no part for a file without any row to send', async () => {
    expect(
      await buildUploadParts(
        file('bad,x\n'),
        { ...settings, firstRowIsHeader: false },
        { mode: 'valid', rowsPerPart: 10 },
      ),
    ).toEqual([]);
    expect(await buildUploadParts(file(''), settings, { mode: 'asIs', rowsPerPart: 10 })).toEqual([]);
  });

  it('refuses a rowsPerPart that is not a positive integer', async () => {
    await expect(buildUploadParts(file(MIXED), settings, { mode: 'asIs', rowsPerPart: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});
