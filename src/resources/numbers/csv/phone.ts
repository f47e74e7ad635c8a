// Number validation for the worker: libphonenumber-js with its "max" metadata, memoised.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { createValidatorMemo } from './phoneMemo';
import { cleanNumber } from './shape';
import type { CountryCode } from './types';

/** The full validator: E.164 of a cleaned number ("+" and digits), or null when it is not valid. */
export function validateFull(cleaned: string, defaultCountry: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

export interface NormaliserStats {
  /** Cells that passed the shape filter. */
  checked: number;
  /** Of those, answered from the memo without calling libphonenumber-js. */
  memoHits: number;
}

export interface NumberNormaliser {
  /**
   * The E.164 digits of a number cell (trimmed) as a number (E.164 has at most 15 digits, exact
   * below 2^53; "+" + String(key) is the E.164 form), or 0 when it is not a valid number.
   * A number rather than a string: no string is built per row on the fast path.
   */
  normaliseToKey(cell: string): number;
  /** E.164 form of a number cell, or null. */
  normalise(cell: string): string | null;
  readonly stats: NormaliserStats;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

export function createNumberNormaliser(defaultCountry: CountryCode, { memo = true } = {}): NumberNormaliser {
  const stats: NormaliserStats = { checked: 0, memoHits: 0 };
  const validatorMemo = memo ? createValidatorMemo(defaultCountry) : null;
  const normaliseToKey = (cell: string): number => {
    const cleaned = cleanNumber(cell);
    if (cleaned === null) return 0;
    stats.checked++;
    const known = validatorMemo?.lookup(cleaned);
    if (known !== undefined) {
      stats.memoHits++;
      if (known === false) return 0;
      let tail = 0;
      for (let i = known.drop; i < cleaned.length; i++) tail = tail * 10 + (cleaned.charCodeAt(i) - 48);
      return known.prefix * POW10[cleaned.length - known.drop] + tail;
    }
    const e164 = validateFull(cleaned, defaultCountry);
    validatorMemo?.store(cleaned, e164);
    return e164 === null ? 0 : Number(e164.slice(1));
  };
  return {
    stats,
    normaliseToKey,
    normalise(cell) {
      const key = normaliseToKey(cell);
      return key === 0 ? null : `+${key}`;
    },
  };
}
