// CSV upload over XMLHttpRequest: fetch cannot report upload progress, XHR can.
import { HttpError } from 'react-admin';
import { abortError as cancelled } from '../lib/errors';
import type { UploadOptions, UploadRejection, UploadResult } from '../types';
import { NETWORK_ERROR_KEY, toHttpError } from './http';
import type { UploadControls } from './types';

/** The subset of XMLHttpRequest the upload uses, so tests and Node can hand in their own. */
export type XhrLike = Pick<
  XMLHttpRequest,
  | 'open'
  | 'setRequestHeader'
  | 'send'
  | 'abort'
  | 'status'
  | 'statusText'
  | 'responseText'
  | 'onload'
  | 'onerror'
  | 'onabort'
  | 'ontimeout'
> & { upload: Pick<XMLHttpRequestUpload, 'onprogress'> };

export type XhrFactory = () => XhrLike;

export const defaultXhrFactory: XhrFactory = () => new XMLHttpRequest();

/** Marks "the server did not say how many it inserted": the UI then compares totals before and after. */
export const UNKNOWN_COUNT = -1;

const abortError = () => cancelled('The upload was cancelled.');

const parseJson = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

const isRejection = (value: unknown): value is UploadRejection =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as UploadRejection).line === 'number' &&
  typeof (value as UploadRejection).reason === 'string';

/**
 * The upload answer as the UI can rely on it. The API is assumed to answer
 * `{inserted, rejectedCount?, rejected}`; a count it leaves out is UNKNOWN_COUNT (-1), rows that are not
 * `{line, reason}` are dropped, and `rejectedCount` falls back to the listed rejections.
 */
export const normalizeUploadResult = (json: unknown): UploadResult => {
  const answer = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const count = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
  const rejected = Array.isArray(answer.rejected) ? answer.rejected.filter(isRejection) : [];
  return {
    inserted: count(answer.inserted) ?? UNKNOWN_COUNT,
    rejectedCount:
      count(answer.rejectedCount) ??
      (Array.isArray(answer.rejected) ? answer.rejected.length : UNKNOWN_COUNT),
    rejected,
  };
};

export interface UploadRequest {
  url: string;
  token: string | null | undefined;
  file: Blob;
  controls?: UploadControls;
  xhrFactory?: XhrFactory;
}

export const sendUpload = ({
  url,
  token,
  file,
  controls = {},
  xhrFactory = defaultXhrFactory,
}: UploadRequest): Promise<UploadResult> =>
  new Promise<UploadResult>((resolve, reject) => {
    const { onProgress, signal } = controls;
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = xhrFactory();
    const onAbortSignal = () => xhr.abort();
    const settle = (fn: () => void) => {
      signal?.removeEventListener('abort', onAbortSignal);
      fn();
    };

    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    if (onProgress) {
      xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.total });
    }
    xhr.onload = () =>
      settle(() => {
        const json = parseJson(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(normalizeUploadResult(json));
          return;
        }
        if (xhr.status === 0) {
          reject(new HttpError(NETWORK_ERROR_KEY, 0, null));
          return;
        }
        // Same message rules as every other call (server `{message}` first).
        reject(toHttpError(new HttpError(xhr.statusText || '', xhr.status, json ?? null)));
      });
    xhr.onerror = () => settle(() => reject(new HttpError(NETWORK_ERROR_KEY, 0, null)));
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => settle(() => reject(abortError()));
    signal?.addEventListener('abort', onAbortSignal, { once: true });

    const form = new FormData();
    const name = typeof File !== 'undefined' && file instanceof File ? file.name : 'numbers.csv';
    form.append('file', file, name);
    xhr.send(form);
  });

export const assertUploadOptions = ({ firstRowIsHeader, varCount }: UploadOptions) => {
  if (typeof firstRowIsHeader !== 'boolean') throw new TypeError('firstRowIsHeader must be true or false.');
  if (!Number.isInteger(varCount) || varCount < 0) {
    throw new RangeError(`varCount must be a whole number of variable columns, 0 or more (got ${varCount}).`);
  }
};
