/** Rows of the file the analysis returns in `preview`. */
export const PREVIEW_ROWS = 20;
/** Problems the analysis lists (problemCount counts them all). */
export const PROBLEMS_MAX = 10_000;
/** A problem's `raw` row is cut at this many characters. */
export const RAW_MAX_CHARS = 500;
