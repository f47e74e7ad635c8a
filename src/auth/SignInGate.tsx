import CssBaseline from '@mui/material/CssBaseline';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { I18nContext, StoreContextProvider, ThemeProvider, ThemesContext, useStore } from 'react-admin';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { consoleStore } from '../layout/store';
import { darkTheme, lightTheme } from '../theme';
import { LoadingScreen } from './LoadingScreen';
import type { LoginFunction } from './LoginForm';
import { LoginScreen } from './LoginScreen';
import { getSession } from './session';
import { signInI18nProvider } from './signInI18n';

// The console (react-admin's <Admin>, router, react-query, layout, grids) and the authProvider with the
// data provider are separate chunks: the first screen downloads React, MUI's form controls and the
// sign-in strings. Both chunks start loading as soon as the operator types in the form (a token is
// pasted or typed, an account ID typed: seconds in which a slow line brings the console), or at the
// latest when the form is submitted.
const loadConsole = () => import('../App');
const loadAuthProvider = () => import('../authProvider');
const Console = lazy(loadConsole);

let preloaded = false;
const preloadConsole = () => {
  if (preloaded) return;
  preloaded = true;
  loadConsole().catch(() => {
    preloaded = false;
  });
  loadAuthProvider().catch(() => undefined);
};

const SignInI18n = ({ children }: { children: ReactNode }) => {
  // The same store key as react-admin's useLocaleState, so the console starts in the chosen language.
  const [locale] = useStore('locale', DEFAULT_LOCALE);
  const i18n = useMemo(() => signInI18nProvider(locale), [locale]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
};

const themes = { lightTheme, darkTheme };

/**
 * Where to go after signing in on /login. react-admin sends a session that ends (Logout, a revoked
 * token) to /login with the page it was on in the router state (`{ nextPathname, nextSearch }`, kept
 * by react-router under `usr` in `history.state`), and its own sign-in page goes back there. A reload
 * of /login brings the operator here instead, and the history entry still holds that state. Only a
 * path of this console is taken: never another origin, never the sign-in route itself.
 */
export const pageBeforeSignIn = (state: unknown = window.history.state): string => {
  const next = (state as { usr?: { nextPathname?: unknown; nextSearch?: unknown } } | null)?.usr;
  const path = typeof next?.nextPathname === 'string' ? next.nextPathname : '';
  const search = typeof next?.nextSearch === 'string' ? next.nextSearch : '';
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\') || path === '/login') return '/';
  return search === '' || search.startsWith('?') ? `${path}${search}` : path;
};

/**
 * Shows the sign-in screen until there is a session, then the console. Once the console runs, signing
 * out (or a revoked token) shows the same screen as react-admin's `loginPage` (src/auth/LoginPage.tsx).
 */
export const SignInGate = () => {
  const [signedIn, setSignedIn] = useState(() => getSession() !== null);

  const login = useMemo<LoginFunction>(
    () => async (params) => {
      loadConsole().catch(() => undefined);
      const { authProvider } = await loadAuthProvider();
      await authProvider.login(params);
      // The console opens where the operator is (a deep link), but not on its own sign-in route: there,
      // it opens where the operator was when the session ended (react-admin's `nextPathname`).
      if (window.location.pathname === '/login') window.history.replaceState(null, '', pageBeforeSignIn());
      setSignedIn(true);
    },
    [],
  );

  if (signedIn) {
    return (
      <Suspense fallback={<LoadingScreen />}>
        <Console />
      </Suspense>
    );
  }
  return (
    <StoreContextProvider value={consoleStore}>
      <SignInI18n>
        <ThemesContext.Provider value={themes}>
          <ThemeProvider>
            <CssBaseline />
            <LoginScreen login={login} onInput={preloadConsole} />
          </ThemeProvider>
        </ThemesContext.Provider>
      </SignInI18n>
    </StoreContextProvider>
  );
};
