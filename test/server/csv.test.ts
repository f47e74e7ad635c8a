// The streaming CSV reader: table-driven, and every input also fed one character at a time and
// split at every position, which must not change a thing.
import { describe, expect, it } from 'vitest';
import { CsvReader, type CsvRecord, CsvSyntaxError } from '../../server/csv.ts';

const read = (chunks: string[]): [number, string[]][] => {
  const reader = new CsvReader();
  const records: CsvRecord[] = [];
  for (const chunk of chunks) reader.push(chunk, (record) => records.push(record));
  reader.end((record) => records.push(record));
  return records.map((record) => [record.line, record.fields]);
};

const CASES: [string, string, [number, string[]][]][] = [
  [
    'the vendor example',
    '5550001,John,199\n5550002,Mary,299\n',
    [
      [1, ['5550001', 'John', '199']],
      [2, ['5550002', 'Mary', '299']],
    ],
  ],
  [
    'no final line end',
    '5550001,John,199\n5550002',
    [
      [1, ['5550001', 'John', '199']],
      [2, ['5550002']],
    ],
  ],
  [
    'CRLF',
    'a,b\r\nc,d\r\n',
    [
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ],
  ],
  [
    'lone CR',
    'a,b\rc,d',
    [
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ],
  ],
  [
    'empty lines are skipped but counted',
    '\n\na\r\n\r\n\nb\n\n',
    [
      [3, ['a']],
      [6, ['b']],
    ],
  ],
  [
    'empty fields',
    ',a,,\n,\n',
    [
      [1, ['', 'a', '', '']],
      [2, ['', '']],
    ],
  ],
  ['trailing comma at the end of input', 'a,', [[1, ['a', '']]]],
  ['quoted comma', '1,"Doe, John",2\n', [[1, ['1', 'Doe, John', '2']]]],
  ['doubled quotes', '1,"Say ""hi""",""""\n', [[1, ['1', 'Say "hi"', '"']]]],
  ['empty quoted field', '"",x,""\n', [[1, ['', 'x', '']]]],
  [
    'line breaks inside quotes',
    '1,"a\r\nb\nc",2\n3,x\n',
    [
      [1, ['1', 'a\r\nb\nc', '2']],
      [4, ['3', 'x']],
    ],
  ],
  ['quoted last field at end of input', '1,"x"', [[1, ['1', 'x']]]],
  ['stray quote inside an unquoted field is kept', '1,Jo "J" Doe,2\n', [[1, ['1', 'Jo "J" Doe', '2']]]],
  ['whitespace is data', ' 1 , a \n', [[1, [' 1 ', ' a ']]]],
  ['unicode', '5550004,Ñandú 😀,4\n', [[1, ['5550004', 'Ñandú 😀', '4']]]],
  ['nothing', '', []],
  ['only line ends', '\r\n\n\r', []],
];

describe('CsvReader', () => {
  it.each(CASES)('%s', (_name, text, expected) => {
    expect(read([text])).toEqual(expected);
  });

  it.each(CASES)('%s, one character at a time and split anywhere', (_name, text, expected) => {
    expect(read(Array.from(text))).toEqual(expected);
    for (let split = 0; split <= text.length; split++) {
      expect(read([text.slice(0, split), text.slice(split)]), `split at ${split}`).toEqual(expected);
    }
  });

  it.each([
    ['text after a closing quote', 'a\n"b"x,1\n', 2],
    ['an unclosed quote', 'a\nb\n"c,d\ne\n', 3],
  ])('fails on %s with the line', (_name, text, line) => {
    try {
      read([text]);
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(line);
      return;
    }
    throw new Error('expected a syntax error');
  });
});
