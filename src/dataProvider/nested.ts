// The SIP Caller API's collections are nested: campaigns under their account, numbers under their
// campaign. This routes each call to the provider of its collection and tags number records with it.
import type { DataProvider } from 'react-admin';
import type { Id } from '../types';
import { collectionBase } from './query';

export interface Collection {
  /** The collection's URL, e.g. …/v1/accounts/1001/campaigns/42/numbers. */
  url: string;
  /** What ra-data-simple-rest takes as its apiUrl: the URL without `/${resource}`. */
  parent: string;
  /** The API base URL. */
  server: string;
}

export interface Location {
  /** The API base URL, ending in /v1. */
  apiUrl: string;
  accountId: string;
}

// biome-ignore lint/suspicious/noExplicitAny: react-admin passes `meta`/`filter`/`data` untyped.
type Params = { meta?: any; filter?: any; data?: any };

/** The campaign a numbers call is about: `meta.campaignId` first, then the filter or the new record. */
export const campaignOf = (params: Params): Id | undefined =>
  params.meta?.campaignId ?? params.filter?.campaignId ?? params.data?.campaignId ?? undefined;

/**
 * A provider whose every call goes to `forCollection(<the call's collection>)`, which can then be
 * ra-data-simple-rest given the collection's parent URL. A numbers call names its campaign (see
 * `campaignOf`); the campaign travels in the URL, so it leaves the filter, and number records come
 * back with `campaignId` set. `location` is read at every call (it changes at sign-in).
 */
export const withNestedPaths = (
  forCollection: (collection: Collection) => DataProvider,
  location: () => Location,
): DataProvider => {
  const route = (resource: string, params: Params) => {
    const campaignId = campaignOf(params);
    const { apiUrl, accountId } = location();
    const provider = forCollection({
      ...collectionBase(apiUrl, resource, accountId, campaignId),
      server: apiUrl,
    });
    const tagged = resource === 'numbers' && campaignId !== undefined;
    // biome-ignore lint/suspicious/noExplicitAny: records are open objects.
    const tag = <T extends Record<string, any>>(record: T): T =>
      tagged ? { ...record, campaignId } : record;
    return { provider, tag };
  };
  const withoutCampaign = (resource: string, filter: unknown) => {
    if (resource !== 'numbers' || typeof filter !== 'object' || filter === null) return filter;
    const { campaignId: _inThePath, ...rest } = filter as Record<string, unknown>;
    return rest;
  };

  const nested: DataProvider = {
    getList: async (resource, params) => {
      const { provider, tag } = route(resource, params);
      const result = await provider.getList(resource, {
        ...params,
        filter: withoutCampaign(resource, params.filter),
      });
      return { ...result, data: result.data.map(tag) };
    },
    // The target joins the filter (as in ra-data-simple-rest), so `campaignId` can name the campaign.
    getManyReference: (resource, { target, id, filter, ...params }) =>
      nested.getList(resource, { ...params, filter: { ...filter, [target]: id } }),
    getOne: async (resource, params) => {
      const { provider, tag } = route(resource, params);
      const { data } = await provider.getOne(resource, params);
      return { data: tag(data) };
    },
    getMany: async (resource, params) => {
      const { provider, tag } = route(resource, params);
      const { data } = await provider.getMany(resource, params);
      return { data: data.map(tag) };
    },
    create: async (resource, params) => {
      const { provider, tag } = route(resource, params);
      const { campaignId: _inThePath, ...data } = params.data ?? {};
      const result = await provider.create(resource, { ...params, data });
      return { data: tag(result.data) };
    },
    update: (resource, params) => route(resource, params).provider.update(resource, params),
    updateMany: (resource, params) => route(resource, params).provider.updateMany(resource, params),
    delete: (resource, params) => route(resource, params).provider.delete(resource, params),
    deleteMany: (resource, params) => route(resource, params).provider.deleteMany(resource, params),
  };
  return nested;
};
