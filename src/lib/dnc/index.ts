/**
 * Do-not-call lists on this device: IndexedDB (through idb), each list stored as sorted
 * Float64Arrays of E.164 keys ("+" + String(key) is the number) in chunks of CHUNK_KEYS, with the
 * notes of the numbers that have one. Knows nothing of the app; numbers come from ../phone, the
 * file's records from ../csv's reader, a workbook's from ../sheet.
 *
 *   loadDncFile({ file, mode: 'new' | 'add' | 'replace', id?, name?, defaultCountry, numberColumn?, noteColumn? },
 *               { onProgress?, signal? })
 *     -> Promise<{ list, rows, valid, duplicates, invalid, invalidLines, columns, format, sheet? }>
 *     in a module worker (dncWorker.ts): the file (CSV or TXT in UTF-8, or a workbook's first sheet:
 *     .xlsx, .xls, .ods, up to 50 MB) is streamed, its numbers checked and sorted, then written.
 *     The number's and the note's columns: given, or chosen from the first rows (chooseColumns).
 *   writeDncList({ mode, id?, name?, keys, notes? }) -> the list record; whole or not at all: new
 *     chunks under a new version, then one transaction flips the list record. A QuotaExceededError,
 *     an abort or a closed tab leaves every list as it was.
 *   listDncLists(), getDncList(id), readDncList(id), readDncChunks(id), renameDncList, deleteDncList
 *   findOnDncLists(key) -> [{ list, note? }]: a binary search in one chunk per list.
 *   openDncLookup() -> every list as src/lib/csv's DoNotCallLookup (the CSV worker reads them itself:
 *     csv/csvWorker.ts); dncLookupOf(lists) the same over keys in memory; SortedKeyIndex.
 *   DncError: code quota | notText | noNumbers | readFailed | storageFailed | notFound | workerFailed
 *     | sheetTooLarge | sheetProtected | sheetCorrupt;
 *     its message is the i18n key dnc.error.<code>.
 * Tests import ./testing (InProcessDncWorker) and call resetDncStore() between fake databases.
 */
export type { DncWorkerLike, LoadOptions } from './client';
export { loadDncFile, setDncWorkerFactory } from './client';
export type { DncErrorCode } from './errors';
export { DncError } from './errors';
export { binarySearch, e164ToKey, keyToE164, mergeSorted, packKeys, sortUnique, unpackKeys } from './keys';
export { dncLookupOf, openDncLookup, SortedKeyIndex } from './lookup';
export type { DncColumn, DncColumns, InvalidLine, ParsedList, ParseProgress } from './parse';
export { chooseColumns, parseDncFile } from './parse';
export type { DncChunkRef, DncList, DncMatch, ListContents, WriteListInput, WriteMode } from './store';
export {
  CHUNK_KEYS,
  deleteDncList,
  findOnDncLists,
  getDncList,
  listDncLists,
  readDncChunks,
  readDncList,
  renameDncList,
  resetDncStore,
  writeDncList,
} from './store';
export type { DncJobMessage, DncLoadJob, DncLoadProgress, DncLoadResult } from './workerCore';
