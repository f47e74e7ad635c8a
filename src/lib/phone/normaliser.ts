// Number validation for the worker: libphonenumber-js with its "max" metadata, memoised.

import type { CountryCode } from 'libphonenumber-js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { createValidatorMemo } from './memo';
import { NumberScan } from './shape';

/**
 * The full validator: E.164 of a cleaned number ("+" and digits), or null when libphonenumber-js
 * finds it invalid or its E.164 form is longer than E.164's 15 digits (libphonenumber accepts
 * national numbers of up to 17 digits; the API's NUMBER_PATTERN does not).
 */
export function validateFull(cleaned: string, defaultCountry?: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  return parsed?.isValid() && parsed.number.length <= 16 ? parsed.number : null;
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
  const number = new NumberScan();
  const normaliseToKey = (cell: string): number => {
    if (!number.scan(cell)) return 0;
    stats.checked++;
    const known = validatorMemo?.lookup(number);
    if (known !== undefined) {
      stats.memoHits++;
      if (known === false) return 0;
      const { digits, length } = number;
      let tail = 0;
      for (let i = known.drop; i < length; i++) tail = tail * 10 + digits[i];
      return known.prefix * POW10[length - known.drop] + tail;
    }
    const e164 = validateFull(number.toString(), defaultCountry);
    validatorMemo?.store(number, e164);
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
