// Where the signed-in session lives: sessionStorage (gone with the tab) unless the operator asked to be
// remembered on this device (localStorage). The token is stored nowhere else.
import { API_PREFIX } from '../contract';

export interface Session {
  token: string;
  accountId: string;
  /** The API base URL, ending in /v1. */
  apiUrl: string;
}

const SESSION_KEY = 'sipcaller.session';
const SIGN_OUT_REASON_KEY = 'sipcaller.signOutReason';

/** Build-time setting `VITE_SIPCALLER_API_URL`, else this origin's /v1 (the emulator or a proxy). */
export const defaultApiUrl = (): string => {
  const configured: unknown = import.meta.env.VITE_SIPCALLER_API_URL;
  // An empty setting (VITE_SIPCALLER_API_URL= in an .env file) means "not set", not "no URL".
  if (typeof configured === 'string' && configured.trim() !== '') return configured.trim();
  return new URL(API_PREFIX, window.location.origin).href;
};

// Storage can throw (disabled cookies, Safari private mode, quota): the console then works for the
// current page only instead of failing to start.
const storageOf = (kind: 'session' | 'local'): Storage | null => {
  try {
    return (kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage) ?? null;
  } catch {
    return null;
  }
};

const isSession = (value: unknown): value is Session =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Session).token === 'string' &&
  (value as Session).token !== '' &&
  typeof (value as Session).accountId === 'string' &&
  (value as Session).accountId !== '' &&
  typeof (value as Session).apiUrl === 'string' &&
  (value as Session).apiUrl !== '';

const readFrom = (storage: Storage | null): Session | null => {
  try {
    const raw = storage?.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed)
      ? { token: parsed.token, accountId: parsed.accountId, apiUrl: parsed.apiUrl }
      : null;
  } catch {
    return null;
  }
};

const remove = (storage: Storage | null, key: string) => {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing stored there, nothing to clear.
  }
};

/** The current session: this tab's first, then a remembered one. */
export const getSession = (): Session | null =>
  readFrom(storageOf('session')) ?? readFrom(storageOf('local'));

export const saveSession = (session: Session, remember: boolean): void => {
  const { token, accountId, apiUrl } = session;
  const target = storageOf(remember ? 'local' : 'session');
  // One session only: signing in without "remember me" forgets a remembered token.
  remove(storageOf(remember ? 'session' : 'local'), SESSION_KEY);
  target?.setItem(SESSION_KEY, JSON.stringify({ token, accountId, apiUrl }));
};

export const clearSession = (): void => {
  remove(storageOf('session'), SESSION_KEY);
  remove(storageOf('local'), SESSION_KEY);
};

/** Saves the i18n key of why the session ended (e.g. a revoked token), for the sign-in page. */
export const setSignOutReason = (key: string): void => {
  try {
    storageOf('session')?.setItem(SIGN_OUT_REASON_KEY, key);
  } catch {
    // The sign-in page then shows no reason; the sign-out itself still happens.
  }
};

/** The reason saved by the last forced sign-out, once: reading it clears it. */
export const takeSignOutReason = (): string | null => {
  const storage = storageOf('session');
  try {
    const key = storage?.getItem(SIGN_OUT_REASON_KEY) ?? null;
    remove(storage, SIGN_OUT_REASON_KEY);
    return key;
  } catch {
    return null;
  }
};
