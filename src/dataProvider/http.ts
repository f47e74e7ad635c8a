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

const busyListeners = new Set<(event: BusyEvent) => void>();

/** Tells `listener` each time a read waits for a busy API (the layout shows it); returns the unsubscribe. */
export const onApiBusy = (listener: (event: BusyEvent) => void): (() => void) => {
  busyListeners.add(listener);
  return () => {
    busyListeners.delete(listener);
  };
};

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
    const aborted = () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
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
 * react-admin's `fetchUtils.fetchJson`, step for step, except that an error keeps the response's
 * headers (`error.headers`): a 429 or 503 says in `Retry-After` when to come back.
 */
export const fetchJsonWithHeaders: HttpClient = async (url, options = {}) => {
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
 * 2, 4 s), at most BUSY_RETRIES times, telling `onApiBusy` listeners each time; then the last error
 * goes to the caller as before. Writes are never repeated. An abort ends the wait.
 */
export const withBusyRetry =
  (client: HttpClient): HttpClient =>
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
        for (const listener of busyListeners)
          listener({ status, attempt: attempt + 1, retries: BUSY_RETRIES, delayMs });
        await waitFor(delayMs, options.signal ?? undefined);
      }
    }
  };

/** What the console uses: react-admin's fetchJson (keeping error headers), patient with a busy API. */
export const defaultHttpClient: HttpClient = withBusyRetry(fetchJsonWithHeaders);

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
