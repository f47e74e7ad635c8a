import { QueryClient } from '@tanstack/react-query';
import { Admin, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import { authProvider, dataProvider, i18nProvider } from './app/providers';
import { LoginPage } from './auth/LoginPage';
import { NotFound } from './components/NotFound';
import { Layout } from './layout/Layout';
import { consoleStore } from './layout/store';
import campaigns from './resources/campaigns';
import dnc from './resources/dnc';
import numbers, { numberRoutes } from './resources/numbers';
import { darkTheme, lightTheme } from './theme';

// react-query's default (3 retries of every failed query) would stack on the data provider's own
// retries of a busy API and hold back a 403 or 404 for seconds: an answer from the API is final here,
// and only a lost connection (status 0) is worth one more try.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => failureCount < 1 && (error as { status?: unknown }).status === 0,
    },
  },
});

// Browser routes (/campaigns/12/show): the emulator and `vite` serve index.html for unknown paths.
export const App = () => (
  <BrowserRouter>
    <Admin
      disableTelemetry
      queryClient={queryClient}
      title="SIP Caller Console"
      requireAuth
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={consoleStore}
      loginPage={LoginPage}
      layout={Layout}
      lightTheme={lightTheme}
      darkTheme={darkTheme}
      catchAll={NotFound}
    >
      <Resource name="campaigns" {...campaigns}>
        {numberRoutes.map(({ path, Component }) => (
          <Route key={path} path={path} element={<Component />} />
        ))}
      </Resource>
      <Resource name="numbers" {...numbers} />
      <Resource name="dnc" {...dnc} />
    </Admin>
  </BrowserRouter>
);

// Loaded lazily by src/auth/SignInGate.tsx.
export default App;
