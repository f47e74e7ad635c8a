// Lists from spreadsheets and from files whose numbers are not in the first column: the number and
// note columns, given or found, through the worker job (in-process) into IndexedDB (fake-indexeddb).
import 'fake-indexeddb/auto';
import * as XLSX from '@e965/xlsx';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOnDncLists, listDncLists, loadDncFile, resetDncStore, setDncWorkerFactory } from './index';
import { chooseColumns } from './parse';
import { InProcessDncWorker } from './testing';

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await resetDncStore();
  setDncWorkerFactory(() => new InProcessDncWorker());
});
afterEach(() => setDncWorkerFactory(null));

function book(rows: unknown[][], bookType: 'xlsx' | 'ods' | 'biff8' = 'xlsx', name = 'dnc.xlsx') {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), 'Opt-outs');
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['ignored'], ['2025550199']]), 'Other');
  return new File([XLSX.write(workbook, { type: 'array', bookType })], name);
}

const ROWS = [
  ['Customer', 'Mobile phone', 'Reason for opt-out'],
  ['Ana', '(202) 555-0101', 'asked on the phone'],
  ['Bo', 2025550102, ''],
  ['Cy', 'n/a', 'no number'],
  ['Dee', '+44 20 7946 0958', 'email'],
];

describe('Load a list from a spreadsheet', () => {
  for (const [bookType, name] of [
    ['xlsx', 'dnc.xlsx'],
    ['ods', 'dnc.ods'],
    ['biff8', 'dnc.xls'],
  ] as const) {
    it(`reads a ${name.split('.')[1]} workbook's first sheet: the phone column, the note column by its header`, async () => {
      const result = await loadDncFile({
        file: book(ROWS, bookType, name),
        mode: 'new',
        name: 'Opt-outs',
        defaultCountry: 'US',
      });
      expect(result).toMatchObject({
        format: name.split('.')[1],
        sheet: 'Opt-outs',
        valid: 3,
        rows: 4, // the header row is not counted
        invalid: 1, // "n/a"
        columns: {
          number: { index: 1, header: 'Mobile phone' },
          note: { index: 2, header: 'Reason for opt-out' },
        },
      });
      expect(result.invalidLines.map((line) => line.line)).toEqual([4]);
      expect(result.list.count).toBe(3);
      expect((await findOnDncLists(12025550101))[0].note).toBe('asked on the phone');
      expect((await findOnDncLists(12025550102))[0].note).toBeUndefined();
      expect(await findOnDncLists(442079460958)).toHaveLength(1);
      // The second sheet is not read.
      expect(await findOnDncLists(12025550199)).toEqual([]);
    });
  }

  it('takes the columns it is given: the number in column C, no note', async () => {
    const file = new File(['id,name,phone,comment\n1,Ann,2025550101,x\n2,Bob,2025550102,y\n'], 'dnc.csv');
    const result = await loadDncFile({
      file,
      mode: 'new',
      name: 'Given',
      defaultCountry: 'US',
      numberColumn: 2,
      noteColumn: null,
    });
    expect(result).toMatchObject({
      valid: 2,
      columns: { number: { index: 2, header: 'phone' }, note: null },
    });
    expect((await findOnDncLists(12025550101))[0].note).toBeUndefined();
  });

  it('refuses a damaged workbook with its own message, and writes nothing', async () => {
    const broken = new File([new Uint8Array([80, 75, 3, 4, 20, 0, 0, 0, 1, 2, 3])], 'dnc.xlsx');
    await expect(
      loadDncFile({ file: broken, mode: 'new', name: 'X', defaultCountry: 'US' }),
    ).rejects.toMatchObject({ code: 'sheetCorrupt', message: 'dnc.error.sheetCorrupt' });
    expect(await listDncLists()).toEqual([]);
  });
});

describe('chooseColumns', () => {
  const valid = (cell: string) => /^\+?\d{10,}$/.test(cell);
  const rows = (...lines: string[][]) => lines.map((cells, index) => ({ line: index + 1, cells }));

  it('a number per line: column A, the next column as the note', () => {
    expect(chooseColumns(rows(['2025550101', 'asked'], ['2025550102']), {}, valid)).toEqual({
      number: { index: 0 },
      note: { index: 1 },
    });
    expect(chooseColumns(rows(['2025550101']), {}, valid)).toEqual({ number: { index: 0 }, note: null });
  });

  it('without a telling header, the column with the most valid numbers', () => {
    expect(
      chooseColumns(rows(['Ann', 'x', '2025550101'], ['Bob', 'y', '2025550102']), {}, valid).number,
    ).toEqual({ index: 2 });
  });

  it('a Spanish header names the phone and the note', () => {
    expect(
      chooseColumns(rows(['Motivo', 'Nombre', 'Teléfono'], ['baja', 'Ana', '2025550101']), {}, valid),
    ).toEqual({ number: { index: 2, header: 'Teléfono' }, note: { index: 0, header: 'Motivo' } });
  });
});
