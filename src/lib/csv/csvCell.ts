// RFC 4180 cell writer shared by every CSV the console produces (upload parts, problem lists, grid
// exports). A cell that a spreadsheet would evaluate (=, +, -, @, tab, CR at its start) gets a
// leading apostrophe so that opening an exported file cannot run a formula planted in a CSV we
// were given ("CSV injection"). A column that holds E.164 numbers opts out: there the "+" is data.

export interface CsvCellOptions {
  /** Default true. Pass false for columns whose leading "+" or "-" is data (E.164 numbers). */
  neutraliseFormula?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function toCsvCell(value: string | number | null | undefined, options: CsvCellOptions = {}): string {
  let text = value == null ? '' : String(value);
  if (options.neutraliseFormula !== false && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (with its CRLF) from cells; `rawColumns` lists the columns that skip neutralising. */
export function toCsvLine(
  cells: readonly (string | number | null | undefined)[],
  rawColumns: readonly number[] = [],
): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += toCsvCell(cells[i], { neutraliseFormula: !rawColumns.includes(i) });
  }
  return `${line}\r\n`;
}
