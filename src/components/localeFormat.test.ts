import { describe, expect, it } from 'vitest';
import { DATE_OPTIONS, DATE_TIME_OPTIONS, localeFormat } from './localeFormat';

// The grids format with these shared formatters instead of react-admin's DateField and NumberField,
// which call toLocaleString(locales, options) for every cell: the same text, one formatter per language.
describe('localeFormat', () => {
  const values = ['2026-01-02T03:04:05.000Z', Date.parse('2025-09-10T22:59:59.000Z'), '2024-02-29T12:00:00'];

  it.each(['en', 'es'])('formats dates and counts as toLocaleString does (%s)', (language) => {
    const format = localeFormat(language);
    for (const value of values) {
      expect(format.dateTime(value)).toBe(new Date(value).toLocaleString(format.locale, DATE_TIME_OPTIONS));
      expect(format.date(value)).toBe(new Date(value).toLocaleDateString(format.locale, DATE_OPTIONS));
    }
    for (const n of [0, 7, 2100, 400040, 1_000_000])
      expect(format.count(n)).toBe(n.toLocaleString(format.locale));
  });

  it('builds one set of formatters per language', () => {
    expect(localeFormat('es')).toBe(localeFormat('es'));
    expect(localeFormat('en')).not.toBe(localeFormat('es'));
  });

  it('shows what is not a date as it came, and nothing for no value', () => {
    const { dateTime } = localeFormat('en');
    expect(dateTime('yesterday')).toBe('yesterday');
    expect(dateTime(null)).toBe('');
    expect(dateTime('')).toBe('');
  });
});
