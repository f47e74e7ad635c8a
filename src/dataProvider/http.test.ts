import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BUSY_MAX_DELAY_MS,
  BUSY_RETRIES,
  type BusyEvent,
  busyDelayMs,
  fetchJsonWithHeaders,
  type HttpResponse,
  onApiBusy,
  withBusyRetry,
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
    const stop = onApiBusy((event) => events.push(event));
    const result = withBusyRetry(client)('http://api.test/v1/x', { method: 'GET' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(client).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toBe(ok);
    stop();
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

describe('fetchJsonWithHeaders', () => {
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
    const error = await fetchJsonWithHeaders('http://api.test/v1/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 429, message: 'Slow down', body: { message: 'Slow down' } });
    expect((error as { headers: Headers }).headers.get('Retry-After')).toBe('7');
  });
});
