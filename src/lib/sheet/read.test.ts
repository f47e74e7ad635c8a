import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readSheet, SheetError, sniffSheet } from './read';
import { encryptedWorkbook } from './testing';

const MB = 1024 * 1024;

function workbook(sheets: Record<string, unknown[][]>, bookType: 'xlsx' | 'ods' | 'biff8' = 'xlsx'): Blob {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  return new Blob([XLSX.write(book, { type: 'array', bookType })]);
}

const text = async (blob: Blob, sheet?: string) =>
  (await readSheet(blob, { sheet, maxBytes: 50 * MB })).chunks.join('');

describe('readSheet', () => {
  it('gives each row of the sheet as a CSV line, cells as shown, text leading zeros kept', async () => {
    const blob = workbook({
      Leads: [
        ['Id', 'Name', 'Phone'],
        [1, 'Doe, Jane', '0612345678'],
        [2, 'Say "hi"', 18005551234],
        [3, 'Big', 447911123456],
      ],
    });
    expect(await text(blob)).toBe(
      'Id,Name,Phone\n1,"Doe, Jane",0612345678\n2,"Say ""hi""",18005551234\n3,Big,447911123456\n',
    );
  });

  it('several sheets: lists them and reads the one asked for; an .ods and an .xls too', async () => {
    const sheets = { First: [['a']], Second: [['b'], ['c']] };
    for (const type of ['xlsx', 'ods', 'biff8'] as const) {
      const read = await readSheet(workbook(sheets, type), { sheet: 'Second', maxBytes: 50 * MB });
      expect([read.sheets, read.sheet, read.chunks.join('')]).toEqual([
        ['First', 'Second'],
        'Second',
        'b\nc\n',
      ]);
    }
    const head = new Uint8Array(await workbook(sheets, 'ods').slice(0, 128).arrayBuffer());
    expect(sniffSheet(head, 'list.ods')).toBe('ods');
    expect(sniffSheet(head)).toBe('ods');
    expect(sniffSheet(new Uint8Array([0x50, 0x4b, 3, 4, 0x14, 0, 6, 0]))).toBeNull();
    expect(sniffSheet(new TextEncoder().encode('a,b\n'), 'list.csv')).toBeNull();
  });

  it('dates as ISO text, formulas as their values, rows keep their spreadsheet numbers', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([]);
    XLSX.utils.sheet_add_aoa(sheet, [['Phone', 'Due', 'Total']], { origin: 'B3' });
    sheet.B4 = { t: 's', v: '2025550123' };
    sheet.C4 = { t: 'n', v: 45306, z: 'm/d/yy' };
    sheet.D4 = { t: 'n', v: 3, f: '1+2' };
    sheet.B6 = { t: 's', v: 'two\nlines' };
    sheet['!ref'] = 'B3:D6';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const blob = new Blob([XLSX.write(book, { type: 'array', bookType: 'xlsx' })]);
    expect(await text(blob)).toBe('\n\nPhone,Due,Total\n2025550123,2024-01-15,3\n\ntwo lines,,\n');
  });

  it('reports numbers the spreadsheet made floats, with their row and column', async () => {
    const read = await readSheet(
      workbook({
        S: [['Phone'], ['1.8005E+10'], [18005000000], [Number('1234567890123456789')], [2025550123]],
      }),
      { maxBytes: 50 * MB },
    );
    // 18005000000 is whole (General shows its 11 digits); a 12-digit number shown as 4.47911E+11 is too.
    expect(read.damagedCount).toBe(2);
    expect(read.damaged).toEqual([
      { line: 2, column: 'A', shown: '1.8005E+10' },
      { line: 4, column: 'A', shown: '1.23457E+18' },
    ]);
  });

  it('refuses a workbook over the limit before reading it, and a corrupt one', async () => {
    const big = workbook({ S: [['a']] });
    await expect(readSheet(big, { maxBytes: 10 })).rejects.toMatchObject({ code: 'sheetTooLarge' });
    // A ZIP cut short (the library loops on this one rather than failing).
    const corrupt = new Blob([
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0, 0, 0]),
    ]);
    const error = await readSheet(corrupt, { maxBytes: MB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetError);
    expect((error as SheetError).code).toBe('sheetCorrupt');
  });

  it('refuses a password-protected workbook as protected, not as corrupt, by its name or its bytes', async () => {
    for (const kind of ['agile', 'standard'] as const) {
      const bytes = encryptedWorkbook(kind);
      expect(sniffSheet(bytes.subarray(0, 128))).toBe('xls');
      for (const blob of [new File([bytes], 'leads.xlsx'), new Blob([bytes])]) {
        const error = await readSheet(blob, { maxBytes: MB }).catch((e: unknown) => e);
        expect(error, kind).toBeInstanceOf(SheetError);
        expect((error as SheetError).code, kind).toBe('sheetProtected');
      }
    }
    // What the library itself says of them (readSheet goes by its words).
    const library = (bytes: Uint8Array) => {
      try {
        XLSX.read(bytes, { type: 'array' });
        return 'read';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    expect(library(encryptedWorkbook('agile'))).toBe('File is password-protected');
    expect(library(encryptedWorkbook('standard'))).toBe('File is password-protected');
    // An OLE container without those streams (a damaged .xls) stays corrupt.
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, '/Something', new Uint8Array(600));
    const damaged = new File([XLSX.CFB.write(container, { type: 'array' })], 'old.xls');
    await expect(readSheet(damaged, { maxBytes: MB })).rejects.toMatchObject({ code: 'sheetCorrupt' });
  });

  it('an empty sheet gives no text', async () => {
    const read = await readSheet(workbook({ Empty: [] }), { maxBytes: MB });
    expect(read.chunks.join('')).toBe('');
  });
});
