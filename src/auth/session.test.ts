import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearSession,
  defaultApiUrl,
  getSession,
  type Session,
  saveSession,
  setSignOutReason,
  takeSignOutReason,
} from './session';

const session: Session = { token: 'tok', accountId: '1001', apiUrl: 'http://localhost:3000/v1' };

describe('session storage', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('has no session at first', () => {
    expect(getSession()).toBeNull();
  });

  it('keeps the session in sessionStorage by default', () => {
    saveSession(session, false);
    expect(getSession()).toEqual(session);
    expect(sessionStorage.length).toBe(1);
    expect(localStorage.length).toBe(0);
  });

  it('keeps it in localStorage with "remember me"', () => {
    saveSession(session, true);
    expect(getSession()).toEqual(session);
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(1);
  });

  it('holds one session only: signing in again without "remember me" forgets the remembered token', () => {
    saveSession(session, true);
    saveSession({ ...session, token: 'other' }, false);
    expect(localStorage.length).toBe(0);
    expect(getSession()?.token).toBe('other');
  });

  it('stores only token, account and URL', () => {
    saveSession({ ...session, extra: 'x' } as Session, false);
    expect(JSON.parse(Object.values({ ...sessionStorage })[0] as string)).toEqual(session);
  });

  it('clearSession forgets both places', () => {
    saveSession(session, true);
    sessionStorage.setItem('sipcaller.session', JSON.stringify(session));
    clearSession();
    expect(getSession()).toBeNull();
  });

  it.each([
    ['not JSON', '{token'],
    ['missing token', JSON.stringify({ accountId: '1', apiUrl: 'x' })],
    ['empty account', JSON.stringify({ token: 't', accountId: '', apiUrl: 'x' })],
    ['wrong types', JSON.stringify({ token: 1, accountId: '1', apiUrl: 'x' })],
  ])('ignores a corrupt stored session (%s)', (_name, raw) => {
    sessionStorage.setItem('sipcaller.session', raw);
    expect(getSession()).toBeNull();
  });

  it('gives the sign-out reason once', () => {
    expect(takeSignOutReason()).toBeNull();
    setSignOutReason('app.auth.errors.revoked');
    expect(takeSignOutReason()).toBe('app.auth.errors.revoked');
    expect(takeSignOutReason()).toBeNull();
  });

  it('defaults the API URL to this origin’s /v1', () => {
    vi.stubEnv('VITE_SIPCALLER_API_URL', '');
    expect(defaultApiUrl()).toBe(`${window.location.origin}/v1`);
  });

  it('takes the build-time API URL when set', () => {
    vi.stubEnv('VITE_SIPCALLER_API_URL', 'https://api.sipcaller.com/v1');
    expect(defaultApiUrl()).toBe('https://api.sipcaller.com/v1');
  });
});
