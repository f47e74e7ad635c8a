// The sign-in page with the console's real authProvider on a page whose Content-Security-Policy
// names its connect-src (server/routes/static.ts writes the meta): an API URL typed under Advanced
// that the policy refuses gets a message naming the setting that admits it, not "cannot be reached".
import { configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, memoryStore, testDataProvider } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthProvider } from '../authProvider';
import type { HttpClient } from '../dataProvider';
import { i18nProvider } from '../i18n';
import { LoginPage } from './LoginPage';

configure({ asyncUtilTimeout: 5000 });

let meta: HTMLMetaElement;
beforeEach(() => {
  meta = document.createElement('meta');
  meta.name = 'sipcaller-connect-src';
  meta.content = `'self' https://api.sipcaller.com`;
  document.head.append(meta);
});
afterEach(() => meta.remove());

const renderLogin = (locale = 'en') => {
  const httpClient = vi.fn<HttpClient>(async () => ({
    status: 200,
    headers: new Headers({ 'Content-Range': 'campaigns 0-0/1' }),
    body: '[]',
    json: [],
  }));
  const { login } = createAuthProvider({ httpClient });
  render(
    <AdminContext
      authProvider={{
        login,
        logout: async () => undefined,
        checkAuth: async () => undefined,
        checkError: async () => undefined,
      }}
      dataProvider={testDataProvider()}
      i18nProvider={i18nProvider}
      store={memoryStore({ locale })}
    >
      <LoginPage />
    </AdminContext>,
  );
  return { httpClient };
};

const signInTo = async (apiUrl: string) => {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText('API token'));
  await user.paste('tok-123');
  await user.click(screen.getByLabelText('Account ID'));
  await user.paste('1001');
  await user.click(screen.getByRole('button', { name: 'Advanced' }));
  const field = screen.getByLabelText('API URL');
  await user.clear(field);
  await user.click(field);
  await user.paste(apiUrl);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
};

describe('an API URL the security policy does not allow', () => {
  it('says which setting admits it, sends nothing, and keeps the URL to fix', async () => {
    const { httpClient } = renderLogin();
    await signInTo('https://api.elsewhere.example/v1');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("This console's security policy does not allow calls to that API URL");
    expect(alert).toHaveTextContent('SIPCALLER_CONNECT_SRC');
    expect(alert).not.toHaveTextContent(/cannot be reached/);
    expect(httpClient).not.toHaveBeenCalled();
    const field = screen.getByLabelText('API URL');
    expect(field).toHaveValue('https://api.elsewhere.example/v1');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(field).toHaveFocus());
  });

  it('signs in to an allowed one as usual', async () => {
    const { httpClient } = renderLogin();
    await signInTo('https://api.sipcaller.com/v1');
    await waitFor(() => expect(httpClient).toHaveBeenCalledTimes(1));
    expect(httpClient.mock.calls[0][0]).toMatch(
      /^https:\/\/api\.sipcaller\.com\/v1\/accounts\/1001\/campaigns\?/,
    );
  });
});
