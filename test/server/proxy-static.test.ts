// Proxy mode (pointed at a second in-process emulator) and serving the built console.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import type { Campaign, CampaignNumber } from '../../src/types.ts';
import {
  auth,
  campaignsUrl,
  countNumbers,
  createCampaign,
  DEMO_TOKEN,
  multipart,
  numbersUrl,
  OTHER,
  startServer,
} from './helpers.ts';

describe('proxy mode', () => {
  let upstream: SipCallerServer;
  let proxy: SipCallerServer;
  let proxyUrl: string;

  beforeAll(async () => {
    upstream = await startServer();
    const upstreamUrl = await upstream.listen(0);
    // The proxy's own database has other tokens: only the upstream can accept DEMO_TOKEN.
    proxy = await startServer({
      proxyApiUrl: `${upstreamUrl}/v1`,
      demoToken: 'proxy-only',
      otherToken: 'proxy-other',
    });
    proxyUrl = await proxy.listen(0);
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('passes Authorization up and Content-Range back', async () => {
    const response = await fetch(`${proxyUrl}${campaignsUrl()}?range=${encodeURIComponent('[0,2]')}`, {
      headers: auth(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toMatch(/^campaigns 0-2\/\d+$/);
    expect(((await response.json()) as Campaign[]).length).toBe(3);
  });

  it("passes the upstream's errors through unchanged", async () => {
    const missing = await fetch(`${proxyUrl}${campaignsUrl()}`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { message: string }).message).toContain('Authorization');
    const forbidden = await fetch(`${proxyUrl}${campaignsUrl(OTHER)}`, { headers: auth() });
    expect(forbidden.status).toBe(403);
  });

  it('exposes Content-Range to a browser origin', async () => {
    const response = await fetch(`${proxyUrl}${campaignsUrl()}`, {
      headers: { ...auth(), origin: 'http://localhost:5173' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')).toBe('Content-Range');
  });

  it('forwards list parameters sent as a form-encoded GET body (curl --data-urlencode)', async () => {
    const { request } = await import('node:http');
    const body = new URLSearchParams({ filter: '{"status":"Paused"}', range: '[0,0]' }).toString();
    const { port } = new URL(proxyUrl);
    const result = await new Promise<{ status: number; range: string | undefined; body: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'GET',
            path: campaignsUrl(),
            headers: {
              ...auth(),
              'content-type': 'application/x-www-form-urlencoded',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => {
              text += chunk;
            });
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                range: res.headers['content-range'] as string,
                body: text,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
    expect(result.status).toBe(200);
    expect(result.range).toMatch(/^campaigns 0-0\/\d+$/);
    expect((JSON.parse(result.body) as Campaign[])[0].status).toBe('Paused');
  });

  it('streams JSON bodies, uploads and deletes through', async () => {
    const campaign = await createCampaign(upstream, { name: 'via proxy' });
    const added = await fetch(`${proxyUrl}${numbersUrl(campaign)}`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ number: '+18005551234', varValues: ['John'] }),
    });
    expect(added.status).toBe(201);
    const record = (await added.json()) as CampaignNumber;

    const rows = Array.from({ length: 20_000 }, (_, i) => `+1${7000000000 + i},N${i}`).join('\n');
    const form = multipart(rows);
    const uploaded = await fetch(`${proxyUrl}${numbersUrl(campaign)}/upload?varCount=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_TOKEN}`, ...form.headers },
      body: new Uint8Array(form.payload),
    });
    expect(await uploaded.json()).toEqual({ inserted: 20_000, rejectedCount: 0, rejected: [] });

    const deleted = await fetch(`${proxyUrl}${numbersUrl(campaign)}`, {
      method: 'DELETE',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify([record.id]),
    });
    expect(await deleted.json()).toEqual([record.id]);
    expect(countNumbers(upstream, campaign)).toBe(20_000);
    // Nothing of this reached the proxy's own (unused) database.
    expect(countNumbers(proxy, campaign)).toBe(0);
  });

  it('answers 502 with a message when the API cannot be reached', async () => {
    const dead = await startServer({ proxyApiUrl: 'http://127.0.0.1:9/v1', seed: false });
    try {
      const response = await dead.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth() });
      expect(response.statusCode).toBe(502);
      expect((response.json() as { message: string }).message).toContain('could not be reached');
    } finally {
      await dead.close();
    }
  });
});

describe('serving the built console', () => {
  let dir: string;
  let server: SipCallerServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sipcaller-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>SIP Caller Console</title><div id="root"></div>',
    );
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
    server = await startServer({ staticDir: dir, seed: false });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers });

  it('serves index.html at / without caching it', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('SIP Caller Console');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves fingerprinted assets as immutable', async () => {
    const response = await get('/assets/index-abc123.js');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1);');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it.each(['/campaigns', '/campaigns/12/show', '/campaigns/12/numbers/upload', '/login'])(
    'answers the app route %s with index.html',
    async (path) => {
      const response = await get(path, { accept: 'text/html' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
    },
  );

  it('answers a missing file and unknown API paths with a JSON 404, never the app', async () => {
    for (const path of ['/assets/missing.js', '/favicon.ico', '/v1/unknown', '/v1', '/_emulator/nothing']) {
      const response = await get(path);
      expect(response.statusCode, path).toBe(404);
      expect((response.json() as { message: string }).message).toContain('Not found');
    }
  });

  it('still serves the API beside the app', async () => {
    const response = await get(campaignsUrl(), auth());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-range']).toBe('campaigns */0');
  });

  it('does without a build: no static files, the API still answers', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sipcaller-nodist-'));
    const bare = await startServer({ staticDir: empty, seed: false });
    try {
      expect(bare.staticServed).toBe(false);
      expect((await bare.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
