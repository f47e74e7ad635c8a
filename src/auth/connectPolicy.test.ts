import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthProvider } from '../authProvider';
import type { HttpClient } from '../dataProvider';
import {
  allowedConnectSources,
  connectAllowed,
  sourceMatches,
  watchConnectViolations,
} from './connectPolicy';

const setMeta = (content: string | null) => {
  document.head.querySelector('meta[name="sipcaller-connect-src"]')?.remove();
  if (content === null) return;
  const meta = document.createElement('meta');
  meta.name = 'sipcaller-connect-src';
  meta.content = content;
  document.head.append(meta);
};

afterEach(() => setMeta(null));

describe('sourceMatches (CSP source expressions)', () => {
  const self = new URL('http://127.0.0.1:8080/campaigns');
  it.each([
    ["'self'", 'http://127.0.0.1:8080/v1', true],
    ["'self'", 'http://127.0.0.1:9090/v1', false],
    ["'self'", 'http://localhost:8080/v1', false],
    ['https://api.sipcaller.com', 'https://api.sipcaller.com/v1', true],
    ['https://api.sipcaller.com', 'https://api.sipcaller.com:8443/v1', false],
    ['https://api.sipcaller.com', 'http://api.sipcaller.com/v1', false],
    ['http://api.test', 'https://api.test/v1', true],
    ['https://api.sipcaller.com', 'https://evil.example/v1', false],
    ['*.sipcaller.com', 'http://eu.api.sipcaller.com/v1', true],
    ['https://*.sipcaller.com', 'https://sipcaller.com/v1', false],
    ['http://127.0.0.1:*', 'http://127.0.0.1:45678/v1', true],
    ['https:', 'https://anything.example/v1', true],
    ['https:', 'http://anything.example/v1', false],
    ['*', 'https://anything.example/v1', true],
    ['https://api.test/v1/', 'https://api.test/v1/accounts', true],
    ['https://api.test/v2/', 'https://api.test/v1/accounts', false],
    ["'none'", 'http://127.0.0.1:8080/v1', false],
  ])('%s matches %s: %s', (source, url, expected) => {
    expect(sourceMatches(source, new URL(url), self)).toBe(expected);
  });
});

describe('connectAllowed', () => {
  it('allows everything when the page does not name its connect-src (dev server, other hosts)', () => {
    expect(allowedConnectSources()).toBeNull();
    expect(connectAllowed('https://anywhere.example/v1')).toBe(true);
    setMeta('');
    expect(connectAllowed('https://anywhere.example/v1')).toBe(true);
  });

  it("follows the page's list", () => {
    setMeta("'self' https://api.sipcaller.com");
    expect(connectAllowed(`${window.location.origin}/v1`)).toBe(true);
    expect(connectAllowed('/v1')).toBe(true);
    expect(connectAllowed('https://api.sipcaller.com/v1')).toBe(true);
    expect(connectAllowed('https://api.other.example/v1')).toBe(false);
  });
});

describe('signing in to an API URL the policy refuses', () => {
  const ok: HttpClient = async () => ({
    status: 200,
    headers: new Headers({ 'Content-Range': 'campaigns 0-0/1' }),
    body: '[]',
    json: [],
  });
  const credentials = { token: 'tok', accountId: '1001', apiUrl: 'https://api.other.example/v1' };

  it('says so before sending anything when the page names its connect-src', async () => {
    setMeta("'self' https://api.sipcaller.com");
    const httpClient = vi.fn<HttpClient>(ok);
    await expect(createAuthProvider({ httpClient }).login(credentials)).rejects.toThrow(
      'app.auth.errors.blockedByPolicy',
    );
    expect(httpClient).not.toHaveBeenCalled();
  });

  it('says so when the browser reports a connect-src violation for the request', async () => {
    const httpClient = vi.fn<HttpClient>(async () => {
      document.dispatchEvent(
        Object.assign(new Event('securitypolicyviolation'), {
          effectiveDirective: 'connect-src',
          blockedURI: 'https://api.other.example/v1/accounts/1001/campaigns',
        }),
      );
      throw new TypeError('Failed to fetch');
    });
    await expect(createAuthProvider({ httpClient }).login(credentials)).rejects.toThrow(
      'app.auth.errors.blockedByPolicy',
    );
  });

  it('is still "cannot be reached" when nothing was blocked', async () => {
    const httpClient = vi.fn<HttpClient>(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createAuthProvider({ httpClient }).login(credentials)).rejects.toThrow(
      'app.auth.errors.unreachable',
    );
  });

  it('ignores violations of other origins and directives', async () => {
    const watch = watchConnectViolations();
    document.dispatchEvent(
      Object.assign(new Event('securitypolicyviolation'), {
        effectiveDirective: 'connect-src',
        blockedURI: 'https://tracker.example/x',
      }),
    );
    document.dispatchEvent(
      Object.assign(new Event('securitypolicyviolation'), {
        effectiveDirective: 'img-src',
        blockedURI: 'https://api.other.example/logo.png',
      }),
    );
    expect(await watch.blocked('https://api.other.example/v1')).toBe(false);
    expect(await watch.blocked('https://tracker.example/v1')).toBe(true);
    watch.stop();
  });
});
