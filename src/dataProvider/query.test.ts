import { describe, expect, it, vi } from 'vitest';
import { CASE_ACCOUNT_ID, listQueryCases } from '../../test/fixtures/listQueryCases';
import { MAX_RANGE_ROWS } from '../contract';
import { createDataProvider, type HttpClient } from '.';
import {
  chunk,
  chunkIdsForQuery,
  cleanFilter,
  collectionPath,
  joinUrl,
  numberCreateBody,
  paginationToRange,
  parseContentRange,
  toSort,
  uniqueIds,
  uploadQueryString,
} from './query';

const decode = (query: string) =>
  Object.fromEntries(
    query.split('&').map((pair) => {
      const [key, value] = pair.split('=');
      return [key, JSON.parse(decodeURIComponent(value))];
    }),
  );

describe('list calls (shared table: test/fixtures/listQueryCases.ts)', () => {
  const API = 'http://api.test/v1';
  it.each(listQueryCases)('$name', async ({ resource, params, path, query, decoded }) => {
    const httpClient = vi.fn<HttpClient>(async () => ({
      status: 200,
      headers: new Headers({ 'Content-Range': `${resource} */0` }),
      body: '[]',
      json: [],
    }));
    const provider = createDataProvider({
      apiUrl: API,
      accountId: CASE_ACCOUNT_ID,
      getToken: () => 't',
      httpClient,
    });
    // biome-ignore lint/suspicious/noExplicitAny: the table's sort order is a plain string on purpose.
    await provider.getList(resource, params as any);
    expect(httpClient).toHaveBeenCalledTimes(1);
    expect(httpClient.mock.calls[0][0]).toBe(`${API}${path}?${query}`);
    expect(decode(query)).toEqual(decoded);
  });
});

describe('paginationToRange', () => {
  it.each([
    [1, 10, [0, 9]],
    [2, 10, [10, 19]],
    [1, 1, [0, 0]],
    [5, 1000, [4000, 4999]],
    // Nonsense from a URL (?page=0, perPage=-5) asks for something harmless, never a 400.
    [0, 10, [0, 9]],
    [Number.NaN, 10, [0, 9]],
    [1, 0, [0, 0]],
    [2.7, 10, [10, 19]],
  ])('page %s of %s → %j', (page, perPage, range) => {
    expect(paginationToRange(page, perPage)).toEqual(range);
  });
});

describe('toSort', () => {
  it.each([
    [undefined, ['id', 'ASC']],
    [{ field: '', order: 'DESC' }, ['id', 'ASC']],
    [{ field: 'name', order: 'DESC' }, ['name', 'DESC']],
    [{ field: 'name', order: 'desc' }, ['name', 'DESC']],
    [{ field: 'name', order: 'sideways' }, ['name', 'ASC']],
  ])('%j → %j', (sort, expected) => {
    expect(toSort(sort)).toEqual(expected);
  });
});

describe('cleanFilter', () => {
  it.each([
    ['not an object', 'status=Active', [], {}],
    ['null', null, [], {}],
    ['keeps null (ringResult null = never called)', { ringResult: null }, [], { ringResult: null }],
    ['keeps an empty id list (= none)', { ids: [] }, [], { ids: [] }],
    ['keeps zero and false', { attempts: 0, flag: false }, [], { attempts: 0, flag: false }],
    ['drops omitted keys', { campaignId: 3, number: '555' }, ['campaignId'], { number: '555' }],
    ['nests dotted keys', { 'dialer.mode': 'Power' }, [], { dialer: { mode: 'Power' } }],
    [
      'merges dotted and nested keys',
      { dialer: { a: 1 }, 'dialer.mode': 'Power' },
      [],
      { dialer: { a: 1, mode: 'Power' } },
    ],
    ['drops objects left empty', { dialer: { mode: '' } }, [], {}],
    ['does not trim values it keeps', { name: ' Sale ' }, [], { name: ' Sale ' }],
  ])('%s', (_name, filter, omit, expected) => {
    expect(cleanFilter(filter, omit)).toEqual(expected);
  });
});

describe('parseContentRange', () => {
  it.each([
    ['campaigns 0-99/1234', { unit: 'campaigns', start: 0, end: 99, total: 1234 }],
    ['numbers */0', { unit: 'numbers', start: null, end: null, total: 0 }],
    ['numbers 0-0/1', { unit: 'numbers', start: 0, end: 0, total: 1 }],
    ['items 0-9/*', { unit: 'items', start: 0, end: 9, total: null }],
    ['0-9/100', { unit: null, start: 0, end: 9, total: 100 }],
    ['  numbers   10 - 19 / 20  ', { unit: 'numbers', start: 10, end: 19, total: 20 }],
    ['bytes 0-499/1000', { unit: 'bytes', start: 0, end: 499, total: 1000 }],
    // ra-data-simple-rest's own tests send this shape; only the total after "/" is meaningful.
    ['posts 0-24/319', { unit: 'posts', start: 0, end: 24, total: 319 }],
  ])('%j', (header, expected) => {
    expect(parseContentRange(header)).toEqual(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'garbage',
    'numbers 0-9',
    'numbers 0-9/ten',
    '/',
    'numbers 0-9/-1',
    'numbers a-b/3',
  ])('unreadable %j → null (the provider pages without a total)', (header) => {
    expect(parseContentRange(header)).toBeNull();
  });
});

describe('URLs', () => {
  it.each([
    ['http://h/v1', '/accounts/1/campaigns', 'http://h/v1/accounts/1/campaigns'],
    ['http://h/v1/', '/accounts/1/campaigns', 'http://h/v1/accounts/1/campaigns'],
    ['http://h/v1//', 'accounts/1/campaigns', 'http://h/v1/accounts/1/campaigns'],
    [
      'https://api.sipcaller.com/v1',
      '/accounts/1/campaigns',
      'https://api.sipcaller.com/v1/accounts/1/campaigns',
    ],
  ])('joinUrl(%s, %s)', (base, path, url) => {
    expect(joinUrl(base, path)).toBe(url);
  });

  it('encodes account and campaign ids as path segments', () => {
    expect(collectionPath('numbers', 'a/b', 'c d?')).toBe('/accounts/a%2Fb/campaigns/c%20d%3F/numbers');
    expect(collectionPath('numbers', '1001', 0)).toBe('/accounts/1001/campaigns/0/numbers');
  });

  it.each([
    ['campaigns', '', undefined, /sign in/],
    ['numbers', '1001', undefined, /meta\.campaignId/],
    ['numbers', '1001', '', /meta\.campaignId/],
    ['tags', '1001', undefined, /Unknown resource "tags"/],
  ])('collectionPath(%s, %j, %j) explains what is missing', (resource, account, campaign, message) => {
    expect(() => collectionPath(resource, account, campaign)).toThrow(message);
  });

  it('upload query', () => {
    expect(uploadQueryString({ firstRowIsHeader: false, varCount: 2 })).toBe(
      'firstRowIsHeader=false&varCount=2',
    );
    expect(uploadQueryString({ firstRowIsHeader: true, varCount: 0 })).toBe(
      'firstRowIsHeader=true&varCount=0',
    );
  });
});

describe('ids', () => {
  it('uniqueIds counts "7" and 7 once, keeping the first', () => {
    expect(uniqueIds([7, '7', 'a', 8, 'a', 7])).toEqual([7, 'a', 8]);
  });

  it('chunkIdsForQuery never exceeds the row limit', () => {
    const ids = Array.from({ length: 2500 }, (_, i) => i);
    const chunks = chunkIdsForQuery(ids, MAX_RANGE_ROWS, Number.POSITIVE_INFINITY);
    expect(chunks.map((c) => c.length)).toEqual([1000, 1000, 500]);
    expect(chunks.flat()).toEqual(ids);
  });

  it('chunkIdsForQuery keeps each encoded id list under the character budget', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `uuid-${String(i).padStart(30, '0')}`);
    const budget = 6000;
    const chunks = chunkIdsForQuery(ids, MAX_RANGE_ROWS, budget);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(encodeURIComponent(JSON.stringify(c)).length).toBeLessThanOrEqual(budget);
    expect(chunks.flat()).toEqual(ids);
  });

  it('chunkIdsForQuery puts an oversized id alone rather than dropping it', () => {
    expect(chunkIdsForQuery(['x'.repeat(50), 'y'], 10, 20)).toEqual([['x'.repeat(50)], ['y']]);
  });

  it('chunk', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
  });
});

describe('numberCreateBody', () => {
  it.each([
    ['number only', { number: '+18005551234' }, { number: '+18005551234' }],
    [
      "the vendor page's example",
      { number: '+18005551234', varValues: ['John', '199'] },
      { number: '+18005551234', varValues: ['John', '199'] },
    ],
    ['strips campaignId and id', { id: 9, campaignId: 5, number: '5550001' }, { number: '5550001' }],
    ['trims the number', { number: ' 5550001\n' }, { number: '5550001' }],
    ['drops an empty number (the server explains it is required)', { number: '  ' }, {}],
    [
      'drops undefined and null fields',
      { number: '5550001', varValues: undefined, note: null },
      { number: '5550001' },
    ],
    ['drops an empty varValues', { number: '5550001', varValues: [] }, { number: '5550001' }],
    [
      'drops an all-empty varValues',
      { number: '5550001', varValues: ['', undefined] },
      { number: '5550001' },
    ],
    [
      'keeps positions: a missing value becomes ""',
      { number: '5550001', varValues: [undefined, 'x', null, 42] },
      { number: '5550001', varValues: ['', 'x', '', '42'] },
    ],
    ['not an object', 'x', {}],
  ])('%s', (_name, data, body) => {
    expect(numberCreateBody(data)).toEqual(body);
  });
});
