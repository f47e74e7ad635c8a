import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, type AuthProvider, memoryStore, testDataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { i18nProvider } from '../i18n';
import { LoginPage } from './LoginPage';
import { defaultApiUrl, setSignOutReason } from './session';

// The machine is shared and busy: give findBy*/waitFor more than the 1 s default (no timing is asserted).
configure({ asyncUtilTimeout: 5000 });

// Pasting, not typing key by key: the same events for the form, a fraction of the time on a busy machine.
const fill = async (user: ReturnType<typeof userEvent.setup>, label: string, value: string) => {
  await user.click(screen.getByLabelText(label));
  await user.paste(value);
};

const renderLogin = (login: AuthProvider['login'], { locale = 'en' } = {}) => {
  const authProvider: AuthProvider = {
    login: vi.fn(login),
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
  };
  const store = memoryStore({ locale });
  const view = render(
    <AdminContext
      authProvider={authProvider}
      dataProvider={testDataProvider()}
      i18nProvider={i18nProvider}
      store={store}
    >
      <LoginPage />
    </AdminContext>,
  );
  return { login: authProvider.login as ReturnType<typeof vi.fn>, unmount: view.unmount };
};

const fillForm = async (user: ReturnType<typeof userEvent.setup>, token = 'tok-123', accountId = '1001') => {
  await fill(user, 'API token', token);
  await fill(user, 'Account ID', accountId);
};

describe('LoginPage', () => {
  it('shows a level-one heading, the labelled fields, and where the token comes from', () => {
    renderLogin(async () => undefined);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Sign in to SIP Caller Console' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('API token')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Account ID')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Remember me on this device' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(screen.getByText(/Settings → API Keys/)).toBeInTheDocument();
  });

  it('signs in with the trimmed values, the default API URL and remember me', async () => {
    const user = userEvent.setup();
    const { login } = renderLogin(async () => undefined);
    await fillForm(user, '  tok-123  ', ' 1001 ');
    await user.click(screen.getByRole('checkbox', { name: 'Remember me on this device' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(login).toHaveBeenCalledTimes(1));
    expect(login).toHaveBeenCalledWith({
      token: 'tok-123',
      accountId: '1001',
      apiUrl: defaultApiUrl(),
      remember: true,
    });
  });

  it('does not remember the session unless asked', async () => {
    const user = userEvent.setup();
    const { login } = renderLogin(async () => undefined);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(login).toHaveBeenCalledWith(expect.objectContaining({ remember: false })));
  });

  it('asks for a missing token or account without calling the API', async () => {
    const user = userEvent.setup();
    const { login } = renderLogin(async () => undefined);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter your API token.');
    await waitFor(() => expect(screen.getByLabelText('API token')).toHaveFocus());
    await fill(user, 'API token', 'tok');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter your account ID.');
    expect(screen.getByLabelText('Account ID')).toHaveAttribute('aria-invalid', 'true');
    expect(login).not.toHaveBeenCalled();
  });

  it.each([
    ['app.auth.errors.rejected', /The API token was rejected/, 'API token'],
    ['app.auth.errors.forbidden', /has no access to that account/, 'Account ID'],
    ['app.auth.errors.unknownAccount', /There is no account with that ID/, 'Account ID'],
    ['app.auth.errors.unreachable', /cannot be reached at that API URL/, 'API URL'],
    ['app.auth.errors.invalidApiUrl', /That API URL is not a valid URL/, 'API URL'],
    ['app.auth.errors.notApi', /does not look like the SIP Caller API/, 'API URL'],
    ['app.auth.errors.unexpected', /unexpected reason/, undefined],
  ])('shows %s and keeps everything typed', async (key, message, invalidField) => {
    const user = userEvent.setup();
    renderLogin(async () => {
      throw new Error(key);
    });
    await fillForm(user, 'tok-123', '2002');
    await user.click(screen.getByRole('checkbox', { name: 'Remember me on this device' }));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('API token')).toHaveValue('tok-123');
    expect(screen.getByLabelText('Account ID')).toHaveValue('2002');
    expect(screen.getByRole('checkbox', { name: 'Remember me on this device' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    if (invalidField) {
      expect(screen.getByLabelText(invalidField)).toHaveAttribute('aria-invalid', 'true');
      await waitFor(() => expect(screen.getByLabelText(invalidField)).toHaveFocus());
    }
  });

  it('never shows the raw text of an unexpected error (it could carry a token)', async () => {
    const user = userEvent.setup();
    renderLogin(async () => {
      throw new Error('fetch failed for https://x/?token=secret');
    });
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/unexpected reason/);
    expect(alert).not.toHaveTextContent(/secret/);
  });

  it('keeps a changed API URL when signing in fails', async () => {
    const user = userEvent.setup();
    const { login } = renderLogin(async () => {
      throw new Error('app.auth.errors.unreachable');
    });
    expect(screen.queryByLabelText('API URL')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    expect(screen.getByRole('button', { name: 'Advanced' })).toHaveAttribute('aria-expanded', 'true');
    const apiUrl = screen.getByLabelText('API URL');
    expect(apiUrl).toHaveValue(defaultApiUrl());
    await user.clear(apiUrl);
    await user.click(apiUrl);
    await user.paste('http://127.0.0.1:9/v1');
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/cannot be reached/);
    expect(screen.getByLabelText('API URL')).toHaveValue('http://127.0.0.1:9/v1');
    expect(login).toHaveBeenCalledWith(expect.objectContaining({ apiUrl: 'http://127.0.0.1:9/v1' }));
  });

  it('shows and hides the token with a labelled button', async () => {
    const user = userEvent.setup();
    renderLogin(async () => undefined);
    const token = screen.getByLabelText('API token');
    await user.click(token);
    await user.paste('tok-123');
    await user.click(screen.getByRole('button', { name: 'Show API token' }));
    expect(token).toHaveAttribute('type', 'text');
    await user.click(screen.getByRole('button', { name: 'Hide API token' }));
    expect(token).toHaveAttribute('type', 'password');
    expect(token).toHaveValue('tok-123');
  });

  it('says once why the last session ended', async () => {
    setSignOutReason('app.auth.errors.revoked');
    const first = renderLogin(async () => undefined);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your API token was rejected or revoked. Sign in again.',
    );
    first.unmount();
    renderLogin(async () => undefined);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('replaces the sign-out reason with the new error', async () => {
    const user = userEvent.setup();
    setSignOutReason('app.auth.errors.revoked');
    renderLogin(async () => {
      throw new Error('app.auth.errors.rejected');
    });
    await screen.findByText(/rejected or revoked/);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
    expect(screen.getByRole('alert')).toHaveTextContent(/The API token was rejected/);
  });

  it('speaks Spanish when the stored language is Spanish', async () => {
    renderLogin(async () => undefined, { locale: 'es' });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      'Inicie sesión en SIP Caller Console',
    );
    expect(screen.getByLabelText('Token de API')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Iniciar sesión' })).toBeInTheDocument();
  });

  it('switches language and theme from the header', async () => {
    const user = userEvent.setup();
    renderLogin(async () => undefined);
    const languages = await screen.findByRole('group', { name: 'Language' });
    await user.click(within(languages).getByRole('button', { name: 'Español' }));
    expect(await screen.findByLabelText('Token de API')).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Idioma' })).getByRole('button', { name: 'Español' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Usar el tema oscuro' }));
    expect(screen.getByRole('button', { name: 'Usar el tema claro' })).toBeInTheDocument();
  });
});
