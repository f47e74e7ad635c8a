// A list call of any size, in windows the API accepts, tolerant of three server habits: no
// Content-Range (e.g. a proxy that does not expose it), a `{data: [...]}` envelope, and a server that
// clamps a window below the documented 1,000 rows.
import { type DataProvider, fetchUtils, type GetListResult, HttpError } from 'react-admin';
import { CONTENT_RANGE_HEADER, MAX_RANGE_ROWS } from '../contract';
import type { HttpClient, HttpResponse } from './http';
import {
  cleanFilter,
  type ListQuery,
  paginationToRange,
  parseContentRange,
  type Range,
  toSort,
} from './query';

// biome-ignore lint/suspicious/noExplicitAny: the API's records are open objects.
type Row = any;

/**
 * ra-data-simple-rest's list URL (its own stringify, so its key order and encoding) for any range.
 * Not its getList: that can only ask page-aligned ranges ((page-1)·perPage…) and throws without Content-Range.
 */
export const listUrl = (collectionUrl: string, { filter, sort, range }: ListQuery): string =>
  `${collectionUrl}?${fetchUtils.queryParameters({
    filter: JSON.stringify(filter),
    range: JSON.stringify(range),
    sort: JSON.stringify(sort),
  })}`;

/** The rows of a list answer: a JSON array, or (tolerated) an envelope `{ data: [...] }`. */
export const rowsOf = (response: HttpResponse): Row[] => {
  const { json } = response;
  if (Array.isArray(json)) return json;
  if (json && Array.isArray(json.data)) return json.data;
  throw new HttpError(
    'The SIP Caller API answered a list that is not a JSON array: check the API URL.',
    response.status,
    json ?? null,
  );
};

export interface ListRequest extends ListQuery {
  /** The collection's URL, e.g. …/v1/accounts/1001/campaigns. */
  url: string;
  /** The server, for what the reader learns about it (whether it sends Content-Range). */
  server: string;
  signal?: AbortSignal;
  /** Off for id lookups: all the rows asked for are the whole answer, there is no next page. */
  probeNextPage?: boolean;
}

export type ListReader = (request: ListRequest) => Promise<GetListResult<Row>>;

/** Rows `range` of a list, in windows the API accepts, with a total or page info. */
export const createListReader = (httpClient: HttpClient): ListReader => {
  // Servers that have been seen answering lists without Content-Range: ask them one extra row.
  const withoutCount = new Set<string>();

  return async ({ url, server, filter, sort, range: [start, end], signal, probeNextPage = true }) => {
    const get = async (range: Range) => {
      const response = await httpClient(listUrl(url, { filter, sort, range }), { method: 'GET', signal });
      return {
        rows: rowsOf(response),
        total: parseContentRange(response.headers.get(CONTENT_RANGE_HEADER))?.total,
      };
    };

    const rows: Row[] = [];
    let total: number | undefined;
    let hasNextPage: boolean | undefined;
    let cursor = start;
    while (cursor <= end) {
      const want = Math.min(end - cursor + 1, MAX_RANGE_ROWS);
      const extra = withoutCount.has(server) && want < MAX_RANGE_ROWS ? 1 : 0;
      const page = await get([cursor, cursor + want - 1 + extra]);
      if (page.total !== null && page.total !== undefined) {
        total = page.total;
        withoutCount.delete(server);
      } else {
        total = undefined;
        withoutCount.add(server);
      }
      if (page.rows.length > want) {
        rows.push(...page.rows.slice(0, want));
        hasNextPage = true;
        break;
      }
      rows.push(...page.rows);
      cursor += page.rows.length;
      if (page.rows.length === 0) {
        hasNextPage = false;
        break;
      }
      if (total !== undefined) {
        // A short window with a larger total means the server clamped it: carry on from where it stopped.
        if (cursor >= total) break;
      } else if (page.rows.length < want) {
        hasNextPage = false;
        break;
      }
    }
    if (total !== undefined) return { data: rows, total };
    if (hasNextPage === undefined) {
      // Filled the page exactly without a total: one row past it says whether there is more.
      hasNextPage = probeNextPage ? (await get([end + 1, end + 1])).rows.length > 0 : false;
    }
    return { data: rows, pageInfo: { hasNextPage, hasPreviousPage: start > 0 } };
  };
};

/**
 * Replaces ra-data-simple-rest's getList of one collection (see `listUrl` for why) with the reader:
 * react-admin's page as an inclusive range, a clean filter, a sort the API accepts.
 * `meta.probeNextPage: false` says the rows asked for are the whole answer (id lookups).
 */
export const withWindowedLists = (
  provider: DataProvider,
  collection: { url: string; server: string },
  readList: ListReader,
): DataProvider => ({
  ...provider,
  getList: (_resource, params) =>
    readList({
      ...collection,
      filter: cleanFilter(params.filter),
      sort: toSort(params.sort),
      range: paginationToRange(params.pagination?.page ?? 1, params.pagination?.perPage ?? 25),
      signal: params.signal,
      probeNextPage: params.meta?.probeNextPage !== false,
    }),
});
