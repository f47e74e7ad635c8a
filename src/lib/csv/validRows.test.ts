// The parts of "only the valid rows" built from the rows the analysis wrote (validRows.ts) against
// those of the second read of the file (UploadPartsBuilder, the old way), on a table of files; and
// the worker's path falling back to the second read when the campaign or the lists changed.
import { describe, expect, it } from 'vitest';
import { createNumberNormaliser } from '../phone';
import { CsvAnalyzer } from './analyzer';
import { analyzeCsv, buildUploadParts, setCsvWorkerFactory } from './client';
import type { DoNotCallLookup } from './doNotCall';
import { UploadPartsBuilder } from './parts';
import { InProcessCsvWorker } from './testing';
import type { AnalysisSettings, CsvAnalysis, UploadPart } from './types';
import { sameVerdicts, validRowsParts } from './validRows';

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
  '9,Ida,=1+1,(202) 555-0107,,ida@example.com\r\n';

const CASES: Case[] = [
  {
    name: 'the API layout with a BOM, LF, quotes, invalid and repeated rows',
    text: '\uFEFF2025550101,Ann,"a,b"\n555,Bob,x\n2025550102,"Cid\nline",y\n2025550101,Dee,z\n2025550103,-5,+1\n',
    settings: { defaultCountry: 'US', firstRowIsHeader: false, varCount: 2, delimiter: ',' },
  },
  {
    name: 'a CRM export mapped, with fallbacks, CRLF, a blank line, listed and faulty rows',
    text: CRM,
    settings: {
      defaultCountry: 'US',
      delimiter: ',',
      firstRowIsHeader: true,
      varCount: 5,
      mapping: { number: [3, 4], variables: [1, 2, 5] },
    },
    lists: { Internal: [12025550104] },
  },
  {
    name: 'semicolons, a header, lone CRs',
    text: 'tel;name\r2025550101;"A;B"\r2025550102;C\r',
    settings: { defaultCountry: 'US', delimiter: ';', firstRowIsHeader: true, varCount: 1 },
  },
  {
    name: 'campaign numbers already sent',
    text: 'Phone,Name\n2025550101,Ann\n2025550102,Bob\n2025550103,Cid\n',
    settings: { defaultCountry: 'US', existingNumbers: ['+12025550102'] },
  },
];

const asSent = async (parts: UploadPart[]) =>
  Promise.all(
    parts.map(async ({ blob, partLines, rowLines, ...rest }) => ({
      ...rest,
      text: await blob.text(),
      rowLines: [...rowLines],
      partLines: [...(partLines ?? [])],
    })),
  );

const analysed = ({ text, settings, lists }: Case) => {
  const lookup = lists ? lookupOf(lists) : null;
  const analyzer = new CsvAnalyzer(settings, 'utf-8', undefined, 0, lookup, [], true);
  analyzer.push(text);
  const analysis = analyzer.finish();
  return { analysis, rows: analyzer.takeValidRows('x'), lookup };
};

describe('the valid rows written by the analysis', () => {
  for (const rowsPerPart of [1, 2, 100])
    it.each(CASES)(`give the parts of the second read ($name), ${rowsPerPart} rows a part`, async (file) => {
      const { analysis, rows, lookup } = analysed(file);
      if (!rows) throw new Error('no rows written');
      expect(rows.ends.length).toBe(analysis.valid);
      const fast: UploadPart[] = [];
      validRowsParts(rows, analysis.varCount, rowsPerPart, (part) => fast.push(part));
      const old: UploadPart[] = [];
      const builder = new UploadPartsBuilder(
        { ...analysis, existingNumbers: file.settings.existingNumbers },
        'valid',
        rowsPerPart,
        (part) => old.push(part),
        lookup,
      );
      builder.push(file.text);
      builder.finish();
      expect(old.length).toBeGreaterThan(0);
      expect(await asSent(fast)).toEqual(await asSent(old));
    });

  it('tell when the campaign or the lists now say otherwise of a number', () => {
    const [, crm, , campaign] = CASES;
    const normaliser = createNumberNormaliser('US');
    const mapped = analysed(crm).rows;
    if (!mapped) throw new Error('no rows written');
    expect(sameVerdicts(mapped, normaliser, undefined, lookupOf(crm.lists ?? {}))).toBe(true);
    // A list gained a sent number, or lost a listed one; the campaign got a sent one.
    expect(
      sameVerdicts(mapped, normaliser, undefined, lookupOf({ Internal: [12025550104, 12025550101] })),
    ).toBe(false);
    expect(sameVerdicts(mapped, normaliser, undefined, null)).toBe(false);
    expect(sameVerdicts(mapped, normaliser, ['(202) 555-0103'], lookupOf(crm.lists ?? {}))).toBe(false);
    const sent = analysed(campaign).rows;
    if (!sent) throw new Error('no rows written');
    expect(sameVerdicts(sent, normaliser, ['+12025550102'], null)).toBe(true);
    expect(sameVerdicts(sent, normaliser, [], null)).toBe(false);
  });
});

describe('the worker builds the valid rows', () => {
  const file = CASES[3];
  const partsOf = async (analysis: CsvAnalysis, existingNumbers: readonly string[]) =>
    asSent(
      await buildUploadParts(
        new Blob([file.text]),
        { ...analysis, existingNumbers },
        { mode: 'valid', rowsPerPart: 10 },
      ),
    );

  it('from the analysis while nothing changed, and by reading the file again when the campaign did', async () => {
    setCsvWorkerFactory(() => new InProcessCsvWorker());
    try {
      const analysis = await analyzeCsv(new Blob([file.text]), file.settings);
      expect(analysis.validRows?.ends.length).toBe(2);
      // Marked: rows that only the analysis's text can give prove which way the parts were built.
      const marked: CsvAnalysis = {
        ...analysis,
        validRows: analysis.validRows && {
          ...analysis.validRows,
          blob: new Blob(['+12025550101,Ann (kept)\r\n+12025550103,Cid (kept)\r\n']),
          ends: new Float64Array([25, 50]),
        },
      };
      expect((await partsOf(marked, ['+12025550102']))[0].text).toContain('(kept)');
      const reread = await partsOf(marked, []);
      expect(reread[0].text).toBe('+12025550101,Ann\r\n+12025550102,Bob\r\n+12025550103,Cid\r\n');
      expect(reread[0].rowLines).toEqual([2, 3, 4]);
      // Other settings than the analysis's (no header) also read the file again.
      const other = await asSent(
        await buildUploadParts(
          new Blob([file.text]),
          { ...marked, existingNumbers: ['+12025550102'], firstRowIsHeader: false },
          { mode: 'valid', rowsPerPart: 10 },
        ),
      );
      expect(other[0].text).toBe('+12025550101,Ann\r\n+12025550103,Cid\r\n');
    } finally {
      setCsvWorkerFactory(null);
    }
  });
});
