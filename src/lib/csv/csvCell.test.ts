import { describe, expect, it } from 'vitest';
import { toCsvCell, toCsvLine } from './csvCell';
import { problemsToCsv } from './problemsCsv';

describe('toCsvCell', () => {
  it('quotes cells with delimiters, quotes and line breaks (RFC 4180)', () => {
    expect(toCsvCell('plain')).toBe('plain');
    expect(toCsvCell('Doe, Jane')).toBe('"Doe, Jane"');
    expect(toCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(toCsvCell(null)).toBe('');
    expect(toCsvCell(42)).toBe('42');
  });

  it('neutralises cells a spreadsheet would evaluate', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(toCsvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(toCsvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(toCsvCell('-5')).toBe("'-5");
    expect(toCsvCell('a=b')).toBe('a=b');
  });

  it('leaves the E.164 column alone when asked: its "+" is data', () => {
    expect(toCsvCell('+12025550123', { neutraliseFormula: false })).toBe('+12025550123');
    expect(toCsvLine(['+12025550123', '=cmd', '+1'], [0])).toBe("+12025550123,'=cmd,'+1\r\n");
  });
});

describe('problemsToCsv', () => {
  it('writes line, reason and the raw row, formula-safe, with a BOM for spreadsheets', async () => {
    const blob = problemsToCsv([
      { line: 3, reason: 'invalidNumber', raw: '=cmd|"/c calc"!A1,x' },
      { line: 7, reason: 'duplicate', raw: '+12025550123,b' },
    ]);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(
      `line,reason,row\r\n3,invalidNumber,"'=cmd|""/c calc""!A1,x"\r\n7,duplicate,"'+12025550123,b"\r\n`,
    );
    expect(blob.type).toBe('text/csv;charset=utf-8');
  });
});
