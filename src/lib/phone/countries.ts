// libphonenumber-js (with its metadata) is imported only from the lazily loaded add-number and
// upload views, so the sign-in screen and the grids never download it. Its "max" metadata, the same
// rules as the CSV check (validateFull), so a number the form takes is never flagged in a file.
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
} from 'libphonenumber-js/max';
import { validateFull } from './normaliser';

export type NumberCheck = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'valid'; e164: string };

const asCountry = (country: string): CountryCode | undefined =>
  isSupportedCountry(country) ? country : undefined;

/** National input is read in `country`; international input ("+…", "00…") in its own country. */
export const checkNumber = (input: string, country: string): NumberCheck => {
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  // "00" is the international prefix of most of the world; libphonenumber only knows it per country.
  const normalised = text.startsWith('00') ? `+${text.slice(2)}` : text;
  const e164 = validateFull(normalised, asCountry(country));
  return e164 ? { kind: 'valid', e164 } : { kind: 'invalid' };
};

export interface CountryOption {
  code: string;
  label: string;
}

/** Every country libphonenumber knows, named in `locale` and sorted by that name. */
export const countryOptions = (locale: string): CountryOption[] => {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    names = null;
  }
  const collator = new Intl.Collator(locale);
  return getCountries()
    .map((code) => {
      const name = names?.of(code) ?? code;
      return { code, name, label: `${name} (+${getCountryCallingCode(code)})` };
    })
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ code, label }) => ({ code, label }));
};

export const countryName = (code: string, locale: string): string => {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};
