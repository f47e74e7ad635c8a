// The security headers (server/security.ts) on every kind of response: the console's page and
// assets, the API, errors and preflights; the per-response nonce; connect-src from every setting;
// HSTS only over HTTPS or behind a trusted proxy that says so.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SipCallerServer } from '../../server/app.ts';
import { optionsFromEnv, trustProxyFromEnv } from '../../server/env.ts';
import {
  CONNECT_SRC_META,
  connectSources,
  HSTS,
  NONCE_PLACEHOLDER,
  securityHeaders,
} from '../../server/security.ts';
import { auth, campaignsUrl, startServer } from './helpers.ts';

const INDEX = `<!doctype html><html><head>
<meta name="${CONNECT_SRC_META}" content="'self' https://build.example.com" />
<meta property="csp-nonce" nonce="${NONCE_PLACEHOLDER}">
<script type="module" crossorigin src="/assets/index-abc.js" nonce="${NONCE_PLACEHOLDER}"></script>
</head><body><div id="root"></div></body></html>`;

const nonceOfCsp = (csp: string): string => /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';

/** The response's security headers, keyed by the names securityHeaders() uses. */
const securityPart = (headers: Record<string, unknown>): Record<string, string> => {
  const names = Object.keys(securityHeaders({ connectSrc: [], nonce: 'x', https: true }));
  const found: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name.toLowerCase()];
    if (value !== undefined) found[name] = String(value);
  }
  return found;
};

describe('security headers', () => {
  let dir: string;
  let server: SipCallerServer;
  const connectSrc = ['https://build.example.com', 'https://api.example.com', 'https://other.example.org'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sipcaller-sec-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1);');
    server = await startServer({
      staticDir: dir,
      seed: false,
      connectSrc: ['https://api.example.com/v1', 'https://other.example.org'],
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers });

  it.each([
    ['the page', '/', {}],
    ['a client route (SPA fallback)', '/campaigns/12/show', {}],
    ['an asset', '/assets/index-abc.js', {}],
    ['an API answer', campaignsUrl(), auth()],
    ['an API error', campaignsUrl(), {}],
    ['a JSON 404', '/assets/missing.js', {}],
  ])('%s carries exactly the list of server/security.ts', async (_what, url, headers) => {
    const response = await get(url, headers);
    const csp = String(response.headers['content-security-policy']);
    expect(securityPart(response.headers)).toEqual(
      securityHeaders({ connectSrc, nonce: nonceOfCsp(csp), https: false }),
    );
  });

  it('a CORS preflight is answered with them too', async () => {
    const response = await server.app.inject({
      method: 'OPTIONS',
      url: campaignsUrl(),
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the policy the issue asks for', async () => {
    const csp = String((await get('/')).headers['content-security-policy']);
    const directives = Object.fromEntries(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'self'"]);
    expect(directives['worker-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'", ...connectSrc]);
    expect(directives['style-src']).toEqual([
      "'self'",
      expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}=='$/),
    ]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const headers = (await get('/')).headers;
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['permissions-policy']).toContain('microphone=()');
    expect(headers['permissions-policy']).toContain('geolocation=()');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('renders index.html with a fresh nonce per response, the same as its CSP header', async () => {
    const seen = new Set<string>();
    for (const url of ['/', '/', '/index.html', '/campaigns']) {
      const response = await get(url);
      const nonce = nonceOfCsp(String(response.headers['content-security-policy']));
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(response.body).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(response.body).toContain(`src="/assets/index-abc.js" nonce="${nonce}"`);
      expect(response.body).not.toContain(NONCE_PLACEHOLDER);
      expect(response.headers['cache-control']).toBe('no-cache');
      seen.add(nonce);
    }
    expect(seen.size).toBe(4);
  });

  it("echoes the policy's connect-src into index.html for the sign-in page", async () => {
    const body = (await get('/')).body;
    expect(body).toContain(`<meta name="${CONNECT_SRC_META}" content="'self' ${connectSrc.join(' ')}" />`);
  });

  it('adds the proxied API origin (SIPCALLER_API_URL) to connect-src', async () => {
    const proxy = await startServer({ proxyApiUrl: 'https://api.sipcaller.com/v1', seed: false });
    try {
      const response = await proxy.app.inject({ method: 'GET', url: '/nothing.txt' });
      expect(String(response.headers['content-security-policy'])).toContain(
        "connect-src 'self' https://api.sipcaller.com;",
      );
    } finally {
      await proxy.close();
    }
  });
});

describe('Strict-Transport-Security', () => {
  const hsts = async (trustProxy: string | undefined, headers: Record<string, string>) => {
    const server = await startServer({ seed: false, trustProxy: trustProxyFromEnv(trustProxy) });
    try {
      const response = await server.app.inject({ method: 'GET', url: campaignsUrl(), headers });
      return response.headers['strict-transport-security'];
    } finally {
      await server.close();
    }
  };

  it('is not sent over plain HTTP', async () => {
    expect(await hsts(undefined, {})).toBeUndefined();
  });

  it('ignores X-Forwarded-Proto unless SIPCALLER_TRUST_PROXY trusts the sender', async () => {
    expect(await hsts(undefined, { 'x-forwarded-proto': 'https' })).toBeUndefined();
    expect(await hsts('10.0.0.0/8', { 'x-forwarded-proto': 'https' })).toBeUndefined();
  });

  it.each(['true', '1', '127.0.0.1'])(
    'is sent behind a trusted proxy (SIPCALLER_TRUST_PROXY=%s) that says https',
    async (trust) => {
      expect(await hsts(trust, { 'x-forwarded-proto': 'https' })).toBe(HSTS);
      expect(await hsts(trust, { 'x-forwarded-proto': 'http' })).toBeUndefined();
    },
  );
});

describe('settings', () => {
  it('reads SIPCALLER_CONNECT_SRC as comma-separated origins, and SIPCALLER_TRUST_PROXY', () => {
    const options = optionsFromEnv(
      {
        SIPCALLER_CONNECT_SRC: 'https://a.example.com/v1, https://b.example.com:8443 ,,',
        SIPCALLER_TRUST_PROXY: '10.0.0.1,10.0.0.2',
      },
      null,
    );
    expect(options.connectSrc).toEqual(['https://a.example.com/v1', 'https://b.example.com:8443']);
    expect(options.trustProxy).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(connectSources(options.connectSrc ?? [])).toEqual([
      'https://a.example.com',
      'https://b.example.com:8443',
    ]);
  });

  it('keeps CSP sources as they are and refuses what would break the header', () => {
    expect(
      connectSources(["'self'", 'https:', '*.example.com', 'https://x.test', 'https://x.test/v1']),
    ).toEqual(['https:', '*.example.com', 'https://x.test']);
    expect(() => connectSources(['https://a.test; script-src *'])).toThrow(/not a/);
    expect(() => connectSources(["'unsafe-inline'"])).toThrow(/not a CSP source/);
  });
});
