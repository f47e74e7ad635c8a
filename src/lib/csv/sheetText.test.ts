// A workbook is read with the library once per file and sheet: the analysis again with a mapping
// and the upload's parts read the sheet's text the first job left (client.ts, workerCore.ts).
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeCsv, buildUploadParts, setCsvWorkerFactory } from './client';
import { InProcessCsvWorker } from './testing';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('@e965/xlsx', async (original) => {
  const library = await original<typeof import('@e965/xlsx')>();
  return {
    ...library,
    read: (...args: Parameters<typeof library.read>) => {
      reads.count++;
      return library.read(...args);
    },
  };
});

beforeAll(() => setCsvWorkerFactory(() => new InProcessCsvWorker()));
afterAll(() => setCsvWorkerFactory(null));

const book = () => {
  const workbook = XLSX.utils.book_new();
  const leads = [
    ['Customer ID', 'Name', 'Phone'],
    [1001, 'Ana', '2025550123'],
    [1002, 'Bo', '1.8005E+10'],
  ];
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(leads), 'Leads');
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['Phone'], ['2025550199']]), 'More');
  return new File([XLSX.write(workbook, { type: 'array', bookType: 'xlsx' })], 'leads.xlsx');
};

describe('the text of a sheet, kept for the next jobs on the same file', () => {
  it('reads the workbook once for the analysis, the mapped analysis and the parts', async () => {
    const file = book();
    reads.count = 0;
    const first = await analyzeCsv(file, { defaultCountry: 'US', firstRowIsHeader: true });
    const mapped = await analyzeCsv(file, {
      defaultCountry: 'US',
      firstRowIsHeader: true,
      mapping: { number: [2], variables: [1, 0] },
    });
    const parts = await buildUploadParts(file, mapped, { mode: 'valid', rowsPerPart: 10 });
    expect(reads.count).toBe(1);
    // What the text gives is what the workbook gave: the sheet, its damaged cell, its rows' lines.
    expect(mapped.spreadsheet).toEqual(first.spreadsheet);
    expect(mapped.spreadsheet?.damaged).toEqual([{ line: 3, column: 'C', shown: '1.8005E+10' }]);
    expect(mapped.problems.map((problem) => problem.line)).toEqual([3]);
    expect(await parts[0].blob.text()).toBe('+12025550123,Ana,1001\r\n');
    expect(Array.from(parts[0].rowLines)).toEqual([2]);
  });

  it('another sheet, or another file with the same bytes, is read again', async () => {
    const file = book();
    reads.count = 0;
    await analyzeCsv(file, { defaultCountry: 'US' });
    const more = await analyzeCsv(file, { defaultCountry: 'US', sheet: 'More' });
    expect(more).toMatchObject({ valid: 1, spreadsheet: { sheet: 'More' } });
    await analyzeCsv(file, { defaultCountry: 'US', sheet: 'More' });
    expect(reads.count).toBe(2);
    await analyzeCsv(new File([file], 'copy.xlsx'), { defaultCountry: 'US' });
    expect(reads.count).toBe(3);
  });
});
