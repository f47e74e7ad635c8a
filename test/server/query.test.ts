// Table-driven tests of the list parameter parser: what is accepted, how it is normalised, and
// that everything else is a 400 with a message.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../server/errors.ts';
import {
  parseCampaignFilter,
  parseCampaignListParams,
  parseNumberFilter,
  parseRange,
  parseSort,
  readParam,
} from '../../server/query.ts';
import { MAX_RANGE_ROWS } from '../../src/contract.ts';

const badRequest = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).statusCode).toBe(400);
    expect((error as ApiError).message.length).toBeGreaterThan(10);
    return (error as ApiError).message;
  }
  throw new Error('expected a 400');
};

describe('parseRange', () => {
  it.each([
    [undefined, { start: 0, end: MAX_RANGE_ROWS - 1 }],
    ['[0,19]', { start: 0, end: 19 }],
    ['[5,5]', { start: 5, end: 5 }],
    [' [990000, 990019] ', { start: 990000, end: 990019 }],
    ['[0,5000]', { start: 0, end: MAX_RANGE_ROWS - 1 }],
    ['[100,100000]', { start: 100, end: 100 + MAX_RANGE_ROWS - 1 }],
  ])('accepts %s', (text, expected) => {
    expect(parseRange(text?.trim())).toEqual(expected);
  });

  it.each([
    '[5,1]',
    '[-1,10]',
    '[0]',
    '[0,1,2]',
    '[0.5,3]',
    '["0","19"]',
    '{"start":0}',
    '0-19',
    '[0,null]',
    '[1e400,1e401]',
    '[0,9007199254740993]',
    'null',
  ])('rejects %s', (text) => {
    badRequest(() => parseRange(text));
  });
});

describe('parseSort', () => {
  const fields = ['id', 'number', 'createdAt'] as const;
  it.each([
    [undefined, { field: 'id', order: 'ASC' }],
    ['["number","DESC"]', { field: 'number', order: 'DESC' }],
    ['["createdAt","asc"]', { field: 'createdAt', order: 'ASC' }],
  ])('accepts %s', (text, expected) => {
    expect(parseSort(text, fields)).toEqual(expected);
  });

  it.each([
    ['["number"]', 'must be'],
    ['["number","DESC","x"]', 'must be'],
    ['"number"', 'must be'],
    ['["name","ASC"]', 'Cannot sort on "name"'],
    ['["number; DROP TABLE numbers","ASC"]', 'Cannot sort on'],
    ['["number","DESC; --"]', 'ASC'],
    ['["number",1]', 'must be'],
    ['["__proto__","ASC"]', 'Cannot sort on'],
    ['not json', 'not valid JSON'],
  ])('rejects %s', (text, message) => {
    expect(badRequest(() => parseSort(text, fields))).toContain(message);
  });
});

describe('parseNumberFilter', () => {
  it.each([
    [undefined, {}],
    ['{}', {}],
    ['{"number":"123456789"}', { number: '123456789' }],
    ['{"number":5550001}', { number: '5550001' }],
    ['{"status":"Pending"}', { status: ['Pending'] }],
    ['{"status":["Pending","Failed"]}', { status: ['Pending', 'Failed'] }],
    ['{"ringResult":null}', { ringResult: [null] }],
    ['{"ringResult":["Busy",null]}', { ringResult: ['Busy', null] }],
    ['{"ids":[1,"2"," 3 "]}', { ids: [1, 2, 3] }],
    ['{"ids":7}', { ids: [7] }],
    ['{"ids":[]}', { ids: [] }],
  ])('accepts %s', (text, expected) => {
    expect(parseNumberFilter(text)).toEqual(expected);
  });

  it.each([
    ['[]', 'JSON object'],
    ['"x"', 'JSON object'],
    ['null', 'JSON object'],
    ['{"name":"x"}', 'Cannot filter on "name"'],
    ['{"number; DROP TABLE numbers":"1"}', 'Cannot filter on'],
    ['{"__proto__":{"x":1}}', 'Cannot filter on'],
    ['{"status":"Done"}', 'status'],
    ['{"status":["Pending",1]}', 'status'],
    ['{"status":{"$ne":"x"}}', 'status'],
    ['{"ringResult":"Nope"}', 'ringResult'],
    ['{"ids":["1 OR 1=1"]}', 'ids'],
    ['{"ids":[1.5]}', 'ids'],
    ['{"ids":[-1]}', 'ids'],
    ['{"ids":{"a":1}}', 'ids'],
    ['{"number":["1","2"]}', 'string'],
    ['{"number":{"like":"%"}}', 'string'],
    ['{"number":true}', 'string'],
    [`{"number":"${'1'.repeat(101)}"}`, 'longer'],
    ['{number:1}', 'not valid JSON'],
  ])('rejects %s', (text, message) => {
    expect(badRequest(() => parseNumberFilter(text))).toContain(message);
  });
});

describe('parseCampaignFilter', () => {
  it.each([
    ['{"status":"Active"}', { status: ['Active'] }],
    ['{"name":"sale"}', { name: 'sale' }],
    ['{"type":["Static","Dynamic"]}', { type: ['Static', 'Dynamic'] }],
    ['{"dialer":{"mode":"Power"}}', { dialerMode: ['Power'] }],
    ['{"dialer":{"mode":["Power","Predictive"]}}', { dialerMode: ['Power', 'Predictive'] }],
    ['{"tagIds_ovl":[1,"2"]}', { tagIds: [1, 2] }],
    ['{"phoneSystemId":11,"extensionId":["201"]}', { phoneSystemId: [11], extensionId: [201] }],
    ['{"startDate_gte":"2024-12-01T00:00:00"}', { startDateGte: '2024-12-01T00:00:00' }],
    ['{"startDate_gte":"2024-12-01"}', { startDateGte: '2024-12-01T00:00:00' }],
    ['{"startDate_gte":"2024-12-01T08:30"}', { startDateGte: '2024-12-01T08:30:00' }],
    ['{"startDate_gte":"2024-12-01T08:30:00.000Z"}', { startDateGte: '2024-12-01T08:30:00' }],
    ['{"ids":[1,2]}', { ids: [1, 2] }],
  ])('accepts %s', (text, expected) => {
    expect(parseCampaignFilter(text)).toEqual(expected);
  });

  it.each([
    ['{"number":"1"}', 'Cannot filter on "number"'],
    ['{"status":"active"}', 'status'],
    ['{"type":"Hybrid"}', 'type'],
    ['{"dialer":"Power"}', 'dialer'],
    ['{"dialer":{"mode":"Power","x":1}}', 'dialer'],
    ['{"dialer":{}}', 'dialer'],
    ['{"tagIds_ovl":["a"]}', 'tagIds_ovl'],
    ['{"startDate_gte":"yesterday"}', 'date-time'],
    ['{"startDate_gte":"2024-13-01"}', 'real date'],
    ['{"startDate_gte":"2024-02-30T00:00:00"}', 'real date'],
    ['{"startDate_gte":20241201}', 'date-time'],
    ['{"name":null}', 'string'],
    ['{"tagIds":[1]}', 'Cannot filter on "tagIds"'],
  ])('rejects %s', (text, message) => {
    expect(badRequest(() => parseCampaignFilter(text))).toContain(message);
  });
});

describe('readParam and whole parameter sets', () => {
  it('treats empty values as absent and trims whitespace a copied command may add', () => {
    expect(readParam({ filter: '' }, 'filter')).toBeUndefined();
    expect(readParam({ filter: '  ' }, 'filter')).toBeUndefined();
    expect(readParam({ range: '\n[0,9]\n' }, 'range')).toBe('[0,9]');
  });

  it('rejects a parameter given twice', () => {
    expect(badRequest(() => readParam({ range: ['[0,9]', '[10,19]'] }, 'range'))).toContain('more than once');
  });

  it('parses the example of the vendor page', () => {
    expect(
      parseCampaignListParams({ filter: '{"status":"Active"}', sort: '["name","DESC"]', range: '[0,99]' }),
    ).toEqual({
      filter: { status: ['Active'] },
      sort: { field: 'name', order: 'DESC' },
      range: { start: 0, end: 99 },
    });
  });

  it('ignores parameters it does not know (cache busters), but never unknown filter keys', () => {
    expect(parseCampaignListParams({ _: '123' }).filter).toEqual({});
    badRequest(() => parseCampaignListParams({ filter: '{"q":"x"}' }));
  });
});
