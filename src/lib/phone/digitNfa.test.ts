import type { CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountries } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { DigitNfa, parseDigitRegex } from './digitNfa';
import { callingCodes, countriesOfCallingCode, planRules } from './metadataAdapter';

const ALL = 0x3ff;
const mask = (...digits: number[]) => digits.reduce((m, d) => m | (1 << d), 0);
const char = (...digits: number[]) => ({ kind: 'char', mask: mask(...digits) });
const any = { kind: 'char', mask: ALL };
const rep = (item: unknown, min: number, max = min) => ({ kind: 'rep', item, min, max });

/** The (closed) states after reading `digits` from the (closed) set `states`. */
function read(nfa: DigitNfa, states: number[], digits: string): number[] {
  let current = states;
  for (const d of digits) current = nfa.step(current, Number(d));
  return current;
}

/** Whether the NFA, from `start`, accepts exactly `digits`. */
function accepts(nfa: DigitNfa, start: number, digits: string): boolean {
  return nfa.accepts(read(nfa, nfa.closure([start]), digits));
}

/** Every plan the memo may read: each country, and each calling code (its main country). */
function allPlans(): string[] {
  const plans = new Set<string>(getCountries());
  for (const code of callingCodes()) {
    plans.add(code);
    for (const country of countriesOfCallingCode(code)) plans.add(country === '001' ? code : country);
  }
  return [...plans];
}

function patternsOf(plan: string): string[] {
  const p = planRules(plan);
  return [
    p.nationalNumberPattern,
    p.leadingDigits,
    p.nationalPrefixForParsing,
    p.IDDPrefix,
    ...p.typePatterns,
  ].filter((pattern): pattern is string => Boolean(pattern));
}

describe('parseDigitRegex', () => {
  it('reads single digits, classes, ranges, negated classes, \\d and the dot as digit masks', () => {
    expect(parseDigitRegex('5')).toEqual(char(5));
    expect(parseDigitRegex('[2-9]')).toEqual(char(2, 3, 4, 5, 6, 7, 8, 9));
    expect(parseDigitRegex('[13-57]')).toEqual(char(1, 3, 4, 5, 7));
    expect(parseDigitRegex('[^0]')).toEqual(char(1, 2, 3, 4, 5, 6, 7, 8, 9));
    expect(parseDigitRegex('\\d')).toEqual(any);
    expect(parseDigitRegex('.')).toEqual(any);
    // What cannot be a digit is a transition no digit takes.
    expect(parseDigitRegex('x')).toEqual({ kind: 'char', mask: 0 });
  });

  it('reads repetition: {n}, {n,m}, {n,}, ?, *, +, and lazy forms as the greedy ones', () => {
    expect(parseDigitRegex('\\d{9}')).toEqual(rep(any, 9));
    expect(parseDigitRegex('\\d{6,7}')).toEqual(rep(any, 6, 7));
    expect(parseDigitRegex('\\d{2,}')).toEqual(rep(any, 2, Number.POSITIVE_INFINITY));
    expect(parseDigitRegex('0?')).toEqual(rep(char(0), 0, 1));
    expect(parseDigitRegex('0??')).toEqual(rep(char(0), 0, 1));
    expect(parseDigitRegex('1*')).toEqual(rep(char(1), 0, Number.POSITIVE_INFINITY));
    expect(parseDigitRegex('1+')).toEqual(rep(char(1), 1, Number.POSITIVE_INFINITY));
  });

  it('reads alternation, as in the US national number pattern', () => {
    expect(parseDigitRegex('[2-9]\\d{9}|3\\d{6}')).toEqual({
      kind: 'alt',
      items: [
        { kind: 'seq', items: [char(2, 3, 4, 5, 6, 7, 8, 9), rep(any, 9)] },
        { kind: 'seq', items: [char(3), rep(any, 6)] },
      ],
    });
  });

  it('reads nested and optional groups, capturing or not, as in British and Argentine rules', () => {
    // From GB's fixed-line pattern: nested non-capturing groups.
    expect(parseDigitRegex('1(?:3(?:[0-58]\\d\\d|73[0-5]))')).toEqual({
      kind: 'seq',
      items: [
        char(1),
        {
          kind: 'seq',
          items: [
            char(3),
            {
              kind: 'alt',
              items: [
                { kind: 'seq', items: [char(0, 1, 2, 3, 4, 5, 8), any, any] },
                { kind: 'seq', items: [char(7), char(3), char(0, 1, 2, 3, 4, 5)] },
              ],
            },
          ],
        },
      ],
    });
    // From AR's national prefix for parsing: an optional group holding a capturing group.
    expect(parseDigitRegex('0?(?:(11|2(?:2(?:02?|[13])))15)?')).toEqual({
      kind: 'seq',
      items: [
        rep(char(0), 0, 1),
        rep(
          {
            kind: 'seq',
            items: [
              {
                kind: 'alt',
                items: [
                  { kind: 'seq', items: [char(1), char(1)] },
                  {
                    kind: 'seq',
                    items: [
                      char(2),
                      {
                        kind: 'seq',
                        items: [
                          char(2),
                          {
                            kind: 'alt',
                            items: [{ kind: 'seq', items: [char(0), rep(char(2), 0, 1)] }, char(1, 3)],
                          },
                        ],
                      },
                    ],
                  },
                ],
              },
              char(1),
              char(5),
            ],
          },
          0,
          1,
        ),
      ],
    });
    // A group repeated as a whole.
    expect(parseDigitRegex('(?:00){2}')).toEqual(rep({ kind: 'seq', items: [char(0), char(0)] }, 2));
  });

  it('takes anchors as always passing', () => {
    expect(parseDigitRegex('^1$')).toEqual({
      kind: 'seq',
      items: [{ kind: 'empty' }, char(1), { kind: 'empty' }],
    });
  });

  it('refuses what it does not model: look-arounds, named groups, backreferences, broken syntax', () => {
    for (const pattern of [
      '(?=1)2',
      '(?!1)2',
      '(?<=1)2',
      '(?<area>1)2',
      '(1)\\1',
      '(12',
      '[12',
      '12)',
      '*1',
      '1|+2',
      '1{2',
    ]) {
      expect(() => parseDigitRegex(pattern), pattern).toThrow();
    }
  });

  // Guards an upgrade of libphonenumber-js: a pattern it refuses only costs memo hits (that calling
  // code goes to the full validator), but a new construct should be seen, not silently skipped.
  it('parses every pattern of every numbering plan in the metadata', () => {
    const refused: string[] = [];
    let count = 0;
    for (const plan of allPlans()) {
      for (const pattern of patternsOf(plan)) {
        count++;
        try {
          parseDigitRegex(pattern);
        } catch (error) {
          refused.push(`${plan}: ${(error as Error).message}`);
        }
      }
    }
    expect(refused).toEqual([]);
    expect(count).toBeGreaterThan(2000);
  });
});

describe('DigitNfa', () => {
  it('accepts exactly what the regular expression matches in full', () => {
    const nfa = new DigitNfa();
    const us = nfa.add('[2-9]\\d{9}|3\\d{6}');
    expect(accepts(nfa, us, '2025550123')).toBe(true);
    expect(accepts(nfa, us, '3123456')).toBe(true);
    expect(accepts(nfa, us, '1025550123')).toBe(false);
    expect(accepts(nfa, us, '202555012')).toBe(false);
    expect(accepts(nfa, us, '20255501234')).toBe(false);
    const optional = nfa.add('0?(?:15)?');
    for (const [digits, expected] of [
      ['', true],
      ['0', true],
      ['015', true],
      ['15', true],
      ['01', false],
      ['0015', false],
    ] as const) {
      expect(accepts(nfa, optional, digits), digits).toBe(expected);
    }
    const ranged = nfa.add('1\\d{2,3}');
    expect(['1', '12', '123', '1234', '12345'].map((d) => accepts(nfa, ranged, d))).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('agrees with RegExp on every pattern of every country, on its example number and its neighbours', () => {
    const disagreements: string[] = [];
    let checks = 0;
    let matches = 0;
    for (const country of getCountries() as CountryCode[]) {
      const example = (examples as Record<string, string>)[country];
      if (!example) continue;
      // The example, its prefixes, one digit more, and the example with each digit changed.
      const inputs = new Set<string>([`${example}0`, `${example}9`]);
      for (let i = 0; i <= example.length; i++) inputs.add(example.slice(0, i));
      for (let i = 0; i < example.length; i++) {
        const changed = (Number(example[i]) + 1 + i) % 10;
        inputs.add(example.slice(0, i) + changed + example.slice(i + 1));
      }
      for (const pattern of patternsOf(country)) {
        const nfa = new DigitNfa();
        const start = nfa.add(pattern);
        const regex = new RegExp(`^(?:${pattern})$`);
        for (const input of inputs) {
          checks++;
          const expected = regex.test(input);
          if (expected) matches++;
          if (accepts(nfa, start, input) !== expected) {
            disagreements.push(`${country} ${pattern.slice(0, 40)}… on "${input}"`);
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(checks).toBeGreaterThan(30_000);
    expect(matches).toBeGreaterThan(1_000);
  });

  it('keeps one accepting end per pattern, so patterns added together are followed at once', () => {
    const nfa = new DigitNfa();
    const starts = nfa.closure([nfa.add('1\\d'), nfa.add('2\\d{2}')]);
    expect(nfa.accepts(read(nfa, starts, '15'))).toBe(true);
    expect(nfa.accepts(read(nfa, starts, '25'))).toBe(false);
    expect(nfa.accepts(read(nfa, starts, '255'))).toBe(true);
    expect(read(nfa, starts, '3')).toEqual([]);
  });

  it('is decided once the remaining digits only count as length', () => {
    const nfa = new DigitNfa();
    const start = nfa.closure([nfa.add('1\\d{3}|12[3-5]\\d')]);
    expect(nfa.undecided(start)).not.toEqual([]);
    // "1" then "2": the second branch still tests the third digit against [3-5].
    expect(nfa.undecided(read(nfa, start, '12'))).not.toEqual([]);
    // "1" then "3": only "\d{2}" is left.
    expect(nfa.undecided(read(nfa, start, '13'))).toEqual([]);
    expect(nfa.undecided(read(nfa, start, '123'))).toEqual([]);
    // \d alone never decides anything: decided from the start.
    const free = new DigitNfa();
    expect(free.undecided(free.closure([free.add('\\d{4,6}')]))).toEqual([]);
  });

  it('knows when a national prefix can still match further digits', () => {
    const nfa = new DigitNfa();
    const start = nfa.closure([nfa.add('0(?:15)?')]);
    expect(nfa.accepts(start)).toBe(false);
    expect(nfa.canStillMatch(start)).not.toEqual([]);
    // After "0" the prefix may end, or go on with "15".
    expect(nfa.accepts(read(nfa, start, '0'))).toBe(true);
    expect(nfa.canStillMatch(read(nfa, start, '0'))).not.toEqual([]);
    expect(nfa.accepts(read(nfa, start, '01'))).toBe(false);
    expect(nfa.canStillMatch(read(nfa, start, '01'))).not.toEqual([]);
    expect(nfa.accepts(read(nfa, start, '015'))).toBe(true);
    expect(nfa.canStillMatch(read(nfa, start, '015'))).toEqual([]);
    expect(nfa.canStillMatch(read(nfa, start, '02'))).toEqual([]);
  });
});
