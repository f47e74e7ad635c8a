// react-admin's data provider for the SIP Caller REST API: ra-data-simple-rest over react-admin's
// fetchUtils.fetchJson, wrapped only where this API differs (each wrapper in its own file):
// - nested.ts: campaigns under their account, numbers under their campaign;
// - lists.ts: lists in windows of any range, without Content-Range, in an envelope, clamped;
// - ids.ts: getOne/getMany through the list call and the `ids` filter (no get-by-id);
// - writes.ts: the create body and answer, one DELETE with the id array;
// - withUpload.ts: the multipart CSV upload with progress;
// - http.ts: the HTTP client (bearer token, busy retry, error messages).
// It knows nothing of where the session lives or how the app shows a busy API: both come as options.

import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { createHttpClient, type HttpClient, type OnBusy } from './http';
import { withIdLookups } from './ids';
import { createListReader, withWindowedLists } from './lists';
import { type Collection, withNestedPaths } from './nested';
import type { SipCallerDataProvider } from './types';
import type { XhrFactory } from './upload';
import { withUpload } from './withUpload';
import { withArrayDelete, withNumberCreate } from './writes';

export type { BusyEvent, HttpClient, HttpResponse, OnBusy } from './http';
export type { SipCallerDataProvider, UploadControls, UploadProgress } from './types';
export type { XhrFactory, XhrLike } from './upload';

type Dynamic<T> = T | (() => T);

export interface DataProviderOptions {
  /** The API base URL, ending in /v1. A function: read at every call (it changes at sign-in). */
  apiUrl: Dynamic<string>;
  accountId: Dynamic<string>;
  getToken: () => string | null | undefined;
  /** Told each time a read waits for a busy API (429/503) before it is asked again. */
  onBusy?: OnBusy;
  /** The transport; defaults to react-admin's `fetchUtils.fetchJson` with the busy retry. */
  httpClient?: HttpClient;
  /** Defaults to `new XMLHttpRequest()`. */
  xhrFactory?: XhrFactory;
}

const read = <T>(value: Dynamic<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

const notSupported = (what: string) =>
  Promise.reject(
    new Error(`${what} is not supported by the SIP Caller API: it cannot change an existing record.`),
  );

/** What the SIP Caller API cannot do, refused before any request: only numbers are added or deleted. */
export const withApiLimits = (provider: DataProvider): DataProvider => ({
  ...provider,
  create: async (resource, params) => {
    if (resource !== 'numbers') {
      throw new Error(
        `Creating ${resource} is not supported by the SIP Caller API: only numbers can be added.`,
      );
    }
    return provider.create(resource, params);
  },
  delete: async (resource, params) => {
    if (resource !== 'numbers') throw deleteRefused(resource);
    return provider.delete(resource, params);
  },
  deleteMany: async (resource, params) => {
    if (resource !== 'numbers') throw deleteRefused(resource);
    return provider.deleteMany(resource, params);
  },
  update: () => notSupported('Editing a record'),
  updateMany: () => notSupported('Editing records'),
});

const deleteRefused = (resource: string) =>
  new Error(`Deleting ${resource} is not supported by the SIP Caller API: only numbers can be deleted.`);

export const createDataProvider = (options: DataProviderOptions): SipCallerDataProvider => {
  const httpClient = createHttpClient(options);
  const readList = createListReader(httpClient);
  const location = () => ({
    apiUrl: read(options.apiUrl),
    accountId: String(read(options.accountId) ?? ''),
  });

  /** One collection: ra-data-simple-rest at its parent URL, with this API's lists and writes. */
  const forCollection = ({ url, parent, server }: Collection): DataProvider =>
    withArrayDelete(
      withNumberCreate(withWindowedLists(simpleRestProvider(parent, httpClient), { url, server }, readList)),
      url,
      httpClient,
    );

  const provider = withUpload(withIdLookups(withApiLimits(withNestedPaths(forCollection, location))), {
    location,
    getToken: options.getToken,
    xhrFactory: options.xhrFactory,
  });
  return { ...provider, supportAbortSignal: true };
};
