/**
 * Phone numbers: cleaning, validation and E.164, for the add form and the CSV analysis alike. The
 * only code of the console that imports libphonenumber-js (with its "max" metadata, so a number the
 * form takes is never flagged in a file). Knows nothing of the app.
 *
 *   checkNumber(input, country) -> { kind: 'empty' | 'invalid' } | { kind: 'valid', e164 }
 *     national input read in `country`; "+…" and "00…" in their own country.
 *   validateFull(cleaned, country?) -> E.164 | null      one full libphonenumber-js call.
 *   createNumberNormaliser(country) -> { normaliseToKey, normalise, stats }
 *     the fast path of the CSV analysis: a shape filter (shape.ts), then a memo of libphonenumber's
 *     verdicts keyed by decided prefix and length (memo.ts, digitNfa.ts), then validateFull.
 *   countryOptions(locale), countryName(code, locale): the countries libphonenumber knows, named.
 *   NumberScan, cleanNumber, isNumberLike: the cheap shape filter every number cell goes through.
 *
 * Everything the module reads of libphonenumber-js beyond its documented API (the numbering plans'
 * patterns and prefix rules, for the memo) goes through metadataAdapter.ts, and nothing is built
 * at import: the memo's tables are made on the first number the normaliser sees.
 */
export type { CountryCode } from 'libphonenumber-js';
export type { CountryOption, NumberCheck } from './countries';
export { checkNumber, countryName, countryOptions } from './countries';
export type { NormaliserOptions, NormaliserStats, NumberNormaliser } from './normaliser';
export { createNumberNormaliser, validateFull } from './normaliser';
export type { NumberFacts, NumberType } from './numberType';
export { FactsTable, NUMBER_TYPES } from './numberType';
export { cleanNumber, isNumberLike, NumberScan } from './shape';
export type { TimeZoneSource } from './timeZones';
export { loadTimeZoneMap, setTimeZoneSource, TimeZoneMap, UNKNOWN_ZONES } from './timeZones';
