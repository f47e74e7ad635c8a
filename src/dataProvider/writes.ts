// The two writes where the SIP Caller API differs from ra-data-simple-rest's: a create answered by a
// record that may lack an id, and one DELETE of the collection with the id array as its body.
import type { DataProvider } from 'react-admin';
import { MAX_DELETE_IDS } from '../contract';
import type { Id } from '../types';
import type { HttpClient } from './http';
import { chunk, numberCreateBody, uniqueIds } from './query';

// react-admin's delete params have no `signal` in their type; a caller may still pass one.
type WithSignal = { signal?: AbortSignal };

/**
 * ra-data-simple-rest's create (POST the collection, JSON body), sending only what the API takes
 * (`numberCreateBody`) and tolerating an answer without a record: react-admin needs an id, so such a
 * record gets a stand-in that can never match a real one.
 */
export const withNumberCreate = (provider: DataProvider): DataProvider => ({
  ...provider,
  create: async (resource, params) => {
    const body = numberCreateBody(params.data);
    const { data: json } = await provider.create(resource, { ...params, data: body });
    const record =
      json && typeof json === 'object' && json.id !== undefined && json.id !== null
        ? json
        : { ...body, id: `new:${String(body.number ?? '')}` };
    return { data: record };
  },
});

/**
 * delete and deleteMany as ONE `DELETE <collection>` with the JSON id array, batched to MAX_DELETE_IDS.
 * Not ra-data-simple-rest's: it sends one `DELETE <collection>/<id>` per id, which this API does not have.
 */
export const withArrayDelete = (
  provider: DataProvider,
  collectionUrl: string,
  httpClient: HttpClient,
): DataProvider => {
  const deleteIds = async (ids: readonly Id[], signal?: AbortSignal): Promise<Id[]> => {
    const deleted: Id[] = [];
    for (const batch of chunk(uniqueIds(ids), MAX_DELETE_IDS)) {
      const { json } = await httpClient(collectionUrl, {
        method: 'DELETE',
        body: JSON.stringify(batch),
        signal,
      });
      // Assumed answer: the ids actually deleted. An empty answer (e.g. 204) means all of them.
      deleted.push(...(Array.isArray(json) ? json : batch));
    }
    return deleted;
  };
  return {
    ...provider,
    delete: async (_resource, params) => {
      await deleteIds([params.id], (params as WithSignal).signal);
      // Already gone is fine: the operator wanted it gone.
      // biome-ignore lint/suspicious/noExplicitAny: the record react-admin asked to delete, as it was.
      return { data: (params.previousData ?? { id: params.id }) as any };
    },
    deleteMany: async (_resource, params) => ({
      data: await deleteIds(params.ids, (params as WithSignal).signal),
    }),
  };
};
