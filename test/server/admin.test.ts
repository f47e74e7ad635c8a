// The /_emulator helpers for tests and benchmarks: campaigns, token revocation, injected faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import type { Campaign } from '../../src/types.ts';
import { auth, campaignsUrl, countNumbers, DEMO, numbersUrl, startServer } from './helpers.ts';

let server: SipCallerServer;
beforeAll(async () => {
  server = await startServer({ seed: false });
});
afterAll(() => server.close());

const post = (url: string, payload: unknown) =>
  server.app.inject({ method: 'POST', url, payload: payload as object });

describe('POST /_emulator/campaigns', () => {
  it('creates a campaign with seeded numbers and answers the record', async () => {
    const response = await post('/_emulator/campaigns', {
      accountId: DEMO,
      name: 'Bench',
      type: 'Dynamic',
      status: 'Active',
      dialerMode: 'Predictive',
      numbers: 2500,
      varCount: 3,
      tagIds: [4],
      startDate: '2026-12-01T09:00:00',
    });
    expect(response.statusCode, response.body).toBe(201);
    const campaign = response.json() as Campaign;
    expect(campaign).toMatchObject({
      name: 'Bench',
      type: 'Dynamic',
      status: 'Active',
      dialer: { mode: 'Predictive' },
      tagIds: [4],
      startDate: '2026-12-01T09:00:00',
    });
    expect(countNumbers(server, campaign.id as number)).toBe(2500);
    const list = await server.app.inject({
      method: 'GET',
      url: `${numbersUrl(campaign.id)}?range=[0,0]`,
      headers: auth(),
    });
    expect(list.headers['content-range']).toBe('numbers 0-0/2500');
    const [first] = list.json() as { varValues: string[]; number: string }[];
    expect(first.varValues).toHaveLength(3);
    expect(first.number).toMatch(/^\+1\d{10}$/);
  });

  it.each([
    [{ name: 'x', type: 'Dynamic', status: 'Active' }, 400],
    [{ accountId: '4242', name: 'x', type: 'Dynamic', status: 'Active' }, 404],
    [{ accountId: DEMO, name: '', type: 'Dynamic', status: 'Active' }, 400],
    [{ accountId: DEMO, name: 'x', type: 'Hybrid', status: 'Active' }, 400],
    [{ accountId: DEMO, name: 'x', type: 'Dynamic', status: 'Running' }, 400],
    [{ accountId: DEMO, name: 'x', type: 'Dynamic', status: 'Active', numbers: -1 }, 400],
    [{ accountId: DEMO, name: 'x', type: 'Dynamic', status: 'Active', varCount: 21 }, 400],
    [{ accountId: DEMO, name: 'x', type: 'Dynamic', status: 'Active', colour: 'red' }, 400],
  ])('rejects %j', async (payload, status) => {
    const response = await post('/_emulator/campaigns', payload);
    expect(response.statusCode).toBe(status);
    expect(typeof (response.json() as { message: string }).message).toBe('string');
  });
});

describe('POST /_emulator/faults', () => {
  it('answers the next matching requests with the status and Retry-After, then recovers', async () => {
    expect(
      (await post('/_emulator/faults', { status: 503, count: 2, retryAfter: 3, pathContains: '/campaigns' }))
        .statusCode,
    ).toBe(200);
    for (let i = 0; i < 2; i++) {
      const response = await server.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth() });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('3');
      expect((response.json() as { message: string }).message).toContain('503');
    }
    expect(
      (await server.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth() })).statusCode,
    ).toBe(200);
  });

  it('only hits requests whose path contains pathContains', async () => {
    await post('/_emulator/faults', { status: 429, count: 1, pathContains: '/upload' });
    expect(
      (await server.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth() })).statusCode,
    ).toBe(200);
    await post('/_emulator/faults/clear', {});
    expect((await server.app.inject({ method: 'POST', url: `${numbersUrl(1)}/upload` })).statusCode).not.toBe(
      429,
    );
  });

  it('drops the connection when asked', async () => {
    const url = await server.listen(0);
    await post('/_emulator/faults', { status: 500, count: 1, dropConnection: true });
    await expect(fetch(`${url}${campaignsUrl()}`, { headers: auth() })).rejects.toThrow();
    expect((await fetch(`${url}${campaignsUrl()}`, { headers: auth() })).status).toBe(200);
  });

  it('never touches preflight requests or non-API paths', async () => {
    await post('/_emulator/faults', { status: 500, count: 5 });
    const preflight = await server.app.inject({
      method: 'OPTIONS',
      url: campaignsUrl(),
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect((await post('/_emulator/faults/clear', undefined)).json()).toEqual({ cleared: true });
    expect(
      (await server.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth() })).statusCode,
    ).toBe(200);
  });

  it.each([{}, { status: 200 }, { status: 503, count: 0 }, { status: 503, dropConnection: 'yes' }])(
    'rejects %j',
    async (payload) => {
      expect((await post('/_emulator/faults', payload)).statusCode).toBe(400);
    },
  );
});

describe('without admin', () => {
  it('has no /_emulator endpoints', async () => {
    const plain = await startServer({ admin: false, seed: false });
    try {
      const response = await plain.app.inject({
        method: 'POST',
        url: '/_emulator/campaigns',
        payload: { accountId: DEMO, name: 'x', type: 'Dynamic', status: 'Active' },
      });
      expect(response.statusCode).toBe(404);
      await plain.app.inject({
        method: 'POST',
        url: '/_emulator/faults',
        payload: { status: 500, count: 1 },
      });
      expect(
        (await plain.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth() })).statusCode,
      ).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
