// Types shared by the main thread and the CSV worker. Type-only imports: this file adds no code to
// the page's bundle (libphonenumber-js is loaded by the worker only).
import type { CountryCode } from '../phone';

export type { CountryCode };

export type Delimiter = ',' | ';' | '\t';

export interface AnalysisSettings {
  /** Country assumed for numbers written without an international prefix. */
  defaultCountry: CountryCode;
  /** undefined = detected from the first lines. */
  delimiter?: Delimiter;
  /** undefined = detected: the first row's first cell is not number-like while most later rows' are. */
  firstRowIsHeader?: boolean;
  /** undefined = the most common column count − 1 (see `detect.ts` for trailing empty columns). */
  varCount?: number;
  /** E.164 numbers already in the campaign: rows carrying them count as `duplicateInCampaign`. */
  existingNumbers?: readonly string[];
}

/** Settings after detection: how to read the file, and what an upload must be sent with. */
export interface ResolvedSettings {
  defaultCountry: CountryCode;
  delimiter: Delimiter;
  firstRowIsHeader: boolean;
  varCount: number;
}

/** What `buildUploadParts` needs: a finished analysis fits, plus the campaign's numbers to drop. */
export interface PartsSettings extends ResolvedSettings {
  existingNumbers?: readonly string[];
}

export type ProblemReason =
  | 'invalidNumber'
  | 'wrongColumnCount'
  | 'duplicate'
  | 'duplicateInCampaign'
  | 'emptyNumber'
  /** A malformed quote (reader.ts CsvFault): the emulator refuses the file with it. */
  | 'textAfterQuote'
  | 'unclosedQuote';

export interface Problem {
  /** 1-based line of the file where the row starts, as a text editor counts (a header is line 1). */
  line: number;
  reason: ProblemReason;
  /** i18n key of the sentence that explains the reason (`upload.csv.problem.<reason>`). */
  message: string;
  /** Interpolation values for `message`: number, columns, expected, firstLine. */
  values: ProblemValues;
  /** Language-neutral detail: the number as written, or "4/3" columns found/expected. */
  detail: string;
  /** The row as written in the file (cut at RAW_MAX_CHARS). */
  raw: string;
}

export interface ProblemValues {
  number?: string;
  e164?: string;
  columns?: number;
  expected?: number;
  /** For `duplicate`: the line where the number first appeared. */
  firstLine?: number;
}

export interface PreviewRow {
  line: number;
  /** The number cell as written (trimmed). */
  number: string;
  /** E.164 form, or null when the number is not valid. */
  e164: string | null;
  varValues: string[];
  problem: Problem | null;
}

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface CsvAnalysis extends ResolvedSettings {
  /** True when the delimiter / header / varCount were detected rather than given. */
  delimiterDetected: boolean;
  headerDetected: boolean;
  varCountDetected: boolean;
  /** The header row's cells when firstRowIsHeader, else null. */
  header: string[] | null;
  encoding: TextEncodingName;
  /** Column count -> number of data rows with that many cells (as written, header excluded). */
  columnCounts: Record<number, number>;
  /** Data rows: header and blank lines excluded. rows = valid + invalid + duplicates + existingDuplicates. */
  rows: number;
  /** Rows an upload of the valid rows sends: valid number, right column count, first occurrence, not in the campaign. */
  valid: number;
  /** Rows with an empty or invalid number or a wrong column count. */
  invalid: number;
  /** Valid rows whose number appeared on an earlier row of the file. */
  duplicates: number;
  /** Valid rows whose number is already in the campaign (`existingNumbers`). */
  existingDuplicates: number;
  /** Blank lines skipped (empty, whitespace only, or only delimiters). */
  blankLines: number;
  /** Physical lines in the file (a final newline does not start a line). */
  lines: number;
  /** True when the file holds no data row at all (0 bytes, only blank lines, or only a header). */
  empty: boolean;
  preview: PreviewRow[];
  /** The first PROBLEMS_MAX problems, in file order. */
  problems: Problem[];
  /** Every problem, including those beyond the list. */
  problemCount: number;
  bytes: number;
}

export interface AnalysisProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface AnalyzeOptions {
  onProgress?: (progress: AnalysisProgress) => void;
  signal?: AbortSignal;
}

export type UploadMode = 'valid' | 'asIs';

export interface BuildPartsOptions {
  mode: UploadMode;
  /** The most data rows a part may hold (a repeated header is not counted). */
  rowsPerPart: number;
  signal?: AbortSignal;
  onProgress?: (progress: AnalysisProgress) => void;
}

export interface UploadPart {
  blob: Blob;
  /** Line (in the original file) of the part's first and last data row. */
  firstLine: number;
  lastLine: number;
  /** Data rows in the part (a repeated header is not counted). */
  rows: number;
  /** Send the part with this `firstRowIsHeader`. */
  firstRowIsHeader: boolean;
  /** Send the part with this `varCount`. */
  varCount: number;
  /** The original file's line of each data row of the part: rowLines[i] is the part's (i+1)-th data row. */
  rowLines: Uint32Array;
  /**
   * The part's line where each data row starts (the header is line 1), as the server numbers the
   * lines it rejects; rows with a line break in a cell span several. Absent: one line per row.
   */
  partLines?: Uint32Array;
}

/** Error codes of a rejected analysis; `message` is the i18n key `upload.csv.error.<code>`. */
export type CsvErrorCode = 'notText' | 'readFailed' | 'workerFailed';
