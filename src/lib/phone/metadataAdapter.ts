// The one file that reads libphonenumber-js's metadata beyond its documented API.
//
// The memo (memo.ts) follows the very regular expressions libphonenumber-js applies, so it needs
// more of a numbering plan than the README documents (`leadingDigits`, `possibleLengths`,
// `IDDPrefix` and `defaultIDDPrefix` of `Metadata#numberingPlan`, the plan chosen by country):
// the national number pattern, the national prefix rules, the type patterns, the calling code,
// the countries of a calling code, and a plan chosen by calling code. This file types exactly
// those calls (libphonenumber-js's own types declare none of them) and hands out plain values, so
// that an upgrade which renames or reshapes one breaks here, at type-check or on first use, and
// nowhere else. Before upgrading, run the memo's differential test over every country (see
// normaliser.test.ts).
//
// Nothing runs at import: the Metadata instance is made on the first call (the metadata itself is
// the same module libphonenumber-js/max loads for validation).

import type { CountryCode } from 'libphonenumber-js';
import { Metadata } from 'libphonenumber-js/max';

/** The number types whose patterns decide validity (libphonenumber-js's `NumberType` names). */
const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

/** The methods of `Metadata#numberingPlan` used here (metadata.js, class NumberingPlan). */
interface NumberingPlanInternals {
  callingCode(): string;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  /** Documented. */
  leadingDigits(): string | undefined;
  /** Documented. */
  IDDPrefix(): string;
  type(type: (typeof TYPES)[number]): { pattern(): string } | undefined;
}

/** The methods of `Metadata` used here (metadata.js, class Metadata). */
interface MetadataInternals {
  numberingPlan: NumberingPlanInternals;
  /** Documented with a country; a calling code ("1", "44") selects its main country's plan. */
  selectNumberingPlan(countryOrCallingCode: string): void;
  /** Undefined for a calling code of no country. */
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  /** Calling code -> its countries, main country first. */
  countryCallingCodes(): Record<string, string[]>;
}

/** What the memo reads of one numbering plan. */
export interface PlanRules {
  callingCode: string;
  nationalNumberPattern: string;
  nationalPrefixForParsing: string | undefined;
  /** Set when the national prefix rule rewrites the number (Argentina, Mexico…). */
  nationalPrefixTransformRule: string | undefined;
  leadingDigits: string | undefined;
  IDDPrefix: string;
  /** The patterns of the number types the plan has, FIXED_LINE, MOBILE… in that order. */
  typePatterns: string[];
}

let metadata: MetadataInternals | null = null;

const api = (): MetadataInternals => (metadata ??= new Metadata() as unknown as MetadataInternals);

/**
 * The rules of a country's plan, or of a calling code's main country ("1", "44"). Throws, as
 * libphonenumber-js does, for a country or calling code it does not know.
 */
export function planRules(countryOrCallingCode: CountryCode | string): PlanRules {
  const meta = api();
  meta.selectNumberingPlan(countryOrCallingCode);
  const plan = meta.numberingPlan;
  const typePatterns: string[] = [];
  for (const type of TYPES) {
    const pattern = plan.type(type)?.pattern();
    if (pattern) typePatterns.push(pattern);
  }
  return {
    callingCode: plan.callingCode(),
    nationalNumberPattern: plan.nationalNumberPattern(),
    nationalPrefixForParsing: plan.nationalPrefixForParsing(),
    nationalPrefixTransformRule: plan.nationalPrefixTransformRule(),
    leadingDigits: plan.leadingDigits(),
    IDDPrefix: plan.IDDPrefix(),
    typePatterns,
  };
}

/** The countries sharing a calling code, main country first ([] for a calling code of none). */
export function countriesOfCallingCode(callingCode: string): string[] {
  return api().getCountryCodesForCallingCode(callingCode) ?? [];
}

/** Every calling code of a country. */
export function callingCodes(): string[] {
  return Object.keys(api().countryCallingCodes());
}
