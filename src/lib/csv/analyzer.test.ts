import { describe, expect, it } from 'vitest';
import { analyzeChunks } from './analyzer';
import type { AnalysisSettings } from './types';

const US: AnalysisSettings = { defaultCountry: 'US' };
const analyze = (text: string | string[], settings: Partial<AnalysisSettings> = {}) =>
  analyzeChunks(typeof text === 'string' ? [text] : text, { ...US, ...settings });

const reasons = (text: string, settings: Partial<AnalysisSettings> = {}) =>
  analyze(text, settings).problems.map((problem) => [problem.line, problem.reason]);

describe('analyzeChunks: detection', () => {
  it('detects comma, semicolon and tab delimiters, ignoring delimiters inside quotes', () => {
    expect(analyze('+12025550123,a,b\n+12025550124,c,d\n').delimiter).toBe(',');
    expect(analyze('+12025550123;"a,b,c";x\n+12025550124;"d,e";y\n').delimiter).toBe(';');
    const tab = analyze('+12025550123\tJohn, Jr.\t199\n+12025550124\tMary\t299\n');
    expect(tab).toMatchObject({ delimiter: '\t', varCount: 2, valid: 2 });
    expect(tab.preview[0].varValues).toEqual(['John, Jr.', '199']);
  });

  it('takes given settings over detection and says which were detected', () => {
    const analysis = analyze('number;name\n+12025550123;x\n', {
      delimiter: ',',
      firstRowIsHeader: false,
      varCount: 0,
    });
    expect(analysis).toMatchObject({
      delimiter: ',',
      firstRowIsHeader: false,
      varCount: 0,
      delimiterDetected: false,
      headerDetected: false,
      varCountDetected: false,
    });
    expect(analyze('+12025550123\n')).toMatchObject({
      delimiterDetected: true,
      headerDetected: true,
      varCountDetected: true,
    });
  });

  it('detects a header row when its first cell is not number-like and the rows below are', () => {
    const analysis = analyze('Phone,Name,Amount\n+12025550123,John,199\n+12025550124,Mary,299\n');
    expect(analysis).toMatchObject({
      firstRowIsHeader: true,
      header: ['Phone', 'Name', 'Amount'],
      rows: 2,
      valid: 2,
    });
    expect(analysis.preview[0].line).toBe(2);
    expect(analyze('+12025550123,John\n+12025550124,Mary\n').firstRowIsHeader).toBe(false);
    // Most rows are not numbers: the first row is data with a bad number, not a header.
    expect(analyze('x,1\ny,2\nz,3\n+12025550124,4\n').firstRowIsHeader).toBe(false);
  });

  it('counts numbers a spreadsheet damaged (1.8005E+10) as numbers under a header, never as one', () => {
    const csv = 'Name,Phone\nAna,1.8005E+10\nBo,2025550124\nCy,1.23457E+18\n';
    expect(analyze(csv)).toMatchObject({ firstRowIsHeader: true, header: ['Name', 'Phone'], rows: 3 });
    expect(analyze('Phone,Name\n1.8005E+10,Ana\n2025550124,Bo\n').firstRowIsHeader).toBe(true);
    expect(analyze('1.8005E+10,Ana\n2025550124,Bo\n2025550125,Cy\n').firstRowIsHeader).toBe(false);
  });

  it('sets varCount to the most common column count − 1 and flags the other rows', () => {
    const analysis = analyze('+12025550123,a,b\n+12025550124,c\n+12025550125,d,e\n+12025550126,f,g,h\n');
    expect(analysis).toMatchObject({ varCount: 2, columnCounts: { 2: 1, 3: 2, 4: 1 }, valid: 2, invalid: 2 });
    expect(analysis.problems.map((p) => [p.line, p.reason, p.values])).toEqual([
      [2, 'wrongColumnCount', { number: '+12025550124', columns: 2, expected: 3 }],
      [4, 'wrongColumnCount', { number: '+12025550126', columns: 4, expected: 3 }],
    ]);
  });

  it('treats trailing delimiters as no column: allowed when the extra cells are empty', () => {
    const analysis = analyze(
      '555-0001,John,199,\n+12025550123,Mary,299,\n+12025550124,Ann,1\n+12025550125,Bob,2,,\n',
    );
    expect(analysis.varCount).toBe(2);
    expect(analysis.columnCounts).toEqual({ 3: 1, 4: 2, 5: 1 });
    expect(analysis.problems.map((p) => p.reason)).toEqual(['invalidNumber']);
    expect(analysis.preview[1].varValues).toEqual(['Mary', '299']);
  });
});

describe('analyzeChunks: text handling', () => {
  it('strips a byte order mark and reads CRLF files', () => {
    const analysis = analyze('\ufeffnumber,name\r\n+12025550123,John\r\n+12025550124,Mary\r\n');
    expect(analysis).toMatchObject({ firstRowIsHeader: true, header: ['number', 'name'], rows: 2, valid: 2 });
    expect(analysis.preview.map((row) => row.varValues)).toEqual([['John'], ['Mary']]);
  });

  it('reads quoted commas, doubled quotes and line breaks inside quotes, and keeps editor line numbers', () => {
    const analysis = analyze('+12025550123,"Doe, Jane","say ""hi"""\n+12025550124,"two\nlines",x\nbad,y,z\n');
    expect(analysis.preview.map((row) => [row.line, row.varValues])).toEqual([
      [1, ['Doe, Jane', 'say "hi"']],
      [2, ['two\nlines', 'x']],
      [4, ['y', 'z']],
    ]);
    expect(analysis.lines).toBe(4);
  });

  it('skips blank lines (empty, spaces, only delimiters) but counts them in line numbers', () => {
    const analysis = analyze('\n+12025550123,a\n\n   \n,\n+1202555012x,b\n');
    expect(analysis).toMatchObject({ rows: 2, blankLines: 4, valid: 1, invalid: 1 });
    expect(analysis.problems[0].line).toBe(6);
  });

  it('reports an empty file, a blank file and a header-only file as empty', () => {
    expect(analyze('')).toMatchObject({
      rows: 0,
      empty: true,
      lines: 0,
      bytes: 0,
      problems: [],
      preview: [],
    });
    expect(analyze('\n\r\n')).toMatchObject({ rows: 0, empty: true, blankLines: 2 });
    expect(analyze('number,name\n', { firstRowIsHeader: true })).toMatchObject({
      rows: 0,
      empty: true,
      header: ['number', 'name'],
    });
  });

  it('gives the same analysis for any chunking, including cuts inside quotes and CRLF', () => {
    const text =
      '\ufeffPhone;Name\r\n+1 202 555 0123;"a;""b"""\r\n"+12025550124";"x\r\ny"\r\n\r\n+12025550123;dup\r\n';
    const whole = analyze(text);
    expect(whole).toMatchObject({ delimiter: ';', firstRowIsHeader: true, valid: 2, duplicates: 1 });
    for (let i = 1; i < text.length; i++) {
      expect(analyze([text.slice(0, i), text.slice(i)]), `cut at ${i}`).toEqual(whole);
    }
  });

  it('flags text after a closing quote and a quote never closed as problems (the emulator refuses both)', () => {
    const text = '+12025550123,"a"x\n+12025550124,b\n+12025550125,"c\n+12025550126,d\n';
    const analysis = analyze(text, { varCount: 1 });
    expect(analysis).toMatchObject({ rows: 3, valid: 1, invalid: 2 });
    expect(analysis.problems.map((p) => [p.line, p.reason, p.message, p.raw])).toEqual([
      [1, 'textAfterQuote', 'upload.csv.problem.textAfterQuote', '+12025550123,"a"x'],
      [3, 'unclosedQuote', 'upload.csv.problem.unclosedQuote', '+12025550125,"c\n+12025550126,d\n'],
    ]);
    expect(analysis.preview.map((row) => row.problem?.reason ?? null)).toEqual([
      'textAfterQuote',
      null,
      'unclosedQuote',
    ]);
  });

  it('reads lone CR line ends (old Mac spreadsheets) and counts them', () => {
    const analysis = analyze('+12025550123,a\r+12025550124,"b\rc"\r\rbad,d\r');
    expect(analysis).toMatchObject({ rows: 3, valid: 2, lines: 5, blankLines: 1 });
    expect(analysis.problems[0].line).toBe(5);
  });

  it('counts bytes as UTF-8', () => {
    expect(analyze('+12025550123,José\n').bytes).toBe(19);
  });
});

describe('analyzeChunks: numbers', () => {
  it('accepts national and international numbers and gives their E.164 form', () => {
    const analysis = analyze(
      '(202) 555-0123\n202.555.0124\n+1 202 555 0125\n+44 20 7946 0958\n0049 30 123456\n',
    );
    expect(analysis.preview.map((row) => row.e164)).toEqual([
      '+12025550123',
      '+12025550124',
      '+12025550125',
      '+442079460958',
      null,
    ]);
    expect(
      analyze('020 7946 0958\n+1 202 555 0125\n', { defaultCountry: 'GB' }).preview.map((row) => row.e164),
    ).toEqual(['+442079460958', '+12025550125']);
  });

  it('rejects invalid, impossible and empty numbers with their reason', () => {
    expect(reasons('5550001,a\n+1 202 555 01,b\n2025550123ext4,c\n,d\n+999123456789,e\n12-ab,f\n')).toEqual([
      [1, 'invalidNumber'],
      [2, 'invalidNumber'],
      [3, 'invalidNumber'],
      [4, 'emptyNumber'],
      [5, 'invalidNumber'],
      [6, 'invalidNumber'],
    ]);
  });

  it('counts duplicates within the file by E.164 form, pointing at the first line', () => {
    const analysis = analyze('2025550123,a\n+1 202-555-0123,b\n+12025550124,c\n(202) 555 0123,d\n');
    expect(analysis).toMatchObject({ rows: 4, valid: 2, duplicates: 2, invalid: 0 });
    expect(analysis.problems.map((p) => [p.line, p.reason, p.values.firstLine, p.detail])).toEqual([
      [2, 'duplicate', 1, '+12025550123'],
      [4, 'duplicate', 1, '+12025550123'],
    ]);
  });

  it('counts numbers already in the campaign apart from duplicates within the file', () => {
    const analysis = analyze('2025550123,a\n2025550124,b\n2025550123,c\n', {
      existingNumbers: ['+12025550123', '5550001', '+44 not e164'],
    });
    expect(analysis).toMatchObject({ valid: 1, existingDuplicates: 2, duplicates: 0 });
    expect(analysis.problems.map((p) => p.reason)).toEqual(['duplicateInCampaign', 'duplicateInCampaign']);
  });

  it('a number in scientific notation (a float of a spreadsheet, as Excel writes it to a CSV) is damaged', () => {
    const analysis = analyzeChunks(['1.8005E+10,Ana\n2025550123,Bo\n8.00555E+9,Cy\n12ab,Di\n'], {
      defaultCountry: 'US',
    });
    expect(analysis.problems.map((p) => [p.line, p.reason, p.values.number])).toEqual([
      [1, 'damagedNumber', '1.8005E+10'],
      [3, 'damagedNumber', '8.00555E+9'],
      [4, 'invalidNumber', '12ab'],
    ]);
    // Counted with the invalid rows: rows = valid + invalid + duplicates + existingDuplicates.
    expect(analysis).toMatchObject({ rows: 4, valid: 1, invalid: 3 });
  });

  it('keeps rows = valid + invalid + duplicates + existingDuplicates', () => {
    const a = analyze('2025550123,a\nx,b\n2025550123,c\n2025550199,d\n,e\n2025550124\n', {
      existingNumbers: ['+12025550199'],
    });
    expect(a.rows).toBe(a.valid + a.invalid + a.duplicates + a.existingDuplicates);
    expect(a.problemCount).toBe(a.rows - a.valid);
  });
});

describe('analyzeChunks: result size', () => {
  it('previews the first 20 rows and lists at most 10,000 problems while counting them all', () => {
    const rows = Array.from({ length: 10_050 }, (_, i) => `bad${i},x`).join('\n');
    const analysis = analyze(rows);
    expect(analysis.preview).toHaveLength(20);
    expect(analysis.problems).toHaveLength(10_000);
    expect(analysis.problemCount).toBe(10_050);
    expect(analysis.problems[9_999].line).toBe(10_000);
  });

  it('cuts long raw rows', () => {
    const analysis = analyze(`bad,${'x'.repeat(2000)}\n`);
    expect(analysis.problems[0].raw.length).toBeLessThanOrEqual(501);
  });
});
