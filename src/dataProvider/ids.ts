// The SIP Caller API has no get-by-id: records by id come from the list call with the `ids` filter.
import { type DataProvider, HttpError } from 'react-admin';
import type { Id } from '../types';
import { chunkIdsForQuery, DEFAULT_SORT, sameId, uniqueIds } from './query';

/**
 * getOne and getMany through `provider.getList` with `filter: {ids}`, in chunks that fit the range and
 * the URL length (not ra-data-simple-rest's `GET <collection>/<id>` and `filter={"id":[…]}`); a getList
 * of `ids: []` is nothing, without a request.
 */
export const withIdLookups = (provider: DataProvider): DataProvider => {
  // biome-ignore lint/suspicious/noExplicitAny: react-admin passes `meta` untyped.
  const byIds = async (resource: string, ids: readonly Id[], meta: any, signal?: AbortSignal) => {
    // biome-ignore lint/suspicious/noExplicitAny: records are open objects.
    const found: any[] = [];
    for (const idsChunk of chunkIdsForQuery(uniqueIds(ids))) {
      const { data } = await provider.getList(resource, {
        filter: { ids: idsChunk },
        sort: { field: DEFAULT_SORT[0], order: DEFAULT_SORT[1] },
        pagination: { page: 1, perPage: idsChunk.length },
        meta: { ...meta, probeNextPage: false },
        signal,
      });
      found.push(...data.filter((row) => idsChunk.some((id) => sameId(id, row.id))));
    }
    return found;
  };

  return {
    ...provider,
    getList: (resource, params) => {
      // "Any of no ids" is nothing: no need to ask.
      const ids = params.filter?.ids;
      if (Array.isArray(ids) && ids.length === 0) return Promise.resolve({ data: [], total: 0 });
      return provider.getList(resource, params);
    },
    getOne: async (resource, params) => {
      const [record] = await byIds(resource, [params.id], params.meta, params.signal);
      if (!record) {
        const what = resource === 'numbers' ? 'number record' : 'campaign';
        const message = `No ${what} with id ${params.id}: it may have been deleted.`;
        throw new HttpError(message, 404, { message });
      }
      return { data: record };
    },
    getMany: async (resource, params) => ({
      data: await byIds(resource, params.ids, params.meta, params.signal),
    }),
  };
};
