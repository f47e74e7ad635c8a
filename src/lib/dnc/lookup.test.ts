// The lists as the CSV worker reads them: the index against a plain binary search, and the whole path
// (lists written to IndexedDB, read by the CSV job itself, rows marked) on fake-indexeddb.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeCsv, buildUploadParts, setCsvWorkerFactory } from '../csv';
import { InProcessCsvWorker } from '../csv/testing';
import {
  binarySearch,
  dncLookupOf,
  openDncLookup,
  resetDncStore,
  SortedKeyIndex,
  sortUnique,
  writeDncList,
} from './index';

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await resetDncStore();
});

afterEach(() => setCsvWorkerFactory(null));

/** A seeded generator: the same keys every run. */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

describe('SortedKeyIndex', () => {
  it('answers as a binary search does, for present keys, absent ones and both ends', () => {
    const next = random(7);
    for (const size of [0, 1, 63, 64, 65, 1000, 20_000]) {
      const keys = sortUnique(
        Float64Array.from({ length: size }, () => 10_000_000_000 + Math.floor(next() * 9e9)),
      );
      const index = new SortedKeyIndex(keys);
      const probes = [
        ...keys.filter((_, i) => i % 7 === 0),
        ...Array.from({ length: 2000 }, () => 10_000_000_000 + Math.floor(next() * 9e9)),
        1,
        Number.MAX_SAFE_INTEGER,
        ...(keys.length ? [keys[0], keys[keys.length - 1], keys[0] - 1, keys[keys.length - 1] + 1] : []),
      ];
      for (const key of probes) expect(index.has(key), `${size}: ${key}`).toBe(binarySearch(keys, key) >= 0);
    }
  });
});

describe('dncLookupOf', () => {
  it('names every list holding a key, across chunks, and answers null for a miss', () => {
    const lookup = dncLookupOf([
      { name: 'A', chunks: [Float64Array.of(1, 5, 9), Float64Array.of(12, 20)] },
      { name: 'B', chunks: [Float64Array.of(5, 30)] },
      { name: 'Empty', chunks: [] },
    ]);
    expect(lookup.lists).toEqual(['A', 'B', 'Empty']);
    expect(lookup.holding(12)).toEqual(['A']);
    expect(lookup.holding(5)).toEqual(['A', 'B']);
    expect(lookup.holding(30)).toEqual(['B']);
    for (const miss of [0, 2, 10, 11, 21, 31]) expect(lookup.holding(miss)).toBeNull();
  });
});

describe('openDncLookup: the CSV job reads the device’s lists itself', () => {
  it('marks the rows on the lists stored in IndexedDB and leaves them out of the valid rows', async () => {
    await writeDncList({
      mode: 'new',
      name: 'Internal DNC',
      keys: Float64Array.of(12025550102, 12025550105, 14155550100),
      chunkKeys: 2,
    });
    await writeDncList({ mode: 'new', name: 'Registry', keys: Float64Array.of(12025550103) });
    const lookup = await openDncLookup();
    expect([...lookup.lists].sort()).toEqual(['Internal DNC', 'Registry']);
    expect(lookup.holding(12025550105)).toEqual(['Internal DNC']);

    setCsvWorkerFactory(() => new InProcessCsvWorker(openDncLookup));
    const file = new Blob(['2025550101\n2025550102\n2025550103\n2025550104\n2025550105\n'], {
      type: 'text/csv',
    });
    const analysis = await analyzeCsv(file, { defaultCountry: 'US' });
    expect(analysis).toMatchObject({ rows: 5, valid: 2, doNotCall: { rows: 3 } });
    expect(analysis.problems.map((problem) => [problem.line, problem.values.lists])).toEqual([
      [2, "'Internal DNC'"],
      [3, "'Registry'"],
      [5, "'Internal DNC'"],
    ]);
    const [part] = await buildUploadParts(file, analysis, { mode: 'valid', rowsPerPart: 10 });
    expect(await part.blob.text()).toBe('+12025550101\r\n+12025550104\r\n');
  });

  it('gives an empty lookup on a device without lists', async () => {
    const lookup = await openDncLookup();
    expect(lookup.lists).toEqual([]);
    expect(lookup.holding(12025550101)).toBeNull();
  });
});
