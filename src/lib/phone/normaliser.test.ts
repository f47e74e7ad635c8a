import type { CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { PrefixTrie } from './memo';
import { createNumberNormaliser, validateFull } from './normaliser';
import { cleanNumber } from './shape';

// A deterministic generator, so that a failure can be replayed.
function random(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const digits = (rnd: (n: number) => number, count: number) => {
  let text = '';
  for (let i = 0; i < count; i++) text += String(rnd(10));
  return text;
};

/**
 * Numbers shaped like what operators paste: real numbering prefixes (from libphonenumber's
 * examples) with random tails of the right length and of wrong lengths, international, national
 * with and without the trunk prefix, the calling code without "+", IDD prefixes, plain noise.
 */
function sample(rnd: (n: number) => number, country: CountryCode, count: number): string[] {
  const callingCode = getCountryCallingCode(country);
  const countries = getCountries();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const other = countries[rnd(countries.length)];
    const home = rnd(3) > 0 ? country : other;
    const example = (examples as Record<string, string>)[home] ?? '2015550123';
    const keep = rnd(example.length + 1);
    const national = example.slice(0, keep) + digits(rnd, Math.max(0, example.length - keep + rnd(5) - 2));
    const code = getCountryCallingCode(home);
    switch (rnd(7)) {
      case 0:
      case 1:
        out.push(`+${code}${national}`);
        break;
      case 2:
        out.push(home === country ? national : `+${code}${national}`);
        break;
      case 3:
        out.push(`0${national}`);
        break;
      case 4:
        out.push(`${callingCode}${national}`);
        break;
      case 5:
        out.push(`${rnd(2) ? '00' : '011'}${code}${national}`);
        break;
      default:
        out.push((rnd(2) ? '+' : '') + digits(rnd, 5 + rnd(11)));
    }
  }
  return out;
}

describe('number normaliser', () => {
  it('gives the E.164 form of valid national and international numbers and null otherwise', () => {
    const us = createNumberNormaliser('US');
    expect(us.normalise('+1 (202) 555-0123')).toBe('+12025550123');
    expect(us.normalise('202.555.0123')).toBe('+12025550123');
    expect(us.normalise('1 202 555 0123')).toBe('+12025550123');
    expect(us.normalise('011 44 20 7946 0958')).toBe('+442079460958');
    expect(us.normalise('5550001')).toBeNull();
    expect(us.normalise('+1 800 FLOWERS')).toBeNull();
    expect(us.normalise('202-555-0123 ext. 7')).toBeNull();
    expect(us.normalise('+1202555012345678')).toBeNull();
    // Valid for libphonenumber-js (German numbers reach 15 national digits) but beyond E.164's 15.
    expect(createNumberNormaliser('DE').normalise('298581458707076')).toBeNull();
    const es = createNumberNormaliser('ES');
    expect(es.normalise('612 34 56 78')).toBe('+34612345678');
    expect(es.normalise('0034 612 345 678')).toBe('+34612345678');
    expect(es.normalise('+52 222 123 4567')).toBe('+522221234567');
  });

  it('filters shapes before the validator: "+" and 8-15 digits, or 5-15 digits', () => {
    expect(cleanNumber('+1 (202) 555-0123')).toBe('+12025550123');
    expect(cleanNumber('12345')).toBe('12345');
    expect(cleanNumber('1234')).toBeNull();
    expect(cleanNumber('+1234567')).toBeNull();
    expect(cleanNumber('1234567890123456')).toBeNull();
    expect(cleanNumber('12+345678')).toBeNull();
    expect(cleanNumber('tel:+12025550123')).toBeNull();
  });

  it('decides most +1 numbers after the area code and the first digit of the exchange', () => {
    const trie = new PrefixTrie(['US', 'CA', 'BS', 'JM', 'PR', 'VI'], ['1']);
    const node = trie.walk(Array.from('2025550123', Number), 0, 10);
    expect(node?.depth).toBeLessThanOrEqual(4);
  });

  // The memo is provably safe by construction (phoneMemo.ts); this checks it against the full
  // validator on 60,000 generated numbers across countries, with many memo hits.
  it.each(['US', 'ES', 'MX', 'AR', 'BR', 'GB', 'DE', 'IN', 'CA', 'RU'] as CountryCode[])(
    'agrees with libphonenumber-js on every generated number (default country %s)',
    (country) => {
      const rnd = random(country.charCodeAt(0) * 31 + country.charCodeAt(1));
      const normaliser = createNumberNormaliser(country);
      const disagreements: string[] = [];
      for (const input of sample(rnd, country, 4000)) {
        const cleaned = cleanNumber(input);
        const expected = cleaned === null ? null : validateFull(cleaned, country);
        const actual = normaliser.normalise(input);
        if (actual !== expected) disagreements.push(`${input}: ${actual} != ${expected}`);
      }
      expect(disagreements).toEqual([]);
      expect(normaliser.stats.memoHits).toBeGreaterThan(normaliser.stats.checked / 4);
    },
  );
});
