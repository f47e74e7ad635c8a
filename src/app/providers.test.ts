import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../auth/session';
import type { BusyEvent } from '../dataProvider';
import { onApiBusy } from '../layout/apiBusy';
import { dataProvider } from './providers';

const page = {
  pagination: { page: 1, perPage: 1 },
  sort: { field: 'id', order: 'ASC' as const },
  filter: {},
};

describe('the console’s data provider', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('uses the signed-in session', async () => {
    const fetchMock = vi.fn(
      async (_url: string, _init: RequestInit) =>
        new Response('[]', { status: 200, headers: { 'Content-Range': 'campaigns */0' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    saveSession({ token: 'sess-token', accountId: '2002', apiUrl: 'http://other.test/v1' }, false);
    await dataProvider.getList('campaigns', page);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url.startsWith('http://other.test/v1/accounts/2002/campaigns?')).toBe(true);
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer sess-token');
  });

  it('reports a busy API to the layout’s listeners', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi
        .fn()
        .mockResolvedValueOnce(new Response('{}', { status: 429, headers: { 'Retry-After': '2' } }))
        .mockResolvedValueOnce(
          new Response('[]', { status: 200, headers: { 'Content-Range': 'campaigns */0' } }),
        ),
    );
    saveSession({ token: 't', accountId: '1001', apiUrl: 'http://api.test/v1' }, false);
    const events: BusyEvent[] = [];
    const stop = onApiBusy((event) => events.push(event));
    const result = dataProvider.getList('campaigns', page);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toEqual({ data: [], total: 0 });
    stop();
    expect(events).toEqual([{ status: 429, attempt: 1, retries: 3, delayMs: 2000 }]);
  });
});
