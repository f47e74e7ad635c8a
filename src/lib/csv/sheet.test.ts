import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCsv, buildUploadParts, setCsvWorkerFactory } from './client';
import { SHEET_MAX_BYTES } from './constants';
import { rolesToMapping, suggestRoles } from './mapping';
import { InProcessCsvWorker } from './testing';

beforeAll(() => setCsvWorkerFactory(() => new InProcessCsvWorker()));
afterAll(() => setCsvWorkerFactory(null));

const US = { defaultCountry: 'US' } as const;

function book(
  sheets: Record<string, unknown[][]>,
  bookType: 'xlsx' | 'ods' = 'xlsx',
  name = `list.${bookType}`,
) {
  const workbook = XLSX.utils.book_new();
  for (const [sheet, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), sheet);
  return new File([XLSX.write(workbook, { type: 'array', bookType })], name);
}

const LEADS = [
  ['Customer ID', 'Name', 'Phone', 'City', 'Amount'],
  [1001, 'Ana', '2025550123', 'Boston', 10],
  [1002, 'Bo', 2025550124, 'Denver', 20],
  [1003, 'Cy', '1.8005E+10', 'Austin', 30],
];

describe('workbooks in the CSV worker', () => {
  it('analyses an .xlsx: the columns, the damaged float, then the mapped upload', async () => {
    const file = book({ Leads: LEADS, Other: [['x']] });
    const first = await analyzeCsv(file, US);
    expect(first.spreadsheet).toEqual({
      format: 'xlsx',
      sheets: ['Leads', 'Other'],
      sheet: 'Leads',
      damagedCount: 1,
      damaged: [{ line: 4, column: 'C', shown: '1.8005E+10' }],
    });
    expect(first).toMatchObject({ delimiter: ',', firstRowIsHeader: true, rows: 3 });
    const roles = suggestRoles({ columns: first.columns });
    expect(roles).toEqual(['var:1', 'var:2', 'number', 'var:3', 'var:4']);
    const analysis = await analyzeCsv(file, { ...US, mapping: rolesToMapping(roles) });
    expect(analysis).toMatchObject({ valid: 2, invalid: 1, varCount: 4 });
    // The float is a problem of its own, counted with the invalid rows.
    expect(analysis.problems.map((problem) => [problem.line, problem.reason, problem.values])).toEqual([
      [4, 'damagedNumber', { number: '1.8005E+10' }],
    ]);
    const parts = await buildUploadParts(file, analysis, { mode: 'valid', rowsPerPart: 10 });
    expect(await parts[0].blob.text()).toBe(
      '+12025550123,1001,Ana,Boston,10\r\n+12025550124,1002,Bo,Denver,20\r\n',
    );
  });

  it('keeps the header above a column of numbers the spreadsheet damaged (issue 13)', async () => {
    const rows = [
      ['Name', 'Phone'],
      ['Ana', '1.8005E+10'],
      ['Bo', 2025550124],
      ['Cy', Number('1234567890123456789')],
    ];
    const first = await analyzeCsv(book({ Leads: rows }), US);
    expect(first.spreadsheet?.damaged.map((cell) => `${cell.column}${cell.line} ${cell.shown}`)).toEqual([
      'B2 1.8005E+10',
      'B4 1.23457E+18',
    ]);
    expect(first).toMatchObject({ firstRowIsHeader: true, headerDetected: true, rows: 3 });
    expect(first.columns.map((column) => column.header)).toEqual(['Name', 'Phone']);
    const roles = suggestRoles({ columns: first.columns });
    expect(roles).toEqual(['var:1', 'number']);
    const analysis = await analyzeCsv(book({ Leads: rows }), { ...US, mapping: rolesToMapping(roles) });
    expect(analysis.problems.map((problem) => [problem.line, problem.reason])).toEqual([
      [2, 'damagedNumber'],
      [4, 'damagedNumber'],
    ]);
  });

  it('reads the chosen sheet, in the analysis and in the parts; an .ods too', async () => {
    const file = book({ Empty: [], Leads: LEADS }, 'ods');
    const empty = await analyzeCsv(file, US);
    expect(empty).toMatchObject({ empty: true, spreadsheet: { format: 'ods', sheet: 'Empty' } });
    const analysis = await analyzeCsv(file, {
      ...US,
      sheet: 'Leads',
      mapping: { number: [2], variables: [1] },
    });
    expect(analysis).toMatchObject({ valid: 2, spreadsheet: { sheet: 'Leads' } });
    const parts = await buildUploadParts(file, analysis, { mode: 'asIs', rowsPerPart: 10 });
    expect(await parts[0].blob.text()).toBe('2025550123,Ana\r\n2025550124,Bo\r\n1.8005E+10,Cy\r\n');
  });

  it('a number stored as a float past 15 digits is damaged even when the sheet shows every digit', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Name', 'Phone'],
      ['Ana', '2025550123'],
      ['Bo', 'x'],
    ]);
    // Typed as a number, it is kept as a float: its last digits are gone (the point of the test).
    sheet.B3 = { t: 'n', v: Number('12345678901234567'), z: '0' };
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, 'S');
    const file = new File([XLSX.write(workbook, { type: 'array', bookType: 'xlsx' })], 'x.xlsx');
    const analysis = await analyzeCsv(file, {
      ...US,
      firstRowIsHeader: true,
      mapping: rolesToMapping(['var:1', 'number']),
    });
    expect(analysis.spreadsheet?.damagedCount).toBe(1);
    expect(analysis).toMatchObject({ valid: 1, invalid: 1 });
    expect(analysis.problems.map((problem) => [problem.line, problem.reason])).toEqual([
      [3, 'damagedNumber'],
    ]);
    // The row that is simply wrong stays an invalid number.
    const plain = await analyzeCsv(book({ S: [['Phone'], ['2025550123'], ['12ab']] }), {
      ...US,
      firstRowIsHeader: true,
    });
    expect(plain.problems.map((problem) => problem.reason)).toEqual(['invalidNumber']);
  });

  it('a corrupt workbook and one too large are clear errors', async () => {
    const corrupt = new File([new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(60).fill(0)])], 'x.xlsx');
    await expect(analyzeCsv(corrupt, US)).rejects.toMatchObject({ code: 'sheetCorrupt' });
    const big = new File([new Uint8Array([0x50, 0x4b, 3, 4]), new Uint8Array(SHEET_MAX_BYTES)], 'big.xlsx');
    await expect(analyzeCsv(big, US)).rejects.toMatchObject({ message: 'upload.csv.error.sheetTooLarge' });
  });
});
