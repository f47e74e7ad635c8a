// The device's lists as one lookup for the CSV analysis (src/lib/csv's DoNotCallLookup): read from
// IndexedDB by the CSV worker itself, kept as the stored chunks (no copy), each with a small index.
// A second public face of src/lib/dnc, for that worker (csv/csvWorker.ts): it imports no list
// loader, whose worker bundles the CSV engine and so, through its client, the CSV worker again.

import type { DoNotCallLookup } from '../csv';
import { storageError } from './errors';
import { readAllDncKeys } from './store';

/** Keys per sample of the index: a sample every 64 keys of a chunk (512 bytes of keys between samples). */
const STRIDE = 64;

/**
 * Membership in one sorted, distinct key array. A plain binary search over 1,000,000 keys touches
 * about 20 cache lines scattered over 8 MB; the index (every STRIDE-th key, 125 KB for a million,
 * which stays in the cache across rows) is searched first, then one run of STRIDE keys.
 */
export class SortedKeyIndex {
  private readonly samples: Float64Array;
  readonly first: number;
  readonly last: number;

  constructor(private readonly keys: Float64Array) {
    const count = Math.ceil(keys.length / STRIDE);
    this.samples = new Float64Array(count);
    for (let i = 0; i < count; i++) this.samples[i] = keys[i * STRIDE];
    this.first = keys.length > 0 ? keys[0] : Number.POSITIVE_INFINITY;
    this.last = keys.length > 0 ? keys[keys.length - 1] : Number.NEGATIVE_INFINITY;
  }

  has(key: number): boolean {
    if (!(key >= this.first && key <= this.last)) return false;
    const { samples, keys } = this;
    // The last sample ≤ key (samples[0] is first ≤ key).
    let lo = 0;
    let hi = samples.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (samples[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    let start = lo * STRIDE;
    let end = Math.min(start + STRIDE, keys.length) - 1;
    while (start <= end) {
      const mid = (start + end) >>> 1;
      const value = keys[mid];
      if (value < key) start = mid + 1;
      else if (value > key) end = mid - 1;
      else return true;
    }
    return false;
  }
}

interface IndexedList {
  name: string;
  /** One index per chunk, in key order (chunks of a list do not overlap). */
  chunks: SortedKeyIndex[];
  first: number;
  last: number;
  /** [name], shared by every hit of this list alone. */
  alone: readonly string[];
}

/** A lookup over lists already in memory (each list: its chunks' sorted keys, in key order). */
export function dncLookupOf(
  lists: readonly { name: string; chunks: readonly Float64Array[] }[],
): DoNotCallLookup {
  const indexed: IndexedList[] = lists.map(({ name, chunks }) => {
    const parts = chunks.filter((keys) => keys.length > 0).map((keys) => new SortedKeyIndex(keys));
    return {
      name,
      chunks: parts,
      first: parts.length > 0 ? parts[0].first : Number.POSITIVE_INFINITY,
      last: parts.length > 0 ? parts[parts.length - 1].last : Number.NEGATIVE_INFINITY,
      alone: [name],
    };
  });
  const holds = (list: IndexedList, key: number): boolean => {
    if (!(key >= list.first && key <= list.last)) return false;
    for (const chunk of list.chunks) {
      if (key <= chunk.last) return chunk.has(key);
    }
    return false;
  };
  return {
    lists: indexed.map((list) => list.name),
    holding(key) {
      let found: IndexedList | null = null;
      let names: string[] | null = null;
      for (const list of indexed) {
        if (!holds(list, key)) continue;
        if (found === null) found = list;
        else {
          names ??= [found.name];
          names.push(list.name);
        }
      }
      return names ?? found?.alone ?? null;
    },
  };
}

/**
 * Reads every list of the device (newest first, as the page shows them) and returns the lookup the
 * CSV worker checks rows against. 10,000,000 numbers are 80 MB of keys, read chunk by chunk and
 * never copied. Rejects with a DncError when the storage cannot be read.
 */
export async function openDncLookup(): Promise<DoNotCallLookup> {
  try {
    return dncLookupOf((await readAllDncKeys()).map(({ list, chunks }) => ({ name: list.name, chunks })));
  } catch (error) {
    throw storageError(error);
  }
}
