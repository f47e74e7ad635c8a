// The proxy (SIPCALLER_API_URL) in front of an upstream this test controls: hop-by-hop headers stop
// at the proxy both ways, a slow upstream is a 504 with a message, bodies over the emulator's limits
// are refused (declared or chunked), Content-Range and Retry-After come back as sent (a 503 is never
// retried by the proxy), and Authorization never reaches the log.
import { createServer as createHttpServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import { JSON_BODY_LIMIT_BYTES } from '../../src/contract.ts';
import { auth, campaignsUrl, multipart, numbersUrl, startServer } from './helpers.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  bytes: number;
}

/** An upstream that records each request and answers what the test asks for. */
const startUpstream = async () => {
  const seen: Seen[] = [];
  let answer: (req: Seen, res: import('node:http').ServerResponse) => void = (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('[]');
  };
  const server: Server = createHttpServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('end', () => {
      const record = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytes };
      seen.push(record);
      answer(record, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    seen,
    answer(next: typeof answer) {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

type Upstream = Awaited<ReturnType<typeof startUpstream>>;

/** A raw HTTP/1.1 request (fetch refuses Connection, TE, Upgrade and chunked bodies of our choosing). */
const raw = (
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string | number>; chunks?: Buffer[] },
) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const { port } = new URL(url);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', (error) => {
      // The proxy may answer 413 and close before the whole body was written.
      if (
        (error as NodeJS.ErrnoException).code === 'EPIPE' ||
        (error as NodeJS.ErrnoException).code === 'ECONNRESET'
      )
        return;
      reject(error);
    });
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });

describe('the proxy', () => {
  let upstream: Upstream;
  let proxy: SipCallerServer;
  let proxyUrl: string;
  const log: string[] = [];
  const UPLOAD_LIMIT = 100 * 1024;

  beforeAll(async () => {
    upstream = await startUpstream();
    proxy = await startServer({
      proxyApiUrl: upstream.url,
      seed: false,
      uploadLimitBytes: UPLOAD_LIMIT,
      proxyTimeoutMs: 400,
      logStream: new Writable({
        write(chunk, _encoding, callback) {
          log.push(String(chunk));
          callback();
        },
      }),
    });
    proxyUrl = await proxy.listen(0);
  });
  afterEach(() => {
    upstream.seen.length = 0;
    upstream.answer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('[]');
    });
  });
  afterAll(async () => {
    // The upstream first: its unanswered requests would hold the proxy's connection pool open.
    await upstream.close();
    await proxy.close();
  });

  it('drops hop-by-hop request headers, and those the Connection header names', async () => {
    const response = await raw(proxyUrl, {
      path: campaignsUrl(),
      headers: {
        ...auth('hop-token'),
        connection: 'keep-alive, X-Private-Hop',
        'keep-alive': 'timeout=5',
        'x-private-hop': 'secret',
        te: 'trailers',
        upgrade: 'websocket',
        'proxy-authorization': 'Basic cHJveHk6cHJveHk=',
        'proxy-connection': 'keep-alive',
        'x-kept': 'yes',
      },
    });
    expect(response.status).toBe(200);
    const [forwarded] = upstream.seen;
    for (const name of [
      'keep-alive',
      'x-private-hop',
      'te',
      'upgrade',
      'proxy-authorization',
      'proxy-connection',
    ]) {
      expect(forwarded.headers[name], name).toBeUndefined();
    }
    expect(forwarded.headers.connection ?? 'keep-alive').toMatch(/^(keep-alive|close)$/i);
    expect(forwarded.headers.authorization).toBe('Bearer hop-token');
    expect(forwarded.headers['x-kept']).toBe('yes');
  });

  it("drops the upstream's hop-by-hop headers and applies its own security headers", async () => {
    upstream.answer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('connection', 'keep-alive, X-Upstream-Hop');
      res.setHeader('x-upstream-hop', 'internal');
      res.setHeader('keep-alive', 'timeout=99');
      res.setHeader('proxy-authenticate', 'Basic realm="upstream"');
      res.setHeader('upgrade', 'h2c');
      res.setHeader('trailer', 'X-Checksum');
      res.setHeader('content-security-policy', 'default-src *');
      res.setHeader('x-frame-options', 'SAMEORIGIN');
      res.setHeader('x-request-id', 'abc');
      res.end('[]');
    });
    const response = await proxy.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth() });
    expect(response.statusCode).toBe(200);
    for (const name of ['x-upstream-hop', 'keep-alive', 'proxy-authenticate', 'upgrade', 'trailer']) {
      expect(response.headers[name], name).toBeUndefined();
    }
    expect(response.headers['x-request-id']).toBe('abc');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('passes Content-Range and Retry-After back, and never retries a 503 itself', async () => {
    upstream.answer((_req, res) => {
      res.statusCode = 503;
      res.setHeader('content-type', 'application/json');
      res.setHeader('retry-after', '7');
      res.end('{"message":"Busy"}');
    });
    const started = Date.now();
    const busy = await proxy.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth() });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('7');
    expect(busy.json()).toEqual({ message: 'Busy' });
    expect(upstream.seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(3000);

    upstream.answer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('content-range', 'campaigns 0-0/42');
      res.end('[{"id":1}]');
    });
    const list = await proxy.app.inject({
      method: 'GET',
      url: `${campaignsUrl()}?range=[0,0]`,
      headers: auth(),
    });
    expect(list.headers['content-range']).toBe('campaigns 0-0/42');
  });

  it('answers 504 with a message when the upstream does not answer in time', async () => {
    upstream.answer(() => {
      // Never answers: the proxy's time-out (400 ms here, SIPCALLER_PROXY_TIMEOUT_MS) ends it.
    });
    const response = await proxy.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth() });
    expect(response.statusCode).toBe(504);
    expect(response.headers['content-type']).toContain('application/json');
    expect((response.json() as { message: string }).message).toMatch(
      /^The SIP Caller API at http:\/\/127\.0\.0\.1:\d+ did not answer within 0\.4 s\.$/,
    );
  });

  it(`refuses a JSON body over the emulator's ${JSON_BODY_LIMIT_BYTES / 1024 / 1024} MB before sending it on`, async () => {
    const body = JSON.stringify(Array.from({ length: JSON_BODY_LIMIT_BYTES / 4 }, (_, i) => i));
    expect(body.length).toBeGreaterThan(JSON_BODY_LIMIT_BYTES);
    const response = await proxy.app.inject({
      method: 'DELETE',
      url: numbersUrl(5),
      headers: { ...auth(), 'content-type': 'application/json' },
      payload: body,
    });
    expect(response.statusCode).toBe(413);
    expect((response.json() as { message: string }).message).toBe('The request body is larger than 1 MB.');
    expect(upstream.seen).toHaveLength(0);
  });

  it('refuses an upload over the upload limit, declared or chunked; a smaller one goes through', async () => {
    const big = multipart(Buffer.alloc(UPLOAD_LIMIT + 80 * 1024, 'a'));
    const declared = await proxy.app.inject({
      method: 'POST',
      url: `${numbersUrl(5)}/upload`,
      headers: { ...auth(), ...big.headers },
      payload: big.payload,
    });
    expect(declared.statusCode).toBe(413);
    expect((declared.json() as { message: string }).message).toBe(
      'The file is larger than the upload limit of 100 KB.',
    );
    expect(upstream.seen).toHaveLength(0);

    const chunks = Array.from({ length: 12 }, (_, i) => big.payload.subarray(i * 16384, (i + 1) * 16384));
    const chunked = await raw(proxyUrl, {
      method: 'POST',
      path: `${numbersUrl(5)}/upload`,
      headers: { ...auth(), ...big.headers, 'transfer-encoding': 'chunked' },
      chunks: [...chunks, big.payload.subarray(12 * 16384)],
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual({
      message: 'The file is larger than the upload limit of 100 KB.',
    });
    // The upstream never got the whole body.
    expect(upstream.seen.every((seen) => seen.bytes < big.payload.length)).toBe(true);

    upstream.seen.length = 0;
    upstream.answer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"inserted":1,"rejectedCount":0,"rejected":[]}');
    });
    const small = multipart('+18005551234\n');
    const accepted = await proxy.app.inject({
      method: 'POST',
      url: `${numbersUrl(5)}/upload`,
      headers: { ...auth(), ...small.headers },
      payload: small.payload,
    });
    expect(accepted.statusCode).toBe(200);
    expect(upstream.seen[0].bytes).toBe(small.payload.length);
  });

  it('never writes Authorization into its log', async () => {
    const token = 'never-log-this-token-4711';
    await proxy.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth(token) });
    upstream.answer(() => undefined);
    await proxy.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth(token) });
    const dead = await startServer({
      proxyApiUrl: 'http://127.0.0.1:9/v1',
      seed: false,
      logStream: new Writable({
        write(chunk, _encoding, callback) {
          log.push(String(chunk));
          callback();
        },
      }),
    });
    try {
      const unreachable = await dead.app.inject({ method: 'GET', url: campaignsUrl(), headers: auth(token) });
      expect(unreachable.statusCode).toBe(502);
    } finally {
      await dead.close();
    }
    const text = log.join('');
    expect(text).toContain('"statusCode":504');
    expect(text).toContain('"statusCode":502');
    expect(text).not.toContain(token);
  });
});
