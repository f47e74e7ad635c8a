/**
 * Calling hours: whether a number may be called at an instant, from its time zones (IANA names)
 * and a daily window in local time. Knows nothing of the app, nor of phone numbers.
 *
 *   callingHoursAt(zones, instant, window?) -> 'inside' | 'outside' | 'unknown'
 *     window defaults to 08:00–21:00 ([start, end), minutes after local midnight); a number with
 *     several zones is inside only when every one is (the hours they all share); no zone, or a
 *     zone Intl does not know, is 'unknown'.
 *   parseWindow('08:00', '21:00') -> CallingWindow | 'invalid' | 'empty'; formatTimeOfDay(480).
 *   parseLocalDateTime('2026-03-08T09:00:00') -> Date in this device's zone, or null.
 */
export type { CallingWindow, HoursVerdict } from './hours';
export {
  callingHoursAt,
  DEFAULT_WINDOW,
  formatTimeOfDay,
  inWindow,
  localMinutes,
  parseLocalDateTime,
  parseTimeOfDay,
  parseWindow,
} from './hours';
