import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  binarySearch,
  DncError,
  deleteDncList,
  findOnDncLists,
  getDncList,
  listDncLists,
  loadDncFile,
  packKeys,
  readDncList,
  resetDncStore,
  setDncWorkerFactory,
  sortUnique,
  unpackKeys,
  writeDncList,
} from './index';
import { InProcessDncWorker } from './testing';

const keys = (...values: number[]) => Float64Array.from(values);
const file = (text: string) => new File([text], 'dnc.csv', { type: 'text/csv' });

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await resetDncStore();
  setDncWorkerFactory(() => new InProcessDncWorker());
});

afterEach(() => {
  vi.restoreAllMocks();
  setDncWorkerFactory(null);
});

describe('do-not-call list storage', () => {
  it('writes a list in chunks and finds a number by binary search', async () => {
    const list = await writeDncList({
      mode: 'new',
      name: 'Internal DNC',
      keys: keys(12025550100, 14155550101, 18005550102, 447700900123, 34600000001),
      chunkKeys: 2,
      notes: new Map([[14155550101, 'asked 2 May']]),
    });
    expect(list).toMatchObject({ name: 'Internal DNC', count: 5 });
    expect(list.chunks).toHaveLength(3);
    expect((await listDncLists()).map((l) => l.id)).toEqual([list.id]);
    const [match] = await findOnDncLists(14155550101);
    expect(match.list.id).toBe(list.id);
    expect(match.note).toBe('asked 2 May');
    expect(await findOnDncLists(14155550199)).toEqual([]);
    expect((await readDncList(list.id)).keys).toEqual(
      keys(12025550100, 14155550101, 18005550102, 447700900123, 34600000001),
    );
  });

  it('binary search finds the first, last and missing keys', () => {
    const sorted = keys(1, 3, 5, 7);
    expect([1, 3, 5, 7, 0, 4, 8].map((key) => binarySearch(sorted, key))).toEqual([0, 1, 2, 3, -1, -1, -1]);
  });

  it('replaces a list whole and adds to it with a merge', async () => {
    const list = await writeDncList({ mode: 'new', name: 'A', keys: keys(1, 2, 3), chunkKeys: 2 });
    const replaced = await writeDncList({ mode: 'replace', id: list.id, keys: keys(7, 8), chunkKeys: 2 });
    expect(replaced).toMatchObject({ id: list.id, name: 'A', count: 2 });
    expect(Array.from((await readDncList(list.id)).keys)).toEqual([7, 8]);
    expect(await findOnDncLists(2)).toEqual([]);
    const added = await writeDncList({ mode: 'add', id: list.id, keys: keys(2, 8, 9), chunkKeys: 2 });
    expect(added.count).toBe(4);
    expect(added.loadedAt).toBe(replaced.loadedAt);
    expect(added.updatedAt).toBeGreaterThan(0);
    expect(Array.from((await readDncList(list.id)).keys)).toEqual([2, 7, 8, 9]);
  });

  it('deletes a list and its chunks', async () => {
    const a = await writeDncList({ mode: 'new', name: 'A', keys: keys(1, 2) });
    const b = await writeDncList({ mode: 'new', name: 'B', keys: keys(2, 3) });
    expect((await findOnDncLists(2)).map((m) => m.list.name).sort()).toEqual(['A', 'B']);
    await deleteDncList(a.id);
    expect(await getDncList(a.id)).toBeUndefined();
    expect((await findOnDncLists(2)).map((m) => m.list.id)).toEqual([b.id]);
    await expect(readDncList(a.id)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('leaves the lists as they were on a quota error, and keeps no stray chunks', async () => {
    const list = await writeDncList({ mode: 'new', name: 'A', keys: keys(1, 2, 3), chunkKeys: 2 });
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'chunks' && ++calls >= 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    const failed = writeDncList({ mode: 'replace', id: list.id, keys: keys(4, 5, 6, 7, 8), chunkKeys: 2 });
    await expect(failed).rejects.toBeInstanceOf(DncError);
    await expect(failed).rejects.toMatchObject({ code: 'quota', message: 'dnc.error.quota' });
    const fresh = writeDncList({ mode: 'new', name: 'B', keys: keys(9, 10, 11), chunkKeys: 2 });
    await expect(fresh).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect(await getDncList(list.id)).toEqual(list);
    expect((await listDncLists()).map((l) => l.name)).toEqual(['A']);
    expect(Array.from((await readDncList(list.id)).keys)).toEqual([1, 2, 3]);
    // Only the list's own chunks remain.
    const request = indexedDB.open('sipcaller-dnc');
    const db = await new Promise<IDBDatabase>((resolve) => {
      request.onsuccess = () => resolve(request.result);
    });
    const count = await new Promise<number>((resolve) => {
      const r = db.transaction('chunks').objectStore('chunks').count();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    expect(count).toBe(list.chunks.length);
  });

  it('leaves the list as it was when the write is aborted', async () => {
    const list = await writeDncList({ mode: 'new', name: 'A', keys: keys(1, 2, 3) });
    const controller = new AbortController();
    const write = writeDncList({
      mode: 'replace',
      id: list.id,
      keys: keys(4, 5, 6, 7),
      chunkKeys: 1,
      signal: controller.signal,
      onChunk: (written) => {
        if (written === 2) controller.abort(new DOMException('Cancelled', 'AbortError'));
      },
    });
    await expect(write).rejects.toMatchObject({ name: 'AbortError' });
    expect(await getDncList(list.id)).toEqual(list);
  });

  it('sweeps the chunks of a write that never finished (a closed tab) on the next open', async () => {
    const list = await writeDncList({ mode: 'new', name: 'A', keys: keys(1) });
    // A write that stopped after its chunks: a stale pending record and a chunk no list names.
    const request = indexedDB.open('sipcaller-dnc');
    const db = await new Promise<IDBDatabase>((resolve) => {
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction(['chunks', 'pending'], 'readwrite');
      tx.objectStore('pending').put({ version: `${list.id}/old`, startedAt: 0 });
      tx.objectStore('chunks').put({ key: `${list.id}/old/0`, keys: keys(5), notes: [] });
      tx.oncomplete = () => resolve();
    });
    await resetDncStore();
    expect((await listDncLists()).map((l) => l.id)).toEqual([list.id]);
    const remaining = await new Promise<IDBValidKey[]>((resolve) => {
      const r = db.transaction('chunks').objectStore('chunks').getAllKeys();
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    expect(remaining).toEqual([list.chunks[0].key]);
  });
});

describe('loading a file', () => {
  it('reads numbers and notes, skips a header and invalid rows, and reports progress', async () => {
    const progress: string[] = [];
    const result = await loadDncFile(
      {
        file: file('number,note\n+1 202 555 0100,asked\n(415) 555-0101\nnot a number\n2025550100\n\n'),
        mode: 'new',
        name: 'Internal DNC',
        defaultCountry: 'US',
      },
      { onProgress: (p) => progress.push(p.phase) },
    );
    // The header row ("number,note") is not a row of the list.
    expect(result).toMatchObject({ rows: 4, valid: 3, duplicates: 1, invalid: 1 });
    expect(result.invalidLines.map((l) => l.line)).toEqual([4]);
    expect(result.columns).toEqual({
      number: { index: 0, header: 'number' },
      note: { index: 1, header: 'note' },
    });
    expect(result.list).toMatchObject({ name: 'Internal DNC', count: 2 });
    expect(progress).toContain('reading');
    expect(progress).toContain('saving');
    expect((await findOnDncLists(12025550100))[0].note).toBe('asked');
  });

  it('refuses a file without numbers or a binary file, and writes nothing', async () => {
    await expect(
      loadDncFile({ file: file('a\nb\n'), mode: 'new', name: 'X', defaultCountry: 'US' }),
    ).rejects.toMatchObject({ code: 'noNumbers' });
    await expect(
      loadDncFile({
        file: new File([new Uint8Array([80, 75, 3, 4, 0, 0])], 'x.bin'),
        mode: 'new',
        name: 'X',
        defaultCountry: 'US',
      }),
    ).rejects.toMatchObject({ code: 'notText' });
    expect(await listDncLists()).toEqual([]);
  });

  it('adds a file to a list and replaces a list from a file', async () => {
    const { list } = await loadDncFile({
      file: file('2025550100\n'),
      mode: 'new',
      name: 'A',
      defaultCountry: 'US',
    });
    const added = await loadDncFile({
      file: file('2025550101\n'),
      mode: 'add',
      id: list.id,
      defaultCountry: 'US',
    });
    expect(added.list.count).toBe(2);
    const replaced = await loadDncFile({
      file: file('+442079460958\n'),
      mode: 'replace',
      id: list.id,
      defaultCountry: 'US',
    });
    expect(replaced.list.count).toBe(1);
    expect(await findOnDncLists(12025550100)).toEqual([]);
    expect(await findOnDncLists(442079460958)).toHaveLength(1);
  });

  it('cancels a load and leaves the lists as they were', async () => {
    const controller = new AbortController();
    const load = loadDncFile(
      { file: file('2025550100\n'), mode: 'new', name: 'A', defaultCountry: 'US' },
      { signal: controller.signal },
    );
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    await expect(load).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await listDncLists()).toEqual([]);
  });
});

describe('packed chunks', () => {
  it('packs sorted keys as varint deltas and unpacks them exactly, from the smallest key to 15 digits', () => {
    const next = (() => {
      let seed = 3;
      return () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
    })();
    const sample = sortUnique(
      Float64Array.from([
        10,
        11,
        999_999_999_999_999,
        12025550100,
        12025550101,
        ...Array.from({ length: 5000 }, () => 1e10 + Math.floor(next() * 9e14)),
      ]),
    );
    const packed = packKeys(sample);
    expect(Array.from(unpackKeys(packed, sample.length))).toEqual(Array.from(sample));
    // A national list: neighbours a few hundred apart take 2 bytes, not 8.
    const national = Float64Array.from({ length: 10_000 }, (_, i) => 12025550000 + i * 700);
    expect(packKeys(national).length).toBeLessThan(national.length * 2 + 8);
  });

  it('still reads a list whose chunks were stored as plain arrays (before packing)', async () => {
    await resetDncStore();
    const request = indexedDB.open('sipcaller-dnc', 1);
    request.onupgradeneeded = () => {
      for (const [name, keyPath] of [
        ['lists', 'id'],
        ['chunks', 'key'],
        ['pending', 'version'],
      ])
        request.result.createObjectStore(name, { keyPath });
    };
    const db = await new Promise<IDBDatabase>((resolve) => {
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction(['lists', 'chunks'], 'readwrite');
      tx.objectStore('lists').put({
        id: 'old',
        name: 'Old list',
        count: 2,
        loadedAt: Date.now(),
        version: 'v1',
        chunks: [{ key: 'old/v1/0', first: 12025550100, last: 12025550101, count: 2 }],
      });
      tx.objectStore('chunks').put({
        key: 'old/v1/0',
        keys: keys(12025550100, 12025550101),
        notes: [[12025550101, 'kept']],
      });
      tx.oncomplete = () => resolve();
    });
    db.close();
    expect(Array.from((await readDncList('old')).keys)).toEqual([12025550100, 12025550101]);
    expect((await findOnDncLists(12025550101))[0]).toMatchObject({ note: 'kept' });
    const added = await writeDncList({ mode: 'add', id: 'old', keys: keys(12025550102) });
    expect(added.count).toBe(3);
    expect(Array.from((await readDncList('old')).keys)).toEqual([12025550100, 12025550101, 12025550102]);
  });
});
