// Test helper (imported by *.test.tsx only): renders a routed view at a URL inside react-admin's contexts.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  AdminContext,
  type AuthProvider,
  type DataProvider,
  memoryStore,
  TestMemoryRouter,
} from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { i18nProvider } from '../src/i18n';

export const testAuthProvider: AuthProvider = {
  login: async () => {},
  logout: async () => {},
  checkAuth: async () => {},
  checkError: async () => {},
  getPermissions: async () => undefined,
  getIdentity: async () => ({ id: '1001', fullName: 'Account 1001' }),
};

/** `path` is the route pattern of `element`; the campaign page is a stub that says where we landed. */
export const renderAt = (url: string, path: string, element: ReactElement, dataProvider: DataProvider) =>
  render(
    <TestMemoryRouter initialEntries={[url]}>
      <AdminContext
        dataProvider={dataProvider}
        authProvider={testAuthProvider}
        i18nProvider={i18nProvider}
        store={memoryStore()}
      >
        <Routes>
          <Route path={path} element={element} />
          <Route path="/campaigns/:id/show" element={<p>Campaign page</p>} />
        </Routes>
      </AdminContext>
    </TestMemoryRouter>,
  );
