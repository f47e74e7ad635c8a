import { Admin, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import { LoginPage } from './auth/LoginPage';
import { authProvider } from './authProvider';
import { NotFound } from './components/NotFound';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { consoleStore } from './layout/store';
import campaigns from './resources/campaigns';
import numbers, { numberRoutes } from './resources/numbers';
import { darkTheme, lightTheme } from './theme';

// Browser routes (/campaigns/12/show): the emulator and `vite` serve index.html for unknown paths.
export const App = () => (
  <BrowserRouter>
    <Admin
      disableTelemetry
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
    </Admin>
  </BrowserRouter>
);

// Loaded lazily by src/auth/SignInGate.tsx.
export default App;
