import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, useLocaleState, useLogout, useStore, useTheme } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n';
import { consoleStore, DEVICE_STORE_KEYS, keepingDeviceSettings } from './store';

describe('consoleStore', () => {
  it('keeps the language and the theme when react-admin resets it, and forgets the rest', () => {
    consoleStore.setup();
    consoleStore.setItem('locale', 'es');
    consoleStore.setItem('theme', 'dark');
    consoleStore.setItem('numbers.campaign.7.listParams', { page: 3 });
    consoleStore.setItem('numbers.campaign.7.selectedIds', [1, 2]);
    const published: string[] = [];
    const unsubscribe = consoleStore.subscribe('locale', () => published.push('locale'));
    consoleStore.reset();
    unsubscribe();
    expect(consoleStore.getItem('locale')).toBe('es');
    expect(consoleStore.getItem('theme')).toBe('dark');
    expect(consoleStore.getItem('numbers.campaign.7.listParams')).toBeUndefined();
    expect(consoleStore.getItem('numbers.campaign.7.selectedIds')).toBeUndefined();
    // The language is not switched off and on again on the way to the sign-in screen.
    expect(published).toEqual([]);
    expect(DEVICE_STORE_KEYS).toEqual(['locale', 'theme']);
  });

  it('keeps them too over a store that cannot list its keys', () => {
    const values = new Map<string, unknown>([
      ['locale', 'es'],
      ['other', 1],
    ]);
    const store = keepingDeviceSettings({
      setup: () => {},
      teardown: () => {},
      getItem: (key) => values.get(key) as never,
      setItem: (key, value) => void values.set(key, value),
      removeItem: (key) => void values.delete(key),
      removeItems: () => {},
      reset: () => values.clear(),
      subscribe: () => () => {},
    });
    store.reset();
    expect([...values]).toEqual([['locale', 'es']]);
  });
});

const Settings = () => {
  const [locale] = useLocaleState();
  const [theme] = useTheme();
  const [page] = useStore('campaigns.listParams');
  const logout = useLogout();
  return (
    <>
      <p>locale: {locale}</p>
      <p>theme: {String(theme)}</p>
      <p>list: {JSON.stringify(page ?? null)}</p>
      <button type="button" onClick={() => logout()}>
        Logout
      </button>
    </>
  );
};

describe('Logout', () => {
  it('forgets the session’s list settings but not the device’s language and theme', async () => {
    consoleStore.setItem('locale', 'es');
    consoleStore.setItem('theme', 'dark');
    consoleStore.setItem('campaigns.listParams', { page: 2 });
    render(
      <AdminContext
        i18nProvider={i18nProvider}
        store={consoleStore}
        authProvider={{
          login: async () => {},
          logout: async () => {},
          checkAuth: async () => {},
          checkError: async () => {},
        }}
      >
        <Settings />
      </AdminContext>,
    );
    expect(await screen.findByText('locale: es')).toBeInTheDocument();
    expect(screen.getByText('list: {"page":2}')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Logout' }));
    await waitFor(() => expect(screen.getByText('list: null')).toBeInTheDocument());
    expect(screen.getByText('locale: es')).toBeInTheDocument();
    expect(screen.getByText('theme: dark')).toBeInTheDocument();
    expect(consoleStore.getItem('locale')).toBe('es');
  });
});
