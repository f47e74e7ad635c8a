import { HttpError } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { getSession, saveSession, takeSignOutReason } from './auth/session';
import { createAuthProvider, normalizeApiUrl } from './authProvider';
import type { HttpClient } from './dataProvider';

const ok = (): ReturnType<HttpClient> =>
  Promise.resolve({
    status: 200,
    headers: new Headers({ 'Content-Range': 'campaigns 0-0/3' }),
    body: '[{"id":1}]',
    json: [{ id: 1 }],
  });

const setup = (answer: () => ReturnType<HttpClient> = ok) => {
  const httpClient = vi.fn<HttpClient>(answer);
  return { httpClient, auth: createAuthProvider({ httpClient }) };
};

const credentials = { token: 'tok', accountId: '1001', apiUrl: 'http://api.test/v1', remember: false };

describe('login', () => {
  it('checks the token with one cheap call (campaigns, range [0,0]) and saves the session', async () => {
    const { auth, httpClient } = setup();
    await auth.login(credentials);
    expect(httpClient).toHaveBeenCalledTimes(1);
    const [url, options] = httpClient.mock.calls[0];
    expect(url).toBe(
      'http://api.test/v1/accounts/1001/campaigns?filter=%7B%7D&range=%5B0%2C0%5D&sort=%5B%22id%22%2C%22ASC%22%5D',
    );
    expect(new Headers(options?.headers).get('Authorization')).toBe('Bearer tok');
    expect(getSession()).toEqual({ token: 'tok', accountId: '1001', apiUrl: 'http://api.test/v1' });
    expect(localStorage.length).toBe(0);
  });

  it('trims what was pasted, drops a trailing slash of the URL, and remembers when asked', async () => {
    const { auth, httpClient } = setup();
    await auth.login({
      token: '  tok\n',
      accountId: ' 1001 ',
      apiUrl: ' http://api.test/v1/ ',
      remember: true,
    });
    expect(httpClient.mock.calls[0][0].startsWith('http://api.test/v1/accounts/1001/campaigns?')).toBe(true);
    expect(new Headers(httpClient.mock.calls[0][1]?.headers).get('Authorization')).toBe('Bearer tok');
    expect(JSON.parse(localStorage.getItem('sipcaller.session') ?? 'null')).toEqual({
      token: 'tok',
      accountId: '1001',
      apiUrl: 'http://api.test/v1',
    });
  });

  it('uses the default API URL (this origin’s /v1) when none is given', async () => {
    const { auth, httpClient } = setup();
    await auth.login({ token: 'tok', accountId: '1001' });
    expect(
      httpClient.mock.calls[0][0].startsWith(`${window.location.origin}/v1/accounts/1001/campaigns?`),
    ).toBe(true);
  });

  it.each([
    [{ ...credentials, token: '   ' }, 'app.auth.errors.missingToken'],
    [{ ...credentials, token: undefined }, 'app.auth.errors.missingToken'],
    [{ ...credentials, accountId: '' }, 'app.auth.errors.missingAccount'],
    [{ ...credentials, apiUrl: 'ftp://api.test/v1' }, 'app.auth.errors.invalidApiUrl'],
    [{ ...credentials, apiUrl: 'http://' }, 'app.auth.errors.invalidApiUrl'],
    [{ ...credentials, apiUrl: 'not a url' }, 'app.auth.errors.invalidApiUrl'],
  ])('rejects %j with %s, without a request', async (params, key) => {
    const { auth, httpClient } = setup();
    await expect(auth.login(params)).rejects.toThrow(new Error(key));
    expect(httpClient).not.toHaveBeenCalled();
    expect(getSession()).toBeNull();
  });

  it.each([
    [new HttpError('Invalid token', 401, { message: 'Invalid token' }), 'app.auth.errors.rejected'],
    [new HttpError('Forbidden', 403, { message: 'No access' }), 'app.auth.errors.forbidden'],
    [new HttpError('Not Found', 404, { message: 'No account 9' }), 'app.auth.errors.unknownAccount'],
    [new TypeError('Failed to fetch'), 'app.auth.errors.unreachable'],
    [new HttpError('', 500, null), 'app.auth.errors.unexpected'],
    [new HttpError('', 429, null), 'app.auth.errors.unexpected'],
  ])('maps %s to %s and saves nothing', async (failure, key) => {
    const { auth } = setup(() => Promise.reject(failure));
    await expect(auth.login(credentials)).rejects.toThrow(new Error(key));
    expect(getSession()).toBeNull();
  });

  it('says an answer that is not a list (e.g. the SPA’s index.html, the site root) is not the API', async () => {
    const { auth } = setup(() =>
      Promise.resolve({ status: 200, headers: new Headers(), body: '<!doctype html>', json: undefined }),
    );
    await expect(auth.login(credentials)).rejects.toThrow(new Error('app.auth.errors.notApi'));
  });

  it('keeps a previous session when a new sign-in fails', async () => {
    saveSession({ token: 'old', accountId: '1', apiUrl: 'http://a/v1' }, false);
    const { auth } = setup(() => Promise.reject(new HttpError('', 401, null)));
    await expect(auth.login(credentials)).rejects.toThrow();
    expect(getSession()?.token).toBe('old');
  });
});

describe('session checks', () => {
  it('checkAuth rejects without a session, quietly, towards /login', async () => {
    const { auth } = setup();
    await expect(auth.checkAuth({})).rejects.toEqual({ redirectTo: '/login', message: false });
    saveSession({ token: 't', accountId: '1', apiUrl: 'http://a/v1' }, false);
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
  });

  it('logout clears the session', async () => {
    const { auth } = setup();
    saveSession({ token: 't', accountId: '1', apiUrl: 'http://a/v1' }, true);
    await auth.logout({});
    expect(getSession()).toBeNull();
    expect(takeSignOutReason()).toBeNull();
  });

  it('checkError on a 401 ends the session and leaves the reason for the sign-in page', async () => {
    const { auth } = setup();
    saveSession({ token: 't', accountId: '1', apiUrl: 'http://a/v1' }, true);
    await expect(auth.checkError(new HttpError('Token revoked', 401, null))).rejects.toEqual({
      redirectTo: '/login',
      message: false,
    });
    expect(getSession()).toBeNull();
    expect(takeSignOutReason()).toBe('app.auth.errors.revoked');
  });

  it('checkError on a 401 while signed out leaves no reason to show', async () => {
    const { auth } = setup();
    // To the sign-in page, but not signed out again: that would open it afresh and lose the reason
    // an earlier 401 of the same session left for it.
    await expect(auth.checkError(new HttpError('No token', 401, null))).rejects.toMatchObject({
      redirectTo: '/login',
      logoutUser: false,
    });
    expect(takeSignOutReason()).toBeNull();
  });

  it.each([
    ['403', new HttpError('No access', 403, null)],
    ['404', new HttpError('Not found', 404, null)],
    ['network', new HttpError('app.errors.network', 0, null)],
    ['500', new HttpError('Boom', 500, null)],
    ['a plain error', new Error('x')],
    ['nothing', undefined],
  ])('checkError on %s stays signed in', async (_name, error) => {
    const { auth } = setup();
    saveSession({ token: 't', accountId: '1', apiUrl: 'http://a/v1' }, false);
    await expect(auth.checkError(error)).resolves.toBeUndefined();
    expect(getSession()).not.toBeNull();
    expect(takeSignOutReason()).toBeNull();
  });

  it('getIdentity is the account id', async () => {
    const { auth } = setup();
    await expect(auth.getIdentity?.()).rejects.toThrow();
    saveSession({ token: 't', accountId: '1001', apiUrl: 'http://a/v1' }, false);
    await expect(auth.getIdentity?.()).resolves.toEqual({ id: '1001', fullName: '1001' });
  });
});

describe('normalizeApiUrl', () => {
  it.each([
    ['http://api.test/v1/', 'http://api.test/v1'],
    ['https://api.sipcaller.com/v1', 'https://api.sipcaller.com/v1'],
    ['/v1', `${window.location.origin}/v1`],
    ['https://api.test/v1/?debug=1#x', 'https://api.test/v1'],
    ['http://api.test', 'http://api.test'],
    ['javascript:alert(1)', null],
    ['http://', null],
  ])('%s → %s', (input, output) => {
    expect(normalizeApiUrl(input)).toBe(output);
  });
});
