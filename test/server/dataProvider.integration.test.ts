// The console's data provider and authProvider against the real emulator, started in-process on a free
// port: the same code path as the browser (react-admin's fetchJson over Node's fetch), minus the DOM.
import { fetchUtils, HttpError } from 'react-admin';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from '../../server/app';
import { getSession, takeSignOutReason } from '../../src/auth/session';
import { createAuthProvider } from '../../src/authProvider';
import { createDataProvider, type SipCallerDataProvider, type XhrLike } from '../../src/dataProvider';
import { BUSY_RETRIES } from '../../src/dataProvider/http';
import type { Campaign, CampaignNumber } from '../../src/types';
import { listQueryCases } from '../fixtures/listQueryCases';

const DEMO_ACCOUNT = '1001';
const DEMO_TOKEN = 'integration-demo-token';

type Server = Awaited<ReturnType<typeof createServer>>;
let server: Server;
let apiUrl: string;
let admin: string;

/** Minimal Web Storage for Node, so the session code runs unchanged. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

/** XMLHttpRequest's surface over fetch (Node has no XHR): enough for the provider's upload code. */
class FetchXhr {
  status = 0;
  statusText = '';
  responseText = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  private method = 'GET';
  private url = '';
  private headers = new Headers();
  private controller = new AbortController();

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers.set(name, value);
  }
  abort() {
    this.controller.abort();
  }
  send(body: FormData) {
    fetch(this.url, {
      method: this.method,
      headers: this.headers,
      body,
      signal: this.controller.signal,
    }).then(
      async (response) => {
        this.status = response.status;
        this.statusText = response.statusText;
        this.responseText = await response.text();
        this.onload?.();
      },
      (error: unknown) => ((error as Error).name === 'AbortError' ? this.onabort?.() : this.onerror?.()),
    );
  }
}

const provider = (token = DEMO_TOKEN, accountId = DEMO_ACCOUNT): SipCallerDataProvider =>
  createDataProvider({
    apiUrl,
    accountId,
    getToken: () => token,
    xhrFactory: () => new FetchXhr() as unknown as XhrLike,
  });

const adminPost = async (path: string, body: unknown) => {
  const response = await fetch(`${admin}/_emulator${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok, `${path}: ${response.status} ${await response.clone().text()}`).toBe(true);
  return response.json();
};

/** A fresh Dynamic, Active campaign of the demo account, so each test owns its data. */
const newCampaign = async (numbers = 0, varCount = 0) =>
  (await adminPost('/campaigns', {
    accountId: DEMO_ACCOUNT,
    name: `Integration ${Math.random().toString(36).slice(2)}`,
    type: 'Dynamic',
    status: 'Active',
    numbers,
    varCount,
  })) as { id: number | string };

const page = (p: number, perPage: number, extra: Record<string, unknown> = {}) => ({
  pagination: { page: p, perPage },
  sort: { field: 'id', order: 'ASC' as const },
  filter: {},
  ...extra,
});

beforeAll(async () => {
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('localStorage', new MemoryStorage());
  server = await createServer({
    db: ':memory:',
    seed: true,
    demoAccountId: DEMO_ACCOUNT,
    demoToken: DEMO_TOKEN,
    admin: true,
    logger: false,
  });
  admin = await server.listen(0);
  apiUrl = `${admin}/v1`;
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await server?.close();
});

afterEach(async () => {
  sessionStorage.clear();
  localStorage.clear();
  await fetch(`${admin}/_emulator/faults/clear`, { method: 'POST' });
});

describe('campaigns', () => {
  it('lists the seeded campaigns with a total, filtered and sorted', async () => {
    const all = await provider().getList('campaigns', page(1, 100));
    expect(all.total).toBeGreaterThanOrEqual(12);
    expect(all.data.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Spring Sale Callback', 'New Leads Inbox', 'Quarterly Survey']),
    );

    const found = await provider().getList('campaigns', {
      ...page(1, 10),
      sort: { field: 'name', order: 'DESC' },
      filter: { name: 'spring sale', status: 'Active' },
    });
    expect(found.data.map((c) => c.name)).toContain('Spring Sale Callback');
    expect(found.data.every((c) => c.status === 'Active')).toBe(true);

    const dialer = await provider().getList('campaigns', {
      ...page(1, 100),
      filter: { 'dialer.mode': 'Predictive' },
    });
    expect(dialer.data.length).toBeGreaterThan(0);
    expect(dialer.data.every((c) => c.dialer.mode === 'Predictive')).toBe(true);
  });

  it('pages with inclusive ranges', async () => {
    const first = await provider().getList('campaigns', page(1, 2));
    const second = await provider().getList('campaigns', page(2, 2));
    const both = await provider().getList('campaigns', page(1, 4));
    expect(first.data).toHaveLength(2);
    expect([...first.data, ...second.data].map((c) => c.id)).toEqual(both.data.map((c) => c.id));
  });

  it('gets one and many through the ids filter; a missing one is a 404', async () => {
    const { data } = await provider().getList('campaigns', page(1, 3));
    const ids = data.map((c) => c.id);
    await expect(provider().getOne('campaigns', { id: String(ids[0]) })).resolves.toMatchObject({
      data: { id: ids[0] },
    });
    const many = await provider().getMany('campaigns', { ids });
    expect(many.data.map((c) => c.id).sort()).toEqual([...ids].sort());
    await expect(provider().getOne('campaigns', { id: 987654321 })).rejects.toMatchObject({ status: 404 });
  });

  it('answers a bad filter with a 400 HttpError carrying the server’s reason', async () => {
    const error = await provider()
      .getList('campaigns', { ...page(1, 5), filter: { nonsense: 1 } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/nonsense/);
  });
});

describe('lists without Content-Range (e.g. a proxy that does not expose it)', () => {
  const stripped = () =>
    createDataProvider({
      apiUrl,
      accountId: DEMO_ACCOUNT,
      getToken: () => DEMO_TOKEN,
      httpClient: async (url, options) => {
        const response = await fetchUtils.fetchJson(url, options);
        const headers = new Headers(response.headers);
        headers.delete('Content-Range');
        return { ...response, headers };
      },
    });

  it('pages by "next page" and sees every campaign once', async () => {
    const { data: all } = await provider().getList('campaigns', page(1, 1000));
    const dp = stripped();
    const seen: unknown[] = [];
    for (let p = 1; p < 100; p++) {
      const result = await dp.getList('campaigns', page(p, 5));
      expect(result.total).toBeUndefined();
      expect(result.pageInfo?.hasPreviousPage).toBe(p > 1);
      seen.push(...result.data.map((c) => c.id));
      if (!result.pageInfo?.hasNextPage) break;
    }
    expect(seen).toEqual(all.map((c) => c.id));
  });
});

describe('the shared list cases (test/fixtures/listQueryCases.ts) are accepted by the emulator', () => {
  it.each(listQueryCases.filter((c) => c.resource === 'campaigns'))('$name', async ({ path, query }) => {
    const response = await fetch(`${apiUrl}${path}?${query}`, {
      headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('Content-Range')).toMatch(/^campaigns /);
  });
});

describe('numbers', () => {
  it('add, find, get, delete many: the whole round trip', async () => {
    const campaign = await newCampaign();
    const dp = provider();
    const meta = { campaignId: campaign.id };
    const a = await dp.create('numbers', { data: { number: '+18005551234', varValues: [] }, meta });
    const b = await dp.create('numbers', { data: { number: '5550001', campaignId: campaign.id } });
    expect(a.data).toMatchObject({ number: '+18005551234', campaignId: campaign.id });
    expect(a.data.id).toBeDefined();

    const list = await dp.getList('numbers', { ...page(1, 10), meta });
    expect(list.total).toBe(2);
    expect(list.data.every((n) => n.campaignId === campaign.id)).toBe(true);

    const found = await dp.getList('numbers', {
      ...page(1, 10),
      filter: { campaignId: campaign.id, number: '5550001' },
    });
    expect(found.data.map((n) => n.id)).toEqual([b.data.id]);

    await expect(dp.getOne('numbers', { id: String(a.data.id), meta })).resolves.toMatchObject({
      data: { number: '+18005551234' },
    });

    const deleted = await dp.deleteMany('numbers', { ids: [a.data.id, b.data.id, 99999999], meta });
    expect(deleted.data?.map(String).sort()).toEqual([a.data.id, b.data.id].map(String).sort());
    await expect(dp.getList('numbers', { ...page(1, 10), meta })).resolves.toMatchObject({
      data: [],
      total: 0,
    });
  });

  it('lists more rows than one call may ask for (windows of 1000)', async () => {
    const campaign = await newCampaign(2300, 1);
    const result = await provider().getList('numbers', {
      ...page(1, 2500),
      meta: { campaignId: campaign.id },
    });
    expect(result.total).toBe(2300);
    expect(result.data).toHaveLength(2300);
    expect(new Set(result.data.map((n) => n.id)).size).toBe(2300);
  });

  it('getMany of 1500 ids (more than one range)', async () => {
    const campaign = await newCampaign(1600);
    const dp = provider();
    const meta = { campaignId: campaign.id };
    const { data } = await dp.getList('numbers', { ...page(1, 1600), meta });
    const ids = data.slice(0, 1500).map((n) => n.id);
    const many = await dp.getMany('numbers', { ids, meta });
    expect(many.data).toHaveLength(1500);
  });

  it('a create the campaign refuses is a 409 with the reason', async () => {
    const paused = (await adminPost('/campaigns', {
      accountId: DEMO_ACCOUNT,
      name: 'Integration paused',
      type: 'Dynamic',
      status: 'Paused',
    })) as { id: number };
    const error = await provider()
      .create('numbers', { data: { number: '5550001' }, meta: { campaignId: paused.id } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(409);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('uploads a CSV and counts what went in', async () => {
    const campaign = await newCampaign();
    const file = new Blob(['number,name,amount\n5550001,John,199\n5550002,Mary,299\nnot-a-number,X,1\n'], {
      type: 'text/csv',
    });
    const result = await provider().uploadNumbers(campaign.id, file, { firstRowIsHeader: true, varCount: 2 });
    expect(result.inserted).toBe(2);
    expect(result.rejectedCount).toBe(1);
    expect(result.rejected[0]).toMatchObject({ line: 4 });
    const list = await provider().getList('numbers', { ...page(1, 10), meta: { campaignId: campaign.id } });
    expect(list.data.map((n) => n.varValues)).toEqual([
      ['John', '199'],
      ['Mary', '299'],
    ]);
  });

  it('an upload with the wrong varCount inserts nothing and says why', async () => {
    const campaign = await newCampaign();
    const file = new Blob(['5550001,John,199\n'], { type: 'text/csv' });
    // CONTRACT.md says 400; the emulator rejects the line instead. Either way: nothing in, a reason out.
    const outcome = await provider()
      .uploadNumbers(campaign.id, file, { firstRowIsHeader: false, varCount: 5 })
      .catch((e) => e);
    if (outcome instanceof HttpError) {
      expect(outcome.status).toBe(400);
      expect(outcome.message).toMatch(/column|varCount|variable/i);
    } else {
      expect(outcome).toMatchObject({ inserted: 0, rejectedCount: 1, rejected: [{ line: 1 }] });
    }
    await expect(
      provider().getList('numbers', { ...page(1, 10), meta: { campaignId: campaign.id } }),
    ).resolves.toMatchObject({ total: 0 });
  });
});

describe('faults', () => {
  it('a 429 or 503 that outlasts the retries reaches the caller as an HttpError of that status', async () => {
    // One answer more than the read retries (BUSY_RETRIES), with Retry-After: 0 so the test does not wait.
    const count = BUSY_RETRIES + 1;
    await adminPost('/faults', { status: 503, count, retryAfter: 0, pathContains: '/campaigns' });
    await expect(provider().getList('campaigns', page(1, 1))).rejects.toMatchObject({ status: 503 });
    await adminPost('/faults', { status: 429, count, retryAfter: 0 });
    await expect(provider().getList('campaigns', page(1, 1))).rejects.toMatchObject({ status: 429 });
    await expect(provider().getList('campaigns', page(1, 1))).resolves.toHaveProperty('total');
  });

  it('a 503 on a read is retried after Retry-After and then succeeds', async () => {
    await adminPost('/faults', {
      status: 503,
      count: BUSY_RETRIES,
      retryAfter: 0,
      pathContains: '/campaigns',
    });
    await expect(provider().getList('campaigns', page(1, 1))).resolves.toHaveProperty('total');
  });

  it('a dropped connection is status 0 with the network key', async () => {
    await adminPost('/faults', { status: 500, count: 1, dropConnection: true });
    await expect(provider().getList('campaigns', page(1, 1))).rejects.toMatchObject({
      status: 0,
      message: 'app.errors.network',
    });
  });

  it('a server that is not there is status 0', async () => {
    const gone = createDataProvider({ apiUrl: 'http://127.0.0.1:9/v1', accountId: '1', getToken: () => 't' });
    await expect(gone.getList('campaigns', page(1, 1))).rejects.toMatchObject({ status: 0 });
  });
});

describe('sign-in', () => {
  const auth = createAuthProvider();

  it('signs in with the demo token and saves the session', async () => {
    await auth.login({ token: ` ${DEMO_TOKEN} `, accountId: DEMO_ACCOUNT, apiUrl, remember: false });
    expect(getSession()).toEqual({ token: DEMO_TOKEN, accountId: DEMO_ACCOUNT, apiUrl });
  });

  it.each([
    ['a wrong token', { token: 'wrong-token', accountId: DEMO_ACCOUNT }, 'app.auth.errors.rejected'],
    ['another account', { token: DEMO_TOKEN, accountId: '2002' }, 'app.auth.errors.forbidden'],
    [
      'an account that does not exist',
      { token: DEMO_TOKEN, accountId: '9999999' },
      'app.auth.errors.unknownAccount',
    ],
  ])('rejects %s', async (_name, params, key) => {
    await expect(auth.login({ ...params, apiUrl })).rejects.toThrow(new Error(key));
    expect(getSession()).toBeNull();
  });

  it('rejects an API URL where nothing answers', async () => {
    await expect(
      auth.login({ token: DEMO_TOKEN, accountId: DEMO_ACCOUNT, apiUrl: 'http://127.0.0.1:9/v1' }),
    ).rejects.toThrow(new Error('app.auth.errors.unreachable'));
  });

  it('a token revoked mid-session: the next call is a 401 and checkError signs out with the reason', async () => {
    const token = 'integration-revoked-token';
    // The emulator takes its demo token from the options; revoking a copy would need a second server,
    // so revoke the demo token on a dedicated server.
    const other = await createServer({
      db: ':memory:',
      seed: true,
      demoAccountId: DEMO_ACCOUNT,
      demoToken: token,
      admin: true,
      logger: false,
    });
    try {
      const base = await other.listen(0);
      await auth.login({ token, accountId: DEMO_ACCOUNT, apiUrl: `${base}/v1`, remember: true });
      const response = await fetch(`${base}/_emulator/revoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      expect(response.ok).toBe(true);
      const dp = createDataProvider({ apiUrl: `${base}/v1`, accountId: DEMO_ACCOUNT, getToken: () => token });
      const error = await dp.getList('campaigns', page(1, 1)).catch((e) => e);
      expect(error.status).toBe(401);
      await expect(auth.checkError(error)).rejects.toMatchObject({ redirectTo: '/login' });
      expect(getSession()).toBeNull();
      expect(takeSignOutReason()).toBe('app.auth.errors.revoked');
    } finally {
      await other.close();
    }
  });
});

describe('against an emulator that answers opaque string ids (SIPCALLER_ID_STYLE=opaque)', () => {
  let opaque: Server;
  let opaqueApiUrl: string;
  const opaqueProvider = () =>
    createDataProvider({
      apiUrl: opaqueApiUrl,
      accountId: DEMO_ACCOUNT,
      getToken: () => DEMO_TOKEN,
      xhrFactory: () => new FetchXhr() as unknown as XhrLike,
    });

  beforeAll(async () => {
    opaque = await createServer({
      db: ':memory:',
      demoAccountId: DEMO_ACCOUNT,
      demoToken: DEMO_TOKEN,
      idStyle: 'opaque',
    });
    opaqueApiUrl = `${await opaque.listen(0)}/v1`;
  });
  afterAll(() => opaque?.close());

  it('gets a campaign by an id with -_.~: in it, lists, gets many, creates, uploads and deletes: strings stay strings', async () => {
    const dp = opaqueProvider();
    const { data: campaigns } = await dp.getList<Campaign>('campaigns', {
      ...page(1, 50),
      filter: { type: 'Dynamic', status: 'Active' },
    });
    expect(campaigns.every((row) => typeof row.id === 'string')).toBe(true);
    const special = campaigns.find((row) => /[-_.~:]/.test(String(row.id)));
    expect(special, JSON.stringify(campaigns.map((row) => row.id))).toBeDefined();
    const campaignId = special?.id as string;
    await expect(dp.getOne<Campaign>('campaigns', { id: campaignId })).resolves.toMatchObject({
      data: { id: campaignId, name: special?.name },
    });

    const meta = { campaignId };
    const created = await dp.create<CampaignNumber>('numbers', {
      data: { number: '+18005550199', varValues: ['A'] },
      meta,
    });
    expect(typeof created.data.id).toBe('string');
    expect(created.data.campaignId).toBe(campaignId);
    const uploaded = await dp.uploadNumbers(campaignId, new Blob(['5550001,B\n5550002,C\n']), {
      firstRowIsHeader: false,
      varCount: 1,
    });
    expect(uploaded).toMatchObject({ inserted: 2 });
    const latest = await dp.getList<CampaignNumber>('numbers', {
      ...page(1, 3),
      sort: { field: 'id', order: 'DESC' },
      meta,
    });
    expect(latest.data.map((row) => row.number)).toEqual(['5550002', '5550001', '+18005550199']);
    const ids = latest.data.map((row) => row.id);
    const many = await dp.getMany<CampaignNumber>('numbers', { ids, meta });
    expect(many.data.map((row) => row.id).sort()).toEqual([...ids].sort());
    const deleted = await dp.deleteMany('numbers', { ids: [...ids, 'not-an-id'], meta });
    expect(deleted.data).toEqual(ids);
    await expect(dp.getOne('numbers', { id: created.data.id, meta })).rejects.toMatchObject({ status: 404 });
  });
});
