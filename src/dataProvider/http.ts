// The console's HTTP client: react-admin's `fetchUtils.fetchJson`, wrapped. Each wrapper adds one thing
// (the bearer token, the busy retry, the error messages), so every call (lists, create, delete, the
// sign-in check) sends the same headers and fails the same way.
import { fetchUtils, HttpError } from 'react-admin';
import { abortReason, isAbortError } from '../lib/errors';

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: whatever JSON the server answered; callers check its shape.
  json: any;
}

/** react-admin's `fetchUtils.fetchJson` signature: resolves 2xx, rejects other statuses with an HttpError. */
export type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<HttpResponse>;

/** A busy API (429 Too Many Requests, 503 Unavailable) is asked again, a few times, for reads only. */
export const BUSY_STATUSES: readonly number[] = [429, 503];
export const BUSY_RETRIES = 3;
export const BUSY_MAX_DELAY_MS = 10_000;

export interface BusyEvent {
  status: number;
  /** 1 for the first retry. */
  attempt: number;
  retries: number;
  delayMs: number;
}

/** Told each time a read waits for a busy API (the app shows it). */
export type OnBusy = (event: BusyEvent) => void;

/** How long to wait before retry `attempt` (0-based): `Retry-After` (seconds or a date), else 1, 2, 4 s. */
export const busyDelayMs = (
  retryAfter: string | null | undefined,
  attempt: number,
  now = Date.now(),
): number => {
  const text = retryAfter?.trim();
  let delay = 1000 * 2 ** attempt;
  if (text && /^\d+$/.test(text)) delay = Number(text) * 1000;
  else if (text && !Number.isNaN(Date.parse(text))) delay = Date.parse(text) - now;
  return Math.min(BUSY_MAX_DELAY_MS, Math.max(0, delay));
};

const waitFor = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    const aborted = () => reject(abortReason(signal));
    if (signal?.aborted) return aborted();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      aborted();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const retryAfterOf = (error: unknown): string | null => {
  const headers = (error as { headers?: unknown } | null)?.headers;
  return headers instanceof Headers ? headers.get('Retry-After') : null;
};

/**
 * `fetchUtils.fetchJson`, whose HttpError carries the response's headers (`error.headers`).
 * Not a wrapper: fetchJson drops the headers when it rejects, and a busy answer's Retry-After is one.
 */
export const fetchJsonKeepingHeaders: HttpClient = async (url, options = {}) => {
  const response = await fetch(url, { ...options, headers: fetchUtils.createHeadersFromOptions(options) });
  const body = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    // Not JSON: the status says what happened.
  }
  if (response.status < 200 || response.status >= 300) {
    const message = (json as { message?: string } | undefined)?.message || response.statusText;
    throw Object.assign(new HttpError(message, response.status, json), { headers: response.headers });
  }
  return { status: response.status, headers: response.headers, body, json };
};

/**
 * Wraps a client so that a read (GET) answered 429 or 503 is asked again after `Retry-After` (or 1,
 * 2, 4 s), at most BUSY_RETRIES times, telling `onBusy` each time; then the last error goes to the
 * caller as before. Writes are never repeated. An abort ends the wait.
 */
export const withBusyRetry =
  (client: HttpClient, onBusy?: OnBusy): HttpClient =>
  async (url, options = {}) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await client(url, options);
      } catch (error) {
        const status = (error as { status?: unknown } | null)?.status;
        const read = (options.method ?? 'GET').toUpperCase() === 'GET';
        if (!read || typeof status !== 'number' || !BUSY_STATUSES.includes(status) || attempt >= BUSY_RETRIES)
          throw error;
        const delayMs = busyDelayMs(retryAfterOf(error), attempt);
        onBusy?.({ status, attempt: attempt + 1, retries: BUSY_RETRIES, delayMs });
        await waitFor(delayMs, options.signal ?? undefined);
      }
    }
  };

/**
 * Wraps a client so that every call carries `Authorization: Bearer <token>` (read at each call: it
 * changes at sign-in), with fetchJson's own default headers (Accept, and Content-Type for a JSON body).
 */
export const withBearerToken =
  (client: HttpClient, getToken: () => string | null | undefined): HttpClient =>
  (url, options = {}) => {
    const token = getToken();
    const headers = fetchUtils.createHeadersFromOptions({
      ...options,
      // A copy: createHeadersFromOptions writes into the Headers it is given.
      headers: options.headers === undefined ? undefined : new Headers(options.headers),
      user: { authenticated: Boolean(token), token: `Bearer ${token}` },
    });
    return client(url, { ...options, headers });
  };

/** The i18n key of "the API cannot be reached" (network down, DNS, CORS, connection dropped). */
export const NETWORK_ERROR_KEY = 'app.errors.network';

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

/** Wraps a client so that it rejects only with `toHttpError`'s errors. */
export const withHttpErrors =
  (client: HttpClient): HttpClient =>
  async (url, options) => {
    try {
      return await client(url, options);
    } catch (error) {
      throw toHttpError(error);
    }
  };

export interface HttpClientOptions {
  getToken: () => string | null | undefined;
  onBusy?: OnBusy;
  /** The transport; defaults to fetchJson (keeping error headers) with the busy retry. */
  httpClient?: HttpClient;
}

/** The client the data provider hands to ra-data-simple-rest and uses for its own calls. */
export const createHttpClient = ({ getToken, onBusy, httpClient }: HttpClientOptions): HttpClient =>
  withHttpErrors(withBearerToken(httpClient ?? withBusyRetry(fetchJsonKeepingHeaders, onBusy), getToken));
