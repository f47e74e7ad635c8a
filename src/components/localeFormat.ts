// Dates, counts and page numbers in the console's language (react-admin's locale), never the
// browser's: an operator who chose Spanish in an en-US browser reads "10 sept 2025" and "400.040",
// not "9/10/2025" and "400040". Dates always carry a month name, so 9/10 can't be read two ways.
import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';

/** The Intl locale of each console language: English dates read day, month name, year ("10 Sept 2025"). */
const INTL_LOCALES: Record<string, string> = { en: 'en-GB', es: 'es-ES' };

export const intlLocale = (locale: string | undefined): string =>
  INTL_LOCALES[locale ?? 'en'] ?? locale ?? 'en-GB';

/** A date with its month name: "10 Sept 2025", "10 sept 2025". */
export const DATE_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
/** A date and a 24-hour time: "1 Dec 2026, 20:22:07". */
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  ...DATE_OPTIONS,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

export interface LocaleFormat {
  /** The Intl locale, for react-admin's `<DateField locales>` and the like. */
  locale: string;
  /** "2,100" / "2100", "400,040" / "400.040". */
  count: (n: number) => string;
  /** Polyglot arguments: the raw number for the plural form, the formatted one to show. */
  countArgs: (n: number) => { smart_count: number; count: string };
  date: (value: string | number | Date | null | undefined) => string;
  dateTime: (value: string | number | Date | null | undefined) => string;
}

const formatWith = (format: Intl.DateTimeFormat) => (value: string | number | Date | null | undefined) => {
  if (value == null || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : format.format(date);
};

const makeLocaleFormat = (locale: string): LocaleFormat => {
  const numbers = new Intl.NumberFormat(locale);
  const count = (n: number) => numbers.format(n);
  return {
    locale,
    count,
    countArgs: (n: number) => ({ smart_count: n, count: count(n) }),
    date: formatWith(new Intl.DateTimeFormat(locale, DATE_OPTIONS)),
    dateTime: formatWith(new Intl.DateTimeFormat(locale, DATE_TIME_OPTIONS)),
  };
};

// Building an Intl formatter costs about a millisecond, using one a microsecond: one set per language,
// shared by every component (a grid of 100 rows and its pagination ask for them many times).
const formats = new Map<string, LocaleFormat>();

export const localeFormat = (language: string | undefined): LocaleFormat => {
  const locale = intlLocale(language);
  let format = formats.get(locale);
  if (!format) {
    format = makeLocaleFormat(locale);
    formats.set(locale, format);
  }
  return format;
};

/** The formatters of the console's current language. */
export const useLocaleFormat = (): LocaleFormat => {
  const [language] = useLocaleState();
  return useMemo(() => localeFormat(language), [language]);
};
