/**
 * CSV analysis engine of the upload panel. Everything heavy runs in a module Web Worker
 * (csvWorker.ts, ~57 KB gzip with libphonenumber-js "max" metadata, fetched on first use); this
 * entry point holds the page's side (types, the worker client and the CSV writers) and the engine for
 * Node callers. It imports nothing of the app; phone validation comes from ../phone. Tests may also
 * import ./testing (an in-process stand-in for the worker).
 *
 *   analyzeCsv(file, settings, { onProgress?, signal? }) -> Promise<CsvAnalysis>
 *     settings: { defaultCountry, delimiter?, firstRowIsHeader?, varCount?, existingNumbers? };
 *     undefined settings are detected from the first 64 KB (detect.ts). The file is streamed in
 *     the worker; only counts, the first PREVIEW_ROWS rows and the first PROBLEMS_MAX problems
 *     come back (problems in batches of 1,000 so that no page task is long). Progress at most
 *     every 100 ms. Aborting terminates the worker and rejects with the signal's reason.
 *     Rejects with CsvAnalysisError: 'notText' (binary file), 'readFailed', 'workerFailed';
 *     its message is the i18n key upload.csv.error.<code>. An empty file resolves with rows 0,
 *     empty: true. Files: UTF-8 (BOM stripped), windows-1252 (Excel), UTF-16 with a BOM.
 *
 *   buildUploadParts(file, { defaultCountry, delimiter, firstRowIsHeader, varCount, existingNumbers? },
 *                    { mode: 'valid' | 'asIs', rowsPerPart, signal?, onProgress?, onPart? }) -> Promise<UploadPart[]>
 *     A finished CsvAnalysis can be passed as the settings. 'valid': exactly the rows the
 *     analysis counts as valid, number in E.164, duplicates (file and campaign) dropped, variables
 *     as written, comma-delimited RFC 4180 CSV with CRLF and no header. 'asIs': every data row as
 *     written (blank lines dropped), the header repeated at the top of every part. Each part holds
 *     at most rowsPerPart data rows; send it with its own firstRowIsHeader and varCount.
 *     partLineToFileLine(part, line) maps a line the server rejects back to the file's line.
 *
 *   problemsToCsv(problems, headers?) -> Blob;   toCsvCell / toCsvLine: formula-safe CSV cells.
 *
 * Rows: line numbers are 1-based physical lines as in a text editor (the header is line 1; blank
 * lines and line breaks inside quoted fields count; LF, CRLF and a lone CR each end a line). Blank
 * lines (empty, spaces, only delimiters) are skipped. A row with a malformed quote (text after a
 * closing quote, a quote never closed: reader.ts) is a problem, textAfterQuote or unclosedQuote,
 * and never valid: the emulator (the same reader, strict) refuses the whole file with its line.
 * A row is valid when it has varCount + 1 cells (more cells are allowed when the extra ones are
 * empty: trailing delimiters), a number that libphonenumber-js ("max" metadata)
 * finds valid for defaultCountry with an E.164 form of at most 15 digits, is the number's first
 * row and is not in existingNumbers (E.164, or national numbers read with defaultCountry).
 * A valid number on one of the device's do-not-call lists is `onDncList` (counted in doNotCall.rows,
 * never sent with the valid rows): the worker reads the lists itself (csvWorker.ts wires src/lib/dnc
 * in; runCsvJob and InProcessCsvWorker take any DoNotCallLookup), so none is posted to it.
 * rows = valid + invalid + duplicates + existingDuplicates + (doNotCall?.rows ?? 0).
 *
 * Types and time zones (numberFacts.ts): the worker loads the time-zone map (../phone) with every
 * analysis and counts the valid rows by country, type and zones (numberFacts.groups; an error
 * instead when the map could not load). settings.exclude (types, and numbers outside calling
 * hours at an instant, ../hours) leaves rows out of 'valid' parts; countLeftOut(numberFacts,
 * exclude) says how many on the page; buildUploadParts's onLeftOut hands which rows, and why, to
 * the upload's summary. buildZoneFiles(file, settings) splits the same rows into
 * one CSV per set of zones.
 */

// The engine itself, for Node callers (the emulator's upload reads with CsvRecordReader in strict
// mode and skips isBlank rows, as the analysis does; the benchmarks) and the worker.
export { CsvAnalyzer } from './analyzer';
export { isBlank } from './classify';
export type { CsvWorkerLike } from './client';
export {
  analyzeCsv,
  buildUploadParts,
  buildZoneFiles,
  partLineToFileLine,
  setCsvWorkerFactory,
} from './client';
export {
  MAPPING_MAX_VARIABLES,
  PREVIEW_ROWS,
  PROBLEMS_MAX,
  RAW_MAX_CHARS,
  SHEET_MAX_BYTES,
} from './constants';
export type { CsvCellOptions } from './csvCell';
export { toCsvCell, toCsvLine } from './csvCell';
export { quoteListNames } from './doNotCall';
export { CsvAnalysisError } from './errors';
export type { ColumnRole, MappingIssue, MappingIssueCode, SuggestInput } from './mapping';
export {
  changeRole,
  columnLetter,
  identityRoles,
  isIdentity,
  layoutKey,
  NUMBER_FALLBACKS,
  numberRank,
  phoneHeaderScore,
  proposedMapping,
  proposedRoles,
  rememberedRoles,
  rolesToMapping,
  suggestRoles,
  validateRoles,
  variableHeaders,
  variableOf,
} from './mapping';
export {
  countLeftOut,
  excludesAnything,
  isLeftOut,
  NO_EXCLUSION,
  zonesLabel,
} from './numberFacts';
export { problemsToCsv } from './problemsCsv';
export type { CsvFault, CsvReaderOptions, CsvRow } from './reader';
export { CsvRecordReader, CsvSyntaxError } from './reader';
export type * from './types';
export type { ZoneFile } from './zoneFiles';
