import { useCallback, useSyncExternalStore } from 'react';

// Device settings live in localStorage directly, not in react-admin's store: react-admin resets its
// store at logout, and a default country is a property of the desk, not of the session.
const KEY_PREFIX = 'sipcaller.device.';
const listeners = new Set<() => void>();

const read = (key: string): string | null => {
  try {
    return window.localStorage.getItem(KEY_PREFIX + key);
  } catch {
    return null;
  }
};

const write = (key: string, value: string) => {
  try {
    window.localStorage.setItem(KEY_PREFIX + key, value);
  } catch {
    // Private mode or a full quota: the setting lasts for this page only, which is acceptable.
  }
  for (const listener of listeners) listener();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith(KEY_PREFIX)) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
};

/** The region of a BCP 47 tag ("en-US" → "US"), or null when it names none ("en", "es-419"). */
export const regionFromLocale = (tag: string | undefined): string | null => {
  if (!tag) return null;
  try {
    const region = new Intl.Locale(tag).region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
};

export const FALLBACK_COUNTRY = 'US';

const initialCountry = (): string => {
  const languages =
    typeof navigator === 'undefined' ? [] : [navigator.language, ...(navigator.languages ?? [])];
  for (const tag of languages) {
    const region = regionFromLocale(tag);
    if (region) return region;
  }
  return FALLBACK_COUNTRY;
};

/** The default country for national numbers, remembered on this device; first from the browser's locale. */
export const useDefaultCountry = (): [string, (country: string) => void] => {
  const stored = useSyncExternalStore(subscribe, () => read('defaultCountry'));
  const setCountry = useCallback((country: string) => write('defaultCountry', country), []);
  return [stored ?? initialCountry(), setCountry];
};
