// Each wrapper of the data provider on its own, over a fake provider or client.
import { type DataProvider, HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { withApiLimits } from '.';
import type { HttpClient, HttpResponse } from './http';
import { withIdLookups } from './ids';
import { createListReader, listUrl, rowsOf, withWindowedLists } from './lists';
import { withNestedPaths } from './nested';
import { withUpload } from './withUpload';
import { withArrayDelete, withNumberCreate } from './writes';

const API = 'http://api.test/v1';
const q = (filter: unknown, range: [number, number], sort: [string, string] = ['id', 'ASC']) =>
  `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent(JSON.stringify(range))}&sort=${encodeURIComponent(JSON.stringify(sort))}`;

/** A provider whose every method resolves `answer` and records its calls. */
const fake = (answer: unknown = { data: [] }) => {
  const calls: [string, string, unknown][] = [];
  const method = (name: string) => async (resource: string, params: unknown) => {
    calls.push([name, resource, params]);
    return typeof answer === 'function' ? answer(name, resource, params) : answer;
  };
  const names = [
    'getList',
    'getOne',
    'getMany',
    'getManyReference',
    'create',
    'update',
    'updateMany',
    'delete',
    'deleteMany',
  ];
  return { provider: Object.fromEntries(names.map((n) => [n, method(n)])) as unknown as DataProvider, calls };
};

const response = (json: unknown, contentRange?: string): HttpResponse => ({
  status: 200,
  headers: new Headers(contentRange ? { 'Content-Range': contentRange } : {}),
  body: JSON.stringify(json),
  json,
});

describe('listUrl', () => {
  it('is ra-data-simple-rest’s query (keys in order, JSON values, encoded) for any range', () => {
    expect(listUrl(`${API}/x`, { filter: { name: 'Café &' }, sort: ['name', 'DESC'], range: [20, 30] })).toBe(
      `${API}/x?${q({ name: 'Café &' }, [20, 30], ['name', 'DESC'])}`,
    );
  });
});

describe('rowsOf', () => {
  it('takes an array or a {data: [...]} envelope, and refuses anything else with the status', () => {
    expect(rowsOf(response([{ id: 1 }]))).toEqual([{ id: 1 }]);
    expect(rowsOf(response({ data: [{ id: 2 }] }))).toEqual([{ id: 2 }]);
    expect(() => rowsOf(response({ rows: [] }))).toThrow(/not a JSON array/);
  });
});

describe('createListReader', () => {
  const read = (...answers: HttpResponse[]) => {
    const client = vi.fn<HttpClient>(async () => answers.shift() as HttpResponse);
    return { client, readList: createListReader(client) };
  };
  const request = { url: `${API}/c`, server: API, filter: {}, sort: ['id', 'ASC'] as const };

  it('GETs one window and reads the total', async () => {
    const { client, readList } = read(response([{ id: 1 }], 'c 0-0/7'));
    await expect(readList({ ...request, range: [0, 0] })).resolves.toEqual({ data: [{ id: 1 }], total: 7 });
    expect(client).toHaveBeenCalledWith(`${API}/c?${q({}, [0, 0])}`, { method: 'GET', signal: undefined });
  });

  it('carries on where a clamping server stopped, and pages without a total', async () => {
    const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: from + i }));
    const { client, readList } = read(response(rows(0, 3), 'c 0-2/5'), response(rows(3, 2), 'c 3-4/5'));
    await expect(readList({ ...request, range: [0, 4] })).resolves.toEqual({ data: rows(0, 5), total: 5 });
    expect(client.mock.calls[1][0]).toContain(q({}, [3, 4]));
    const noCount = read(response(rows(0, 2)));
    await expect(noCount.readList({ ...request, range: [0, 4] })).resolves.toEqual({
      data: rows(0, 2),
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
    });
  });
});

describe('withWindowedLists', () => {
  it('turns react-admin’s page, sort and filter into the reader’s request', async () => {
    const readList = vi.fn(async () => ({ data: [], total: 0 }));
    const { provider } = fake();
    const signal = new AbortController().signal;
    await withWindowedLists(provider, { url: `${API}/c`, server: API }, readList).getList('c', {
      pagination: { page: 3, perPage: 20 },
      sort: { field: 'name', order: 'desc' as 'DESC' },
      filter: { 'dialer.mode': 'Power', name: '' },
      meta: { probeNextPage: false },
      signal,
    });
    expect(readList).toHaveBeenCalledWith({
      url: `${API}/c`,
      server: API,
      filter: { dialer: { mode: 'Power' } },
      sort: ['name', 'DESC'],
      range: [40, 59],
      signal,
      probeNextPage: false,
    });
  });
});

describe('withNestedPaths', () => {
  const location = () => ({ apiUrl: API, accountId: '1001' });

  it('sends each call to its collection, the campaign out of the filter, numbers tagged with it', async () => {
    const { provider, calls } = fake({ data: [{ id: 'n1' }], total: 1 });
    const forCollection = vi.fn(() => provider);
    const nested = withNestedPaths(forCollection, location);
    await expect(
      nested.getList('numbers', {
        pagination: { page: 1, perPage: 5 },
        sort: { field: 'id', order: 'ASC' },
        filter: { campaignId: 42, status: 'Pending' },
      }),
    ).resolves.toEqual({ data: [{ id: 'n1', campaignId: 42 }], total: 1 });
    expect(forCollection).toHaveBeenCalledWith({
      url: `${API}/accounts/1001/campaigns/42/numbers`,
      parent: `${API}/accounts/1001/campaigns/42`,
      server: API,
    });
    expect(calls[0][2]).toMatchObject({ filter: { status: 'Pending' } });

    await nested.getList('campaigns', {
      pagination: { page: 1, perPage: 5 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
    });
    expect(forCollection).toHaveBeenLastCalledWith({
      url: `${API}/accounts/1001/campaigns`,
      parent: `${API}/accounts/1001`,
      server: API,
    });
  });

  it('takes a create’s campaign from its data, and a reference’s from its target', async () => {
    const { provider, calls } = fake((name: string) =>
      name === 'create' ? { data: { id: 9 } } : { data: [], total: 0 },
    );
    const nested = withNestedPaths(() => provider, location);
    await expect(nested.create('numbers', { data: { number: '555', campaignId: 4 } })).resolves.toEqual({
      data: { id: 9, campaignId: 4 },
    });
    expect(calls[0]).toEqual(['create', 'numbers', { data: { number: '555' } }]);
    await nested.getManyReference('numbers', {
      target: 'campaignId',
      id: 8,
      pagination: { page: 1, perPage: 5 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
    });
    expect(calls[1]).toMatchObject(['getList', 'numbers', { filter: {} }]);
  });

  it('explains a missing campaign or account, without calling the collection', async () => {
    const forCollection = vi.fn();
    const params = {
      pagination: { page: 1, perPage: 5 },
      sort: { field: 'id', order: 'ASC' as const },
      filter: {},
    };
    await expect(withNestedPaths(forCollection, location).getList('numbers', params)).rejects.toThrow(
      /meta\.campaignId/,
    );
    await expect(
      withNestedPaths(forCollection, () => ({ apiUrl: API, accountId: '' })).getList('campaigns', params),
    ).rejects.toThrow(/sign in/);
    expect(forCollection).not.toHaveBeenCalled();
  });
});

describe('withIdLookups', () => {
  it('getMany asks getList for the ids, without a next-page probe, and keeps only those', async () => {
    const { provider, calls } = fake({ data: [{ id: 1 }, { id: 3 }], total: 2 });
    const result = await withIdLookups(provider).getMany('numbers', {
      ids: [1, '1', 2],
      meta: { campaignId: 5 },
    });
    expect(result).toEqual({ data: [{ id: 1 }] });
    expect(calls).toEqual([
      [
        'getList',
        'numbers',
        {
          filter: { ids: [1, 2] },
          sort: { field: 'id', order: 'ASC' },
          pagination: { page: 1, perPage: 2 },
          meta: { campaignId: 5, probeNextPage: false },
          signal: undefined,
        },
      ],
    ]);
  });

  it('getOne of a missing id is a 404; getList of no ids asks nothing', async () => {
    const { provider, calls } = fake({ data: [], total: 0 });
    const lookups = withIdLookups(provider);
    const error = await lookups.getOne('numbers', { id: 'x', meta: { campaignId: 1 } }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 404,
      message: 'No number record with id x: it may have been deleted.',
    });
    calls.length = 0;
    await expect(
      lookups.getList('numbers', {
        pagination: { page: 1, perPage: 5 },
        sort: { field: 'id', order: 'ASC' },
        filter: { ids: [] },
      }),
    ).resolves.toEqual({ data: [], total: 0 });
    expect(calls).toEqual([]);
  });
});

describe('withNumberCreate', () => {
  it('sends only the API’s fields and stands in for a missing record', async () => {
    const { provider, calls } = fake({ data: undefined });
    const { data } = await withNumberCreate(provider).create('numbers', {
      data: { number: ' 555 ', varValues: [], id: 3 },
    });
    expect(calls[0][2]).toEqual({ data: { number: '555' } });
    expect(data).toEqual({ id: 'new:555', number: '555' });
  });
});

describe('withArrayDelete', () => {
  it('deletes with ONE DELETE of the collection carrying the id array', async () => {
    const client = vi.fn<HttpClient>(async () => response(['a']));
    const { provider } = fake();
    const deleting = withArrayDelete(provider, `${API}/n`, client);
    await expect(deleting.deleteMany('numbers', { ids: ['a', 'b', 'a'] })).resolves.toEqual({ data: ['a'] });
    expect(client).toHaveBeenCalledWith(`${API}/n`, {
      method: 'DELETE',
      body: '["a","b"]',
      signal: undefined,
    });
    await expect(
      deleting.delete('numbers', { id: 'a', previousData: { id: 'a', number: '1' } }),
    ).resolves.toEqual({
      data: { id: 'a', number: '1' },
    });
  });
});

describe('withApiLimits', () => {
  it('refuses what the API cannot do before asking', async () => {
    const { provider, calls } = fake();
    const limited = withApiLimits(provider);
    await expect(limited.create('campaigns', { data: {} })).rejects.toThrow(/only numbers can be added/);
    await expect(limited.deleteMany('campaigns', { ids: [1] })).rejects.toThrow(
      /only numbers can be deleted/,
    );
    await expect(limited.update('numbers', { id: 1, data: {}, previousData: { id: 1 } })).rejects.toThrow(
      /cannot change/,
    );
    expect(calls).toEqual([]);
    await limited.create('numbers', { data: {} });
    expect(calls).toHaveLength(1);
  });
});

describe('withUpload', () => {
  it('adds uploadNumbers to a provider, at the campaign’s upload URL with the token', async () => {
    const sent: string[] = [];
    const xhr = {
      upload: {},
      open: (_method: string, url: string) => sent.push(url),
      setRequestHeader: (name: string, value: string) => sent.push(`${name}: ${value}`),
      send() {
        Object.assign(xhr, { status: 200, responseText: '{"inserted":1,"rejected":[]}' });
        (xhr as unknown as { onload: () => void }).onload();
      },
      abort() {},
    };
    const { provider } = fake();
    const uploading = withUpload(provider, {
      location: () => ({ apiUrl: API, accountId: '1001' }),
      getToken: () => 'tok',
      xhrFactory: () => xhr as never,
    });
    expect(uploading.getList).toBe(provider.getList);
    await expect(
      uploading.uploadNumbers(7, new Blob(['1\n']), { firstRowIsHeader: false, varCount: 0 }),
    ).resolves.toEqual({ inserted: 1, rejectedCount: 0, rejected: [] });
    expect(sent).toEqual([
      `${API}/accounts/1001/campaigns/7/numbers/upload?firstRowIsHeader=false&varCount=0`,
      'Accept: application/json',
      'Authorization: Bearer tok',
    ]);
  });
});
