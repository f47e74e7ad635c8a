// The do-not-call check of the analysis and of the valid-rows file, with a lookup given to the engine
// (as src/lib/dnc gives its lists to the worker), and the worker's path with one that fails.
import { describe, expect, it } from 'vitest';
import { analyzeChunks } from './analyzer';
import { analyzeCsv, buildUploadParts, setCsvWorkerFactory } from './client';
import type { DoNotCallLookup } from './doNotCall';
import { CsvAnalysisError } from './errors';
import { InProcessCsvWorker } from './testing';

/** A lookup over a few lists, the way the engine sees one: names by key. */
const lookupOf = (lists: Record<string, number[]>): DoNotCallLookup & { calls: number } => {
  const byKey = new Map<number, string[]>();
  for (const [name, keys] of Object.entries(lists))
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), name]);
  return {
    calls: 0,
    lists: Object.keys(lists),
    holding(key) {
      this.calls++;
      return byKey.get(key) ?? null;
    },
  };
};

const FILE =
  'Phone,Name\n' +
  '2025550101,Ann\n' + // 2 valid
  '2025550102,Bob\n' + // 3 on Internal DNC
  '555,Cid\n' + // 4 invalid: never looked up
  '+1 202 555 0103,Dee\n' + // 5 on both lists
  '2025550102,Bob again\n' + // 6 listed again: listed, not a duplicate
  '2025550101,Ann again\n' + // 7 duplicate
  '2025550104,Eve\n'; // 8 valid

const LISTS = { 'Internal DNC': [12025550102, 12025550103], 'National registry': [12025550103] };

describe('the analysis with the do-not-call lists', () => {
  it('marks each listed row with its lists, counts them apart and keeps them out of the valid rows', () => {
    const lookup = lookupOf(LISTS);
    const analysis = analyzeChunks([FILE], { defaultCountry: 'US' }, undefined, lookup);
    expect(analysis).toMatchObject({ rows: 7, valid: 2, invalid: 1, duplicates: 1, existingDuplicates: 0 });
    expect(analysis.doNotCall).toEqual({ lists: ['Internal DNC', 'National registry'], rows: 3 });
    expect(
      analysis.valid +
        analysis.invalid +
        analysis.duplicates +
        analysis.existingDuplicates +
        (analysis.doNotCall?.rows ?? 0),
    ).toBe(analysis.rows);
    const listed = analysis.problems.filter((problem) => problem.reason === 'onDncList');
    expect(listed.map(({ line, message, values, detail }) => ({ line, message, values, detail }))).toEqual([
      {
        line: 3,
        message: 'upload.csv.problem.onDncList',
        values: { number: '2025550102', e164: '+12025550102', lists: "'Internal DNC'" },
        detail: '+12025550102',
      },
      {
        line: 5,
        message: 'upload.csv.problem.onDncLists',
        values: {
          number: '+1 202 555 0103',
          e164: '+12025550103',
          lists: "'Internal DNC', 'National registry'",
        },
        detail: '+12025550103',
      },
      {
        line: 6,
        message: 'upload.csv.problem.onDncList',
        values: { number: '2025550102', e164: '+12025550102', lists: "'Internal DNC'" },
        detail: '+12025550102',
      },
    ]);
    expect(analysis.preview.find((row) => row.line === 3)?.problem?.reason).toBe('onDncList');
    // Only numbers that are valid are looked up.
    expect(lookup.calls).toBe(6);
  });

  it('is the same with a column mapping (the number taken from another column)', () => {
    const analysis = analyzeChunks(
      ['Name,Phone\nAnn,2025550101\nBob,2025550102\n'],
      { defaultCountry: 'US', mapping: { number: [1], variables: [0] } },
      undefined,
      lookupOf(LISTS),
    );
    expect(analysis).toMatchObject({ valid: 1, doNotCall: { rows: 1 } });
    expect(analysis.problems[0]).toMatchObject({ line: 3, reason: 'onDncList' });
  });

  it('has no doNotCall figures when no lookup was given (Node callers), and none listed with empty lists', () => {
    expect(analyzeChunks([FILE], { defaultCountry: 'US' }).doNotCall).toBeNull();
    expect(analyzeChunks([FILE], { defaultCountry: 'US' }, undefined, lookupOf({})).doNotCall).toEqual({
      lists: [],
      rows: 0,
    });
  });
});

describe('the worker path (runCsvJob with the lists it opens)', () => {
  it('analyses and builds the valid rows without the listed numbers; the file as it is keeps them', async () => {
    let opened = 0;
    setCsvWorkerFactory(
      () =>
        new InProcessCsvWorker(async () => {
          opened++;
          return lookupOf(LISTS);
        }),
    );
    try {
      const file = new Blob([FILE], { type: 'text/csv' });
      const before = Date.now();
      const analysis = await analyzeCsv(file, { defaultCountry: 'US' });
      expect(analysis.doNotCall).toEqual({
        lists: ['Internal DNC', 'National registry'],
        rows: 3,
        checkedAt: expect.any(Number),
      });
      // When the lists were read: a list written since is not in these figures (useDoNotCallRecheck).
      expect(analysis.doNotCall?.checkedAt).toBeGreaterThanOrEqual(before);
      expect(analysis.doNotCall?.checkedAt).toBeLessThanOrEqual(Date.now());
      expect(
        analysis.problems.filter((problem) => problem.reason === 'onDncList').map((p) => p.line),
      ).toEqual([3, 5, 6]);
      const valid = await buildUploadParts(file, analysis, { mode: 'valid', rowsPerPart: 100 });
      expect(await valid[0].blob.text()).toBe('+12025550101,Ann\r\n+12025550104,Eve\r\n');
      expect(opened).toBe(2);
      const asIs = await buildUploadParts(file, analysis, { mode: 'asIs', rowsPerPart: 100 });
      expect((await asIs[0].blob.text()).split('\r\n').filter(Boolean)).toHaveLength(8);
      // The file as it is sends every row: it needs no lists.
      expect(opened).toBe(2);
    } finally {
      setCsvWorkerFactory(null);
    }
  });

  it('says when the lists cannot be read, and then refuses to build the valid rows', async () => {
    setCsvWorkerFactory(
      () =>
        new InProcessCsvWorker(async () => {
          throw new Error('IndexedDB is not available');
        }),
    );
    try {
      const file = new Blob([FILE], { type: 'text/csv' });
      const analysis = await analyzeCsv(file, { defaultCountry: 'US' });
      expect(analysis.doNotCall).toMatchObject({ lists: [], rows: 0, error: 'IndexedDB is not available' });
      expect(analysis.valid).toBe(4);
      const failure = await buildUploadParts(file, analysis, { mode: 'valid', rowsPerPart: 100 }).catch(
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(CsvAnalysisError);
      expect(failure).toMatchObject({ code: 'doNotCallFailed', message: 'upload.csv.error.doNotCallFailed' });
      expect(await buildUploadParts(file, analysis, { mode: 'asIs', rowsPerPart: 100 })).toHaveLength(1);
    } finally {
      setCsvWorkerFactory(null);
    }
  });
});
