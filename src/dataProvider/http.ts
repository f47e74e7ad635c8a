// The one HTTP path of the console: every call (lists, create, delete, the sign-in check) goes through
// `sendRequest`, so headers and error mapping are the same everywhere.
import { fetchUtils, HttpError } from 'react-admin';

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: whatever JSON the server answered; callers check its shape.
  json: any;
}

/** react-admin's `fetchUtils.fetchJson` signature: resolves 2xx, rejects other statuses with an HttpError. */
export type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<HttpResponse>;

export const defaultHttpClient: HttpClient = (url, options) => fetchUtils.fetchJson(url, options);

/** The i18n key of "the API cannot be reached" (network down, DNS, CORS, connection dropped). */
export const NETWORK_ERROR_KEY = 'app.errors.network';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
}

export const isAbortError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

const serverMessage = (body: unknown): string | null => {
  if (typeof body !== 'object' || body === null) return null;
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' && message.trim() !== '' ? message : null;
};

/** A readable message for a status the server did not explain. */
export const fallbackMessage = (status: number, statusText?: string) =>
  `The SIP Caller API answered HTTP ${status}${statusText ? ` ${statusText}` : ''} without an explanation.`;

/**
 * Every failure as react-admin expects it: an HttpError carrying the server's `{message}` (or a clear
 * fallback), its status and body; status 0 and the network i18n key when no answer came at all.
 * An abort is not a failure: the AbortError goes through untouched so react-query can drop it.
 */
export const toHttpError = (error: unknown): unknown => {
  if (isAbortError(error)) return error;
  if (error instanceof HttpError || (typeof error === 'object' && error !== null && 'status' in error)) {
    const { status, body, message } = error as { status: unknown; body?: unknown; message?: unknown };
    if (typeof status === 'number' && status > 0) {
      const text =
        serverMessage(body) ?? fallbackMessage(status, typeof message === 'string' ? message : undefined);
      return new HttpError(text, status, body ?? null);
    }
    if (status === 0) return new HttpError(NETWORK_ERROR_KEY, 0, body ?? null);
  }
  // fetch rejects with a TypeError when no response arrived (offline, refused, CORS).
  if (error instanceof TypeError) return new HttpError(NETWORK_ERROR_KEY, 0, null);
  return error;
};

export const authHeaders = (token: string | null | undefined): Headers => {
  const headers = new Headers({ Accept: 'application/json' });
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return headers;
};

export const sendRequest = async (
  httpClient: HttpClient,
  url: string,
  { method = 'GET', body, token, signal }: RequestOptions = {},
): Promise<HttpResponse> => {
  const headers = authHeaders(token);
  const options: fetchUtils.Options = { method, headers };
  if (body !== undefined) {
    headers.set('Content-Type', 'application/json');
    options.body = JSON.stringify(body);
  }
  if (signal) options.signal = signal;
  try {
    return await httpClient(url, options);
  } catch (error) {
    throw toHttpError(error);
  }
};
