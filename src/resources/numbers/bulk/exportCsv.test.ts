import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportFilename, numbersToCsv, toCsvCell } from './exportCsv';
import { buildRestoreCsv } from './restoreNumbers';

const rows = [
  { id: 1, number: '+18005550001', varValues: ['John', '199'] },
  { id: 2, number: '5550002', varValues: ['=CMD|"/c calc"!A1', '-2+3'] },
  { id: 3, number: '+18005550003', varValues: ['Quote "x", comma', 'multi\r\nline'] },
  { id: 4, number: '+18005550004', varValues: [] },
  { id: 5, number: '+18005550005', varValues: ['@SUM(1)', '\tTab', '\rCR', '+1'] },
];

describe('toCsvCell', () => {
  it.each([
    ['plain', true, 'plain'],
    ['=1+1', true, "'=1+1"],
    ['+18005551234', false, '+18005551234'],
    ['+1', true, "'+1"],
    ['-5', true, "'-5"],
    ['@x', true, "'@x"],
    ['\tx', true, "'\tx"],
    ['a,b', true, '"a,b"'],
    ['say "hi"', false, '"say ""hi"""'],
    ['=a,b', true, `"'=a,b"`],
  ])('%j (neutralise %s) → %j', (value, neutraliseFormula, expected) => {
    expect(toCsvCell(value, { neutraliseFormula })).toBe(expected);
  });
});

describe('numbersToCsv', () => {
  it('writes the upload layout, neutralises variable formulas, never the number, and parses back', () => {
    const csv = numbersToCsv(rows, { neutraliseFormula: true });
    const { data, errors } = Papa.parse<string[]>(csv);
    expect(errors).toEqual([]);
    expect(data).toEqual([
      ['+18005550001', 'John', '199', '', ''],
      ['5550002', `'=CMD|"/c calc"!A1`, "'-2+3", '', ''],
      ['+18005550003', 'Quote "x", comma', 'multi\r\nline', '', ''],
      ['+18005550004', '', '', '', ''],
      ['+18005550005', "'@SUM(1)", "'\tTab", "'\rCR", "'+1"],
    ]);
    expect(csv.endsWith('\n')).toBe(false);
  });

  it('builds the undo upload with exact values and varCount = the longest varValues', () => {
    const { csv, varCount } = buildRestoreCsv(rows);
    expect(varCount).toBe(4);
    const { data } = Papa.parse<string[]>(csv);
    expect(data.map((cells) => cells[0])).toEqual(rows.map((row) => row.number));
    expect(data.map((cells) => cells.slice(1))).toEqual(
      rows.map((row) => [...row.varValues, '', '', '', ''].slice(0, 4)),
    );
  });

  it('names the file after the campaign', () => {
    expect(exportFilename('Spring Sale Callback')).toBe('Spring Sale Callback-numbers.csv');
    expect(exportFilename('a/b:c')).toBe('a_b_c-numbers.csv');
    expect(exportFilename('  ')).toBe('campaign-numbers.csv');
  });
});
