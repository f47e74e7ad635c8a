// Number validation for the worker: libphonenumber-js with its "max" metadata, memoised.

import type { CountryCode, PhoneNumber } from 'libphonenumber-js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { createValidatorMemo } from './memo';
import { FactsTable, type NumberFacts, type NumberType } from './numberType';
import { NumberScan } from './shape';
import type { TimeZoneMap } from './timeZones';

/**
 * The full validator: E.164 of a cleaned number ("+" and digits), or null when libphonenumber-js
 * finds it invalid or its E.164 form is longer than E.164's 15 digits (libphonenumber accepts
 * national numbers of up to 17 digits; the API's NUMBER_PATTERN does not).
 */
export function validateFull(cleaned: string, defaultCountry?: CountryCode): string | null {
  return parseValid(cleaned, defaultCountry)?.number ?? null;
}

function parseValid(cleaned: string, defaultCountry?: CountryCode): PhoneNumber | null {
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  return parsed?.isValid() && parsed.number.length <= 16 ? parsed : null;
}

/** The full answer for a valid number: libphonenumber-js's type and country, the map's zones. */
export function factsOf(parsed: PhoneNumber, zones: TimeZoneMap): NumberFacts {
  const type: NumberType = parsed.getType() ?? 'UNKNOWN';
  return {
    country: parsed.country ?? null,
    type,
    zones: zones.zonesOf(parsed.number, parsed.countryCallingCode, type),
  };
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
  /**
   * With a time-zone map: the facts id of the last number `normaliseToKey` found valid (0 when it
   * was not), and the table that names it. Without one: always 0, and null.
   */
  readonly lastFacts: number;
  readonly facts: FactsTable | null;
}

export interface NormaliserOptions {
  /** false: call libphonenumber-js for every number (the memo's tests compare with it). */
  memo?: boolean;
  /** Given: every valid number's type, country and zones are kept too (`lastFacts`). */
  zones?: TimeZoneMap | null;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

export function createNumberNormaliser(
  defaultCountry: CountryCode,
  { memo = true, zones = null }: NormaliserOptions = {},
): NumberNormaliser {
  const stats: NormaliserStats = { checked: 0, memoHits: 0 };
  const validatorMemo = memo ? createValidatorMemo(defaultCountry, zones ?? undefined) : null;
  const facts = zones ? new FactsTable() : null;
  const number = new NumberScan();
  let lastFacts = 0;
  const normaliseToKey = (cell: string): number => {
    lastFacts = 0;
    if (!number.scan(cell)) return 0;
    stats.checked++;
    const known = validatorMemo?.lookup(number);
    if (known !== undefined) {
      stats.memoHits++;
      if (known === false) return 0;
      lastFacts = known.facts;
      const { digits, length } = number;
      let tail = 0;
      for (let i = known.drop; i < length; i++) tail = tail * 10 + digits[i];
      return known.prefix * POW10[length - known.drop] + tail;
    }
    const parsed = parseValid(number.toString(), defaultCountry);
    if (parsed && facts && zones) lastFacts = facts.intern(factsOf(parsed, zones));
    validatorMemo?.store(number, parsed?.number ?? null, lastFacts);
    return parsed === null ? 0 : Number(parsed.number.slice(1));
  };
  return {
    stats,
    facts,
    get lastFacts() {
      return lastFacts;
    },
    normaliseToKey,
    normalise(cell) {
      const key = normaliseToKey(cell);
      return key === 0 ? null : `+${key}`;
    },
  };
}
