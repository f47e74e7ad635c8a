import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BUSY_MAX_DELAY_MS,
  BUSY_RETRIES,
  type BusyEvent,
  busyDelayMs,
  createHttpClient,
  fetchJsonKeepingHeaders,
  type HttpClient,
  type HttpResponse,
  NETWORK_ERROR_KEY,
  withBearerToken,
  withBusyRetry,
  withHttpErrors,
} from './http';

const ok: HttpResponse = { status: 200, headers: new Headers(), body: '[]', json: [] };
const busy = (status: number, retryAfter?: string) =>
  Object.assign(new HttpError('Busy', status, { message: 'Busy' }), {
    headers: new Headers(retryAfter ? { 'Retry-After': retryAfter } : {}),
  });

describe('busyDelayMs', () => {
  it('honours Retry-After in seconds or as a date, else backs off 1, 2, 4 s, never beyond the cap', () => {
    expect(busyDelayMs('3', 0)).toBe(3000);
    expect(busyDelayMs(' 0 ', 2)).toBe(0);
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(busyDelayMs('Fri, 27 Nov 2026 12:00:05 GMT', 0, now)).toBe(5000);
    expect(busyDelayMs('Fri, 27 Nov 2026 11:00:00 GMT', 0, now)).toBe(0);
    expect([0, 1, 2].map((attempt) => busyDelayMs(null, attempt))).toEqual([1000, 2000, 4000]);
    expect(busyDelayMs('nonsense', 1)).toBe(2000);
    expect(busyDelayMs('86400', 0)).toBe(BUSY_MAX_DELAY_MS);
  });
});

describe('withBusyRetry', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks a GET again after Retry-After when the API answers 429 or 503, and says so', async () => {
    vi.useFakeTimers();
    const client = vi
      .fn()
      .mockRejectedValueOnce(busy(503, '2'))
      .mockRejectedValueOnce(busy(429))
      .mockResolvedValue(ok);
    const events: BusyEvent[] = [];
    const result = withBusyRetry(client, (event) => events.push(event))('http://api.test/v1/x', {
      method: 'GET',
    });
    await vi.advanceTimersByTimeAsync(2000);
    expect(client).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toBe(ok);
    expect(client).toHaveBeenCalledTimes(3);
    expect(events).toEqual([
      { status: 503, attempt: 1, retries: BUSY_RETRIES, delayMs: 2000 },
      { status: 429, attempt: 2, retries: BUSY_RETRIES, delayMs: 2000 },
    ]);
  });

  it('gives up after BUSY_RETRIES and hands the last error to the caller', async () => {
    vi.useFakeTimers();
    const client = vi.fn().mockRejectedValue(busy(429, '1'));
    const result = withBusyRetry(client)('http://api.test/v1/x').catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(BUSY_RETRIES * 1000);
    await expect(result).resolves.toMatchObject({ status: 429 });
    expect(client).toHaveBeenCalledTimes(BUSY_RETRIES + 1);
  });

  it('never repeats a write, nor another status', async () => {
    const post = vi.fn().mockRejectedValue(busy(503));
    await expect(withBusyRetry(post)('http://api.test/v1/x', { method: 'POST' })).rejects.toMatchObject({
      status: 503,
    });
    expect(post).toHaveBeenCalledTimes(1);
    const failing = vi.fn().mockRejectedValue(busy(500));
    await expect(withBusyRetry(failing)('http://api.test/v1/x')).rejects.toMatchObject({ status: 500 });
    expect(failing).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when the request is aborted', async () => {
    vi.useFakeTimers();
    const client = vi.fn().mockRejectedValue(busy(503, '5'));
    const controller = new AbortController();
    const result = withBusyRetry(client)('http://api.test/v1/x', { signal: controller.signal }).catch(
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    expect(await result).toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(client).toHaveBeenCalledTimes(1);
  });
});

describe('fetchJsonKeepingHeaders', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('rejects like fetchJson, with the response headers kept for Retry-After', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () => new Response('{"message":"Slow down"}', { status: 429, headers: { 'Retry-After': '7' } }),
      ),
    );
    const error = await fetchJsonKeepingHeaders('http://api.test/v1/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 429, message: 'Slow down', body: { message: 'Slow down' } });
    expect((error as { headers: Headers }).headers.get('Retry-After')).toBe('7');
  });
});

const recording = () => vi.fn<HttpClient>(async () => ok);
const headersOf = (client: ReturnType<typeof recording>, i = 0) =>
  Object.fromEntries(new Headers(client.mock.calls[i][1]?.headers).entries());

describe('withBearerToken', () => {
  it('adds fetchJson’s default headers and the token, read at every call', async () => {
    let token: string | null = 't1';
    const client = recording();
    const withToken = withBearerToken(client, () => token);
    await withToken('http://api.test/v1/x', { method: 'GET' });
    token = null;
    await withToken('http://api.test/v1/x', { method: 'POST', body: '{"a":1}' });
    expect(headersOf(client, 0)).toEqual({ accept: 'application/json', authorization: 'Bearer t1' });
    expect(headersOf(client, 1)).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
    expect(client.mock.calls[1][1]).not.toHaveProperty('user');
  });

  it('keeps the headers a caller set, without writing into them', async () => {
    const client = recording();
    const given = new Headers({ 'Content-Type': 'text/plain' });
    await withBearerToken(client, () => 'tok')('http://api.test/v1/x', { method: 'DELETE', headers: given });
    expect(headersOf(client)).toEqual({ authorization: 'Bearer tok', 'content-type': 'text/plain' });
    expect(given.has('Authorization')).toBe(false);
  });
});

describe('withHttpErrors', () => {
  it('gives the server’s message, a fallback for an unexplained status, the network key, and lets an abort through', async () => {
    const failing = (error: unknown) =>
      withHttpErrors(vi.fn<HttpClient>().mockRejectedValue(error))('http://x');
    await expect(failing(new HttpError('Conflict', 409, { message: 'Paused' }))).rejects.toMatchObject({
      status: 409,
      message: 'Paused',
      body: { message: 'Paused' },
    });
    await expect(failing(new HttpError('Bad Gateway', 502, null))).rejects.toMatchObject({
      status: 502,
      message: 'The SIP Caller API answered HTTP 502 Bad Gateway without an explanation.',
    });
    await expect(failing(new TypeError('Failed to fetch'))).rejects.toMatchObject({
      status: 0,
      message: NETWORK_ERROR_KEY,
    });
    const abort = new DOMException('Aborted', 'AbortError');
    await expect(failing(abort)).rejects.toBe(abort);
  });
});

describe('createHttpClient', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('is fetchJson with the token, patient with a busy API (telling onBusy), with readable errors', async () => {
    vi.useFakeTimers();
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response('{}', { status: 503, headers: { 'Retry-After': '1' } }))
      .mockResolvedValueOnce(new Response('[1]', { status: 200 }))
      .mockResolvedValueOnce(new Response('', { status: 500, statusText: 'Internal Server Error' }));
    vi.stubGlobal('fetch', fetchMock);
    const onBusy = vi.fn();
    const client = createHttpClient({ getToken: () => 'tok', onBusy });
    const answer = client('http://api.test/v1/x', { method: 'GET' });
    await vi.advanceTimersByTimeAsync(1000);
    await expect(answer).resolves.toMatchObject({ status: 200, json: [1] });
    expect(onBusy).toHaveBeenCalledWith({ status: 503, attempt: 1, retries: BUSY_RETRIES, delayMs: 1000 });
    expect(new Headers(fetchMock.mock.calls[1][1].headers).get('Authorization')).toBe('Bearer tok');
    await expect(client('http://api.test/v1/x')).rejects.toMatchObject({
      status: 500,
      message: 'The SIP Caller API answered HTTP 500 Internal Server Error without an explanation.',
    });
  });

  it('uses a given transport as is (no busy retry on top of it)', async () => {
    const transport = vi.fn<HttpClient>().mockRejectedValue(busy(503, '0'));
    const client = createHttpClient({ getToken: () => null, httpClient: transport });
    await expect(client('http://api.test/v1/x')).rejects.toMatchObject({ status: 503 });
    expect(transport).toHaveBeenCalledTimes(1);
  });
});
