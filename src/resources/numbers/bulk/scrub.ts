// The scrub of a campaign: which of its numbers are on the do-not-call lists of this device. Each
// list is read one chunk at a time (sorted E.164 keys, src/lib/dnc), and each number of the
// campaign that falls in a chunk's range is looked up by binary search: memory stays one chunk.
import { binarySearch, e164ToKey, listDncLists, readDncChunks } from '../../../lib/dnc';
import { throwIfAborted } from '../../../lib/errors';
import type { NumberRow } from '../shared/fetchAllNumbers';

/** A number of the campaign and the names of the lists holding it. */
export interface ListedRow extends NumberRow {
  lists: string[];
}

/** What the scrub reads of the device's lists: their names and their chunks of sorted keys. */
export interface DncSource {
  lists: () => Promise<{ id: string; name: string }[]>;
  chunks: (id: string) => AsyncIterable<{ keys: Float64Array }>;
}

export const deviceDncSource: DncSource = {
  lists: listDncLists,
  chunks: readDncChunks,
};

/** The rows on at least one list, in the campaign's order, each with its lists' names. */
export const findListedRows = async (
  rows: readonly NumberRow[],
  lists: readonly { id: string; name: string }[],
  source: DncSource,
  signal?: AbortSignal,
): Promise<ListedRow[]> => {
  const wanted = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) wanted[i] = e164ToKey(rows[i].number);
  const sorted = Float64Array.from(wanted).sort();
  const names = new Map<number, string[]>();
  for (const list of lists) {
    for await (const { keys } of source.chunks(list.id)) {
      throwIfAborted(signal);
      if (keys.length === 0) continue;
      const first = keys[0];
      const last = keys[keys.length - 1];
      // The campaign's keys within this chunk's range: from the first not below `first`.
      let at = lowerBound(sorted, first);
      for (; at < sorted.length && sorted[at] <= last; at++) {
        const key = sorted[at];
        if (key === 0 || (at > 0 && sorted[at - 1] === key)) continue;
        if (binarySearch(keys, key) < 0) continue;
        const held = names.get(key);
        if (!held) names.set(key, [list.name]);
        else if (!held.includes(list.name)) held.push(list.name);
      }
    }
  }
  const listed: ListedRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const held = names.get(wanted[i]);
    if (held) listed.push({ ...rows[i], lists: held });
  }
  return listed;
};

/** The index of the first key not below `key` in a sorted array. */
const lowerBound = (keys: Float64Array, key: number): number => {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid] < key) low = mid + 1;
    else high = mid;
  }
  return low;
};
