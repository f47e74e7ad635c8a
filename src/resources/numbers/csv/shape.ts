// The cheap first filter every number cell goes through before libphonenumber-js: separators
// people type (spaces, dashes, dots, parentheses, slashes) are dropped, and what is left must be
// a "+" and 8 to 15 digits, or 5 to 15 digits (the API's NUMBER_PATTERN). Letters (vanity
// numbers), extensions and anything else make the cell invalid without asking the validator.

const PLAIN = /^\+?[0-9]+$/;
const SEPARATORS = /[\s\-.()/\u00a0]/g;

/** The cell reduced to "+" and digits, or null when it cannot be a phone number. */
export function cleanNumber(cell: string): string | null {
  let text = cell;
  if (!PLAIN.test(text)) {
    text = text.replace(SEPARATORS, '');
    if (!PLAIN.test(text)) return null;
  }
  const digits = text.charCodeAt(0) === 43 ? text.length - 1 : text.length;
  if (digits > 15) return null;
  return digits >= (text.length === digits ? 5 : 8) ? text : null;
}

export function isNumberLike(cell: string): boolean {
  return cleanNumber(cell.trim()) !== null;
}
