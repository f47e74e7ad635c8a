// Opaque ids (SIPCALLER_ID_STYLE=opaque): the encoding of server/ids.ts, the emulator answering and
// accepting string ids everywhere (filters, DELETE bodies, paths). The console's data provider against
// it: dataProvider.integration.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import { optionsFromEnv } from '../../server/env.ts';
import { createIdCodec, fromApiId, type IdKind, toApiId } from '../../server/ids.ts';
import { SEED_CAMPAIGNS } from '../../server/seed.ts';
import type { Campaign, CampaignNumber } from '../../src/types.ts';
import {
  auth,
  campaignId,
  campaignsUrl,
  DEMO,
  json,
  listQuery,
  multipart,
  numbersUrl,
  OTHER,
  startServer,
} from './helpers.ts';

const KINDS: IdKind[] = ['campaign', 'number', 'phoneSystem', 'extension', 'tag'];
const PLAIN = /^[0-9a-f]{24}$/;
const SPECIAL = /^id:[0-9a-f]{8}-[0-9a-f]{4}_[0-9a-f]{4}\.[0-9a-f]{4}~[0-9a-f]{4}$/;

describe('the opaque encoding', () => {
  it('is invertible and canonical for every kind, on small and large rowids', () => {
    for (const kind of KINDS) {
      const seen = new Set<string>();
      for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 999, 1_000_000, 2 ** 40 + 12_345, 2 ** 48 - 1]) {
        const id = toApiId(kind, n);
        expect(id).toMatch(id.startsWith('id:') ? SPECIAL : PLAIN);
        expect(fromApiId(kind, id)).toBe(n);
        expect(toApiId(kind, n)).toBe(id);
        seen.add(id);
      }
      expect(seen.size).toBe(12);
      const wrong = Array.from({ length: 20_000 }, (_, n) => n).filter(
        (n) => fromApiId(kind, toApiId(kind, n)) !== n,
      );
      expect(wrong).toEqual([]);
    }
  });

  it('gives a few ids the form with characters that need care in a URL', () => {
    const special = (kind: IdKind) =>
      Array.from({ length: 100 }, (_, n) => toApiId(kind, n + 1)).filter((id) => id.startsWith('id:'));
    expect(special('campaign')).toHaveLength(50);
    expect(special('number')).toHaveLength(20);
    const [one] = special('number');
    for (const char of ['-', '_', '.', '~', ':']) expect(one).toContain(char);
    expect(encodeURIComponent(one)).not.toBe(one);
  });

  it('refuses what is not exactly an id of that kind: another kind, an integer, a changed digit, the other form', () => {
    const id = toApiId('number', 1);
    expect(fromApiId('campaign', id)).toBeNull();
    expect(fromApiId('number', 1)).toBeNull();
    expect(fromApiId('number', '1')).toBeNull();
    expect(fromApiId('number', id.toUpperCase())).toBeNull();
    expect(fromApiId('number', `${id.slice(0, 23)}${id[23] === '0' ? '1' : '0'}`)).toBeNull();
    expect(fromApiId('number', `${id.slice(0, 5)}${id[5] === '0' ? '1' : '0'}${id.slice(6)}`)).toBeNull();
    const special = toApiId('number', 2);
    const plainOfSpecial = special.slice(3).replace(/[-_.~]/g, '');
    expect(plainOfSpecial).toMatch(PLAIN);
    expect(fromApiId('number', plainOfSpecial)).toBeNull();
    expect(fromApiId('number', ` ${id}`)).toBeNull();
    expect(fromApiId('number', null)).toBeNull();
    expect(fromApiId('number', '')).toBeNull();
  });

  it('the integer style writes rowids and reads integers or numeric strings', () => {
    const ids = createIdCodec('integer');
    expect(ids.toApi('campaign', 7)).toBe(7);
    expect(ids.fromApi('campaign', '7')).toBe(7);
    expect(ids.fromApi('campaign', 7)).toBe(7);
    expect(ids.fromApi('campaign', toApiId('campaign', 7))).toBeNull();
  });

  it('SIPCALLER_ID_STYLE picks the style; anything else is refused at start-up', () => {
    expect(optionsFromEnv({}, null).idStyle).toBeUndefined();
    expect(optionsFromEnv({ SIPCALLER_ID_STYLE: 'opaque' }, null).idStyle).toBe('opaque');
    expect(optionsFromEnv({ SIPCALLER_ID_STYLE: ' Integer ' }, null).idStyle).toBe('integer');
    expect(() => optionsFromEnv({ SIPCALLER_ID_STYLE: 'uuid' }, null)).toThrow(/SIPCALLER_ID_STYLE/);
  });
});

describe('the emulator in the opaque style', () => {
  let server: SipCallerServer;
  let springRow: number;
  let spring: string;
  let otherCampaign: string;

  const get = (url: string) => server.app.inject({ method: 'GET', url, headers: auth() });
  const list = async <T>(url: string, params: Parameters<typeof listQuery>[0]) => {
    const response = await get(`${url}?${listQuery(params)}`);
    expect(response.statusCode, response.body).toBe(200);
    return { rows: json<T[]>(response), range: response.headers['content-range'] };
  };
  const newCampaign = async (name: string, numbers = 0) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/_emulator/campaigns',
      payload: { accountId: DEMO, name, type: 'Dynamic', status: 'Active', numbers, varCount: 1 },
    });
    expect(response.statusCode, response.body).toBe(201);
    return json<Campaign>(response);
  };

  beforeAll(async () => {
    server = await startServer({ idStyle: 'opaque' });
    springRow = campaignId(server, 'Spring Sale Callback');
    spring = toApiId('campaign', springRow);
    otherCampaign = toApiId('campaign', campaignId(server, 'Other Account Outreach', OTHER));
  });
  afterAll(() => server.close());

  it('answers campaigns with string ids for the campaign, its phone system, extension and tags', async () => {
    const { rows, range } = await list<Campaign>(campaignsUrl(), { sort: ['id', 'ASC'] });
    expect(range).toBe(`campaigns 0-${SEED_CAMPAIGNS.length - 1}/${SEED_CAMPAIGNS.length}`);
    for (const row of rows) {
      expect(typeof row.id).toBe('string');
      expect(fromApiId('campaign', row.id)).not.toBeNull();
      if (row.phoneSystemId !== null) expect(fromApiId('phoneSystem', row.phoneSystemId)).not.toBeNull();
      if (row.extensionId !== null) expect(fromApiId('extension', row.extensionId)).not.toBeNull();
      for (const tag of row.tagIds) expect(fromApiId('tag', tag)).not.toBeNull();
    }
    expect(rows.some((row) => String(row.id).startsWith('id:'))).toBe(true);
    expect(rows.find((row) => row.name === 'Spring Sale Callback')?.id).toBe(spring);
  });

  it('filters campaigns by string ids, phone system, extension and tags; ids of the other style match nothing', async () => {
    const { rows: all } = await list<Campaign>(campaignsUrl(), {});
    const [first, second] = all;
    const byIds = await list<Campaign>(campaignsUrl(), { filter: { ids: [second.id, first.id] } });
    expect(byIds.rows.map((row) => row.id)).toEqual([first.id, second.id]);
    expect((await list<Campaign>(campaignsUrl(), { filter: { ids: [springRow] } })).rows).toEqual([]);
    expect(
      (await list<Campaign>(campaignsUrl(), { filter: { ids: [String(springRow), 'nope'] } })).range,
    ).toBe('campaigns */0');
    const bySystem = await list<Campaign>(campaignsUrl(), { filter: { phoneSystemId: first.phoneSystemId } });
    expect(bySystem.rows.length).toBeGreaterThan(0);
    expect(bySystem.rows.every((row) => row.phoneSystemId === first.phoneSystemId)).toBe(true);
    const byExtension = await list<Campaign>(campaignsUrl(), {
      filter: { extensionId: [first.extensionId] },
    });
    expect(byExtension.rows.every((row) => row.extensionId === first.extensionId)).toBe(true);
    const tag = all.find((row) => row.tagIds.length > 0)?.tagIds[0];
    const byTag = await list<Campaign>(campaignsUrl(), { filter: { tagIds_ovl: [tag] } });
    expect(byTag.rows.length).toBeGreaterThan(0);
    expect(byTag.rows.every((row) => row.tagIds.includes(tag as string))).toBe(true);
    // An id of another kind names nothing.
    expect((await list<Campaign>(campaignsUrl(), { filter: { tagIds_ovl: [first.id] } })).rows).toEqual([]);
    // Values that are no id in any style are still a 400.
    const bad = await get(`${campaignsUrl()}?${listQuery({ filter: { ids: [{ id: 1 }] } })}`);
    expect(bad.statusCode).toBe(400);
  });

  it('lists, filters and sorts numbers with string ids', async () => {
    const { rows, range } = await list<CampaignNumber>(numbersUrl(encodeURIComponent(spring)), {
      range: [0, 9],
    });
    expect(range).toBe('numbers 0-9/1000');
    expect(rows.every((row) => typeof row.id === 'string')).toBe(true);
    expect(rows.some((row) => String(row.id).startsWith('id:'))).toBe(true);
    const picked = [rows[7].id, rows[2].id, rows[3].id];
    const byIds = await list<CampaignNumber>(numbersUrl(encodeURIComponent(spring)), {
      filter: { ids: picked },
    });
    expect(byIds.rows.map((row) => row.id)).toEqual([rows[2].id, rows[3].id, rows[7].id]);
    expect(byIds.range).toBe('numbers 0-2/3');
    // Sorted by id is creation order (the rowid), as an ObjectId sorts.
    const desc = await list<CampaignNumber>(numbersUrl(encodeURIComponent(spring)), {
      sort: ['id', 'DESC'],
      range: [990, 999],
    });
    expect(desc.rows.map((row) => row.id)).toEqual([...rows].reverse().map((row) => row.id));
  });

  it('finds a campaign by its id in the path, encoded or not; an integer or unknown id is a 404', async () => {
    const special = (await newCampaign('Opaque special')).id as string;
    const plain = (await newCampaign('Opaque plain')).id as string;
    expect([special, plain].filter((id) => id.startsWith('id:'))).toHaveLength(1);
    for (const id of [special, plain]) {
      for (const written of [id, encodeURIComponent(id)]) {
        const response = await get(`${numbersUrl(written)}?range=[0,0]`);
        expect(response.statusCode, `${written}: ${response.body}`).toBe(200);
      }
    }
    for (const id of [String(springRow), toApiId('number', springRow), `${spring}0`, otherCampaign]) {
      const response = await get(`${numbersUrl(encodeURIComponent(id))}?range=[0,0]`);
      expect(response.statusCode, id).toBe(404);
      expect(json<{ message: string }>(response).message).toMatch(/does not exist/);
    }
  });

  it('adds a number and answers it with a string id; deletes by string ids, answering them as sent', async () => {
    const campaign = await newCampaign('Opaque writes');
    const url = numbersUrl(encodeURIComponent(String(campaign.id)));
    const added: CampaignNumber[] = [];
    for (const number of ['+18005550101', '+18005550102', '+18005550103']) {
      const response = await server.app.inject({ method: 'POST', url, headers: auth(), payload: { number } });
      expect(response.statusCode, response.body).toBe(201);
      added.push(json<CampaignNumber>(response));
    }
    expect(added.every((row) => typeof row.id === 'string' && fromApiId('number', row.id) !== null)).toBe(
      true,
    );
    const body = [added[2].id, 12345, String(fromApiId('number', added[0].id)), added[0].id, added[0].id];
    const response = await server.app.inject({ method: 'DELETE', url, headers: auth(), payload: body });
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toEqual([added[2].id, added[0].id]);
    const { rows } = await list<CampaignNumber>(url, {});
    expect(rows.map((row) => row.id)).toEqual([added[1].id]);
    const refused = await server.app.inject({ method: 'DELETE', url, headers: auth(), payload: [null] });
    expect(refused.statusCode).toBe(400);
  });

  it('a number id of another campaign is left out of a DELETE, as an unknown one is', async () => {
    const { rows } = await list<CampaignNumber>(numbersUrl(encodeURIComponent(spring)), { range: [0, 0] });
    const campaign = await newCampaign('Opaque other');
    const response = await server.app.inject({
      method: 'DELETE',
      url: numbersUrl(encodeURIComponent(String(campaign.id))),
      headers: auth(),
      payload: [rows[0].id],
    });
    expect(json(response)).toEqual([]);
  });

  it('uploads into a campaign named by a special id', async () => {
    let campaign = await newCampaign('Opaque upload a');
    if (!String(campaign.id).startsWith('id:')) campaign = await newCampaign('Opaque upload b');
    expect(String(campaign.id)).toMatch(SPECIAL);
    const { payload, headers } = multipart('5550001,John\n5550002,Mary\n');
    const response = await server.app.inject({
      method: 'POST',
      url: `${numbersUrl(encodeURIComponent(String(campaign.id)))}/upload?varCount=1`,
      headers: { ...auth(), ...headers },
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toMatchObject({ inserted: 2, rejectedCount: 0 });
  });
});
