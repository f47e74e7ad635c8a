// The CSV the console writes: the upload layout (number, then the variables, no header), so that
// export → edit → re-upload round-trips, and the undo of a delete re-adds exactly what was deleted.
// The cell escaping every CSV of the console shares (quotes, formula neutralising).
import { toCsvCell } from '../../../lib/csv';

import type { NumberRow } from '../shared/fetchAllNumbers';

export type { NumberRow };

export { toCsvCell };

export interface CsvCellOptions {
  /** Prefix `'` to a value a spreadsheet would run as a formula. Never for the number column. */
  neutraliseFormula: boolean;
}

export const varCountOf = (rows: readonly NumberRow[]): number =>
  rows.reduce((max, row) => Math.max(max, row.varValues?.length ?? 0), 0);

export interface NumbersCsvOptions extends CsvCellOptions {
  varCount?: number;
}

/**
 * One line per number, padded with empty cells to `varCount` variables (the upload takes one
 * `varCount` per file). Lines end in CRLF (RFC 4180), with no trailing line break: some parsers
 * count one as an extra empty row.
 */
export const numbersToCsv = (rows: readonly NumberRow[], options: NumbersCsvOptions): string => {
  const varCount = options.varCount ?? varCountOf(rows);
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const { number, varValues = [] } = rows[i];
    const cells = [toCsvCell(String(number), { neutraliseFormula: false })];
    for (let v = 0; v < varCount; v++) {
      cells.push(toCsvCell(varValues[v] ?? '', options));
    }
    lines[i] = cells.join(',');
  }
  return lines.join('\r\n');
};

/** `<campaign name>-numbers.csv`, with characters file systems refuse replaced. */
export const exportFilename = (campaignName: string): string => {
  const safe = Array.from(campaignName, (char) => (char < ' ' || '\\/:*?"<>|'.includes(char) ? '_' : char))
    .join('')
    .trim();
  return `${safe || 'campaign'}-numbers.csv`;
};
