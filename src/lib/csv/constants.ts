/** Rows of the file the analysis returns in `preview`. */
export const PREVIEW_ROWS = 20;
/** Problems the analysis lists (problemCount counts them all). */
export const PROBLEMS_MAX = 10_000;
/** A problem's `raw` row is cut at this many characters. */
export const RAW_MAX_CHARS = 500;
/** Columns the analysis describes for the mapping (a wider file's further columns can only be ignored). */
export const MAPPING_MAX_COLUMNS = 64;
/** Data rows of the sample the column statistics are taken from. */
export const COLUMN_SAMPLE_ROWS = 200;
/** Sample values kept per column. */
export const COLUMN_SAMPLES = 3;
/** Variables a mapping may send (the API's limit, contract.ts MAX_VAR_VALUES). */
export const MAPPING_MAX_VARIABLES = 20;
/** The largest workbook read: the library reads a workbook whole, in the worker's memory. */
export const SHEET_MAX_BYTES = 50 * 1024 * 1024;
