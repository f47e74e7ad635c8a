import { localStorageStore, type Store } from 'react-admin';

/**
 * The store keys that are settings of this device, not of a session: the language (react-admin's
 * `useLocaleState`) and the theme (`useTheme`). react-admin resets its whole store at logout (ra-core's
 * `useLogout` calls `resetStore()`); these survive it.
 */
export const DEVICE_STORE_KEYS: readonly string[] = ['locale', 'theme'];

/**
 * A store whose `reset()` forgets everything but the device keys: list filters, sorts, pages and
 * selections go with the session, the language and the theme stay. Only the keys it removes are
 * published, so the screen does not flash to English or the light theme on the way to sign-in.
 */
export const keepingDeviceSettings = (store: Store, keep: readonly string[] = DEVICE_STORE_KEYS): Store => ({
  ...store,
  reset: () => {
    if (!store.listItems) {
      const kept = keep.map((key) => [key, store.getItem(key)] as const);
      store.reset();
      for (const [key, value] of kept) if (value !== undefined) store.setItem(key, value);
      return;
    }
    for (const key of Object.keys(store.listItems())) {
      if (!keep.includes(key)) store.removeItem(key);
    }
  },
});

/**
 * One store for the sign-in screen and the console, so the language and theme chosen on the sign-in
 * screen carry over. It holds preferences only (locale, theme, list settings), never the session.
 */
export const consoleStore = keepingDeviceSettings(localStorageStore(undefined, 'SipCallerConsole'));
