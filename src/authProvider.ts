// Sign-in with an API token: the API has no login call, so signing in means one cheap, real request
// (campaigns with range=[0,0]) through the same HTTP path as the data provider.
import type { AuthProvider, UserIdentity } from 'react-admin';
import { connectAllowed, watchConnectViolations } from './auth/connectPolicy';
import {
  clearSession,
  defaultApiUrl,
  getSession,
  type Session,
  saveSession,
  setSignOutReason,
} from './auth/session';
import { createDataProvider, type HttpClient, type OnBusy } from './dataProvider';

/** The i18n keys `login` rejects with (as `Error.message`), and the one `checkError` leaves for sign-in. */
export const AUTH_ERRORS = {
  missingToken: 'app.auth.errors.missingToken',
  missingAccount: 'app.auth.errors.missingAccount',
  rejected: 'app.auth.errors.rejected',
  forbidden: 'app.auth.errors.forbidden',
  unknownAccount: 'app.auth.errors.unknownAccount',
  unreachable: 'app.auth.errors.unreachable',
  /** The page's Content-Security-Policy (connect-src) does not let the console call that API URL. */
  blockedByPolicy: 'app.auth.errors.blockedByPolicy',
  /** Not a URL ("not a url", ftp://…): nothing was asked. */
  invalidApiUrl: 'app.auth.errors.invalidApiUrl',
  /** Something answered, but not as the SIP Caller API would (a web page: the site root, no /v1). */
  notApi: 'app.auth.errors.notApi',
  unexpected: 'app.auth.errors.unexpected',
  revoked: 'app.auth.errors.revoked',
} as const;

export interface LoginParams {
  token?: string;
  accountId?: string;
  apiUrl?: string;
  remember?: boolean;
}

export interface AuthProviderOptions {
  /** Defaults to the data provider's (react-admin's `fetchUtils.fetchJson`). */
  httpClient?: HttpClient;
  /** Told when the sign-in check waits for a busy API (the data provider's option). */
  onBusy?: OnBusy;
}

const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
};

const loginErrorKey = (error: unknown): string => {
  switch (statusOf(error)) {
    case 0:
      return AUTH_ERRORS.unreachable;
    case 401:
      return AUTH_ERRORS.rejected;
    case 403:
      return AUTH_ERRORS.forbidden;
    case 404:
      return AUTH_ERRORS.unknownAccount;
    default:
      return AUTH_ERRORS.unexpected;
  }
};

/** An absolute API URL without a trailing slash; relative ones ("/v1") are on this origin. Null if unusable. */
export const normalizeApiUrl = (apiUrl: string | undefined): string | null => {
  try {
    const value = apiUrl?.trim() || defaultApiUrl();
    // globalThis.location: absent outside a browser, where only an absolute URL makes sense.
    const url = new URL(value, globalThis.location?.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // A query or fragment would end up in the middle of every call's URL.
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return null;
  }
};

export const createAuthProvider = ({ httpClient, onBusy }: AuthProviderOptions = {}): AuthProvider => ({
  login: async ({
    token: rawToken,
    accountId: rawAccountId,
    apiUrl: rawApiUrl,
    remember,
  }: LoginParams = {}) => {
    // Pasted tokens often carry a newline or spaces from the console they were copied from.
    const token = rawToken?.trim() ?? '';
    const accountId = rawAccountId?.trim() ?? '';
    if (!token) throw new Error(AUTH_ERRORS.missingToken);
    if (!accountId) throw new Error(AUTH_ERRORS.missingAccount);
    // Absolute (http or https) or a path on this origin ("/v1"); "not a url" would be read as a path.
    const typedUrl = rawApiUrl?.trim() ?? '';
    if (typedUrl && !/^(https?:\/\/|\/)/i.test(typedUrl)) throw new Error(AUTH_ERRORS.invalidApiUrl);
    const apiUrl = normalizeApiUrl(rawApiUrl);
    if (!apiUrl) throw new Error(AUTH_ERRORS.invalidApiUrl);

    // Known before any request when the page names its policy's connect-src (server/routes/static.ts);
    // else told by the browser's violation event if the request is refused.
    if (!connectAllowed(apiUrl)) throw new Error(AUTH_ERRORS.blockedByPolicy);

    const candidate: Session = { token, accountId, apiUrl };
    const probe = createDataProvider({ apiUrl, accountId, getToken: () => token, httpClient, onBusy });
    const violations = watchConnectViolations();
    try {
      await probe.getList('campaigns', {
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'id', order: 'ASC' },
        filter: {},
      });
    } catch (error) {
      if (statusOf(error) === 0 && (await violations.blocked(apiUrl))) {
        throw new Error(AUTH_ERRORS.blockedByPolicy);
      }
      // No HTTP error, or a success the data provider could not read as a list: something else answered.
      const status = statusOf(error);
      if (status === undefined || (status >= 200 && status < 300)) throw new Error(AUTH_ERRORS.notApi);
      throw new Error(loginErrorKey(error));
    } finally {
      violations.stop();
    }
    saveSession(candidate, remember === true);
  },

  logout: async () => {
    clearSession();
  },

  checkAuth: async () => {
    if (!getSession()) {
      // message: false: the sign-in page is self-explanatory, no "please sign in" toast on top of it.
      throw { redirectTo: '/login', message: false };
    }
  },

  checkError: async (error: unknown) => {
    const status = statusOf(error);
    if (status === 401) {
      if (!getSession()) {
        // A stray 401 while signed out needs no explanation. Several requests are in flight when a
        // token is revoked: the later 401s only lead to the sign-in page, without signing out again,
        // which would open it afresh and lose the reason the first one left for it.
        throw { redirectTo: '/login', logoutUser: false, message: false };
      }
      setSignOutReason(AUTH_ERRORS.revoked);
      clearSession();
      // The sign-in page shows the reason; no extra toast.
      throw { redirectTo: '/login', message: false };
    }
    // 403 (a call the token may not make) and everything else: stay signed in, the screen shows it.
  },

  getIdentity: async (): Promise<UserIdentity> => {
    const session = getSession();
    if (!session) throw new Error('Not signed in.');
    return { id: session.accountId, fullName: session.accountId };
  },

  getPermissions: async () => undefined,
});

/** The console's (src/app/providers.ts hands it to <Admin>; the sign-in screen loads it on its own). */
export const authProvider = createAuthProvider();
