import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider, type HttpClient, type HttpResponse } from '.';

const API = 'http://api.test/v1';
const TOKEN = 'secret-token-123';

type Answer = Partial<HttpResponse> & { contentRange?: string };
type Failure = Error | DOMException;

/** A fake httpClient answering from a script, recording every call (like ra-data-simple-rest's spec). */
const scripted = (...answers: (Answer | Failure)[]) => {
  const client = vi.fn<HttpClient>(async () => {
    const next = answers.shift();
    if (next === undefined) throw new Error('unexpected extra request');
    if (next instanceof Error || next instanceof DOMException) throw next;
    const headers = new Headers(next.headers);
    if (next.contentRange) headers.set('Content-Range', next.contentRange);
    return { status: 200, body: JSON.stringify(next.json), json: undefined, ...next, headers };
  });
  return client;
};

const setup = (...answers: (Answer | Failure)[]) => {
  const httpClient = scripted(...answers);
  const provider = createDataProvider({ apiUrl: API, accountId: '1001', getToken: () => TOKEN, httpClient });
  const call = (i: number) => {
    const [url, options = {}] = httpClient.mock.calls[i];
    return {
      url,
      method: options.method,
      headers: Object.fromEntries(new Headers(options.headers).entries()),
      body: options.body === undefined ? undefined : JSON.parse(String(options.body)),
      signal: options.signal,
    };
  };
  return { provider, httpClient, call };
};

const q = (filter: unknown, range: [number, number], sort: [string, string] = ['id', 'ASC']) =>
  `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent(JSON.stringify(range))}&sort=${encodeURIComponent(JSON.stringify(sort))}`;

const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));

const page = (page: number, perPage: number) => ({
  pagination: { page, perPage },
  sort: { field: 'id', order: 'ASC' as const },
  filter: {},
});

describe('getList', () => {
  it('GETs the account’s campaigns with filter, sort and range, and reads the total', async () => {
    const { provider, httpClient, call } = setup({
      json: [{ id: 1, name: 'Spring Sale Callback' }],
      contentRange: 'campaigns 0-0/1',
    });
    const signal = new AbortController().signal;
    const result = await provider.getList('campaigns', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'name', order: 'DESC' },
      filter: { status: 'Active' },
      signal,
    });

    expect(httpClient).toHaveBeenCalledTimes(1);
    expect(call(0)).toEqual({
      url: `${API}/accounts/1001/campaigns?${q({ status: 'Active' }, [0, 9], ['name', 'DESC'])}`,
      method: 'GET',
      headers: { accept: 'application/json', authorization: `Bearer ${TOKEN}` },
      body: undefined,
      signal,
    });
    expect(result).toEqual({ data: [{ id: 1, name: 'Spring Sale Callback' }], total: 1 });
  });

  it('never puts the token in the URL, and sends no Authorization header without a token', async () => {
    const httpClient = scripted({ json: [], contentRange: 'campaigns */0' });
    const provider = createDataProvider({ apiUrl: API, accountId: '1001', getToken: () => null, httpClient });
    await provider.getList('campaigns', page(1, 5));
    const [url, options] = httpClient.mock.calls[0];
    expect(url).not.toContain(TOKEN);
    expect(new Headers(options?.headers).has('Authorization')).toBe(false);
  });

  it('reads apiUrl, accountId and token at every call (they change at sign-in)', async () => {
    const httpClient = scripted(
      { json: [], contentRange: 'campaigns */0' },
      { json: [], contentRange: 'campaigns */0' },
    );
    let session = { apiUrl: 'http://a.test/v1/', accountId: 'A', token: 't1' };
    const provider = createDataProvider({
      apiUrl: () => session.apiUrl,
      accountId: () => session.accountId,
      getToken: () => session.token,
      httpClient,
    });
    await provider.getList('campaigns', page(1, 5));
    session = { apiUrl: 'http://b.test/v1', accountId: 'B', token: 't2' };
    await provider.getList('campaigns', page(1, 5));
    expect(httpClient.mock.calls.map(([url]) => url.split('?')[0])).toEqual([
      'http://a.test/v1/accounts/A/campaigns',
      'http://b.test/v1/accounts/B/campaigns',
    ]);
    expect(new Headers(httpClient.mock.calls[1][1]?.headers).get('Authorization')).toBe('Bearer t2');
  });

  it('lists numbers under their campaign (meta), tagging each record with campaignId', async () => {
    const { provider, call } = setup({
      json: [{ id: 'n1', number: '5550001' }],
      contentRange: 'numbers 0-0/1',
    });
    const result = await provider.getList('numbers', {
      ...page(1, 20),
      filter: { number: '555' },
      meta: { campaignId: 42 },
    });
    expect(call(0).url).toBe(`${API}/accounts/1001/campaigns/42/numbers?${q({ number: '555' }, [0, 19])}`);
    expect(result).toEqual({ data: [{ id: 'n1', number: '5550001', campaignId: 42 }], total: 1 });
  });

  it('takes the campaign from filter.campaignId and removes it from the sent filter', async () => {
    const { provider, call } = setup({ json: [], contentRange: 'numbers */0' });
    await provider.getList('numbers', { ...page(1, 20), filter: { campaignId: 'c-7', status: 'Pending' } });
    expect(call(0).url).toBe(
      `${API}/accounts/1001/campaigns/c-7/numbers?${q({ status: 'Pending' }, [0, 19])}`,
    );
  });

  it('rejects a numbers call without a campaign, without a request', async () => {
    const { provider, httpClient } = setup();
    await expect(provider.getList('numbers', page(1, 20))).rejects.toThrow(/meta\.campaignId/);
    expect(httpClient).not.toHaveBeenCalled();
  });

  it('answers "ids: []" with nothing, without a request', async () => {
    const { provider, httpClient } = setup();
    await expect(provider.getList('campaigns', { ...page(1, 20), filter: { ids: [] } })).resolves.toEqual({
      data: [],
      total: 0,
    });
    expect(httpClient).not.toHaveBeenCalled();
  });

  it('accepts an envelope { data: [...] } and rejects anything else that is not a list', async () => {
    const { provider } = setup(
      { json: { data: [{ id: 1 }] }, contentRange: 'campaigns 0-0/1' },
      { json: undefined, body: '<!doctype html><title>SPA</title>' },
    );
    await expect(provider.getList('campaigns', page(1, 5))).resolves.toEqual({ data: [{ id: 1 }], total: 1 });
    const error = await provider.getList('campaigns', page(1, 5)).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toMatch(/not a JSON array/);
  });

  describe('without Content-Range', () => {
    it('returns a short page with pageInfo (no next page), without a second request', async () => {
      const { provider, httpClient } = setup({ json: rows(0, 3) });
      const result = await provider.getList('campaigns', page(1, 10));
      expect(result).toEqual({ data: rows(0, 3), pageInfo: { hasNextPage: false, hasPreviousPage: false } });
      expect(httpClient).toHaveBeenCalledTimes(1);
    });

    it('probes one row past a full page, then asks for the extra row up front on later calls', async () => {
      const { provider, call } = setup(
        { json: rows(10, 10) },
        { json: rows(20, 1) },
        { json: rows(20, 11) },
        { json: rows(30, 5) },
      );
      const second = await provider.getList('campaigns', page(2, 10));
      expect(second).toEqual({ data: rows(10, 10), pageInfo: { hasNextPage: true, hasPreviousPage: true } });
      expect(call(0).url).toContain(q({}, [10, 19]));
      expect(call(1).url).toContain(q({}, [20, 20]));

      const third = await provider.getList('campaigns', page(3, 10));
      expect(call(2).url).toContain(q({}, [20, 30]));
      expect(third).toEqual({ data: rows(20, 10), pageInfo: { hasNextPage: true, hasPreviousPage: true } });

      const fourth = await provider.getList('campaigns', page(4, 10));
      expect(call(3).url).toContain(q({}, [30, 40]));
      expect(fourth).toEqual({ data: rows(30, 5), pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    });

    it('treats an unknown total ("/*") and an unreadable header as missing', async () => {
      const { provider } = setup(
        { json: rows(0, 2), contentRange: 'campaigns 0-1/*' },
        { json: rows(0, 1), contentRange: 'lots' },
      );
      await expect(provider.getList('campaigns', page(1, 5))).resolves.toMatchObject({
        pageInfo: { hasNextPage: false },
      });
      await expect(provider.getList('campaigns', page(1, 5))).resolves.not.toHaveProperty('total');
    });

    it('says there is no next page when the probe finds nothing', async () => {
      const { provider } = setup({ json: rows(0, 5) }, { json: [] });
      await expect(provider.getList('campaigns', page(1, 5))).resolves.toEqual({
        data: rows(0, 5),
        pageInfo: { hasNextPage: false, hasPreviousPage: false },
      });
    });
  });

  describe('more rows than one call may ask for', () => {
    it('asks in windows of at most 1000 rows and stops at the total', async () => {
      const { provider, httpClient, call } = setup(
        { json: rows(0, 1000), contentRange: 'numbers 0-999/1800' },
        { json: rows(1000, 800), contentRange: 'numbers 1000-1799/1800' },
      );
      const result = await provider.getList('numbers', { ...page(1, 2500), meta: { campaignId: 1 } });
      expect(httpClient).toHaveBeenCalledTimes(2);
      expect(call(0).url).toContain(q({}, [0, 999]));
      expect(call(1).url).toContain(q({}, [1000, 1999]));
      expect(result.data).toHaveLength(1800);
      expect(result.total).toBe(1800);
    });

    it('carries on where a server that clamps harder stopped', async () => {
      const { provider, call } = setup(
        { json: rows(0, 500), contentRange: 'numbers 0-499/5000' },
        { json: rows(500, 500), contentRange: 'numbers 500-999/5000' },
      );
      const result = await provider.getList('numbers', { ...page(1, 1000), meta: { campaignId: 1 } });
      expect(call(1).url).toContain(q({}, [500, 999]));
      expect(result.data.map((r) => r.id)).toEqual(rows(0, 1000).map((r) => r.id));
    });
  });
});

describe('getOne and getMany (through the list call and the ids filter)', () => {
  it('getOne asks for one id and finds it whatever the id type', async () => {
    const { provider, call } = setup({ json: [{ id: 7, name: 'X' }], contentRange: 'campaigns 0-0/1' });
    const result = await provider.getOne('campaigns', { id: '7' });
    expect(call(0).url).toBe(`${API}/accounts/1001/campaigns?${q({ ids: ['7'] }, [0, 0])}`);
    expect(result).toEqual({ data: { id: 7, name: 'X' } });
  });

  it('getOne of a number carries the campaign', async () => {
    const { provider, call } = setup({ json: [{ id: 'abc' }], contentRange: 'numbers 0-0/1' });
    await expect(provider.getOne('numbers', { id: 'abc', meta: { campaignId: 3 } })).resolves.toEqual({
      data: { id: 'abc', campaignId: 3 },
    });
    expect(call(0).url).toBe(`${API}/accounts/1001/campaigns/3/numbers?${q({ ids: ['abc'] }, [0, 0])}`);
  });

  it('getOne of a missing id is a 404 HttpError that says so', async () => {
    const { provider } = setup({ json: [], contentRange: 'campaigns */0' });
    const error = await provider.getOne('campaigns', { id: 99 }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(404);
    expect(error.message).toBe('No campaign with id 99: it may have been deleted.');
  });

  it('getMany drops duplicates and ignores rows it did not ask for', async () => {
    const { provider, call } = setup({
      json: [{ id: 1 }, { id: 2 }, { id: 5 }],
      contentRange: 'campaigns 0-2/3',
    });
    const result = await provider.getMany('campaigns', { ids: [1, '1', 2] });
    expect(call(0).url).toContain(q({ ids: [1, 2] }, [0, 1]));
    expect(result).toEqual({ data: [{ id: 1 }, { id: 2 }] });
  });

  it('getMany without Content-Range makes one request, not a next-page probe', async () => {
    const { provider, httpClient } = setup({ json: [{ id: 1 }, { id: 2 }] }, { json: [{ id: 3 }] });
    await expect(provider.getMany('campaigns', { ids: [1, 2] })).resolves.toEqual({
      data: [{ id: 1 }, { id: 2 }],
    });
    // The next lookup asks one extra row up front (learned); it is not part of the answer.
    await expect(provider.getMany('campaigns', { ids: [3] })).resolves.toEqual({ data: [{ id: 3 }] });
    expect(httpClient).toHaveBeenCalledTimes(2);
  });

  it('getMany of no ids makes no request', async () => {
    const { provider, httpClient } = setup();
    await expect(provider.getMany('campaigns', { ids: [] })).resolves.toEqual({ data: [] });
    expect(httpClient).not.toHaveBeenCalled();
  });

  it('getMany of 1500 ids asks in chunks that fit the range limit', async () => {
    const ids = rows(0, 1500).map((r) => r.id);
    const { provider, httpClient, call } = setup(
      { json: rows(0, 1000), contentRange: 'numbers 0-999/1000' },
      { json: rows(1000, 500), contentRange: 'numbers 0-499/500' },
    );
    const result = await provider.getMany('numbers', { ids, meta: { campaignId: 2 } });
    expect(httpClient).toHaveBeenCalledTimes(2);
    expect(call(0).url).toContain(q({ ids: ids.slice(0, 1000) }, [0, 999]));
    expect(call(1).url).toContain(q({ ids: ids.slice(1000) }, [0, 499]));
    expect(result.data).toHaveLength(1500);
  });

  it('getManyReference lists a campaign’s numbers', async () => {
    const { provider, call } = setup({ json: [{ id: 1 }], contentRange: 'numbers 0-0/1' });
    const result = await provider.getManyReference('numbers', {
      target: 'campaignId',
      id: 8,
      ...page(1, 10),
    });
    expect(call(0).url).toBe(`${API}/accounts/1001/campaigns/8/numbers?${q({}, [0, 9])}`);
    expect(result).toEqual({ data: [{ id: 1, campaignId: 8 }], total: 1 });
  });
});

describe('create', () => {
  it('POSTs {number, varValues} as JSON to the campaign’s numbers and returns the record', async () => {
    const created = { id: 501, number: '+18005551234', varValues: ['John', '199'], status: 'Pending' };
    const { provider, call } = setup({ status: 201, json: created });
    const result = await provider.create('numbers', {
      data: { number: '+18005551234', varValues: ['John', '199'], campaignId: 9, extra: undefined },
      meta: { campaignId: 9 },
    });
    expect(call(0)).toEqual({
      url: `${API}/accounts/1001/campaigns/9/numbers`,
      method: 'POST',
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
      },
      body: { number: '+18005551234', varValues: ['John', '199'] },
      signal: undefined,
    });
    expect(result).toEqual({ data: { ...created, campaignId: 9 } });
  });

  it('takes the campaign from data.campaignId when meta has none', async () => {
    const { provider, call } = setup({ status: 201, json: { id: 1, number: '5550001' } });
    await provider.create('numbers', { data: { number: '5550001', campaignId: 4 } });
    expect(call(0).url).toBe(`${API}/accounts/1001/campaigns/4/numbers`);
    expect(call(0).body).toEqual({ number: '5550001' });
  });

  it('gives a stand-in id when the API answers without a record', async () => {
    const { provider } = setup({ status: 201, json: undefined, body: '' });
    const { data } = await provider.create('numbers', {
      data: { number: '5550001' },
      meta: { campaignId: 4 },
    });
    expect(data).toEqual({ id: 'new:5550001', number: '5550001', campaignId: 4 });
  });

  it('does not create campaigns (the API cannot)', async () => {
    const { provider, httpClient } = setup();
    await expect(provider.create('campaigns', { data: { name: 'x' } })).rejects.toThrow(
      /not supported by the SIP Caller API/,
    );
    expect(httpClient).not.toHaveBeenCalled();
  });
});

describe('delete and deleteMany (one DELETE with a JSON id array)', () => {
  it('deleteMany sends ONE DELETE with the ids and answers the ids deleted', async () => {
    const { provider, httpClient, call } = setup({ json: [1, 'b'] });
    const result = await provider.deleteMany('numbers', { ids: [1, 'b', 3], meta: { campaignId: 5 } });
    expect(httpClient).toHaveBeenCalledTimes(1);
    expect(call(0)).toEqual({
      url: `${API}/accounts/1001/campaigns/5/numbers`,
      method: 'DELETE',
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
      },
      body: [1, 'b', 3],
      signal: undefined,
    });
    expect(result).toEqual({ data: [1, 'b'] });
  });

  it('deleteMany assumes all were deleted when the API answers no list (e.g. 204)', async () => {
    const { provider } = setup({ status: 204, json: undefined, body: '' });
    await expect(provider.deleteMany('numbers', { ids: [1, 2], meta: { campaignId: 5 } })).resolves.toEqual({
      data: [1, 2],
    });
  });

  it('deleteMany above MAX_DELETE_IDS is split into DELETEs of at most that many', async () => {
    const ids = rows(0, 2100).map((r) => r.id);
    const { provider, httpClient, call } = setup(
      { json: ids.slice(0, 1000) },
      { json: ids.slice(1000, 2000) },
      { json: ids.slice(2000) },
    );
    const result = await provider.deleteMany('numbers', { ids, meta: { campaignId: 5 } });
    expect(httpClient).toHaveBeenCalledTimes(3);
    expect(call(2).body).toEqual(ids.slice(2000));
    expect(result.data).toEqual(ids);
  });

  it('delete sends the one id in an array and answers the previous record', async () => {
    const { provider, call } = setup({ json: [] });
    const previousData = { id: 12, number: '5550001' };
    const result = await provider.delete('numbers', { id: 12, previousData, meta: { campaignId: 5 } });
    expect(call(0).method).toBe('DELETE');
    expect(call(0).body).toEqual([12]);
    expect(result).toEqual({ data: previousData });
  });

  it('does not delete campaigns (the API cannot)', async () => {
    const { provider, httpClient } = setup();
    await expect(provider.deleteMany('campaigns', { ids: [1] })).rejects.toThrow(
      /only numbers can be deleted/,
    );
    expect(httpClient).not.toHaveBeenCalled();
  });
});

describe('update and updateMany', () => {
  it('reject: the API cannot change records', async () => {
    const { provider, httpClient } = setup();
    await expect(provider.update('numbers', { id: 1, data: {}, previousData: { id: 1 } })).rejects.toThrow(
      /not supported by the SIP Caller API/,
    );
    await expect(provider.updateMany('numbers', { ids: [1], data: {} })).rejects.toThrow(
      /not supported by the SIP Caller API/,
    );
    expect(httpClient).not.toHaveBeenCalled();
  });
});

describe('errors', () => {
  it('carry the server’s message, status and body', async () => {
    const body = { message: 'Campaign 5 is Paused: numbers can be added only to an Active campaign.' };
    const { provider } = setup(new HttpError('Conflict', 409, body));
    const error = await provider
      .create('numbers', { data: { number: '5550001' }, meta: { campaignId: 5 } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ message: body.message, status: 409, body });
  });

  it('explain a status the server did not explain', async () => {
    const { provider } = setup(new HttpError('Bad Gateway', 502, null));
    await expect(provider.getList('campaigns', page(1, 5))).rejects.toMatchObject({
      status: 502,
      message: 'The SIP Caller API answered HTTP 502 Bad Gateway without an explanation.',
    });
  });

  it('keep 429 and 503 as HttpErrors of that status', async () => {
    const { provider } = setup(
      new HttpError('', 429, { message: 'Slow down' }),
      new HttpError('', 503, null),
    );
    await expect(provider.getList('campaigns', page(1, 5))).rejects.toMatchObject({
      status: 429,
      message: 'Slow down',
    });
    await expect(provider.getList('campaigns', page(1, 5))).rejects.toMatchObject({ status: 503 });
  });

  it('turn a network failure (fetch TypeError) into status 0 with the network message key', async () => {
    const { provider } = setup(new TypeError('Failed to fetch'));
    const error = await provider.getList('campaigns', page(1, 5)).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 0, message: 'app.errors.network' });
  });

  it('let an abort through untouched', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const { provider } = setup(abort);
    await expect(provider.getList('campaigns', page(1, 5))).rejects.toBe(abort);
  });
});

describe('the default HTTP client (react-admin fetchUtils.fetchJson over fetch)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const stubFetch = (impl: (url: string, init: RequestInit) => Promise<Response>) => {
    const fetchMock = vi.fn(impl);
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  };

  it('sends the token as a Bearer header and passes the abort signal', async () => {
    const fetchMock = stubFetch(
      async () =>
        new Response(JSON.stringify([{ id: 1 }]), {
          status: 200,
          headers: { 'Content-Type': 'application/json', 'Content-Range': 'campaigns 0-0/1' },
        }),
    );
    const provider = createDataProvider({ apiUrl: API, accountId: '1001', getToken: () => TOKEN });
    const controller = new AbortController();
    await expect(
      provider.getList('campaigns', { ...page(1, 1), signal: controller.signal }),
    ).resolves.toEqual({
      data: [{ id: 1 }],
      total: 1,
    });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(`${API}/accounts/1001/campaigns?${q({}, [0, 0])}`);
    expect(new Headers(init.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(init.signal).toBe(controller.signal);
  });

  it('maps a non-JSON error page to a clear message and a refused connection to status 0', async () => {
    stubFetch(
      async () => new Response('<html>oops</html>', { status: 500, statusText: 'Internal Server Error' }),
    );
    const provider = createDataProvider({ apiUrl: API, accountId: '1001', getToken: () => TOKEN });
    await expect(provider.getList('campaigns', page(1, 1))).rejects.toMatchObject({
      status: 500,
      message: 'The SIP Caller API answered HTTP 500 Internal Server Error without an explanation.',
    });
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(provider.getList('campaigns', page(1, 1))).rejects.toMatchObject({
      status: 0,
      message: 'app.errors.network',
    });
  });
});
