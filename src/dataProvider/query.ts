// Pure mapping between react-admin's calls and the SIP Caller REST dialect: no React, no network.
// The query string itself is ra-data-simple-rest's (see lists.ts); these are the API's own rules.
import { apiPaths, MAX_QUERY_STRING_CHARS, MAX_RANGE_ROWS } from '../contract';
import type { Id } from '../types';

export type SortOrder = 'ASC' | 'DESC';
export type Range = readonly [start: number, end: number];
export type ListFilter = Record<string, unknown>;

export interface ListQuery {
  filter: ListFilter;
  sort: readonly [field: string, order: SortOrder];
  range: Range;
}

/** What a list asks for when react-admin gives no sort: the cheapest stable order. */
export const DEFAULT_SORT: ListQuery['sort'] = ['id', 'ASC'];

/** react-admin's 1-based page to the API's inclusive row range. */
export const paginationToRange = (page: number, perPage: number): Range => {
  const safePage = Number.isFinite(page) && page >= 1 ? Math.floor(page) : 1;
  const safePerPage = Number.isFinite(perPage) && perPage >= 1 ? Math.floor(perPage) : 1;
  const start = (safePage - 1) * safePerPage;
  return [start, start + safePerPage - 1];
};

export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/**
 * Splits ids for `filter={"ids":[…]}` calls: at most `maxRows` per call (the range limit) and an
 * encoded id list of at most `maxChars` characters (URL length), whichever comes first.
 */
export const chunkIdsForQuery = (
  ids: readonly Id[],
  maxRows = MAX_RANGE_ROWS,
  maxChars = MAX_QUERY_STRING_CHARS,
): Id[][] => {
  const chunks: Id[][] = [];
  let current: Id[] = [];
  let chars = 0;
  for (const id of ids) {
    // Each id costs its encoding plus an encoded comma ("%2C").
    const cost = encodeURIComponent(JSON.stringify(id)).length + 3;
    if (current.length > 0 && (current.length >= maxRows || chars + cost > maxChars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(id);
    chars += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};

/** Normalises react-admin's sort; an unknown order becomes ASC rather than a 400. */
export const toSort = (sort?: { field?: string; order?: string } | null): ListQuery['sort'] => {
  if (!sort?.field) return DEFAULT_SORT;
  return [sort.field, String(sort.order).toUpperCase() === 'DESC' ? 'DESC' : 'ASC'];
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isEmpty = (value: unknown) =>
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (isPlainObject(value) && Object.keys(value).length === 0);

/**
 * What the API should see of a react-admin filter: no empty values (a cleared input sends ""),
 * dotted keys from `source="dialer.mode"` nested as the documented `{"dialer":{"mode":…}}`, and
 * none of the `omit` keys (e.g. `campaignId`, which travels in the URL, not the filter).
 * Kept: `null` (`ringResult: null` means "never called") and an empty array (`ids: []` is "none").
 */
export const cleanFilter = (filter: unknown, omit: readonly string[] = []): ListFilter => {
  if (!isPlainObject(filter)) return {};
  const result: ListFilter = {};
  for (const [key, raw] of Object.entries(filter)) {
    if (omit.includes(key)) continue;
    const value = isPlainObject(raw) ? cleanFilter(raw) : raw;
    if (isEmpty(value)) continue;
    const path = key.split('.');
    let target = result;
    for (const part of path.slice(0, -1)) {
      if (!isPlainObject(target[part])) target[part] = {};
      target = target[part] as ListFilter;
    }
    const last = path[path.length - 1];
    target[last] =
      isPlainObject(value) && isPlainObject(target[last]) ? { ...target[last], ...value } : value;
  }
  return result;
};

/** The API base URL (it already ends in /v1) joined with a documented path, one slash between. */
export const joinUrl = (apiUrl: string, path: string): string =>
  `${apiUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;

export type Resource = 'campaigns' | 'numbers';

/** The collection URL of a resource, or an Error saying what is missing. */
export const collectionPath = (resource: string, accountId: string, campaignId?: Id | null): string => {
  if (!accountId) throw new Error('No account id: sign in first.');
  if (resource === 'campaigns') return apiPaths.campaigns(accountId);
  if (resource === 'numbers') {
    if (campaignId === undefined || campaignId === null || campaignId === '') {
      throw new Error('A numbers call needs its campaign: pass meta.campaignId (or filter.campaignId).');
    }
    return apiPaths.numbers(accountId, campaignId);
  }
  throw new Error(`Unknown resource "${resource}": the SIP Caller API has campaigns and numbers.`);
};

/** A collection's URL split for ra-data-simple-rest, which asks `${apiUrl}/${resource}`. */
export const collectionBase = (
  apiUrl: string,
  resource: string,
  accountId: string,
  campaignId?: Id | null,
): { url: string; parent: string } => {
  const url = joinUrl(apiUrl, collectionPath(resource, accountId, campaignId));
  return { url, parent: url.slice(0, -(resource.length + 1)) };
};

export const uploadQueryString = ({
  firstRowIsHeader,
  varCount,
}: {
  firstRowIsHeader: boolean;
  varCount: number;
}) => `firstRowIsHeader=${firstRowIsHeader ? 'true' : 'false'}&varCount=${varCount}`;

export interface ContentRange {
  unit: string | null;
  /** Inclusive bounds of the rows in the answer; null for an empty answer (`*`). */
  start: number | null;
  end: number | null;
  /** Null when the server does not know or does not say (`/*`). */
  total: number | null;
}

const CONTENT_RANGE = /^\s*(?:([A-Za-z][\w.-]*)\s+)?(?:(\d+)\s*-\s*(\d+)|\*)?\s*\/\s*(\d+|\*)\s*$/;

// Parses "campaigns 0-99/1234", "numbers */0", "items 0-9/*" and unit-less "0-9/100"; returns null
// for anything it cannot read (the provider then pages without a total instead of failing).
export const parseContentRange = (header: string | null | undefined): ContentRange | null => {
  if (!header) return null;
  const match = CONTENT_RANGE.exec(header);
  if (!match) return null;
  const [, unit, start, end, total] = match;
  return {
    unit: unit ?? null,
    start: start === undefined ? null : Number(start),
    end: end === undefined ? null : Number(end),
    total: total === '*' ? null : Number(total),
  };
};

/** Same id whatever its type: the API may send 7 where the UI holds "7". */
export const sameId = (a: Id, b: Id) => String(a) === String(b);

/** Unique ids, first occurrence wins, "7" and 7 counted once. */
export const uniqueIds = (ids: readonly Id[]): Id[] => {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = String(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * The JSON body of `POST …/numbers`: no empty or undefined fields, no `campaignId` (it is in the URL),
 * no `id` (the API assigns it). `varValues` stays positional (a missing value becomes "", the length
 * is kept) and is left out only when every value is empty.
 */
export const numberCreateBody = (data: unknown): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  if (!isPlainObject(data)) return body;
  for (const [key, value] of Object.entries(data)) {
    if (key === 'campaignId' || key === 'id') continue;
    if (key === 'varValues') {
      if (!Array.isArray(value)) continue;
      const values = value.map((v) => (v === undefined || v === null ? '' : String(v)));
      if (values.some((v) => v !== '')) body.varValues = values;
      continue;
    }
    if (key === 'number' && typeof value === 'string') {
      if (value.trim() !== '') body.number = value.trim();
      continue;
    }
    if (isEmpty(value) || value === null || (Array.isArray(value) && value.length === 0)) continue;
    body[key] = value;
  }
  return body;
};
