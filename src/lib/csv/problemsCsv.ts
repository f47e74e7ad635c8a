import { toCsvLine } from './csvCell';
import type { Problem, ProblemValues } from './types';

/**
 * The problem rows as a CSV to download: line, reason, number, row as written. Reason stays the
 * machine code (translated column titles come from the caller) so the file sorts and filters
 * well in a spreadsheet (a listed number's reason names its lists: "onDncList 'Internal DNC'");
 * every cell is formula-neutralised (the raw row came from outside).
 */
export function problemsToCsv(
  problems: readonly (Pick<Problem, 'line' | 'reason' | 'raw'> & { values?: ProblemValues })[],
  headers: readonly string[] = ['line', 'reason', 'row'],
): Blob {
  const pieces: string[] = [`\ufeff${toCsvLine(headers)}`];
  let piece = '';
  for (const problem of problems) {
    const lists = problem.values?.lists;
    piece += toCsvLine([problem.line, lists ? `${problem.reason} ${lists}` : problem.reason, problem.raw]);
    if (piece.length > 1 << 20) {
      pieces.push(piece);
      piece = '';
    }
  }
  pieces.push(piece);
  return new Blob(pieces, { type: 'text/csv;charset=utf-8' });
}
