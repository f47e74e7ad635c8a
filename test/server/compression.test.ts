// Compression and caching: the build's .br / .gz copies picked by Accept-Encoding, immutable hashed
// assets and a revalidated index.html, and the API's JSON compressed on the fly above a threshold
// (never an upload's answer).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import { COMPRESS_THRESHOLD_BYTES, negotiateEncoding } from '../../server/compression.ts';
import { IMMUTABLE } from '../../server/routes/static.ts';
import {
  auth,
  campaignsUrl,
  createCampaign,
  listQuery,
  multipart,
  numbersUrl,
  startServer,
} from './helpers.ts';

const SCRIPT = `export const hello = ${JSON.stringify('hello '.repeat(2000))};\n`;

const varies = (headers: Record<string, unknown>): boolean =>
  String(headers.vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('accept-encoding');

describe('negotiating the encoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', null],
    ['', null],
    [undefined, null],
    ['deflate', null],
  ])('Accept-Encoding %j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('serving the build precompressed', () => {
  let dir: string;
  let server: SipCallerServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sipcaller-br-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>SIP Caller Console</title><div id="root"></div>',
    );
    const asset = join(dir, 'assets', 'index-abc123.js');
    writeFileSync(asset, SCRIPT);
    writeFileSync(`${asset}.br`, brotliCompressSync(SCRIPT));
    writeFileSync(`${asset}.gz`, gzipSync(SCRIPT));
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    server = await startServer({ staticDir: dir, seed: false });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers });

  it('sends the Brotli copy to a browser that accepts br', async () => {
    const response = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toContain('javascript');
    expect(varies(response.headers)).toBe(true);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(response.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('sends the gzip copy to one that accepts only gzip', async () => {
    const response = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(varies(response.headers)).toBe(true);
    expect(gunzipSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it.each<Record<string, string>>([{}, { 'accept-encoding': 'identity' }])(
    'sends the file itself otherwise (%j)',
    async (headers) => {
      const response = await get('/assets/index-abc123.js', headers);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(varies(response.headers)).toBe(true);
      expect(response.body).toBe(SCRIPT);
    },
  );

  it('keeps hashed assets for a year, whatever the encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await get('/assets/index-abc123.js', { 'accept-encoding': encoding });
      expect(response.headers['cache-control'], encoding).toBe(IMMUTABLE);
    }
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates index.html, at / and at every client route', async () => {
    for (const url of ['/', '/index.html', '/campaigns', '/campaigns/12/numbers/upload', '/login']) {
      const response = await get(url, { 'accept-encoding': 'br' });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toContain('<div id="root">');
    }
  });

  it('revalidates the files that keep their names (favicon)', async () => {
    const response = await get('/favicon.svg');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('never compresses a HEAD request body it does not send', async () => {
    const response = await server.app.inject({
      method: 'HEAD',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
  });
});

describe('compressing JSON on the fly', () => {
  let server: SipCallerServer;
  let campaign: number;

  beforeAll(async () => {
    server = await startServer();
    campaign = await createCampaign(server, { name: 'compressed', numbers: 200, varCount: 2 });
  });
  afterAll(async () => {
    await server.close();
  });

  const list = (encoding: string | undefined, range = '[0,99]') =>
    server.app.inject({
      method: 'GET',
      url: `${numbersUrl(campaign)}?${listQuery({ range })}`,
      headers: { ...auth(), ...(encoding === undefined ? {} : { 'accept-encoding': encoding }) },
    });

  it.each([
    ['br', (body: Buffer) => brotliDecompressSync(body)],
    ['gzip', (body: Buffer) => gunzipSync(body)],
  ])('compresses a big list answer with %s, Content-Range kept', async (encoding, decode) => {
    const plain = await list(undefined);
    const response = await list(encoding);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(varies(response.headers)).toBe(true);
    expect(response.headers['content-range']).toBe(plain.headers['content-range']);
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(decode(response.rawPayload).toString()).toBe(plain.body);
    expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('sends it as it is to a client that asks for identity, saying it varies', async () => {
    const response = await list('identity');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(varies(response.headers)).toBe(true);
    expect(() => JSON.parse(response.body)).not.toThrow();
  });

  it(`leaves answers under ${COMPRESS_THRESHOLD_BYTES} bytes alone`, async () => {
    const response = await list('br', '[0,0]');
    expect(response.rawPayload.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(response.headers['content-encoding']).toBeUndefined();
    const campaigns = await server.app.inject({
      method: 'GET',
      url: `${campaignsUrl()}?${listQuery({ range: '[0,0]' })}`,
      headers: { ...auth(), 'accept-encoding': 'br' },
    });
    expect(campaigns.headers['content-encoding']).toBeUndefined();
  });

  it("never compresses an upload's answer", async () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      i % 2 ? `+1800555${String(i).padStart(4, '0')},a,b` : `bad${i},a,b`,
    );
    const form = multipart(rows.join('\n'));
    const response = await server.app.inject({
      method: 'POST',
      url: `${numbersUrl(campaign)}/upload?varCount=2`,
      headers: { ...auth(), ...form.headers, 'accept-encoding': 'br, gzip' },
      payload: form.payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect((response.json() as { rejectedCount: number }).rejectedCount).toBe(150);
  });
});
