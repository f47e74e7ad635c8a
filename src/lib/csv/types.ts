// Types shared by the main thread and the CSV worker. Type-only imports: this file adds no code to
// the page's bundle (libphonenumber-js is loaded by the worker only).
import type { CountryCode, NumberFacts, NumberType } from '../phone';
import type { DoNotCallCounts } from './doNotCall';
import type { FactsExclusion, NumberFactsCounts } from './numberFacts';

export type { DoNotCallCounts, DoNotCallLookup, OpenDoNotCall } from './doNotCall';
export type { FactsExclusion, FactsGroup, NumberFactsCounts } from './numberFacts';
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
  /**
   * Which columns hold the number and the variables (mapping.ts). null, or undefined without
   * `propose`: the API's layout, the number first and every other column a variable.
   */
  mapping?: ColumnMapping | null;
  /**
   * With `mapping` undefined: the analysis applies the roles the console proposes for the file's
   * columns (the remembered ones for its layout, else the suggestion: mapping.ts proposedMapping)
   * from the first rows on, so that a file in another layout is not read twice.
   */
  propose?: RoleSources;
  /** For a workbook: the sheet to read (undefined: the first one). */
  sheet?: string;
}

/** Where the roles the console proposes come from (mapping.ts proposedRoles). */
export interface RoleSources {
  /** The campaign's variable names on this device (suggestRoles' knownNames). */
  knownNames?: readonly string[];
  /** Roles of the campaign's last upload per layout (layoutKey), as remembered on this device. */
  remembered?: Readonly<Record<string, unknown>>;
}

/**
 * The columns an upload is built from, 0-based in the file's rows. Per row the number is the first
 * of `number` that is a valid number (fallbacks: Mobile, then Home); the variables are sent in the
 * order of `variables`. The upload is then the number, then the variables, with no header.
 */
export interface ColumnMapping {
  number: number[];
  variables: number[];
}

/** What the analysis learnt of one column from the first rows (for the mapping's suggestion). */
export interface ColumnStats {
  /** 0-based column. */
  index: number;
  /** The header's cell, or null without a header. */
  header: string | null;
  /** The first few non-empty values (at most COLUMN_SAMPLES). */
  samples: string[];
  /** Sampled rows whose cell here is a valid number for the default country. */
  validNumbers: number;
  /** Sampled rows whose cell here looks like a phone number (digits, +, spaces, dashes). */
  numberLike: number;
  /** Sampled data rows. */
  sampled: number;
}

/** A cell of a workbook that the spreadsheet turned into a float: its digits are lost. */
export interface DamagedCell {
  /** The spreadsheet's row number (1-based, as the spreadsheet shows it). */
  line: number;
  /** The spreadsheet's column letter ("C"). */
  column: string;
  /** What the spreadsheet shows ("1.8005E+10"). */
  shown: string;
}

/** The workbook a spreadsheet analysis read. */
export interface SpreadsheetInfo {
  format: 'xlsx' | 'xls' | 'ods';
  sheets: string[];
  sheet: string;
  /** Numbers the spreadsheet stored as floats (scientific notation, more than 15 digits). */
  damagedCount: number;
  /** The first few of them. */
  damaged: DamagedCell[];
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
  mapping?: ColumnMapping | null;
  /** With a mapping: the cells a row of the file has (the analysis's `fileColumns`). */
  fileColumns?: number;
  sheet?: string;
  /** A finished analysis of a workbook passes its sheet this way. */
  spreadsheet?: { sheet: string } | null;
  /** 'valid': the types and calling hours the operator leaves out too (numberFacts.ts). */
  exclude?: FactsExclusion | null;
  /** 'valid': the rows the analysis wrote (CsvAnalysis.validRows), sent when they still are the ones to send. */
  validRows?: ValidRowsText | null;
}

/**
 * The rows "only the valid rows" sends, as the analysis wrote them: the canonical text (E.164, then
 * the variables, CRLF) as UTF-8, and the tables to cut it (ValidRowsTables in validRows.ts, in a Blob the page
 * hands on by reference).
 */
export interface ValidRowsText {
  blob: Blob;
  tables: Blob;
  /** Rows written, and numbers checked against the campaign and the lists. */
  rows: number;
  checked: number;
  /** Whether some row spans several lines (a quoted cell with a line break): the tables then hold `lines`. */
  multiline: boolean;
  /** The facts ids of the rows (with the time-zone map): facts[id - 1] (FactsTable). */
  facts: NumberFacts[] | null;
  /** validRowsFingerprint of the settings the rows were written with. */
  fingerprint: string;
}

export type ProblemReason =
  | 'invalidNumber'
  | 'wrongColumnCount'
  | 'duplicate'
  | 'duplicateInCampaign'
  /** A valid number on a do-not-call list of the device (doNotCall.ts). */
  | 'onDncList'
  | 'emptyNumber'
  /**
   * An invalid number that the spreadsheet damaged: a workbook's cell stored as a float (its digits
   * are lost), or a number in scientific notation ("1.8005E+10", as Excel writes it to a CSV).
   */
  | 'damagedNumber'
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
  /** For `onDncList`: the names of the lists holding the number, quoted ("'Internal DNC'"). */
  lists?: string;
}

export interface PreviewRow {
  line: number;
  /** The number cell as written (trimmed). */
  number: string;
  /** E.164 form, or null when the number is not valid. */
  e164: string | null;
  /** With a mapping: the column the number came from (the first valid of the fallbacks). */
  numberColumn?: number;
  varValues: string[];
  problem: Problem | null;
  /** A valid row's type and zones (when the time-zone map loaded): whether settings.exclude leaves it out. */
  facts?: NumberFacts;
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
  /**
   * Data rows: header and blank lines excluded.
   * rows = valid + invalid + duplicates + existingDuplicates + (doNotCall?.rows ?? 0).
   */
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
  /**
   * Cells a row of the file has (varCount + 1 without a mapping). With a mapping, `varCount` is what
   * the upload sends (the mapped variables), this is what a row of the file must have.
   */
  fileColumns: number;
  /** The mapping the analysis applied (null: the API's layout). */
  mapping: ColumnMapping | null;
  /** With a mapping: valid rows per column their number came from (column -> rows). */
  numberSources: Record<number, number>;
  /** The columns of the file as the first rows show them (at most MAPPING_MAX_COLUMNS). */
  columns: ColumnStats[];
  /** The workbook, when the file was a spreadsheet (null for a CSV). */
  spreadsheet: SpreadsheetInfo | null;
  /** Rows on the device's do-not-call lists (null: the job had no lists to consult, e.g. in Node). */
  doNotCall: DoNotCallCounts | null;
  /** Valid rows by country, type and time zones (null: not counted, e.g. analyzeChunks in Node). */
  numberFacts: NumberFactsCounts | null;
  /** Set by the worker's analysis under a mapping: its valid rows as the upload sends them. */
  validRows?: ValidRowsText | null;
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

/** Rows "only the valid rows" left out by number type or calling hours (settings.exclude), found while building the parts. */
export interface LeftOutRows {
  /** The first PROBLEMS_MAX of them, in file order: the original file's line, and the type that left it out (null: its calling hours). */
  rows: { line: number; type: NumberType | null }[];
  /** How many were left out by each type. */
  byType: Partial<Record<NumberType, number>>;
  /** How many were left out for their calling hours (or unknown time zone). */
  hours: number;
}

/** Error codes of a rejected analysis; `message` is the i18n key `upload.csv.error.<code>`. */
export type CsvErrorCode =
  | 'notText'
  | 'readFailed'
  | 'workerFailed'
  /** A workbook larger than SHEET_MAX_BYTES: the library reads a workbook whole. */
  | 'sheetTooLarge'
  /** The device's do-not-call lists could not be read while building the valid rows to send. */
  | 'doNotCallFailed'
  /** The time-zone map could not be loaded while leaving numbers out by type or calling hours. */
  | 'timeZonesFailed'
  /** A password-protected (encrypted) workbook. */
  | 'sheetProtected'
  /** A workbook the library cannot read. */
  | 'sheetCorrupt';
