import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, CsvSyntaxError } from './reader';
import type { Delimiter } from './types';

// The corner cases (line ends, BOM, blank lines, quotes, faults) are one table in
// test/server/csv.test.ts, run against this reader in both modes and against the emulator's upload.

type Row = [cells: string[], line: number, raw: string, fault?: string];

function read(chunks: string[], delimiter: Delimiter = ','): Row[] {
  const rows: Row[] = [];
  const reader = new CsvRecordReader(delimiter, (row) => {
    const cells = row.cells();
    // The fast path counts cells and cuts the first one without splitting: both must agree.
    if (row.columns !== cells.length || row.firstCell() !== cells[0])
      throw new Error(`row view differs at ${row.line}`);
    rows.push(row.fault ? [cells, row.line, row.raw(), row.fault] : [cells, row.line, row.raw()]);
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return rows;
}

/** Every way of cutting `text` in two or three pieces gives the same records. */
function expectChunkingIndependent(text: string, delimiter: Delimiter = ','): void {
  const whole = read([text], delimiter);
  for (let i = 0; i <= text.length; i++) {
    expect(read([text.slice(0, i), text.slice(i)], delimiter), `cut at ${i}`).toEqual(whole);
    for (let j = i; j <= text.length; j += 3) {
      expect(
        read([text.slice(0, i), text.slice(i, j), text.slice(j)], delimiter),
        `cut at ${i},${j}`,
      ).toEqual(whole);
    }
  }
}

describe('CsvRecordReader', () => {
  it('splits LF and CRLF lines and keeps 1-based line numbers', () => {
    expect(read(['a,b\r\nc,d\ne,f'])).toEqual([
      [['a', 'b'], 1, 'a,b'],
      [['c', 'd'], 2, 'c,d'],
      [['e', 'f'], 3, 'e,f'],
    ]);
  });

  it('does not invent a row after the final newline, and reports blank lines as empty records', () => {
    expect(read(['a\n\nb\n'])).toEqual([
      [['a'], 1, 'a'],
      [[''], 2, ''],
      [['b'], 3, 'b'],
    ]);
    expect(read([''])).toEqual([]);
  });

  it('unquotes fields with delimiters, doubled quotes and line breaks, counting the lines they span', () => {
    const rows = read(['1,"Doe, Jane","say ""hi"""\r\n2,"two\r\nlines",x\n3,y,z']);
    expect(rows).toEqual([
      [['1', 'Doe, Jane', 'say "hi"'], 1, '1,"Doe, Jane","say ""hi"""'],
      [['2', 'two\r\nlines', 'x'], 2, '2,"two\r\nlines",x'],
      [['3', 'y', 'z'], 4, '3,y,z'],
    ]);
  });

  it('keeps a trailing delimiter as an empty last cell, quoted or not', () => {
    expect(read(['1,a,\n2,"b",\n'])).toEqual([
      [['1', 'a', ''], 1, '1,a,'],
      [['2', 'b', ''], 2, '2,"b",'],
    ]);
  });

  it('takes a quote inside an unquoted field literally, and marks text after a closing quote as a fault', () => {
    expect(read(['1,Jo"hn,x\n2,"a"b,y\n'])).toEqual([
      [['1', 'Jo"hn', 'x'], 1, '1,Jo"hn,x'],
      [['2', 'ab', 'y'], 2, '2,"a"b,y', 'textAfterQuote'],
    ]);
  });

  it('runs an unclosed quote to the end of the file, as a fault', () => {
    expect(read(['1,"open\n2,x\n'])).toEqual([[['1', 'open\n2,x\n'], 1, '1,"open\n2,x\n', 'unclosedQuote']]);
  });

  it('in strict mode throws on a fault with the line the record starts on, after the rows before it', () => {
    const lines: number[] = [];
    const reader = new CsvRecordReader(',', (row) => lines.push(row.line), { strict: true });
    expect(() => reader.push('1,a\n2,"b\nc"x\n3,d\n')).toThrow(
      expect.objectContaining({ name: 'CsvSyntaxError', fault: 'textAfterQuote', line: 2 }),
    );
    expect(lines).toEqual([1]);
    const unclosed = new CsvRecordReader(',', () => {}, { strict: true });
    unclosed.push('1,a\n2,"b\n');
    expect(() => unclosed.end()).toThrow(CsvSyntaxError);
  });

  it('reads lone CR line ends and counts them, inside quotes too; drops a leading BOM', () => {
    expect(read(['\uFEFFa,b\rc,"d\re"\rf'])).toEqual([
      [['a', 'b'], 1, 'a,b'],
      [['c', 'd\re'], 2, 'c,"d\re"'],
      [['f'], 4, 'f'],
    ]);
  });

  it('reads semicolon and tab delimiters', () => {
    expect(read(['1;"a;b";c\n'], ';')).toEqual([[['1', 'a;b', 'c'], 1, '1;"a;b";c']]);
    expect(read(['1\t"a\tb"\tc\n'], '\t')).toEqual([[['1', 'a\tb', 'c'], 1, '1\t"a\tb"\tc']]);
  });

  it('gives the same records wherever the chunks are cut (inside quotes, between CR and LF, at a doubled quote)', () => {
    expectChunkingIndependent('n,v\r\n1,"a,""b""\r\nc"\r\n2,x,\r\n\r\n"3",""\r\n4,"y"');
    expectChunkingIndependent('1;"x"";y"\n2;z', ';');
    expectChunkingIndependent('a\rb,"c\r\nd"\r\re\r\n"f"x,"g\n');
  });
});

// Hand-written rather than papaparse (which builds every row's array) so that unquoted rows, nearly
// all of a large file, allocate nothing; papaparse is the reference it must agree with.
describe('CsvRecordReader against papaparse', () => {
  const WELL_FORMED: [string, string, Delimiter][] = [
    ['the vendor example', '5550001,John,199\n5550002,Mary,299\n5550003,Susan,149', ','],
    ['CRLF, empty cells, trailing delimiter', 'a,,c\r\n,b,\r\n\r\nd\r\n', ','],
    ['lone CR line ends', 'a,b\rc,d\r\re', ','],
    [
      'quoted delimiters, doubled quotes, line breaks',
      '1,"Doe, J","say ""hi"""\n2,"two\nlines",""\n3,x,y',
      ',',
    ],
    ['CRLF inside quotes', '1,"a\r\nb"\r\n2,c\r\n', ','],
    ['a quote inside an unquoted field', '1,Jo"hn,x\n2,a"b"c,y', ','],
    ['semicolons', '1;"a;b";c\n2;;\n', ';'],
    ['tabs', '1\t"a\tb"\tc\n2\t\t\n', '\t'],
    ['unicode and a BOM', '\uFEFF5550001,Ñandú 😀\n5550002,"€"\n', ','],
  ];

  it.each(WELL_FORMED)('%s: the same cells, no error on either side', (_name, text, delimiter) => {
    const parsed = Papa.parse<string[]>(text, { delimiter });
    expect(parsed.errors).toEqual([]);
    // papaparse keeps the empty record after a final line end; the reader does not invent one.
    const last = parsed.data.length - 1;
    const papa = parsed.data.filter((row, i) => i < last || row.length > 1 || row[0] !== '');
    expect(read([text], delimiter).map(([cells]) => cells)).toEqual(papa);
  });

  it.each([
    ['text after a closing quote', '1,a\n2,"b"x,y\n3,c\n', 1],
    ['a quote never closed', '1,a\n2,"b\n3,c\n', 1],
  ])('%s: papaparse reports an error on the same record as the fault', (_name, text, record) => {
    const papa = Papa.parse<string[]>(text, { delimiter: ',' });
    expect(papa.errors.length).toBeGreaterThan(0);
    expect(papa.errors[0].row).toBe(record);
    expect(read([text]).findIndex((row) => row[3] !== undefined)).toBe(record);
  });
});
