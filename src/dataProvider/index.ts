// react-admin's data provider for the SIP Caller REST API: ra-data-simple-rest's dialect (JSON filter,
// sort, inclusive range, Content-Range), with the differences of this API: nested URLs per account and
// campaign, no get-by-id (getOne/getMany list with the `ids` filter), one DELETE with an id array,
// no update, and a multipart CSV upload with progress.
import {
  type CreateParams,
  type DeleteManyParams,
  type DeleteParams,
  type GetListResult,
  HttpError,
} from 'react-admin';
import { defaultApiUrl, getSession } from '../auth/session';
import { apiPaths, CONTENT_RANGE_HEADER, MAX_DELETE_IDS, MAX_RANGE_ROWS } from '../contract';
import type { Id } from '../types';
import { defaultHttpClient, type HttpClient, type HttpResponse, sendRequest } from './http';
import {
  chunk,
  chunkIdsForQuery,
  cleanFilter,
  collectionPath,
  DEFAULT_SORT,
  joinUrl,
  type ListFilter,
  type ListQuery,
  listUrl,
  numberCreateBody,
  paginationToRange,
  parseContentRange,
  type Range,
  sameId,
  toSort,
  uniqueIds,
  uploadQueryString,
} from './query';
import type { SipCallerDataProvider } from './types';
import type { XhrFactory } from './upload';

export type { HttpClient, HttpResponse } from './http';
export type { SipCallerDataProvider, UploadControls, UploadProgress } from './types';
export type { XhrFactory, XhrLike } from './upload';

type Dynamic<T> = T | (() => T);

export interface DataProviderOptions {
  /** The API base URL, ending in /v1. A function: read at every call (it changes at sign-in). */
  apiUrl: Dynamic<string>;
  accountId: Dynamic<string>;
  getToken: () => string | null | undefined;
  /** Defaults to react-admin's `fetchUtils.fetchJson`. */
  httpClient?: HttpClient;
  /** Defaults to `new XMLHttpRequest()`. */
  xhrFactory?: XhrFactory;
}

// react-admin's methods are generic in the record type; the API's records are open objects.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type Row = any;
// biome-ignore lint/suspicious/noExplicitAny: react-admin passes `meta`/`filter` untyped.
type Params = { meta?: any; filter?: any; signal?: AbortSignal };

const read = <T>(value: Dynamic<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

const notSupported = (what: string) =>
  Promise.reject(
    new Error(`${what} is not supported by the SIP Caller API: it cannot change an existing record.`),
  );

/** The campaign a numbers call is about: `meta.campaignId` first, then the filter or the new record. */
const campaignOf = (params: Params, data?: unknown): Id | undefined =>
  params.meta?.campaignId ??
  params.filter?.campaignId ??
  (data as { campaignId?: Id } | undefined)?.campaignId ??
  undefined;

const rowsOf = (response: HttpResponse): Row[] => {
  const { json } = response;
  if (Array.isArray(json)) return json;
  // Tolerated deviation: an envelope `{ data: [...] }`.
  if (json && Array.isArray(json.data)) return json.data;
  throw new HttpError(
    'The SIP Caller API answered a list that is not a JSON array: check the API URL.',
    response.status,
    json ?? null,
  );
};

export const createDataProvider = (options: DataProviderOptions): SipCallerDataProvider => {
  const httpClient = options.httpClient ?? defaultHttpClient;
  // Servers that have been seen answering lists without Content-Range: ask them one extra row.
  const withoutCount = new Set<string>();

  const ctx = () => ({
    apiUrl: read(options.apiUrl),
    accountId: String(read(options.accountId) ?? ''),
    token: options.getToken(),
  });

  const withCampaign = (rows: Row[], resource: string, campaignId: Id | undefined): Row[] =>
    resource === 'numbers' && campaignId !== undefined ? rows.map((row) => ({ ...row, campaignId })) : rows;

  /** Rows `range` of a list, in windows the API accepts, with a total or page info. */
  const fetchList = async (
    resource: string,
    campaignId: Id | undefined,
    filter: ListFilter,
    sort: ListQuery['sort'],
    [start, end]: Range,
    signal?: AbortSignal,
    // Off for id lookups: all the rows asked for are the whole answer, there is no next page.
    probeNextPage = true,
  ): Promise<GetListResult<Row>> => {
    const { apiUrl, accountId, token } = ctx();
    const path = collectionPath(resource, accountId, campaignId);
    const get = async (range: Range) => {
      const response = await sendRequest(httpClient, listUrl(apiUrl, path, { filter, sort, range }), {
        token,
        signal,
      });
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
      const extra = withoutCount.has(apiUrl) && want < MAX_RANGE_ROWS ? 1 : 0;
      const page = await get([cursor, cursor + want - 1 + extra]);
      if (page.total !== null && page.total !== undefined) {
        total = page.total;
        withoutCount.delete(apiUrl);
      } else {
        total = undefined;
        withoutCount.add(apiUrl);
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
    const data = withCampaign(rows, resource, campaignId);
    if (total !== undefined) return { data, total };
    if (hasNextPage === undefined) {
      // Filled the page exactly without a total: one row past it says whether there is more.
      hasNextPage = probeNextPage ? (await get([end + 1, end + 1])).rows.length > 0 : false;
    }
    return { data, pageInfo: { hasNextPage, hasPreviousPage: start > 0 } };
  };

  /** Records by id through the list call (the API has no get-by-id). */
  const fetchByIds = async (resource: string, params: Params, ids: readonly Id[]): Promise<Row[]> => {
    const campaignId = campaignOf(params);
    const found: Row[] = [];
    for (const idsChunk of chunkIdsForQuery(uniqueIds(ids))) {
      const { data } = await fetchList(
        resource,
        campaignId,
        { ids: idsChunk },
        DEFAULT_SORT,
        [0, idsChunk.length - 1],
        params.signal,
        false,
      );
      found.push(...data.filter((row) => idsChunk.some((id) => sameId(id, row.id))));
    }
    return found;
  };

  const deleteIds = async (resource: string, params: Params, ids: readonly Id[]): Promise<Id[]> => {
    if (resource !== 'numbers') {
      throw new Error(
        `Deleting ${resource} is not supported by the SIP Caller API: only numbers can be deleted.`,
      );
    }
    const { apiUrl, accountId, token } = ctx();
    const url = joinUrl(apiUrl, collectionPath(resource, accountId, campaignOf(params)));
    const deleted: Id[] = [];
    // Callers batch to MAX_DELETE_IDS; larger calls are split rather than sent as one oversized body.
    for (const batch of chunk(uniqueIds(ids), MAX_DELETE_IDS)) {
      const { json } = await sendRequest(httpClient, url, {
        method: 'DELETE',
        body: batch,
        token,
        signal: params.signal,
      });
      // Assumed answer: the ids actually deleted. An empty answer (e.g. 204) means all of them.
      deleted.push(...(Array.isArray(json) ? json : batch));
    }
    return deleted;
  };

  return {
    supportAbortSignal: true,

    getList: (resource, params) => {
      const range = paginationToRange(params.pagination?.page ?? 1, params.pagination?.perPage ?? 25);
      const filter = cleanFilter(params.filter, resource === 'numbers' ? ['campaignId'] : []);
      // "Any of no ids" is nothing: no need to ask.
      if (Array.isArray(filter.ids) && filter.ids.length === 0)
        return Promise.resolve({ data: [], total: 0 });
      return fetchList(resource, campaignOf(params), filter, toSort(params.sort), range, params.signal);
    },

    getOne: async (resource, params) => {
      const [record] = await fetchByIds(resource, params, [params.id]);
      if (!record) {
        const what = resource === 'numbers' ? 'number record' : 'campaign';
        const message = `No ${what} with id ${params.id}: it may have been deleted.`;
        throw new HttpError(message, 404, { message });
      }
      return { data: record };
    },

    getMany: async (resource, params) => ({ data: await fetchByIds(resource, params, params.ids) }),

    getManyReference: (resource, params) => {
      const filter = { ...params.filter, [params.target]: params.id };
      const range = paginationToRange(params.pagination.page, params.pagination.perPage);
      return fetchList(
        resource,
        campaignOf({ ...params, filter }),
        cleanFilter(filter, resource === 'numbers' ? ['campaignId'] : []),
        toSort(params.sort),
        range,
        params.signal,
      );
    },

    create: async (resource, params: CreateParams & Params) => {
      if (resource !== 'numbers') {
        throw new Error(
          `Creating ${resource} is not supported by the SIP Caller API: only numbers can be added.`,
        );
      }
      const campaignId = campaignOf(params, params.data);
      const { apiUrl, accountId, token } = ctx();
      const body = numberCreateBody(params.data);
      const { json } = await sendRequest(
        httpClient,
        joinUrl(apiUrl, collectionPath(resource, accountId, campaignId)),
        {
          method: 'POST',
          body,
          token,
          signal: params.signal,
        },
      );
      // Assumed answer: the created record. Tolerated: no body, or one without an id; react-admin needs an
      // id, so such a record gets a stand-in that can never match a real one.
      const record =
        json && typeof json === 'object' && json.id !== undefined && json.id !== null
          ? json
          : { ...body, id: `new:${String(body.number ?? '')}` };
      return { data: { ...record, campaignId } };
    },

    delete: async (resource, params: DeleteParams & Params) => {
      await deleteIds(resource, params, [params.id]);
      // Already gone is fine: the operator wanted it gone.
      return { data: params.previousData ?? { id: params.id } };
    },

    deleteMany: async (resource, params: DeleteManyParams & Params) => ({
      data: await deleteIds(resource, params, params.ids),
    }),

    update: () => notSupported('Editing a record'),
    updateMany: () => notSupported('Editing records'),

    uploadNumbers: async (campaignId, file, uploadOptions, controls) => {
      // Its own chunk, fetched with the first upload: the first campaigns page does not need it.
      const { assertUploadOptions, sendUpload } = await import('./upload');
      assertUploadOptions(uploadOptions);
      const { apiUrl, accountId, token } = ctx();
      // Checks the account and campaign the same way as every numbers call.
      collectionPath('numbers', accountId, campaignId);
      const url = `${joinUrl(apiUrl, apiPaths.upload(accountId, campaignId))}?${uploadQueryString(uploadOptions)}`;
      return sendUpload({ url, token, file, controls, xhrFactory: options.xhrFactory });
    },
  };
};

/** The console's provider: reads the signed-in session at every call. */
export const dataProvider = createDataProvider({
  apiUrl: () => getSession()?.apiUrl ?? defaultApiUrl(),
  accountId: () => getSession()?.accountId ?? '',
  getToken: () => getSession()?.token,
});
