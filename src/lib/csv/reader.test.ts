import { describe, expect, it } from 'vitest';
import { CsvRecordReader } from './reader';
import type { Delimiter } from './types';

type Row = [cells: string[], line: number, raw: string];

function read(chunks: string[], delimiter: Delimiter = ','): Row[] {
  const rows: Row[] = [];
  const reader = new CsvRecordReader(delimiter, (row) => {
    const cells = row.cells();
    // The fast path counts cells and cuts the first one without splitting: both must agree.
    if (row.columns !== cells.length || row.firstCell() !== cells[0])
      throw new Error(`row view differs at ${row.line}`);
    rows.push([cells, row.line, row.raw()]);
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

  it('takes quotes inside an unquoted field and text after a closing quote literally', () => {
    expect(read(['1,Jo"hn,x\n2,"a"b,y\n'])).toEqual([
      [['1', 'Jo"hn', 'x'], 1, '1,Jo"hn,x'],
      [['2', 'ab', 'y'], 2, '2,"a"b,y'],
    ]);
  });

  it('runs an unclosed quote to the end of the file', () => {
    expect(read(['1,"open\n2,x\n'])).toEqual([[['1', 'open\n2,x\n'], 1, '1,"open\n2,x\n']]);
  });

  it('reads semicolon and tab delimiters', () => {
    expect(read(['1;"a;b";c\n'], ';')).toEqual([[['1', 'a;b', 'c'], 1, '1;"a;b";c']]);
    expect(read(['1\t"a\tb"\tc\n'], '\t')).toEqual([[['1', 'a\tb', 'c'], 1, '1\t"a\tb"\tc']]);
  });

  it('gives the same records wherever the chunks are cut (inside quotes, between CR and LF, at a doubled quote)', () => {
    expectChunkingIndependent('n,v\r\n1,"a,""b""\r\nc"\r\n2,x,\r\n\r\n"3",""\r\n4,"y"');
    expectChunkingIndependent('1;"x"";y"\n2;z', ';');
  });
});
