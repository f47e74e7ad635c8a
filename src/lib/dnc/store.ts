// Do-not-call lists in IndexedDB (through idb). A list is one record in `lists` naming its chunks;
// each chunk (in `chunks`) holds up to CHUNK_KEYS sorted, distinct E.164 keys, packed as varint
// deltas (keys.ts packKeys; chunks written before that hold a plain Float64Array, still read), and
// the notes of those keys that have one. Chunks of a new version are written first, each in its
// own transaction, under keys no list names yet; one last transaction then points the list record
// at them and deletes the old ones. So a list is written whole or not at all: a quota error, an
// abort or a closed tab before that last transaction leaves every list as it was, and the chunks
// written so far are deleted (or, after a closed tab, swept on a later open).

import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { abortReason } from '../errors';
import { DncError, storageError } from './errors';
import { binarySearch, mergeSorted, packKeys, unpackKeys } from './keys';

export const DB_NAME = 'sipcaller-dnc';
export const CHUNK_KEYS = 1_000_000;
/** A write that has not finished after this long is taken for a closed tab: its chunks are swept. */
const PENDING_STALE_MS = 6 * 60 * 60 * 1000;

export interface DncChunkRef {
  key: string;
  first: number;
  last: number;
  count: number;
}

export interface DncList {
  id: string;
  name: string;
  /** Distinct numbers on the list. */
  count: number;
  /** When the list was loaded or last replaced (ms since the epoch); adding to it keeps the date. */
  loadedAt: number;
  /** When numbers were last added (ms), if ever. */
  updatedAt?: number;
  version: string;
  chunks: DncChunkRef[];
}

/** A chunk as read: its sorted keys and its notes. */
export interface ChunkRecord {
  key: string;
  keys: Float64Array;
  /** [key, note] for the keys of this chunk that have a note. */
  notes: [number, string][];
}

/** A chunk as stored: packed keys (`count` of them), or a plain array in chunks of older writes. */
interface StoredChunk {
  key: string;
  packed?: Uint8Array;
  count?: number;
  keys?: Float64Array;
  notes: [number, string][];
}

const keysOf = (chunk: StoredChunk): Float64Array =>
  chunk.keys ?? unpackKeys(chunk.packed ?? new Uint8Array(0), chunk.count ?? 0);

const readChunk = (chunk: StoredChunk): ChunkRecord => ({
  key: chunk.key,
  keys: keysOf(chunk),
  notes: chunk.notes,
});

interface PendingRecord {
  version: string;
  startedAt: number;
}

interface DncSchema extends DBSchema {
  lists: { key: string; value: DncList };
  chunks: { key: string; value: StoredChunk };
  pending: { key: string; value: PendingRecord };
}

/** idb's `tx.done` rejects when a transaction aborts; a caller that throws first must not leave it unhandled. */
const quiet = <T extends { done: Promise<void> }>(tx: T): T => {
  tx.done.catch(() => undefined);
  return tx;
};

let dbName = DB_NAME;
let opening: Promise<IDBPDatabase<DncSchema>> | undefined;

async function open(): Promise<IDBPDatabase<DncSchema>> {
  const db = await openDB<DncSchema>(dbName, 1, {
    upgrade(database) {
      database.createObjectStore('lists', { keyPath: 'id' });
      database.createObjectStore('chunks', { keyPath: 'key' });
      database.createObjectStore('pending', { keyPath: 'version' });
    },
    blocking() {
      // A newer version elsewhere (another tab after an upgrade): let it open.
      db.close();
      opening = undefined;
    },
  });
  await sweep(db).catch(() => undefined);
  return db;
}

function db(): Promise<IDBPDatabase<DncSchema>> {
  opening ??= open().catch((error: unknown) => {
    opening = undefined;
    throw storageError(error);
  });
  return opening;
}

/** For tests: forget the open connection (and use another database name). */
export async function resetDncStore(name = DB_NAME): Promise<void> {
  const current = opening;
  opening = undefined;
  dbName = name;
  if (current) (await current.catch(() => undefined))?.close();
}

const chunkVersion = (chunkKey: string) => chunkKey.slice(0, chunkKey.lastIndexOf('/'));
const versionOf = (list: DncList) => `${list.id}/${list.version}`;

/** Deletes chunks that no list names and no recent write is still writing. */
async function sweep(database: IDBPDatabase<DncSchema>): Promise<void> {
  const tx = quiet(database.transaction(['lists', 'chunks', 'pending'], 'readwrite'));
  const live = new Set((await tx.objectStore('lists').getAll()).map(versionOf));
  const now = Date.now();
  for (const pending of await tx.objectStore('pending').getAll()) {
    if (now - pending.startedAt < PENDING_STALE_MS) live.add(pending.version);
    else await tx.objectStore('pending').delete(pending.version);
  }
  for (const key of await tx.objectStore('chunks').getAllKeys()) {
    if (!live.has(chunkVersion(key))) await tx.objectStore('chunks').delete(key);
  }
  await tx.done;
}

const byDate = (a: DncList, b: DncList) => b.loadedAt - a.loadedAt || a.name.localeCompare(b.name);

/** Every list, newest first. */
export async function listDncLists(): Promise<DncList[]> {
  try {
    return (await (await db()).getAll('lists')).sort(byDate);
  } catch (error) {
    throw storageError(error);
  }
}

export async function getDncList(id: string): Promise<DncList | undefined> {
  try {
    return await (await db()).get('lists', id);
  } catch (error) {
    throw storageError(error);
  }
}

export interface ListContents {
  keys: Float64Array;
  notes: Map<number, string>;
}

/** A list's chunks one at a time, in key order. */
export async function* readDncChunks(id: string): AsyncGenerator<ChunkRecord> {
  const database = await db().catch((error: unknown) => {
    throw storageError(error);
  });
  const list = await database.get('lists', id);
  if (!list) throw new DncError('notFound', id);
  for (const ref of list.chunks) {
    const chunk = await database.get('chunks', ref.key);
    if (!chunk) throw new DncError('storageFailed', `chunk ${ref.key} is missing`);
    yield readChunk(chunk);
  }
}

/**
 * Every list's keys, chunk by chunk (no copy), newest list first: one read transaction whose gets
 * are all issued at once, so that the browser reads the stored chunks while earlier ones are decoded.
 */
export async function readAllDncKeys(): Promise<{ list: DncList; chunks: Float64Array[] }[]> {
  try {
    const database = await db();
    const tx = quiet(database.transaction(['lists', 'chunks'], 'readonly'));
    const lists = (await tx.objectStore('lists').getAll()).sort(byDate);
    const store = tx.objectStore('chunks');
    const read = await Promise.all(
      lists.map(async (list) => ({
        list,
        chunks: await Promise.all(
          list.chunks.map(async (ref) => {
            const chunk = await store.get(ref.key);
            if (!chunk) throw new DncError('storageFailed', `chunk ${ref.key} is missing`);
            return keysOf(chunk);
          }),
        ),
      })),
    );
    await tx.done;
    return read;
  } catch (error) {
    throw storageError(error);
  }
}

/** The whole list in memory: its sorted keys and notes. */
export async function readDncList(id: string): Promise<ListContents> {
  const parts: Float64Array[] = [];
  const notes = new Map<number, string>();
  for await (const chunk of readDncChunks(id)) {
    parts.push(chunk.keys);
    for (const [key, note] of chunk.notes) notes.set(key, note);
  }
  const keys = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    keys.set(part, at);
    at += part.length;
  }
  return { keys, notes };
}

export type WriteMode = 'new' | 'replace' | 'add';

export interface WriteListInput {
  mode: WriteMode;
  /** Required for 'replace' and 'add'. */
  id?: string;
  /** Required for 'new'; for 'replace' and 'add', a new name if given. */
  name?: string;
  /** Sorted, distinct keys. */
  keys: Float64Array;
  notes?: Map<number, string>;
  signal?: AbortSignal;
  /** Chunks written so far, of `total`. */
  onChunk?: (written: number, total: number) => void;
  /** For tests: the size of a chunk. */
  chunkKeys?: number;
}

/**
 * Writes a list whole or not at all (see the top of this file) and returns its new record. 'add'
 * merges `keys` with the list's present numbers (a note given here wins). On any failure the
 * lists are as they were and the error is a DncError (quota, storageFailed, notFound) or the
 * signal's reason.
 */
export async function writeDncList(input: WriteListInput): Promise<DncList> {
  const { mode, signal, onChunk } = input;
  const size = input.chunkKeys ?? CHUNK_KEYS;
  let database: IDBPDatabase<DncSchema>;
  try {
    database = await db();
  } catch (error) {
    throw storageError(error);
  }
  const before =
    mode === 'new'
      ? undefined
      : await database.get('lists', input.id ?? '').catch((error: unknown) => {
          throw storageError(error);
        });
  if (mode !== 'new' && !before) throw new DncError('notFound', input.id);
  let keys = input.keys;
  let notes = input.notes ?? new Map<number, string>();
  if (mode === 'add' && before) {
    const present = await readDncList(before.id);
    keys = mergeSorted(present.keys, keys);
    for (const [key, note] of notes) present.notes.set(key, note);
    notes = present.notes;
  }
  const id = before?.id ?? crypto.randomUUID();
  const version = crypto.randomUUID();
  const prefix = `${id}/${version}`;
  const refs: DncChunkRef[] = [];
  const total = Math.ceil(keys.length / size);
  try {
    await database.put('pending', { version: prefix, startedAt: Date.now() });
    for (let index = 0; index < total; index++) {
      if (signal?.aborted) throw abortReason(signal);
      // A copy: the record owns its buffer (a view of a bigger one would store all of it).
      const part = keys.slice(index * size, (index + 1) * size);
      const partNotes: [number, string][] = [];
      if (notes.size > 0)
        for (const key of part) {
          const note = notes.get(key);
          if (note !== undefined) partNotes.push([key, note]);
        }
      const key = `${prefix}/${index}`;
      await database.put('chunks', { key, packed: packKeys(part), count: part.length, notes: partNotes });
      refs.push({ key, first: part[0], last: part[part.length - 1], count: part.length });
      onChunk?.(index + 1, total);
    }
    if (signal?.aborted) throw abortReason(signal);
    const now = Date.now();
    const record: DncList = {
      id,
      name: input.name?.trim() || before?.name || '',
      count: keys.length,
      loadedAt: mode === 'add' && before ? before.loadedAt : now,
      ...(mode === 'add'
        ? { updatedAt: now }
        : before?.updatedAt && mode !== 'replace'
          ? { updatedAt: before.updatedAt }
          : {}),
      version,
      chunks: refs,
    };
    // The flip: one transaction points the list at its new chunks and drops the old ones.
    const tx = quiet(database.transaction(['lists', 'chunks', 'pending'], 'readwrite'));
    const current = await tx.objectStore('lists').get(id);
    if ((current?.version ?? null) !== (before?.version ?? null)) {
      tx.abort();
      throw new DncError('storageFailed', 'the list was changed elsewhere while it was written');
    }
    await tx.objectStore('lists').put(record);
    for (const old of before?.chunks ?? []) await tx.objectStore('chunks').delete(old.key);
    await tx.objectStore('pending').delete(prefix);
    await tx.done;
    return record;
  } catch (error) {
    await discard(database, prefix, refs).catch(() => undefined);
    if (signal?.aborted && error === signal.reason) throw error;
    if ((error as { name?: unknown }).name === 'AbortError' && signal?.aborted) throw error;
    throw storageError(error);
  }
}

async function discard(
  database: IDBPDatabase<DncSchema>,
  prefix: string,
  refs: DncChunkRef[],
): Promise<void> {
  const tx = quiet(database.transaction(['chunks', 'pending'], 'readwrite'));
  for (const ref of refs) await tx.objectStore('chunks').delete(ref.key);
  // A chunk whose put failed may still have landed; delete by range too.
  await tx.objectStore('chunks').delete(IDBKeyRange.bound(`${prefix}/`, `${prefix}/\uffff`));
  await tx.objectStore('pending').delete(prefix);
  await tx.done;
}

/** Renames a list (one small transaction). */
export async function renameDncList(id: string, name: string): Promise<DncList> {
  try {
    const database = await db();
    const tx = quiet(database.transaction('lists', 'readwrite'));
    const list = await tx.store.get(id);
    if (!list) throw new DncError('notFound', id);
    const renamed = { ...list, name: name.trim() || list.name };
    await tx.store.put(renamed);
    await tx.done;
    return renamed;
  } catch (error) {
    throw storageError(error);
  }
}

/** Deletes a list and its chunks in one transaction. */
export async function deleteDncList(id: string): Promise<void> {
  try {
    const database = await db();
    const tx = quiet(database.transaction(['lists', 'chunks'], 'readwrite'));
    const list = await tx.objectStore('lists').get(id);
    if (list) {
      for (const ref of list.chunks) await tx.objectStore('chunks').delete(ref.key);
      await tx.objectStore('lists').delete(id);
    }
    await tx.done;
  } catch (error) {
    throw storageError(error);
  }
}

export interface DncMatch {
  list: DncList;
  note?: string;
}

/** The lists holding `key`: one binary search in the one chunk of each list whose range covers it. */
export async function findOnDncLists(key: number): Promise<DncMatch[]> {
  try {
    const database = await db();
    const matches: DncMatch[] = [];
    for (const list of (await database.getAll('lists')).sort(byDate)) {
      const ref = list.chunks.find((chunk) => chunk.first <= key && key <= chunk.last);
      if (!ref) continue;
      const chunk = await database.get('chunks', ref.key);
      if (!chunk || binarySearch(keysOf(chunk), key) < 0) continue;
      const note = chunk.notes.find(([noted]) => noted === key)?.[1];
      matches.push(note === undefined ? { list } : { list, note });
    }
    return matches;
  } catch (error) {
    throw storageError(error);
  }
}
