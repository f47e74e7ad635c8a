// What the Paste numbers box hands the analysis: the text of a CSV file, made from what an operator
// copied from a spreadsheet or an email. Pure, so that it is tested without React.
import { toCsvCell } from '../../../lib/csv';

const LINE_BREAK = /\r\n|\r|\n/;
const LIST_SEPARATOR = /[,;]/;
// An item of a list is a number when it carries a phone number's digits (the API takes 5 to 15),
// whatever else it holds: "212555O101" (a typo) or "2125550102 (Ana)" is a number that is not
// valid, shown as an invalid row, not a reason to read the list as the columns of a CSV file.
const PHONE_DIGITS = /(?:\d\D*){5}/;
// An email may quote its numbers ("2125550100"): the quotes are not part of them.
const QUOTES = /^["'“”«»]+|["'“”«»]+$/g;

/**
 * Tab-separated rows (copied from a spreadsheet) are kept as they are, columns and all. Otherwise
 * the text is a list of numbers (from an email) when every item between commas, semicolons and
 * line breaks, mixed in any way ("2125550100; 2125550101, 2125550102"), has a number's digits: one
 * number a row, under a first line that is a single title without digits ("Numbers:"), if any.
 * Anything else (a CSV file's text: "Name,Phone") is kept as it is, for the analysis to read.
 */
export const pastedText = (text: string): string => {
  if (text.includes('\t')) return text;
  const lines = text
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter(Boolean);
  const [first] = lines;
  const title = first !== undefined && !/\d/.test(first) && !LIST_SEPARATOR.test(first) ? first : null;
  const items = lines
    .slice(title === null ? 0 : 1)
    .flatMap((line) => line.split(LIST_SEPARATOR))
    .map((item) => item.trim().replace(QUOTES, '').trim())
    .filter(Boolean);
  if (items.length === 0 || !items.every((item) => PHONE_DIGITS.test(item))) return text;
  const rows = title === null ? items : [title, ...items];
  // One cell a row: quoted only when a quote is left inside it; a leading "+" is the number's.
  return rows.map((row) => `${toCsvCell(row, { neutraliseFormula: false })}\n`).join('');
};
