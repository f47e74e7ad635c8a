// The ids the emulator answers: SQLite integer rowids inside, and at the API boundary either the same
// integers (the default) or opaque strings (SIPCALLER_ID_STYLE=opaque), as the real API very likely
// answers ("5f8d0d55b54764421b7156c9"). The opaque encoding is deterministic and invertible, so
// indexes, counters and the upload pipeline keep working on integers:
//
//   24 hex digits = 8 check digits (derived from the kind and the scrambled value; they look like an
//   ObjectId's timestamp) + 4 digits naming the kind + 12 digits of the rowid scrambled by a 4-round
//   Feistel network over 48 bits (a bijection, so neighbouring rowids look unrelated).
//
// A few ids (every 2nd campaign, every 5th of the other kinds) take a second form holding characters
// a URL must carry with care, `id:6f1a2b3c-ca3e_1f2e.3d4c~5b6a` (the same 24 digits). Each rowid has
// exactly one canonical id, so `toApiId(kind, fromApiId(kind, id)) === id`; anything else (another
// kind's id, an integer, a changed digit, the other form) decodes to null: unknown, like an integer
// id that no row has.

export type IdStyle = 'integer' | 'opaque';
export const ID_STYLES: readonly IdStyle[] = ['integer', 'opaque'];

export type IdKind = 'campaign' | 'number' | 'phoneSystem' | 'extension' | 'tag';

/** What an id looks like on the wire: a number in the integer style, a string in the opaque one. */
export type ApiId = number | string;

const KIND_TAG: Record<IdKind, string> = {
  campaign: 'ca3e',
  number: '9b1d',
  phoneSystem: '5e75',
  extension: 'e7e1',
  tag: '7a90',
};
const KIND_SALT: Record<IdKind, number> = {
  campaign: 0x1b873593,
  number: 0x2c1b3c6d,
  phoneSystem: 0x297a2d39,
  extension: 0x3b9a7c4f,
  tag: 0x0e6546b4,
};
/** Every `SPECIAL_EVERY[kind]`-th rowid (counting from 2) gets the form with URL-sensitive characters. */
const SPECIAL_EVERY: Record<IdKind, number> = {
  campaign: 2,
  number: 5,
  phoneSystem: 5,
  extension: 5,
  tag: 5,
};
const isSpecial = (kind: IdKind, n: number): boolean => n % SPECIAL_EVERY[kind] === 2 % SPECIAL_EVERY[kind];

const HALF = 0x1000000; // 2^24
const MASK = 0xffffff;
const ROUND_KEYS = [0x3c6ef3, 0xa54ff5, 0x510e52, 0x9b0568];
const MAX_ROWID = HALF * HALF - 1; // 48 bits

const round = (x: number, key: number): number => {
  let h = Math.imul(x ^ key, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) & MASK;
};

const scramble = (n: number): number => {
  let left = Math.floor(n / HALF);
  let right = n % HALF;
  for (const key of ROUND_KEYS) [left, right] = [right, left ^ round(right, key)];
  return left * HALF + right;
};

const unscramble = (p: number): number => {
  let left = Math.floor(p / HALF);
  let right = p % HALF;
  for (let index = ROUND_KEYS.length - 1; index >= 0; index--) {
    [left, right] = [right ^ round(left, ROUND_KEYS[index]), left];
  }
  return left * HALF + right;
};

const check = (kind: IdKind, p: number): string => {
  const mixed = round(p % HALF, KIND_SALT[kind] & MASK) ^ round(Math.floor(p / HALF), KIND_SALT[kind] >>> 8);
  // 0x6…: reads like a recent ObjectId timestamp.
  return (0x60000000 + ((mixed << 4) >>> 0) + (KIND_SALT[kind] & 0xf)).toString(16).padStart(8, '0');
};

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');

/** The opaque id of rowid `n` of a kind. */
export const toApiId = (kind: IdKind, n: number): string => {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_ROWID) throw new RangeError(`No opaque id for ${n}.`);
  const p = scramble(n);
  const digits = `${check(kind, p)}${KIND_TAG[kind]}${hex(p, 12)}`;
  if (!isSpecial(kind, n)) return digits;
  const part = (start: number, end: number) => digits.slice(start, end);
  return `id:${part(0, 8)}-${part(8, 12)}_${part(12, 16)}.${part(16, 20)}~${part(20, 24)}`;
};

const PLAIN = /^[0-9a-f]{24}$/;
const SPECIAL = /^id:([0-9a-f]{8})-([0-9a-f]{4})_([0-9a-f]{4})\.([0-9a-f]{4})~([0-9a-f]{4})$/;

/** The rowid of an opaque id of this kind, or null for anything that is not exactly one. */
export const fromApiId = (kind: IdKind, value: unknown): number | null => {
  if (typeof value !== 'string' || value.length > 40) return null;
  let digits: string;
  let special: boolean;
  if (PLAIN.test(value)) {
    digits = value;
    special = false;
  } else {
    const match = SPECIAL.exec(value);
    if (!match) return null;
    digits = match.slice(1).join('');
    special = true;
  }
  if (digits.slice(8, 12) !== KIND_TAG[kind]) return null;
  const p = Number.parseInt(digits.slice(12), 16);
  if (digits.slice(0, 8) !== check(kind, p)) return null;
  const n = unscramble(p);
  return isSpecial(kind, n) === special ? n : null;
};

const INTEGER_TEXT = /^\d{1,15}$/;

/** How the server writes and reads ids at its boundary. */
export interface IdCodec {
  style: IdStyle;
  toApi(kind: IdKind, n: number): ApiId;
  toApi(kind: IdKind, n: number | null): ApiId | null;
  /** The rowid, or null for a value that names no row of this kind (unknown or of the other style). */
  fromApi(kind: IdKind, value: unknown): number | null;
}

const integerFromApi = (value: unknown): number | null => {
  const n = typeof value === 'string' && INTEGER_TEXT.test(value.trim()) ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
};

export const createIdCodec = (style: IdStyle = 'integer'): IdCodec =>
  style === 'opaque'
    ? {
        style,
        toApi: ((kind: IdKind, n: number | null) =>
          n === null ? null : toApiId(kind, n)) as IdCodec['toApi'],
        fromApi: fromApiId,
      }
    : {
        style,
        toApi: ((_kind: IdKind, n: number | null) => n) as IdCodec['toApi'],
        fromApi: (_kind, value) => integerFromApi(value),
      };

/** The integer style (the default). */
export const INTEGER_IDS = createIdCodec('integer');

export const parseIdStyle = (text: string | undefined): IdStyle | undefined => {
  const value = text?.trim().toLowerCase();
  if (!value) return undefined;
  if ((ID_STYLES as readonly string[]).includes(value)) return value as IdStyle;
  throw new Error(`SIPCALLER_ID_STYLE must be ${ID_STYLES.join(' or ')}, not "${text?.trim()}".`);
};
