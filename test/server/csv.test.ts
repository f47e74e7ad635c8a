// One CSV rule for the console and the emulator: a table of corner cases run against the shared
// reader (src/lib/csv) in its default mode (the console's analysis) and in strict mode (the
// emulator), each input also fed one character at a time and split at every position, and then
// against the emulator's upload endpoint. A fault (a malformed quote) is a problem row for the
// console and a 400 with the record's line for the emulator; everything else reads the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import { checkRow } from '../../server/upload.ts';
import { type CsvFault, CsvRecordReader, CsvSyntaxError, isBlank } from '../../src/lib/csv/index.ts';
import type { UploadResult } from '../../src/types.ts';
import { auth, countNumbers, createCampaign, json, multipart, numbersUrl, startServer } from './helpers.ts';

type Record = [line: number, cells: string[], fault?: CsvFault];
interface Read {
  records: Record[];
  blank: boolean[];
}

const read = (chunks: string[], strict = false): Read => {
  const records: Record[] = [];
  const blank: boolean[] = [];
  const reader = new CsvRecordReader(
    ',',
    (row) => {
      const record: Record = [row.line, [...row.cells()]];
      if (row.fault) record.push(row.fault);
      records.push(record);
      blank.push(isBlank(row));
    },
    { strict },
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return { records, blank };
};

/** The strict reader's verdict: its records, or the fault and line it throws. */
const readStrict = (chunks: string[]): Record[] | { fault: CsvFault; line: number } => {
  try {
    return read(chunks, true).records;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { fault: error.fault, line: error.line };
  }
};

// [name, text, records as the console's analysis reads them (a fault marks a malformed record)].
const CASES: [string, string, Record[]][] = [
  [
    'LF',
    '5550001,a\n5550002,b\n',
    [
      [1, ['5550001', 'a']],
      [2, ['5550002', 'b']],
    ],
  ],
  [
    'no final line end',
    '5550001,a\n5550002,b',
    [
      [1, ['5550001', 'a']],
      [2, ['5550002', 'b']],
    ],
  ],
  [
    'CRLF',
    '5550001,a\r\n5550002,b\r\n',
    [
      [1, ['5550001', 'a']],
      [2, ['5550002', 'b']],
    ],
  ],
  [
    'lone CR line ends (old Mac spreadsheets)',
    '5550001,a\r5550002,b\r',
    [
      [1, ['5550001', 'a']],
      [2, ['5550002', 'b']],
    ],
  ],
  [
    'mixed line ends, each one line',
    '5550001,a\r\n5550002,b\r5550003,c\n5550004,d',
    [
      [1, ['5550001', 'a']],
      [2, ['5550002', 'b']],
      [3, ['5550003', 'c']],
      [4, ['5550004', 'd']],
    ],
  ],
  [
    'empty lines are records of one empty cell, and count',
    '\n5550001,a\r\n\r\n\r5550002,b\n\n',
    [
      [1, ['']],
      [2, ['5550001', 'a']],
      [3, ['']],
      [4, ['']],
      [5, ['5550002', 'b']],
      [6, ['']],
    ],
  ],
  [
    'blank rows: spaces, only delimiters',
    ' \n,\n5550001,a\n',
    [
      [1, [' ']],
      [2, ['', '']],
      [3, ['5550001', 'a']],
    ],
  ],
  ['a leading BOM is dropped', '\uFEFF5550001,a\n', [[1, ['5550001', 'a']]]],
  [
    'a BOM elsewhere is data',
    '5550001,a\n\uFEFF5550002,b\n',
    [
      [1, ['5550001', 'a']],
      [2, ['\uFEFF5550002', 'b']],
    ],
  ],
  [
    'quoted delimiter, doubled quotes, empty quoted field',
    '5550001,"Doe, ""J"""\n"5550002",""\n',
    [
      [1, ['5550001', 'Doe, "J"']],
      [2, ['5550002', '']],
    ],
  ],
  [
    'line breaks inside quotes (LF, CRLF, CR) count as lines',
    '5550001,"a\r\nb\nc\rd"\n5550002,x\n',
    [
      [1, ['5550001', 'a\r\nb\nc\rd']],
      [5, ['5550002', 'x']],
    ],
  ],
  [
    'a quote inside an unquoted field is data',
    '5550001,Jo"hn\n5550002,a"b"c\n',
    [
      [1, ['5550001', 'Jo"hn']],
      [2, ['5550002', 'a"b"c']],
    ],
  ],
  ['trailing delimiter: an empty last cell', '5550001,a,\n', [[1, ['5550001', 'a', '']]]],
  ['quoted last field at the end of the text', '5550001,"x"', [[1, ['5550001', 'x']]]],
  ['whitespace is data', ' 5550001 , a \n', [[1, [' 5550001 ', ' a ']]]],
  ['unicode', '5550001,Ñandú 😀\n', [[1, ['5550001', 'Ñandú 😀']]]],
  ['nothing', '', []],
  [
    'only line ends',
    '\r\n\n\r',
    [
      [1, ['']],
      [2, ['']],
      [3, ['']],
    ],
  ],
  [
    'text after a closing quote',
    '5550001,a\n5550002,"b"x\n5550003,c\n',
    [
      [1, ['5550001', 'a']],
      [2, ['5550002', 'bx'], 'textAfterQuote'],
      [3, ['5550003', 'c']],
    ],
  ],
  ['a space after a closing quote', '5550001,"b" \n', [[1, ['5550001', 'b '], 'textAfterQuote']]],
  [
    'text after a closing quote on a later line of the record: the line it starts on',
    '5550001,a\n5550002,"b\nc"x\n',
    [
      [1, ['5550001', 'a']],
      [2, ['5550002', 'b\ncx'], 'textAfterQuote'],
    ],
  ],
  [
    'a quote never closed runs to the end of the text',
    '5550001,a\n5550002,"b\n5550003,c\n',
    [
      [1, ['5550001', 'a']],
      [2, ['5550002', 'b\n5550003,c\n'], 'unclosedQuote'],
    ],
  ],
];

const firstFault = (records: Record[]) => {
  const record = records.find((r) => r[2] !== undefined);
  return record ? { fault: record[2] as CsvFault, line: record[0] } : null;
};

describe('the shared CSV reader', () => {
  it.each(CASES)('%s', (_name, text, expected) => {
    expect(read([text]).records).toEqual(expected);
    expect(readStrict([text])).toEqual(firstFault(expected) ?? expected);
  });

  it.each(CASES)('%s, one character at a time and split anywhere', (_name, text, expected) => {
    const strict = firstFault(expected) ?? expected;
    expect(read(Array.from(text)).records).toEqual(expected);
    expect(readStrict(Array.from(text))).toEqual(strict);
    for (let split = 0; split <= text.length; split++) {
      const chunks = [text.slice(0, split), text.slice(split)];
      expect(read(chunks).records, `split at ${split}`).toEqual(expected);
      expect(readStrict(chunks), `split at ${split}`).toEqual(strict);
    }
  });
});

describe('the emulator reads the same table', () => {
  let server: SipCallerServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it.each(CASES)('%s', async (_name, text, expected) => {
    const { blank } = read([text]);
    const rows = expected.filter((_, index) => !blank[index]);
    const varCount = Math.max(0, (rows[0]?.[1].length ?? 1) - 1);
    const campaign = await createCampaign(server);
    const body = multipart(text);
    const response = await server.app.inject({
      method: 'POST',
      url: `${numbersUrl(campaign)}/upload?firstRowIsHeader=false&varCount=${varCount}`,
      headers: { ...auth(), ...body.headers },
      payload: body.payload,
    });
    const fault = firstFault(expected);
    if (fault) {
      expect(response.statusCode).toBe(400);
      expect(json<{ message: string }>(response).message).toContain(`not valid CSV at line ${fault.line}:`);
      expect(countNumbers(server, campaign)).toBe(0);
      return;
    }
    // Blank rows are skipped; every other record is inserted or rejected with its line.
    const accepted = rows.filter(([, cells]) => checkRow(cells, varCount) === null);
    expect(json<UploadResult>(response)).toMatchObject({
      inserted: accepted.length,
      rejected: rows.filter(([, cells]) => checkRow(cells, varCount) !== null).map(([line]) => ({ line })),
    });
    const stored = server.db
      .prepare('SELECT number, var_values AS varValues FROM numbers WHERE campaign_id = ? ORDER BY id')
      .all(campaign) as { number: string; varValues: string }[];
    expect(stored.map((row) => [row.number, ...(JSON.parse(row.varValues) as string[])])).toEqual(
      accepted.map(([, [number, ...values]]) => [number.trim(), ...values]),
    );
  });
});
