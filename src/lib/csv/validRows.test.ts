// The parts of "only the valid rows" cut from the rows a mapped analysis wrote (validRows.ts) against
// those of the second read of the file (UploadPartsBuilder, the old way), on a table of files; and
// the worker's path falling back to the second read when the campaign or the lists changed.
import { describe, expect, it } from 'vitest';
import { createNumberNormaliser, loadTimeZoneMap } from '../phone';
import { CsvAnalyzer } from './analyzer';
import { analyzeCsv, buildUploadParts, setCsvWorkerFactory } from './client';
import type { DoNotCallLookup } from './doNotCall';
import type { FactsExclusion } from './numberFacts';
import { UploadPartsBuilder } from './parts';
import { InProcessCsvWorker } from './testing';
import type { AnalysisSettings, CsvAnalysis, LeftOutRows, UploadPart, ValidRowsText } from './types';
import { inlineRowsWriter, MAX_SLICES, readTables, sameVerdicts, validRowsParts } from './validRows';

const zones = await loadTimeZoneMap();

const lookupOf = (lists: Record<string, number[]>): DoNotCallLookup => {
  const byKey = new Map<number, string[]>();
  for (const [name, keys] of Object.entries(lists))
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), name]);
  return { lists: Object.keys(lists), holding: (key) => byKey.get(key) ?? null };
};

interface Case {
  name: string;
  text: string;
  settings: AnalysisSettings;
  lists?: Record<string, number[]>;
  exclude?: FactsExclusion;
}

const CRM =
  'Customer ID,First name,Last name,Phone,Mobile,Email\r\n' +
  '1,Ann,"Lee, Jr.",(202) 555-0101,,ann@example.com\r\n' +
  '2,Bob,"Says ""hi""",555,(202) 555-0102,bob@example.com\r\n' + // falls back to Mobile
  '3,Cid,"two\r\nlines",(202) 555-0103,,cid@example.com\r\n' +
  '4,Dee,Short\r\n' + // a missing column
  '5,Eve,Doe,(202) 555-0101,,eve@example.com\r\n' + // a repeat of line 2's number
  '6,Fay,Moe,(202) 555-0104,,fay@example.com\r\n' + // listed
  '\r\n' +
  '7,Gus,"Ñandú",+1 202 555 0105,,gus@example.com\r\n' +
  '8,Hal,"x"y,(202) 555-0106,,hal@example.com\r\n' + // a fault: text after a quote
  '9,Ida,=1+1,(202) 555-0107,,ida@example.com,,\r\n' + // trailing empty cells
  '10,Jo,Ré,(202) 555-0108,,jo@example.com\r\n';

/** Rows enough for several 1 MB pieces, with letters outside ASCII in some: cuts inside them. */
const bigFile = (rows: number) => {
  const lines = ['Id,Name,Phone,City'];
  for (let i = 0; i < rows; i++) {
    const phone = `(2${String(12 + (i % 80)).padStart(2, '0')}) ${200 + (i % 700)}-${String(i % 10000).padStart(4, '0')}`;
    const name = i % 3 === 0 ? `Nuñez ${i}` : i % 3 === 1 ? `Smith ${i}` : `"Lee, ${i}"`;
    lines.push(`${i},${name},${i % 997 === 5 ? 'none' : phone},${i % 2 ? 'Zürich' : 'Austin'}`);
  }
  return `${lines.join('\n')}\n`;
};

const mapped = (settings: Omit<AnalysisSettings, 'defaultCountry'> = {}): AnalysisSettings => ({
  defaultCountry: 'US',
  ...settings,
});

const CASES: Case[] = [
  {
    name: 'a CRM export with fallbacks, CRLF, a blank line, listed and faulty rows',
    text: CRM,
    settings: mapped({
      delimiter: ',',
      firstRowIsHeader: true,
      varCount: 5,
      mapping: { number: [3, 4], variables: [1, 2, 5] },
    }),
    lists: { Internal: [12025550104] },
  },
  {
    name: 'the variables out of file order, one column twice around the number',
    text: CRM,
    settings: mapped({
      delimiter: ',',
      firstRowIsHeader: true,
      varCount: 5,
      mapping: { number: [3], variables: [5, 0, 1, 2] },
    }),
  },
  {
    name: 'semicolons, a header, lone CRs, a cell with a comma',
    text: 'name;tel;note\rA;2025550101;"x;y"\rB,C;2025550102;z\r',
    settings: mapped({
      delimiter: ';',
      firstRowIsHeader: true,
      varCount: 2,
      mapping: { number: [1], variables: [0, 2] },
    }),
  },
  {
    name: 'campaign numbers already sent',
    text: 'Name,Phone\nAnn,2025550101\nBob,2025550102\nCid,2025550103\n',
    settings: mapped({
      existingNumbers: ['+12025550102'],
      firstRowIsHeader: true,
      varCount: 1,
      mapping: { number: [1], variables: [0] },
    }),
  },
  {
    name: 'a proposed mapping on a file of several pieces with letters outside ASCII',
    text: bigFile(40_000),
    settings: mapped({ propose: { knownNames: [], remembered: {} } }),
  },
  {
    name: 'a premium-rate and a toll-free number left out, and numbers outside calling hours',
    text: 'Name,Phone\nAnn,2025550101\nBob,9005550102\nCid,8005550103\nDee,2065550104\nEve,3055550105\n',
    settings: mapped({ firstRowIsHeader: true, varCount: 1, mapping: { number: [1], variables: [0] } }),
    exclude: {
      types: ['PREMIUM_RATE', 'TOLL_FREE'],
      // 18:30 UTC: 13:30 in New York, 10:30 in Seattle; a window of 12:00 to 21:00 leaves Seattle out.
      hours: { window: { start: 12 * 60, end: 21 * 60 }, at: Date.UTC(2026, 0, 6, 18, 30) },
    },
  },
];

const asSent = async (parts: UploadPart[]) =>
  Promise.all(
    parts.map(async ({ blob, partLines, rowLines, ...rest }) => ({
      ...rest,
      text: await blob.text(),
      rowLines: [...rowLines],
      // No partLines: one line a row.
      partLines: partLines ? [...partLines] : rowLines.length ? [...rowLines].map((_, i) => i + 1) : [],
    })),
  );

const analysed = async ({ text, settings, lists }: Case, batchOps?: number) => {
  const lookup = lists ? lookupOf(lists) : null;
  const normaliser = createNumberNormaliser(settings.defaultCountry, { zones });
  // With small batches, the writer lets go of the text behind each batch at once (keepBehind 0):
  // a span outside its batch's range would read nothing.
  const writer = () => ({
    ...inlineRowsWriter({ text: new Blob([text]), encoding: 'utf-8' }, batchOps ? 0 : undefined),
    batchOps,
  });
  const analyzer = new CsvAnalyzer(settings, 'utf-8', normaliser, 0, lookup, [], writer);
  for (let i = 0; i < text.length; i += 65_536) analyzer.push(text.slice(i, i + 65_536));
  const analysis = analyzer.finish();
  return { analysis, written: await analyzer.takeValidRows('x'), lookup };
};

const secondRead = (
  file: Case,
  analysis: CsvAnalysis,
  rowsPerPart: number,
  lookup: DoNotCallLookup | null,
) => {
  const parts: UploadPart[] = [];
  const builder = new UploadPartsBuilder(
    { ...analysis, existingNumbers: file.settings.existingNumbers, exclude: file.exclude ?? null },
    'valid',
    rowsPerPart,
    (part) => parts.push(part),
    lookup,
    zones,
  );
  builder.push(file.text);
  builder.finish();
  return { parts, leftOut: builder.leftOutRows };
};

describe('the valid rows written by a mapped analysis', () => {
  it.each(CASES)(
    'give the parts of the second read ($name)',
    async (file) => {
      const { analysis, written, lookup } = await analysed(file);
      if (!written) throw new Error('no rows written');
      expect(analysis.mapping).not.toBeNull();
      expect(written.rows).toBe(analysis.valid);
      const tables = await readTables(written);
      for (const rowsPerPart of [1, 2, 7_000, 100_000]) {
        if (rowsPerPart < 100 && written.rows > 100) continue;
        const fast: UploadPart[] = [];
        const leftOut = validRowsParts(
          written,
          tables,
          analysis.varCount,
          rowsPerPart,
          file.exclude ?? null,
          (part) => fast.push(part),
        );
        const old = secondRead(file, analysis, rowsPerPart, lookup);
        expect(old.parts.length).toBeGreaterThan(0);
        expect(await asSent(fast)).toEqual(await asSent(old.parts));
        expect(leftOut).toEqual(old.leftOut);
      }
    },
    60_000,
  );

  it.each([
    ...CASES.slice(0, 3).map((file) => ({ file, sizes: [16, 17, 29] })),
    // Past a megabyte the writer lets go of the text behind it: every span must still be there.
    { file: CASES[4], sizes: [29, 997] },
  ])(
    'give the same rows in batches of any size ($file.name)',
    async ({ file, sizes }) => {
      const whole = await analysed(file);
      const text = async (written: ValidRowsText | null) => (written ? written.blob.text() : null);
      for (const batchOps of sizes) {
        const cut = await analysed(file, batchOps);
        expect(await text(cut.written)).toBe(await text(whole.written));
        expect(cut.written?.rows).toBe(whole.written?.rows);
      }
    },
    60_000,
  );

  it('write nothing for the API layout (the parts then read the file again)', async () => {
    const { written } = await analysed({
      name: 'plain',
      text: '2025550101,Ann\n2025550102,Bob\n',
      settings: mapped({ propose: { knownNames: [], remembered: {} } }),
    });
    expect(written).toBeNull();
  });

  it('give up on more than MAX_SLICES slices (rows left out one in two)', async () => {
    const lines = ['Name,Phone'];
    for (let i = 0; i < 2 * MAX_SLICES + 10; i++)
      lines.push(
        `N${i},(${i % 2 ? 900 : 202}) ${234 + Math.floor(i / 10_000)}-${String(i % 10_000).padStart(4, '0')}`,
      );
    const file: Case = {
      name: 'many',
      text: `${lines.join('\n')}\n`,
      settings: mapped({ firstRowIsHeader: true, varCount: 1, mapping: { number: [1], variables: [0] } }),
    };
    const { analysis, written } = await analysed(file);
    if (!written) throw new Error('no rows written');
    const exclude: FactsExclusion = { types: ['PREMIUM_RATE'], hours: null };
    const parts: UploadPart[] = [];
    const leftOut: LeftOutRows | null = validRowsParts(
      written,
      await readTables(written),
      analysis.varCount,
      1_000_000,
      exclude,
      (part) => parts.push(part),
    );
    expect(leftOut).toBeNull();
    expect(parts).toEqual([]);
  });

  it('tell when the campaign or the lists now say otherwise of a number', async () => {
    const [crm, , , campaign] = CASES;
    const normaliser = createNumberNormaliser('US');
    const { written } = await analysed(crm);
    if (!written) throw new Error('no rows written');
    const tables = await readTables(written);
    expect(sameVerdicts(tables, normaliser, undefined, lookupOf(crm.lists ?? {}))).toBe(true);
    // A list gained a sent number, or lost a listed one; the campaign got a sent one.
    expect(
      sameVerdicts(tables, normaliser, undefined, lookupOf({ Internal: [12025550104, 12025550101] })),
    ).toBe(false);
    expect(sameVerdicts(tables, normaliser, undefined, null)).toBe(false);
    expect(sameVerdicts(tables, normaliser, ['(202) 555-0103'], lookupOf(crm.lists ?? {}))).toBe(false);
    const { written: campaignRows } = await analysed(campaign);
    if (!campaignRows) throw new Error('no rows written');
    const sent = await readTables(campaignRows);
    expect(sameVerdicts(sent, normaliser, ['+12025550102'], null)).toBe(true);
    expect(sameVerdicts(sent, normaliser, [], null)).toBe(false);
  });
});

describe('the worker builds the valid rows', () => {
  const file = CASES[3];
  const partsOf = async (analysis: CsvAnalysis, existingNumbers: readonly string[], more: object = {}) =>
    asSent(
      await buildUploadParts(
        new Blob([file.text]),
        { ...analysis, existingNumbers, ...more },
        { mode: 'valid', rowsPerPart: 10 },
      ),
    );

  it('from the analysis while nothing changed, and by reading the file again otherwise', async () => {
    setCsvWorkerFactory(() => new InProcessCsvWorker());
    try {
      const analysis = await analyzeCsv(new Blob([file.text]), file.settings);
      expect(analysis.validRows?.rows).toBe(2);
      // Marked: rows that only the analysis's text can give prove which way the parts were built.
      const marked: CsvAnalysis = {
        ...analysis,
        validRows: analysis.validRows && {
          ...analysis.validRows,
          blob: new Blob(['+12025550101,ANN\r\n+12025550103,CID\r\n']),
        },
      };
      expect((await partsOf(marked, ['+12025550102']))[0].text).toBe(
        '+12025550101,ANN\r\n+12025550103,CID\r\n',
      );
      // The campaign changed since the analysis.
      const reread = await partsOf(marked, []);
      expect(reread[0].text).toBe('+12025550101,Ann\r\n+12025550102,Bob\r\n+12025550103,Cid\r\n');
      expect(reread[0].rowLines).toEqual([2, 3, 4]);
      // Other settings than the analysis's (no header).
      const other = await partsOf(marked, ['+12025550102'], { firstRowIsHeader: false });
      expect(other[0].text).toBe('+12025550101,Ann\r\n+12025550103,Cid\r\n');
      // The file as it is.
      const asIs = await asSent(
        await buildUploadParts(
          new Blob([file.text]),
          { ...marked, existingNumbers: ['+12025550102'] },
          { mode: 'asIs', rowsPerPart: 10 },
        ),
      );
      expect(asIs[0].text).toBe('2025550101,Ann\r\n2025550102,Bob\r\n2025550103,Cid\r\n');
    } finally {
      setCsvWorkerFactory(null);
    }
  });
});
