// What the calling-hours section shows, from an analysis's groups (a few hundred at most): counts
// by country and zones, by type, and outside calling hours at an instant.
import type { FactsGroup, NumberFactsCounts } from '../../../lib/csv';
import { type CallingWindow, callingHoursAt, type HoursVerdict } from '../../../lib/hours';
import type { NumberType } from '../../../lib/phone';

export interface ZoneRow {
  country: string | null;
  zones: readonly string[];
  rows: number;
}

/** Rows by country and zones (types merged), the largest first. */
export const byCountryAndZone = (groups: readonly FactsGroup[]): ZoneRow[] => {
  const rows = new Map<string, ZoneRow>();
  for (const group of groups) {
    const key = `${group.country ?? ''}|${group.zones.join('&')}`;
    const row = rows.get(key);
    if (row) row.rows += group.rows;
    else rows.set(key, { country: group.country, zones: group.zones, rows: group.rows });
  }
  return [...rows.values()].sort((a, b) => b.rows - a.rows);
};

/** Rows by type, the largest first. */
export const byType = (groups: readonly FactsGroup[]): { type: NumberType; rows: number }[] => {
  const rows = new Map<NumberType, number>();
  for (const group of groups) rows.set(group.type, (rows.get(group.type) ?? 0) + group.rows);
  return [...rows.entries()].map(([type, count]) => ({ type, rows: count })).sort((a, b) => b.rows - a.rows);
};

/** Valid rows by their hours at `at` in `window`. */
export const hoursCounts = (
  counts: NumberFactsCounts,
  window: CallingWindow | null,
  at: number | null,
): Record<HoursVerdict, number> => {
  const result: Record<HoursVerdict, number> = { inside: 0, outside: 0, unknown: 0 };
  if (window === null || at === null) return result;
  for (const group of counts.groups) result[callingHoursAt(group.zones, at, window)] += group.rows;
  return result;
};

/** "America/New_York" -> "America_New_York", for a file name. */
export const zonesFileSuffix = (zones: readonly string[]): string =>
  zones.length === 0 ? 'unknown-zone' : zones.map((zone) => zone.replace(/[^A-Za-z0-9_+-]+/g, '_')).join('+');
