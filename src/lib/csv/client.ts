// The page's side: starts a worker per job, relays progress, and terminates the worker when the
// job ends or is aborted. Only types cross into the page's bundle from the worker's modules.
import { abortReason } from '../errors';
import { CsvAnalysisError } from './errors';
import type {
  AnalysisProgress,
  AnalysisSettings,
  AnalyzeOptions,
  BuildPartsOptions,
  CsvAnalysis,
  LeftOutRows,
  PartsSettings,
  Problem,
  UploadMode,
  UploadPart,
} from './types';
import type { CsvJob, CsvJobMessage, SheetTextBlob } from './workerCore';
import type { ZoneFile } from './zoneFiles';

/**
 * What the client needs of a Worker (a fake one runs the job in-process in tests). Written without
 * DOM types, like the rest of this module's index, so that Node code (the emulator) can import it.
 */
export interface CsvWorkerLike {
  onmessage: ((event: { data: CsvJobMessage }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(job: CsvJob): void;
  terminate(): void;
}

// The browser's Worker, declared for this file only (see above); Vite bundles the worker from the
// `new Worker(new URL(…, import.meta.url))` expression below, so it stays written this way.
declare const Worker: new (url: URL, options: { type: 'module'; name: string }) => CsvWorkerLike;

const createModuleWorker = (): CsvWorkerLike =>
  new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module', name: 'csv' });

let createWorker: () => CsvWorkerLike = createModuleWorker;

/** For tests (and a benchmark page): run jobs somewhere else than a module worker. */
export function setCsvWorkerFactory(factory: (() => CsvWorkerLike) | null): void {
  createWorker = factory ?? createModuleWorker;
}

/**
 * The sheets of each workbook already read as text, by the sheet asked for: a later job on the same
 * file (the analysis again with a mapping, the upload's parts) reads that text instead of the workbook.
 */
const sheetTexts = new WeakMap<Blob, Map<string | undefined, SheetTextBlob>>();

function withSheetText(job: CsvJob): CsvJob {
  const sheetText = sheetTexts.get(job.file)?.get(job.settings.sheet);
  return sheetText ? { ...job, sheetText } : job;
}

function keepSheetText(file: Blob, sheetText: SheetTextBlob): void {
  const known = sheetTexts.get(file) ?? new Map<string | undefined, SheetTextBlob>();
  // Asked for by name or as the first sheet (undefined): a finished analysis names it (the parts).
  known.set(sheetText.requested, sheetText);
  known.set(sheetText.info.sheet, sheetText);
  sheetTexts.set(file, known);
}

function run(
  job: CsvJob,
  signal: AbortSignal | undefined,
  onProgress: ((progress: AnalysisProgress) => void) | undefined,
  onMessage: (message: CsvJobMessage) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const worker = createWorker();
    const stop = () => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      reject(abortReason(signal));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onerror = (event) => {
      stop();
      reject(new CsvAnalysisError('workerFailed', event.message));
    };
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') onProgress?.(data.progress);
      else if (data.type === 'error') {
        stop();
        reject(new CsvAnalysisError(data.code, data.detail));
      } else if (data.type === 'done') {
        stop();
        resolve();
      } else if (data.type === 'sheetText') keepSheetText(job.file, data.sheetText);
      else onMessage(data);
    };
    worker.postMessage(withSheetText(job));
  });
}

/**
 * Analyses a CSV file in a worker: streamed, never read whole, rows never copied to the page.
 * Rejects with a CsvAnalysisError (`notText`, `readFailed`, `workerFailed`) or the signal's reason.
 */
export async function analyzeCsv(
  file: Blob,
  settings: AnalysisSettings,
  { onProgress, signal }: AnalyzeOptions = {},
): Promise<CsvAnalysis> {
  let analysis: CsvAnalysis | null = null;
  const problems: Problem[] = [];
  await run({ type: 'analyze', file, settings }, signal, onProgress, (message) => {
    if (message.type === 'problems') problems.push(...message.problems);
    else if (message.type === 'analysis') analysis = message.analysis;
  });
  if (analysis === null) throw new CsvAnalysisError('workerFailed', 'no analysis');
  return { ...(analysis as CsvAnalysis), problems };
}

/** The settings a parts or zone-files job sends the worker: these fields only (no analysis, no spreadsheet record). */
const jobSettings = (settings: PartsSettings, mode: UploadMode | null = null): PartsSettings => ({
  defaultCountry: settings.defaultCountry,
  delimiter: settings.delimiter,
  firstRowIsHeader: settings.firstRowIsHeader,
  varCount: settings.varCount,
  existingNumbers: settings.existingNumbers,
  mapping: settings.mapping ?? null,
  fileColumns: settings.fileColumns,
  sheet: settings.sheet ?? settings.spreadsheet?.sheet,
  exclude: settings.exclude ?? null,
  // "Only the valid rows": the rows the analysis wrote, cut into parts while still the ones to send.
  validRows: mode === 'valid' ? (settings.validRows ?? null) : null,
});

/**
 * Builds the files to upload, in a worker. 'valid': the rows the analysis counted as valid,
 * number in E.164, duplicates (in the file and in the campaign) dropped, comma-delimited, no
 * header. 'asIs': every data row as written (blank lines dropped), the header repeated in each
 * part. Each part holds at most `rowsPerPart` data rows; a file with no row to send gives [].
 */
export async function buildUploadParts(
  file: Blob,
  settings: PartsSettings,
  {
    mode,
    rowsPerPart,
    signal,
    onProgress,
    onPart,
    onLeftOut,
  }: BuildPartsOptions & {
    onPart?: (part: UploadPart) => void;
    /** "Only the valid rows": the rows left out by number type or calling hours (settings.exclude). */
    onLeftOut?: (leftOut: LeftOutRows) => void;
  },
): Promise<UploadPart[]> {
  if (!Number.isInteger(rowsPerPart) || rowsPerPart < 1)
    throw new RangeError('rowsPerPart must be a positive integer');
  const parts: UploadPart[] = [];
  const job: CsvJob = {
    type: 'parts',
    file,
    settings: jobSettings(settings, mode),
    mode,
    rowsPerPart,
  };
  await run(job, signal, onProgress, (message) => {
    if (message.type === 'part') {
      parts.push(message.part);
      onPart?.(message.part);
    } else if (message.type === 'leftOut') onLeftOut?.(message.leftOut);
  });
  return parts;
}

/**
 * The rows "only the valid rows" sends (settings.exclude applied too), one file per set of time
 * zones, in a worker; the largest first. Rejects with 'timeZonesFailed' when the map cannot load.
 */
export async function buildZoneFiles(
  file: Blob,
  settings: PartsSettings,
  { signal, onProgress }: AnalyzeOptions = {},
): Promise<ZoneFile[]> {
  const files: ZoneFile[] = [];
  const job: CsvJob = {
    type: 'zoneFiles',
    file,
    settings: jobSettings(settings),
  };
  await run(job, signal, onProgress, (message) => {
    if (message.type === 'zoneFile') files.push(message.file);
  });
  return files;
}

/**
 * Maps a line number of an uploaded part (as the server reports a rejection: 1-based, a header
 * row is line 1) back to the line of the original file; null when the line is the header or
 * beyond the part.
 */
export function partLineToFileLine(part: UploadPart, partLine: number): number | null {
  const { partLines, rowLines } = part;
  if (!partLines) {
    const index = partLine - 1 - (part.firstRowIsHeader ? 1 : 0);
    return index >= 0 && index < rowLines.length ? rowLines[index] : null;
  }
  // The row that starts on partLine (rows spanning several lines make this more than an offset).
  let low = 0;
  let high = partLines.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (partLines[middle] === partLine) return rowLines[middle];
    if (partLines[middle] < partLine) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}
