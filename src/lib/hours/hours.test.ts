import { describe, expect, it } from 'vitest';
import {
  callingHoursAt,
  DEFAULT_WINDOW,
  formatTimeOfDay,
  localMinutes,
  parseLocalDateTime,
  parseWindow,
} from './index';

const at = (iso: string) => new Date(iso);
const NY = ['America/New_York'];

describe('calling hours', () => {
  it('is 08:00 to 21:00 local by default, the end excluded', () => {
    expect(DEFAULT_WINDOW).toEqual({ start: 480, end: 1260 });
    // 2026-06-01: New York is UTC-4.
    expect(callingHoursAt(NY, at('2026-06-01T11:59:00Z'))).toBe('outside');
    expect(callingHoursAt(NY, at('2026-06-01T12:00:00Z'))).toBe('inside');
    expect(callingHoursAt(NY, at('2026-06-02T00:59:00Z'))).toBe('inside');
    expect(callingHoursAt(NY, at('2026-06-02T01:00:00Z'))).toBe('outside');
  });

  it('follows New York into daylight saving time (2026-03-08)', () => {
    // The same UTC time of day: 07:30 EST the day before, 08:30 EDT on the day.
    expect(localMinutes('America/New_York', at('2026-03-07T12:30:00Z'))).toBe(7 * 60 + 30);
    expect(callingHoursAt(NY, at('2026-03-07T12:30:00Z'))).toBe('outside');
    expect(callingHoursAt(NY, at('2026-03-08T12:30:00Z'))).toBe('inside');
    // And in the evening: 20:30 EST is inside, 21:30 EDT is not.
    expect(callingHoursAt(NY, at('2026-03-08T01:30:00Z'))).toBe('inside');
    expect(callingHoursAt(NY, at('2026-03-09T01:30:00Z'))).toBe('outside');
  });

  it('follows New York out of daylight saving time (2026-11-01)', () => {
    expect(callingHoursAt(NY, at('2026-10-31T12:30:00Z'))).toBe('inside');
    expect(callingHoursAt(NY, at('2026-11-01T12:30:00Z'))).toBe('outside');
    expect(localMinutes('America/New_York', at('2026-11-01T12:30:00Z'))).toBe(7 * 60 + 30);
  });

  it('follows Madrid into summer time (2026-03-29)', () => {
    const madrid = ['Europe/Madrid'];
    expect(callingHoursAt(madrid, at('2026-03-28T06:30:00Z'))).toBe('outside');
    expect(callingHoursAt(madrid, at('2026-03-29T06:30:00Z'))).toBe('inside');
    // The Canaries are an hour behind the peninsula all year.
    expect(callingHoursAt(['Atlantic/Canary'], at('2026-03-29T06:30:00Z'))).toBe('outside');
  });

  it('uses the hours all of a number’s zones share', () => {
    // A number whose area spans Eastern and Central time: 08:30 in New York is 07:30 in Chicago.
    const both = ['America/Chicago', 'America/New_York'];
    expect(callingHoursAt(both, at('2026-06-01T12:30:00Z'))).toBe('outside');
    expect(callingHoursAt(both, at('2026-06-01T13:30:00Z'))).toBe('inside');
    // In the evening it is the other way round: 20:30 in Chicago is inside, 21:30 in New York is not.
    expect(callingHoursAt(both, at('2026-06-02T01:30:00Z'))).toBe('outside');
    // Alaska's area code: Anchorage (UTC-8 in summer) and Adak (UTC-9).
    const alaska = ['America/Adak', 'America/Anchorage'];
    expect(callingHoursAt(alaska, at('2026-06-01T16:30:00Z'))).toBe('outside');
    expect(callingHoursAt(alaska, at('2026-06-01T17:30:00Z'))).toBe('inside');
  });

  it('flags a number with no zone, or with a zone it does not know, as unknown', () => {
    expect(callingHoursAt([], at('2026-06-01T15:00:00Z'))).toBe('unknown');
    expect(callingHoursAt(['Mars/Olympus_Mons'], at('2026-06-01T15:00:00Z'))).toBe('unknown');
    expect(callingHoursAt(['America/New_York', 'Etc/Unknown'], at('2026-06-01T15:00:00Z'))).toBe('unknown');
  });

  it('takes another window, also one across midnight', () => {
    const office = { start: 9 * 60, end: 17 * 60 };
    expect(callingHoursAt(NY, at('2026-06-01T12:30:00Z'), office)).toBe('outside');
    expect(callingHoursAt(NY, at('2026-06-01T13:30:00Z'), office)).toBe('inside');
    const night = { start: 22 * 60, end: 6 * 60 };
    expect(callingHoursAt(NY, at('2026-06-02T03:00:00Z'), night)).toBe('inside');
    expect(callingHoursAt(NY, at('2026-06-01T15:00:00Z'), night)).toBe('outside');
  });

  it('reads windows and local date-times, and says why not', () => {
    expect(parseWindow('08:00', '21:00')).toEqual(DEFAULT_WINDOW);
    expect(parseWindow('9:30', '24:00')).toEqual({ start: 570, end: 1440 });
    expect(parseWindow('08:00', '08:00')).toBe('empty');
    expect(parseWindow('8 am', '21:00')).toBe('invalid');
    expect(parseWindow('25:00', '21:00')).toBe('invalid');
    expect(formatTimeOfDay(480)).toBe('08:00');
    expect(parseLocalDateTime('2026-03-08T09:00:00')?.getHours()).toBe(9);
    expect(parseLocalDateTime('2026-03-08')?.getDate()).toBe(8);
    expect(parseLocalDateTime('2026-02-30T09:00')).toBeNull();
    expect(parseLocalDateTime('next Tuesday')).toBeNull();
  });
});
