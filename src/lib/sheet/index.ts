/**
 * Spreadsheets (.xlsx, .xls, .ods) as CSV text for the CSV engine: read in the CSV worker with
 * @e965/xlsx, which is imported dynamically, so that it is fetched only when a workbook is dropped.
 * It imports nothing of the app (nor of src/lib/csv, which uses it).
 *
 *   sniffSheet(head, name?) -> 'xlsx' | 'xls' | 'ods' | null
 *     From the file's first bytes (a ZIP or an OLE container) and its name's extension.
 *   readSheet(file, { sheet?, maxBytes }) -> Promise<SheetText>
 *     The chosen sheet (default: the first) as comma-separated CSV chunks, one line per row of the
 *     spreadsheet, so that line N of the text is the spreadsheet's row N (rows above the sheet's
 *     range are blank lines; a line break inside a cell becomes a space). Cells are the text the
 *     spreadsheet shows (leading zeros of text cells survive); dates are ISO 8601 text
 *     ("2024-01-15", "2024-01-15T09:30:00"); formulas give their cached values; an integer shown
 *     in scientific notation by the General format gives its digits. A number the spreadsheet
 *     turned into a float (its value is what "1.8005E+10" says, or it has more than 15 digits) is
 *     kept as shown and listed in `damaged` (the first ones) and `damagedCells` (all, as
 *     damagedCellKey(line, column)): its digits are lost.
 *     Rejects with SheetError: 'sheetTooLarge' (over maxBytes, checked before reading),
 *     'sheetProtected' (password-protected), 'sheetCorrupt' (anything the library cannot read).
 */
export type { SheetDamage, SheetFormat, SheetReadOptions, SheetText } from './read';
export { damagedCellKey, readSheet, SheetError, sniffSheet } from './read';
