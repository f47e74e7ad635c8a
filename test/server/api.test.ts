// HTTP behaviour of the emulated API (in-process, app.inject): lists, filters, sorting, ranges,
// adding and deleting numbers, and every error status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import { SEED_CAMPAIGNS } from '../../server/seed.ts';
import { JSON_BODY_LIMIT_BYTES, MAX_DELETE_IDS, MAX_RANGE_ROWS } from '../../src/contract.ts';
import type { Campaign, CampaignNumber } from '../../src/types.ts';
import {
  auth,
  campaignId,
  campaignsUrl,
  countNumbers,
  createCampaign,
  DEMO,
  json,
  listQuery,
  numbersUrl,
  OTHER,
  OTHER_TOKEN,
  startServer,
} from './helpers.ts';

let server: SipCallerServer;
let spring: number;
let survey: number;
let otherCampaign: number;

beforeAll(async () => {
  server = await startServer();
  spring = campaignId(server, 'Spring Sale Callback');
  survey = campaignId(server, 'Quarterly Survey');
  otherCampaign = campaignId(server, 'Other Account Outreach', OTHER);
});
afterAll(() => server.close());

const get = (url: string, token?: string) =>
  server.app.inject({ method: 'GET', url, headers: token === '' ? {} : auth(token) });

const listCampaigns = async (params: Parameters<typeof listQuery>[0]) => {
  const response = await get(`${campaignsUrl()}?${listQuery(params)}`);
  expect(response.statusCode, response.body).toBe(200);
  return { rows: json<Campaign[]>(response), range: response.headers['content-range'] };
};

const listNumbers = async (params: Parameters<typeof listQuery>[0], campaign = spring) => {
  const response = await get(`${numbersUrl(campaign)}?${listQuery(params)}`);
  expect(response.statusCode, response.body).toBe(200);
  return { rows: json<CampaignNumber[]>(response), range: response.headers['content-range'] };
};

const expectError = (
  response: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
  text?: string,
) => {
  expect(response.statusCode, response.body).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/json');
  const { message } = JSON.parse(response.body) as { message: string };
  expect(typeof message).toBe('string');
  if (text) expect(message).toContain(text);
};

describe('campaigns list', () => {
  it('answers the seeded campaigns with a Content-Range total', async () => {
    const { rows, range } = await listCampaigns({});
    expect(rows.map((row) => row.name).sort()).toEqual(SEED_CAMPAIGNS.map((c) => c.name).sort());
    expect(range).toBe(`campaigns 0-${SEED_CAMPAIGNS.length - 1}/${SEED_CAMPAIGNS.length}`);
    expect(rows[0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      type: expect.stringMatching(/^(Static|Dynamic)$/),
      status: expect.any(String),
      dialer: { mode: expect.stringMatching(/^(Power|Predictive)$/) },
      phoneSystemId: expect.any(Number),
      extensionId: expect.any(Number),
      tagIds: expect.any(Array),
      startDate: expect.toSatisfy((value: unknown) => value === null || typeof value === 'string'),
    });
  });

  it('covers every type, status and dialer mode', async () => {
    const { rows } = await listCampaigns({});
    for (const type of ['Static', 'Dynamic']) {
      for (const status of ['Draft', 'Active', 'Paused', 'Canceled', 'Finished']) {
        expect(
          rows.some((row) => row.type === type && row.status === status),
          `${type} ${status}`,
        ).toBe(true);
      }
    }
    expect(new Set(rows.map((row) => row.dialer.mode))).toEqual(new Set(['Power', 'Predictive']));
  });

  it("the vendor page's example: Active campaigns by name DESC", async () => {
    const { rows, range } = await listCampaigns({
      filter: { status: 'Active' },
      sort: ['name', 'DESC'],
      range: [0, 99],
    });
    const expected = SEED_CAMPAIGNS.filter((c) => c.status === 'Active')
      .map((c) => c.name)
      .sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase()));
    expect(rows.map((row) => row.name)).toEqual(expected);
    expect(range).toBe(`campaigns 0-${expected.length - 1}/${expected.length}`);
  });

  it.each<[string, unknown, (c: (typeof SEED_CAMPAIGNS)[number]) => boolean]>([
    ['name (case-insensitive substring)', { name: 'sALE' }, (c) => c.name.toLowerCase().includes('sale')],
    ['type', { type: 'Static' }, (c) => c.type === 'Static'],
    ['status any-of', { status: ['Paused', 'Draft'] }, (c) => ['Paused', 'Draft'].includes(c.status)],
    ['dialer mode', { dialer: { mode: 'Predictive' } }, (c) => c.dialerMode === 'Predictive'],
    ['tagIds_ovl', { tagIds_ovl: [3, 6] }, (c) => c.tagIds.some((tag) => tag === 3 || tag === 6)],
    ['phoneSystemId', { phoneSystemId: 12 }, (c) => c.phoneSystemId === 12],
    ['extensionId', { extensionId: ['305'] }, (c) => c.extensionId === 305],
    [
      'startDate_gte',
      { startDate_gte: '2026-06-01T00:00:00' },
      (c) => c.startDate !== null && c.startDate >= '2026-06-01T00:00:00',
    ],
    ['combined', { type: 'Dynamic', status: 'Active' }, (c) => c.type === 'Dynamic' && c.status === 'Active'],
  ])('filters on %s', async (_name, filter, predicate) => {
    const { rows, range } = await listCampaigns({ filter });
    const expected = SEED_CAMPAIGNS.filter(predicate).map((c) => c.name);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.name).sort()).toEqual(expected.sort());
    expect(range).toBe(`campaigns 0-${expected.length - 1}/${expected.length}`);
  });

  it('filters on ids', async () => {
    const { rows } = await listCampaigns({ filter: { ids: [spring, String(survey), 999999] } });
    expect(rows.map((row) => row.id).sort()).toEqual([spring, survey].sort());
  });

  it.each(['id', 'name', 'type', 'status', 'dialer.mode', 'phoneSystemId', 'extensionId', 'startDate'])(
    'sorts on %s both ways, ties by id',
    async (field) => {
      const value = (c: Campaign): string | number => {
        const raw = field === 'dialer.mode' ? c.dialer.mode : (c[field] as string | number | null);
        if (raw === null) return '';
        return typeof raw === 'string' ? raw.toLowerCase() : raw;
      };
      for (const order of ['ASC', 'DESC'] as const) {
        const { rows } = await listCampaigns({ sort: [field, order] });
        const sign = order === 'ASC' ? 1 : -1;
        const sorted = [...rows].sort((a, b) => {
          const [x, y] = [value(a), value(b)];
          if (x !== y) return (x < y ? -1 : 1) * sign;
          return ((a.id as number) - (b.id as number)) * sign;
        });
        expect(rows.map((row) => row.id)).toEqual(sorted.map((row) => row.id));
      }
    },
  );

  it('pages with inclusive ranges and says so in Content-Range', async () => {
    const all = (await listCampaigns({ sort: ['id', 'ASC'] })).rows;
    const { rows, range } = await listCampaigns({ sort: ['id', 'ASC'], range: [2, 4] });
    expect(rows).toEqual(all.slice(2, 5));
    expect(range).toBe(`campaigns 2-4/${all.length}`);
  });

  it('answers an empty page as */total', async () => {
    expect((await listCampaigns({ range: [500, 599] })).range).toBe(`campaigns */${SEED_CAMPAIGNS.length}`);
    expect((await listCampaigns({ filter: { name: 'no such campaign' } })).range).toBe('campaigns */0');
  });

  it('shows only the campaigns of the account', async () => {
    const response = await get(campaignsUrl(OTHER), OTHER_TOKEN);
    expect(json<Campaign[]>(response).map((row) => row.name)).toEqual([
      'Other Account Outreach',
      'Other Account Archive',
    ]);
  });
});

describe('numbers list', () => {
  it('lists the seeded numbers with the record shape of CONTRACT.md', async () => {
    const { rows, range } = await listNumbers({ range: [0, 19] });
    expect(range).toBe(`numbers 0-19/${countNumbers(server, spring)}`);
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(
        ['attempts', 'createdAt', 'id', 'number', 'ringResult', 'status', 'varValues'].sort(),
      );
      expect(row.number).toMatch(/^\+1\d{10}$/);
      expect(row.varValues).toHaveLength(2);
      expect(['Pending', 'InProgress', 'Completed', 'Failed']).toContain(row.status);
      expect(Number.isNaN(Date.parse(row.createdAt))).toBe(false);
    }
  });

  it('has varied status, attempts, ring results and dates in the seeded campaign', async () => {
    const { rows } = await listNumbers({ range: [0, 999] });
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((row) => row.status)).size).toBe(4);
    expect(new Set(rows.map((row) => row.ringResult)).size).toBe(6);
    expect(new Set(rows.map((row) => row.attempts)).size).toBeGreaterThan(2);
    expect(new Set(rows.map((row) => row.createdAt.slice(0, 10))).size).toBeGreaterThan(20);
  });

  it('clamps a range to MAX_RANGE_ROWS rows and says so', async () => {
    const { rows, range } = await listNumbers({ range: [0, 5000] });
    expect(rows).toHaveLength(MAX_RANGE_ROWS);
    expect(range).toBe(`numbers 0-${MAX_RANGE_ROWS - 1}/1000`);
  });

  it('searches number by substring', async () => {
    const all = (await listNumbers({ range: [0, 999] })).rows;
    for (const term of ['5', '55', '555', all[17].number.slice(3, 9), all[3].number]) {
      const { rows, range } = await listNumbers({ filter: { number: term }, range: [0, 999] });
      const expected = all.filter((row) => row.number.includes(term)).map((row) => row.id);
      expect(
        rows.map((row) => row.id),
        term,
      ).toEqual(expected);
      expect(range).toBe(
        expected.length ? `numbers 0-${expected.length - 1}/${expected.length}` : 'numbers */0',
      );
    }
  });

  it.each<[string, unknown, (row: CampaignNumber) => boolean]>([
    ['status', { status: 'Failed' }, (row) => row.status === 'Failed'],
    [
      'status any-of',
      { status: ['Pending', 'InProgress'] },
      (row) => ['Pending', 'InProgress'].includes(row.status),
    ],
    ['ringResult', { ringResult: 'Busy' }, (row) => row.ringResult === 'Busy'],
    ['ringResult null', { ringResult: null }, (row) => row.ringResult === null],
    [
      'ringResult with null',
      { ringResult: ['Machine', null] },
      (row) => [null, 'Machine'].includes(row.ringResult),
    ],
    [
      'status and ringResult',
      { status: 'InProgress', ringResult: 'NoAnswer' },
      (row) => row.status === 'InProgress' && row.ringResult === 'NoAnswer',
    ],
    ['status empty list', { status: [] }, () => false],
    [
      'number and status',
      { number: '12', status: 'Completed' },
      (row) => row.number.includes('12') && row.status === 'Completed',
    ],
  ])('filters on %s, with the same total as the rows', async (_name, filter, predicate) => {
    const all = (await listNumbers({ range: [0, 999] })).rows;
    const { rows, range } = await listNumbers({ filter, range: [0, 999] });
    const expected = all.filter(predicate).map((row) => row.id);
    expect(rows.map((row) => row.id)).toEqual(expected);
    expect(range).toBe(
      expected.length ? `numbers 0-${expected.length - 1}/${expected.length}` : 'numbers */0',
    );
  });

  it('filters on ids, leaving out ids of other campaigns', async () => {
    const mine = (await listNumbers({ range: [0, 2] })).rows.map((row) => row.id);
    const theirs = server.db
      .prepare('SELECT id FROM numbers WHERE campaign_id = ? LIMIT 1')
      .pluck()
      .get(otherCampaign);
    const { rows, range } = await listNumbers({ filter: { ids: [...mine.map(String), theirs] } });
    expect(rows.map((row) => row.id)).toEqual(mine);
    expect(range).toBe('numbers 0-2/3');
  });

  it.each(['id', 'number', 'status', 'attempts', 'ringResult', 'createdAt'])(
    'sorts on %s both ways with id as tiebreaker, every page consistent',
    async (field) => {
      for (const order of ['ASC', 'DESC'] as const) {
        const all = (await listNumbers({ sort: [field, order], range: [0, 999] })).rows;
        const key = (row: CampaignNumber) => row[field] as string | number | null;
        const sign = order === 'ASC' ? 1 : -1;
        const sorted = [...all].sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          if (x !== y) {
            if (x === null) return -sign;
            if (y === null) return sign;
            return (x < y ? -1 : 1) * sign;
          }
          return ((a.id as number) - (b.id as number)) * sign;
        });
        expect(all.map((row) => row.id)).toEqual(sorted.map((row) => row.id));
        // Pages near the end are read backwards internally: they must be the same rows.
        for (const [start, end] of [
          [0, 9],
          [480, 530],
          [700, 719],
          [990, 999],
          [995, 1200],
        ]) {
          const page = await listNumbers({ sort: [field, order], range: [start, end] });
          expect(
            page.rows.map((row) => row.id),
            `${order} ${start}-${end}`,
          ).toEqual(all.slice(start, end + 1).map((row) => row.id));
        }
      }
    },
  );
});

describe('adding a number', () => {
  const post = (campaign: number, payload: unknown, token?: string) =>
    server.app.inject({
      method: 'POST',
      url: numbersUrl(campaign),
      headers: auth(token),
      payload: payload as object,
    });

  it('answers 201 with the created record, stored as sent', async () => {
    const campaign = await createCampaign(server);
    const response = await post(campaign, { number: '+18005551234', varValues: ['John', '199'] });
    expect(response.statusCode, response.body).toBe(201);
    const record = json<CampaignNumber>(response);
    expect(record).toEqual({
      id: expect.any(Number),
      number: '+18005551234',
      varValues: ['John', '199'],
      status: 'Pending',
      attempts: 0,
      ringResult: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    // The same number again is accepted (the vendor's two examples send the same one).
    expect((await post(campaign, { number: '+18005551234' })).statusCode).toBe(201);
    const { rows, range } = await listNumbers({}, campaign);
    expect(range).toBe('numbers 0-1/2');
    expect(rows[0]).toEqual(record);
    expect(rows[1].varValues).toEqual([]);
  });

  it('accepts a national number of 5 to 15 digits', async () => {
    const campaign = await createCampaign(server);
    expect((await post(campaign, { number: '5550001' })).statusCode).toBe(201);
  });

  it.each([
    [{}, 'number'],
    [{ number: 18005551234 }, 'string'],
    [{ number: '800-555-1234' }, 'not a valid number'],
    [{ number: '+1800' }, 'not a valid number'],
    [{ number: '+1234567890123456' }, 'not a valid number'],
    [{ number: '1234' }, 'not a valid number'],
    [{ number: '+18005551234', varValues: 'John' }, 'array of strings'],
    [{ number: '+18005551234', varValues: ['John', 199] }, 'array of strings'],
    [{ number: '+18005551234', varValues: Array.from({ length: 21 }, () => 'x') }, 'at most 20'],
    [{ number: '+18005551234', varValues: ['x'.repeat(256)] }, '255'],
    [{ number: '+18005551234', extra: true }, 'Unknown field'],
    [['+18005551234'], 'JSON object'],
  ])('rejects %j with 400', async (payload, message) => {
    expectError(await post(spring, payload), 400, message);
  });

  it('rejects malformed JSON, an empty body and other content types', async () => {
    const raw = (payload: string, type: string) =>
      server.app.inject({
        method: 'POST',
        url: numbersUrl(spring),
        headers: { ...auth(), 'content-type': type },
        payload,
      });
    expectError(await raw('{"number": ', 'application/json'), 400, 'not valid JSON');
    expectError(await raw('', 'application/json'), 400, 'JSON object');
    expectError(await raw('number=5550001', 'application/x-www-form-urlencoded'), 415, 'application/json');
    expectError(await raw('5550001', 'text/plain'), 415);
  });

  it('answers 413 for a body over the JSON limit', async () => {
    const payload = JSON.stringify({
      number: '+18005551234',
      varValues: ['x'.repeat(JSON_BODY_LIMIT_BYTES)],
    });
    expectError(
      await server.app.inject({
        method: 'POST',
        url: numbersUrl(spring),
        headers: { ...auth(), 'content-type': 'application/json' },
        payload,
      }),
      413,
    );
  });

  it('answers 409 unless the campaign is Dynamic and Active, saying why', async () => {
    expectError(await post(survey, { number: '+18005551234' }), 409, 'Static');
    const paused = campaignId(server, 'Renewal Reminders');
    expectError(await post(paused, { number: '+18005551234' }), 409, 'Paused');
  });
});

describe('deleting numbers', () => {
  const del = (campaign: number, payload: unknown, account = DEMO, token?: string) =>
    server.app.inject({
      method: 'DELETE',
      url: numbersUrl(campaign, account),
      headers: { ...auth(token), 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

  it('deletes in one call and answers the ids actually deleted', async () => {
    const campaign = await createCampaign(server, { numbers: 10 });
    const ids = (await listNumbers({}, campaign)).rows.map((row) => row.id as number);
    const response = await del(campaign, [ids[0], String(ids[1]), ids[2], 99999999, ids[0]]);
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toEqual([ids[0], ids[1], ids[2]]);
    const after = await listNumbers({}, campaign);
    expect(after.range).toBe('numbers 0-6/7');
    expect(after.rows.map((row) => row.id)).toEqual(ids.slice(3));
    expect(json(await del(campaign, []))).toEqual([]);
  });

  it('never deletes numbers of another campaign or account', async () => {
    const mine = await createCampaign(server, { numbers: 3 });
    const victim = await createCampaign(server, { numbers: 3 });
    const victimIds = (await listNumbers({}, victim)).rows.map((row) => row.id);
    const otherIds = server.db
      .prepare('SELECT id FROM numbers WHERE campaign_id = ?')
      .pluck()
      .all(otherCampaign);
    const response = await del(mine, [...victimIds, ...otherIds]);
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual([]);
    expect(countNumbers(server, victim)).toBe(3);
    expect(countNumbers(server, otherCampaign)).toBe(otherIds.length);
    // The other account's campaign through our account path is unknown, through theirs forbidden.
    expectError(await del(otherCampaign, otherIds), 404, 'Campaign');
    expectError(await del(otherCampaign, otherIds, OTHER), 403);
    expect(countNumbers(server, otherCampaign)).toBe(otherIds.length);
  });

  it.each([
    [{ ids: [1] }, 'JSON array'],
    ['1,2', 'JSON array'],
    [[1, 'abc'], 'ids'],
    [[1.5], 'ids'],
    [[null], 'ids'],
    [Array.from({ length: MAX_DELETE_IDS + 1 }, (_, i) => i + 1), `At most ${MAX_DELETE_IDS}`],
  ])('rejects %j with 400 and deletes nothing', async (payload, message) => {
    const before = countNumbers(server, spring);
    expectError(await del(spring, payload), 400, message);
    expect(countNumbers(server, spring)).toBe(before);
  });

  it('answers 409 on a campaign that is not Dynamic and Active', async () => {
    const ids = (await listNumbers({ range: [0, 1] }, survey)).rows.map((row) => row.id);
    expectError(await del(survey, ids), 409, 'Dynamic');
    expect(countNumbers(server, survey)).toBe(50);
  });
});

describe('authentication and errors', () => {
  it('401 without a token, with a malformed header or an unknown token', async () => {
    expectError(await get(campaignsUrl(), ''), 401, 'Authorization');
    const basic = await server.app.inject({
      method: 'GET',
      url: campaignsUrl(),
      headers: { authorization: 'Basic abc' },
    });
    expectError(basic, 401, 'Bearer');
    const unknown = await get(campaignsUrl(), 'nope');
    expectError(unknown, 401, 'not valid');
    expect(unknown.headers['www-authenticate']).toContain('Bearer');
  });

  it('401 once a token is revoked', async () => {
    const token = 'token-to-revoke';
    const { addToken } = await import('../../server/accounts.ts');
    addToken(server.db, DEMO, token);
    expect((await get(campaignsUrl(), token)).statusCode).toBe(200);
    const revoke = await server.app.inject({ method: 'POST', url: '/_emulator/revoke', payload: { token } });
    expect(json(revoke)).toEqual({ revoked: true });
    expectError(await get(campaignsUrl(), token), 401);
    expectError(
      await server.app.inject({ method: 'POST', url: '/_emulator/revoke', payload: { token } }),
      404,
    );
  });

  it('404 for an account that does not exist, saying so', async () => {
    expectError(await get(campaignsUrl('9999')), 404, 'Account 9999 does not exist');
  });

  it('403 for a valid token on another existing account', async () => {
    expectError(await get(campaignsUrl(OTHER)), 403);
    expectError(await get(numbersUrl(otherCampaign, OTHER)), 403);
    expectError(await get(campaignsUrl(DEMO), OTHER_TOKEN), 403);
  });

  it('404 for an unknown campaign, including another account’s', async () => {
    expectError(await get(numbersUrl(999999)), 404, 'Campaign 999999');
    expectError(await get(numbersUrl('abc')), 404);
    expectError(await get(numbersUrl(otherCampaign)), 404);
  });

  it('404 JSON for unknown routes', async () => {
    expectError(await get('/v1/accounts/1001/nothing'), 404, 'Not found');
    expectError(await server.app.inject({ method: 'PUT', url: numbersUrl(spring), headers: auth() }), 404);
  });

  it.each([
    ['filter=notjson', 'not valid JSON'],
    ['filter=[1]', 'JSON object'],
    ['sort=["number"]', 'sort'],
    ['sort=["number","UP"]', 'ASC'],
    ['range=[10,1]', 'after its end'],
    ['range=[0,-1]', 'range'],
    ['range=[0,1]&range=[2,3]', 'more than once'],
    ['filter={"nope":1}', 'Cannot filter on "nope"'],
    ['sort=["var_values","ASC"]', 'Cannot sort on'],
  ])('400 for %s', async (query, message) => {
    expectError(
      await get(`${numbersUrl(spring)}?${query.replace(/[{}[\]"]/g, encodeURIComponent)}`),
      400,
      message,
    );
  });
});

describe('injection attempts', () => {
  const attempts = [
    `' OR 1=1 --`,
    `"; DROP TABLE numbers; --`,
    '%',
    '_',
    '"',
    '*',
    'NEAR(5 5)',
    '5" OR "1',
    `\u0000`,
    '1) UNION SELECT hash FROM tokens --',
  ];

  it.each(attempts)('number search %j matches literally and harms nothing', async (term) => {
    const before = countNumbers(server, spring);
    const { rows, range } = await listNumbers({ filter: { number: term } });
    expect(rows).toEqual([]);
    expect(range).toBe('numbers */0');
    expect(countNumbers(server, spring)).toBe(before);
  });

  it.each(attempts)('campaign name search %j matches literally', async (term) => {
    expect((await listCampaigns({ filter: { name: term } })).rows).toEqual([]);
  });

  it.each(['name) --', 'id; DROP TABLE campaigns', 'account_id', 'tag_ids', 'constructor', 'toString'])(
    'filter key and sort field %j are 400',
    async (key) => {
      expectError(
        await get(`${campaignsUrl()}?${listQuery({ filter: { [key]: 1 } })}`),
        400,
        'Cannot filter',
      );
      expectError(await get(`${campaignsUrl()}?${listQuery({ sort: [key, 'ASC'] })}`), 400, 'Cannot sort');
      expectError(
        await get(`${numbersUrl(spring)}?${listQuery({ sort: [key, 'ASC'] })}`),
        400,
        'Cannot sort',
      );
    },
  );

  it('ids that try to widen the match are 400', async () => {
    expectError(await get(`${numbersUrl(spring)}?${listQuery({ filter: { ids: ['1 OR 1=1'] } })}`), 400);
    expectError(
      await get(`${numbersUrl(spring)}?${listQuery({ filter: { status: ["Pending' OR '1'='1"] } })}`),
      400,
    );
  });
});

describe('CORS', () => {
  it('allows a local origin with Authorization, Content-Type and Range, and exposes Content-Range', async () => {
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: numbersUrl(spring),
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'DELETE',
        'access-control-request-headers': 'authorization,content-type,range',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('DELETE');
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase().replaceAll(' ', '')).toBe(
      'authorization,content-type,range',
    );
    const list = await server.app.inject({
      method: 'GET',
      url: numbersUrl(spring),
      headers: { ...auth(), origin: 'http://localhost:5173' },
    });
    expect(list.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(list.headers['access-control-expose-headers']).toBe('Content-Range');
  });

  it('answers an OPTIONS request that is not a real preflight without an error', async () => {
    const response = await server.app.inject({ method: 'OPTIONS', url: campaignsUrl() });
    expect(response.statusCode).toBe(204);
  });

  it('does not allow a foreign origin by default, and follows the configured list', async () => {
    const foreign = await server.app.inject({
      method: 'GET',
      url: campaignsUrl(),
      headers: { ...auth(), origin: 'https://evil.example' },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const configured = await startServer({ corsOrigins: ['https://console.example'], seed: false });
    try {
      const allowed = await configured.app.inject({
        method: 'GET',
        url: campaignsUrl(),
        headers: { ...auth(), origin: 'https://console.example' },
      });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://console.example');
    } finally {
      await configured.close();
    }
  });
});
