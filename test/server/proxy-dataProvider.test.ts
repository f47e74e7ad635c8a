// The console's data provider (src/dataProvider) through the proxy (SIPCALLER_API_URL) to a second,
// in-process emulator: what an operator's browser does when the console is deployed in front of the
// real API. Lists with their Content-Range totals, one number added, an upload, a delete, and a busy
// API whose Retry-After reaches the provider through the proxy.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import { createDataProvider, type SipCallerDataProvider, type XhrLike } from '../../src/dataProvider';
import { DEMO, DEMO_TOKEN, startServer } from './helpers.ts';

/** XMLHttpRequest's surface over fetch (Node has no XHR): enough for the provider's upload. */
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

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers.set(name, value);
  }
  abort() {}
  send(body: FormData) {
    fetch(this.url, { method: this.method, headers: this.headers, body }).then(
      async (response) => {
        this.status = response.status;
        this.statusText = response.statusText;
        this.responseText = await response.text();
        this.onload?.();
      },
      () => this.onerror?.(),
    );
  }
}

describe('the data provider through the proxy', () => {
  let upstream: SipCallerServer;
  let upstreamUrl: string;
  let proxy: SipCallerServer;
  let provider: SipCallerDataProvider;
  const onBusy = vi.fn();

  beforeAll(async () => {
    upstream = await startServer();
    upstreamUrl = await upstream.listen(0);
    // The proxy's own database knows other tokens: only the upstream accepts DEMO_TOKEN.
    proxy = await startServer({
      proxyApiUrl: `${upstreamUrl}/v1`,
      demoToken: 'proxy-only',
      otherToken: 'proxy-other',
    });
    const proxyUrl = await proxy.listen(0);
    provider = createDataProvider({
      apiUrl: `${proxyUrl}/v1`,
      accountId: DEMO,
      getToken: () => DEMO_TOKEN,
      onBusy,
      xhrFactory: () => new FetchXhr() as unknown as XhrLike,
    });
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  const admin = async (path: string, body: unknown) => {
    const response = await fetch(`${upstreamUrl}/_emulator${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.ok).toBe(true);
    return response.json() as Promise<{ id: number }>;
  };

  const page = (perPage: number, campaignId?: number) => ({
    pagination: { page: 1, perPage },
    sort: { field: 'id', order: 'ASC' as const },
    filter: {},
    ...(campaignId === undefined ? {} : { meta: { campaignId } }),
  });

  it('lists campaigns with the total of their Content-Range', async () => {
    const { data, total } = await provider.getList('campaigns', page(5));
    expect(data).toHaveLength(5);
    expect(total).toBeGreaterThanOrEqual(12);
    const one = await provider.getOne('campaigns', { id: data[0].id });
    expect(one.data.name).toBe(data[0].name);
  });

  it('pages a large campaign, adds, uploads and deletes numbers', async () => {
    const campaign = await admin('/campaigns', {
      accountId: DEMO,
      name: 'Through the proxy',
      type: 'Dynamic',
      status: 'Active',
      numbers: 2500,
      varCount: 1,
    });
    const first = await provider.getList('numbers', page(1000, campaign.id));
    expect(first.data).toHaveLength(1000);
    expect(first.total).toBe(2500);

    const created = await provider.create('numbers', {
      data: { number: '+18005550199', varValues: ['Ann'] },
      meta: { campaignId: campaign.id },
    });
    expect(created.data).toMatchObject({ number: '+18005550199', varValues: ['Ann'] });

    const uploaded = await provider.uploadNumbers(
      campaign.id,
      new Blob(['+18005550200,Bob\nnot a number,X\n']),
      {
        firstRowIsHeader: false,
        varCount: 1,
      },
    );
    expect(uploaded).toMatchObject({ inserted: 1, rejectedCount: 1 });

    const deleted = await provider.deleteMany('numbers', {
      ids: [created.data.id],
      meta: { campaignId: campaign.id },
    });
    expect(deleted.data).toEqual([created.data.id]);
    expect((await provider.getList('numbers', page(1, campaign.id))).total).toBe(2501);
  });

  it('waits for a busy API by the Retry-After the proxy passes on, and says so', async () => {
    await admin('/faults', { status: 503, count: 1, retryAfter: 0, pathContains: '/campaigns' });
    onBusy.mockClear();
    const { total } = await provider.getList('campaigns', page(1));
    expect(total).toBeGreaterThanOrEqual(12);
    expect(onBusy).toHaveBeenCalledTimes(1);
  });

  it('gets the API’s refusals as they are', async () => {
    await expect(provider.getOne('campaigns', { id: 987654321 })).rejects.toMatchObject({ status: 404 });
  });
});
