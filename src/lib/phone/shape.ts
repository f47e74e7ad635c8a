// The cheap first filter every number cell goes through before libphonenumber-js: separators
// people type (spaces, dashes, dots, parentheses, slashes) are dropped, and what is left must be
// a "+" and 8 to 15 digits, or 5 to 15 digits (the API's NUMBER_PATTERN). Letters (vanity
// numbers), extensions and anything else make the cell invalid without asking the validator.

/** A number cell reduced to digits, in a reused buffer (no string per row on the fast path). */
export class NumberScan {
  readonly digits = new Uint8Array(16);
  length = 0;
  plus = false;

  /** Reads a (trimmed) cell; false when it cannot be a phone number. */
  scan(cell: string): boolean {
    let count = 0;
    let plus = false;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        if (count === 15) return false;
        this.digits[count++] = c - 48;
      } else if (c === 43) {
        if (plus || count > 0) return false;
        plus = true;
      } else if (
        !(c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 47 || c === 160 || c === 9)
      ) {
        return false;
      }
    }
    this.length = count;
    this.plus = plus;
    return count >= (plus ? 8 : 5);
  }

  /** "+" and digits, or digits: what libphonenumber-js is given. */
  toString(): string {
    let text = this.plus ? '+' : '';
    for (let i = 0; i < this.length; i++) text += String(this.digits[i]);
    return text;
  }
}

const shared = new NumberScan();

/** The cell reduced to "+" and digits, or null when it cannot be a phone number. */
export function cleanNumber(cell: string): string | null {
  return shared.scan(cell) ? shared.toString() : null;
}

export function isNumberLike(cell: string): boolean {
  return shared.scan(cell.trim());
}
