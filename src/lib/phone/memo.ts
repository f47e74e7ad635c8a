// The validator's memo, keyed so that it cannot change a verdict.
//
// libphonenumber-js turns a cleaned number ("+" and digits, or national digits with the default
// country) into a calling code and a national number, then validates; every step is a regular
// expression of the metadata tested on the digits, or a length check:
//   1. the calling code: the first 1-3 digits after "+" (national input: the country's own calling
//      code typed without "+" may be stripped; input starting with the IDD prefix skips the memo);
//   2. the national prefix (trunk "0", carrier codes…): a regex anchored at the start of the
//      national part; rules that rewrite the number (Argentina, Mexico…) make us skip the memo;
//   3. the country among those sharing the calling code (+1, +7, +44…): leading-digits regexes or
//      the type patterns;
//   4. validity: the national number pattern and the type patterns, on the whole national number.
// A trie over the input's digits follows all those regexes at once (digitNfa.ts), at every offset
// a national prefix could end. A trie node is "decided" when no live state can still reach a
// transition that accepts some digits and rejects others: from there on the remaining digits only
// count as length, so every input with that prefix and that length gets the same verdict, and
// the same E.164 form up to the digits copied from the input. The memo stores, per decided node
// and length, the verdict and how to build the E.164 form; the first input with that key pays for
// one full libphonenumber-js call.
//
// With a time-zone map, the prefixes the map tells apart are followed too (as literal patterns on
// the national number): a decided node then also decides the number's type, country and zones,
// and its entry keeps their interned id (numberType.ts), so that they come at the same speed.

import type { CountryCode } from 'libphonenumber-js';
import { DigitNfa } from './digitNfa';
import { callingCodes, countriesOfCallingCode, planRules } from './metadataAdapter';
import type { NumberScan } from './shape';
import type { TimeZoneMap } from './timeZones';

/** Nodes one trie may hold; beyond it, undecided inputs go to the full validator. */
const MAX_NODES = 200_000;

// Calling codes by length and value, so that finding one allocates nothing. Built on first use:
// importing the module (the add form does) builds nothing.
let codesByLength: (string | undefined)[][] | null = null;

function buildCodeTables(): (string | undefined)[][] {
  const codes = callingCodes();
  return [1, 2, 3].map((length) => {
    const table: (string | undefined)[] = new Array(10 ** length);
    for (const code of codes) if (code.length === length) table[Number(code)] = code;
    return table;
  });
}

/** The calling code at the start of digits[0…count) (calling codes are prefix-free), or null. */
export function callingCodeOf(digits: ArrayLike<number>, count: number): string | null {
  codesByLength ??= buildCodeTables();
  const tables = codesByLength;
  let value = 0;
  for (let length = 1; length <= 3 && length <= count; length++) {
    value = value * 10 + digits[length - 1];
    const code = tables[length - 1][value];
    if (code !== undefined) return code;
  }
  return null;
}

/**
 * The E.164 digits (as a number: at most 15 digits, exact below 2^53) are `prefix` followed by
 * the input's digits from `drop` on (digits only: a "+" is not counted). false: not valid.
 */
export type MemoVerdict = { prefix: number; drop: number; facts: number } | false;

interface TrieNode {
  depth: number;
  live: number[] | null;
  np: number[] | null;
  children: (TrieNode | undefined)[] | null;
  decided: boolean;
  /** A rewriting national prefix may have matched: nothing below is memoised. */
  poisoned: boolean;
  /** National input: the digits so far are the start of the country's own calling code. */
  inCallingCode: boolean;
  verdicts: Map<number, MemoVerdict> | null;
}

export class PrefixTrie {
  private readonly patterns = new DigitNfa();
  private readonly prefixes = new DigitNfa();
  private readonly patternStarts: number[];
  private readonly prefixStarts: number[];
  private readonly rewrites: boolean;
  private nodes = 0;
  readonly root: TrieNode;

  /**
   * countries: those sharing the calling code (their patterns decide country and validity);
   * prefixPlans: the plans whose national prefix regex applies; ownCallingCode: for national
   * input, the calling code that may be typed without "+".
   */
  constructor(
    countries: readonly string[],
    prefixPlans: readonly string[],
    private readonly ownCallingCode = '',
    /** A pattern of the prefixes the time-zone map tells apart (TimeZoneMap.nationalPrefixPattern). */
    zonePattern: string | null = null,
  ) {
    const starts: number[] = [];
    for (const country of countries) {
      const p = planRules(country);
      for (const pattern of [p.nationalNumberPattern, p.leadingDigits, ...p.typePatterns]) {
        if (pattern) starts.push(this.patterns.add(pattern));
      }
    }
    // Literal digits only: each prefix stays undecided until it has matched or failed.
    if (zonePattern) starts.push(this.patterns.add(zonePattern));
    const prefixStarts: number[] = [];
    let rewrites = false;
    for (const country of prefixPlans) {
      const p = planRules(country);
      const prefix = p.nationalPrefixForParsing;
      if (prefix) {
        prefixStarts.push(this.prefixes.add(prefix));
        if (p.nationalPrefixTransformRule) rewrites = true;
      }
    }
    this.patternStarts = this.patterns.closure(starts);
    this.prefixStarts = this.prefixes.closure(prefixStarts);
    this.rewrites = rewrites;
    const np = this.prefixStarts;
    // An empty national prefix match changes nothing (and captures nothing, so rewrites nothing).
    this.root = this.makeNode(0, this.patternStarts, np, false, ownCallingCode.length > 0);
  }

  private makeNode(
    depth: number,
    live: number[],
    np: number[],
    poisoned: boolean,
    inCallingCode: boolean,
  ): TrieNode {
    this.nodes++;
    const undecided = this.patterns.undecided(live);
    const stillPrefix = this.prefixes.canStillMatch(np);
    const pendingCallingCode = inCallingCode && depth < this.ownCallingCode.length;
    const decided = undecided.length === 0 && stillPrefix.length === 0 && !pendingCallingCode;
    return {
      depth,
      live: decided ? null : undecided,
      np: decided ? null : stillPrefix,
      children: decided || poisoned ? null : [],
      decided,
      poisoned,
      inCallingCode,
      verdicts: null,
    };
  }

  private child(node: TrieNode, digit: number): TrieNode | null {
    const children = node.children as (TrieNode | undefined)[];
    const existing = children[digit];
    if (existing) return existing;
    if (this.nodes >= MAX_NODES) return null;
    const depth = node.depth + 1;
    let live = this.patterns.step(node.live as number[], digit);
    let np = this.prefixes.step(node.np as number[], digit);
    let poisoned = false;
    if (this.prefixes.accepts(np)) {
      // The national prefix may end here: the patterns may apply from here on.
      if (this.rewrites) poisoned = true;
      live = this.patterns.closure([...live, ...this.patternStarts]);
    }
    let inCallingCode = false;
    if (node.inCallingCode && this.ownCallingCode.charCodeAt(node.depth) === 48 + digit) {
      inCallingCode = true;
      if (depth === this.ownCallingCode.length) {
        // "1 202 555…" in the US: everything may start again after the calling code.
        live = this.patterns.closure([...live, ...this.patternStarts]);
        np = this.prefixes.closure([...np, ...this.prefixStarts]);
      }
    }
    const created = this.makeNode(depth, live, np, poisoned, inCallingCode);
    children[digit] = created;
    return created;
  }

  /** The decided node for digits[from…count), or null when none (memo not usable for this input). */
  walk(digits: ArrayLike<number>, from: number, count: number): TrieNode | null {
    let node = this.root;
    for (let i = from; !node.decided; i++) {
      if (node.poisoned || i >= count) return null;
      const next = this.child(node, digits[i]);
      if (next === null) return null;
      node = next;
    }
    return node;
  }

  get size(): number {
    return this.nodes;
  }
}

export interface ValidatorMemo {
  /** The memoised verdict for a scanned number, or undefined (then call `store` after validating). */
  lookup(number: NumberScan): MemoVerdict | undefined;
  /** facts: the interned facts id of a valid number (0: none kept). */
  store(number: NumberScan, e164: string | null, facts?: number): void;
}

/**
 * Where a number's memo entry lives: its decided trie node, and `keyEnd`, how many of its digits
 * (from the first, the calling code included) the key covers. Every input with those first
 * `keyEnd` digits and the same length gets the same verdict.
 */
export interface MemoKey {
  node: TrieNode;
  keyEnd: number;
}

/**
 * The memo for one default country (national input) and all calling codes ("+" input). With a
 * time-zone map, every entry's facts are decided by its key too.
 */
export function createValidatorMemo(defaultCountry: CountryCode, zones?: TimeZoneMap): ValidatorMemo {
  const plusTries = new Map<string, PrefixTrie | null>();
  const own = planRules(defaultCountry);
  const ownCallingCode = own.callingCode;
  // National input starting with the international call prefix ("011…" in the US) skips the memo.
  const iddPrefix = new RegExp(`^(?:${own.IDDPrefix})`);
  const iddFirstDigits = firstDigits(own.IDDPrefix);
  let nationalTrie: PrefixTrie | null | undefined;

  const plusTrie = (callingCode: string): PrefixTrie | null => {
    let trie = plusTries.get(callingCode);
    if (trie === undefined) {
      const countries = countriesOfCallingCode(callingCode);
      const plans = countries.map((c) => (c === '001' ? callingCode : c));
      // "+" input: the national prefix rules of the calling code's main country apply.
      trie = safely(
        () => new PrefixTrie(plans, [callingCode], '', zones?.nationalPrefixPattern(callingCode)),
      );
      plusTries.set(callingCode, trie);
    }
    return trie;
  };

  const national = (): PrefixTrie | null => {
    if (nationalTrie === undefined) {
      const countries = countriesOfCallingCode(ownCallingCode).map((c) => (c === '001' ? ownCallingCode : c));
      nationalTrie = safely(
        () =>
          new PrefixTrie(
            countries,
            [defaultCountry, ownCallingCode],
            ownCallingCode,
            zones?.nationalPrefixPattern(ownCallingCode),
          ),
      );
    }
    return nationalTrie;
  };

  /** The decided node for the number, or null when the memo cannot hold it (the hot path). */
  const nodeOf = (number: NumberScan): TrieNode | null => {
    const { digits, length } = number;
    if (number.plus) {
      if (digits[0] === 0) return null;
      const callingCode = callingCodeOf(digits, length);
      if (callingCode === null) return null;
      return plusTrie(callingCode)?.walk(digits, callingCode.length, length) ?? null;
    }
    const trie = national();
    if (trie === null) return null;
    if (iddFirstDigits & (1 << digits[0]) && iddPrefix.test(number.toString())) return null;
    return trie.walk(digits, 0, length);
  };

  /** The number's key, or null when the memo cannot hold it. */
  const locate = (number: NumberScan): MemoKey | null => {
    const node = nodeOf(number);
    if (node === null) return null;
    // "+" input is walked from after its calling code, national input from its first digit.
    const from = number.plus ? (callingCodeOf(number.digits, number.length) as string).length : 0;
    return { node, keyEnd: from + node.depth };
  };

  return {
    lookup(number) {
      return nodeOf(number)?.verdicts?.get(number.length);
    },
    store(number, e164, facts = 0) {
      const key = locate(number);
      if (!key) return;
      const { node, keyEnd } = key;
      node.verdicts ??= new Map();
      if (e164 === null) {
        node.verdicts.set(number.length, false);
        return;
      }
      // E.164 digits = a prefix fixed by the key + the input's digits after it.
      const { digits, length } = number;
      let common = 0;
      while (
        common < length &&
        common < e164.length - 1 &&
        e164.charCodeAt(e164.length - 1 - common) - 48 === digits[length - 1 - common]
      ) {
        common++;
      }
      const drop = length - common;
      // The copied digits must all lie after the key, or the prefix would not be the key's alone.
      if (drop <= keyEnd) {
        node.verdicts.set(number.length, {
          prefix: Number(e164.slice(1, e164.length - common)),
          drop,
          facts,
        });
      }
    },
  };
}

/** Digits a pattern's match can start with (a bit mask), over-approximated. */
function firstDigits(pattern: string): number {
  try {
    const nfa = new DigitNfa();
    const start = nfa.closure([nfa.add(pattern)]);
    let mask = 0;
    for (const state of start) mask |= nfa.mask[state];
    return mask;
  } catch {
    return 0x3ff;
  }
}

function safely(build: () => PrefixTrie): PrefixTrie | null {
  try {
    return build();
  } catch {
    // A pattern the NFA does not understand: that calling code is never memoised.
    return null;
  }
}
