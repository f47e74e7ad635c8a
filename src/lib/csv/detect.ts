// Guesses what the operator did not say: the delimiter, a header row and the variables per row,
// from a sample of the file's first lines. Every guess is shown in the panel and can be changed.
import { isNumberLike } from '../phone';
import type { Delimiter } from './types';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];
const SAMPLE_LINES = 200;

/**
 * The candidate found (outside quotes) on the most lines, ties broken by how steady its count per
 * line is; a file without any of them is a one-column file and gets a comma.
 */
export function detectDelimiter(sample: string): Delimiter {
  const perLine: number[][] = CANDIDATES.map(() => []);
  const counts = [0, 0, 0];
  let inQuotes = false;
  let lines = 0;
  let lineHasContent = false;
  for (let i = 0; i < sample.length && lines < SAMPLE_LINES; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === '\n') {
      if (lineHasContent) {
        for (let k = 0; k < 3; k++) perLine[k].push(counts[k]);
        lines++;
      }
      counts.fill(0);
      lineHasContent = false;
      continue;
    } else if (!inQuotes) {
      const k = CANDIDATES.indexOf(c as Delimiter);
      if (k !== -1) counts[k]++;
    }
    if (c !== '\r') lineHasContent = true;
  }
  if (lineHasContent && lines < SAMPLE_LINES) for (let k = 0; k < 3; k++) perLine[k].push(counts[k]);
  let best: Delimiter = ',';
  let bestScore = 0;
  CANDIDATES.forEach((candidate, k) => {
    const withIt = perLine[k].filter((count) => count > 0);
    if (withIt.length === 0) return;
    const steady = withIt.filter((count) => count === mode(withIt)).length / withIt.length;
    const score = withIt.length + steady;
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  });
  return best;
}

/** "1.8005E+10": how a spreadsheet shows (and writes to a CSV) a number it holds as a float. */
export const SCIENTIFIC = /^[+-]?\d(?:[.,]\d+)?E[+-]?\d+$/i;

/** A number, or one the spreadsheet damaged (still a number's cell, not a header's). */
const numberish = (cell: string) => isNumberLike(cell) || SCIENTIFIC.test(cell.trim());

/** The first row is a header when its first cell is not number-like while most later rows' are. */
export function detectHeader(firstCells: readonly string[]): boolean {
  if (firstCells.length < 2 || numberish(firstCells[0])) return false;
  let numberLike = 0;
  for (let i = 1; i < firstCells.length; i++) if (numberish(firstCells[i])) numberLike++;
  return numberLike * 2 > firstCells.length - 1;
}

/**
 * A header over a column other than the first (a CRM export: "Name,Phone" above "Ana,612345678"):
 * no cell of the first row looks like a number, and in some column that first row names, most
 * later rows do.
 */
export function detectHeaderByColumns(rows: readonly (readonly string[])[]): boolean {
  if (rows.length < 2) return false;
  const first = rows[0];
  if (first.some(numberish)) return false;
  const width = Math.min(first.length, 64);
  for (let column = 0; column < width; column++) {
    if (first[column].trim() === '') continue;
    let numberLike = 0;
    for (let i = 1; i < rows.length; i++) if (numberish(rows[i][column] ?? '')) numberLike++;
    if (numberLike * 2 > rows.length - 1) return true;
  }
  return false;
}

/**
 * The most common column count − 1 (ties: the larger count). A last column that is empty on every
 * sampled row that has it is a trailing delimiter ("5550001,John,199,"), not a variable, and is
 * not counted.
 */
export function detectVarCount(rows: readonly (readonly string[])[]): number {
  if (rows.length === 0) return 0;
  const histogram = new Map<number, number>();
  for (const cells of rows) histogram.set(cells.length, (histogram.get(cells.length) ?? 0) + 1);
  let columns = 1;
  let most = 0;
  for (const [count, rowsWithIt] of histogram) {
    if (rowsWithIt > most || (rowsWithIt === most && count > columns)) {
      columns = count;
      most = rowsWithIt;
    }
  }
  while (columns > 1 && rows.every((cells) => cells.length < columns || cells[columns - 1].trim() === '')) {
    columns--;
  }
  return columns - 1;
}

function mode(values: readonly number[]): number {
  const histogram = new Map<number, number>();
  let best = values[0];
  let most = 0;
  for (const value of values) {
    const count = (histogram.get(value) ?? 0) + 1;
    histogram.set(value, count);
    if (count > most) {
      most = count;
      best = value;
    }
  }
  return best;
}
