/**
 * CSV analysis engine of the upload panel. Everything heavy runs in a module Web Worker
 * (csvWorker.ts); this entry point holds only the page's side: types, the worker client, the
 * React hook and the CSV writers. It does not import libphonenumber-js (the worker does).
 *
 *   analyzeCsv(file, settings, { onProgress?, signal? }) -> Promise<CsvAnalysis>
 *     settings: { defaultCountry, delimiter?, firstRowIsHeader?, varCount?, existingNumbers? };
 *     undefined settings are detected (see detect.ts). Streams the file in the worker; only counts,
 *     the first PREVIEW_ROWS rows and the first PROBLEMS_MAX problems come back. Progress at most
 *     every 100 ms. Aborting terminates the worker. Rejects with CsvAnalysisError ('notText' for
 *     a binary file, 'readFailed', 'workerFailed'; message = i18n key upload.csv.error.<code>).
 *     An empty file resolves with rows 0 and empty: true.
 *
 *   buildUploadParts(file, { defaultCountry, delimiter, firstRowIsHeader, varCount, existingNumbers? },
 *                    { mode: 'valid' | 'asIs', rowsPerPart, signal?, onProgress?, onPart? }) -> Promise<UploadPart[]>
 *     'valid': only the rows the analysis counts as valid, number in E.164, duplicates (file and
 *     campaign) dropped, variables kept, comma-delimited RFC 4180 CSV without header.
 *     'asIs': every data row as written (blank lines dropped), header repeated in every part.
 *     Send each part with its own firstRowIsHeader and varCount; partLineToFileLine maps a line
 *     the server rejects back to the original file's line.
 *
 *   useCsvAnalysis(file | null, settings) -> { status, progress, analysis, error, cancel }
 *   problemsToCsv(problems, headers?) -> Blob;   toCsvCell / toCsvLine: formula-safe CSV cells.
 *
 * Rows: line numbers are 1-based physical lines as in a text editor (the header is line 1, blank
 * lines and line breaks inside quoted fields count). A row is valid when it has varCount + 1
 * cells (extra trailing empty cells are trailing delimiters and allowed), a number that
 * libphonenumber-js ("max" metadata) finds valid for defaultCountry, and is the number's first
 * row and not in existingNumbers. rows = valid + invalid + duplicates + existingDuplicates.
 */

export type { CsvWorkerLike } from './client';
export { analyzeCsv, buildUploadParts, partLineToFileLine, setCsvWorkerFactory } from './client';
export { PREVIEW_ROWS, PROBLEMS_MAX, RAW_MAX_CHARS } from './constants';
export type { CsvCellOptions } from './csvCell';
export { toCsvCell, toCsvLine } from './csvCell';
export { CsvAnalysisError, isAbortError } from './errors';
export { problemsToCsv } from './problemsCsv';
export type * from './types';
export type { CsvAnalysisState, CsvAnalysisStatus } from './useCsvAnalysis';
export { useCsvAnalysis } from './useCsvAnalysis';
