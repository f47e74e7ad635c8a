// Optional names of a campaign's variables ("Name", "Amount"), kept on this device only: the API
// has nowhere to store them. The grid shows them as column titles; the add/upload forms edit them.
import { useCallback, useSyncExternalStore } from 'react';
import { useGetIdentity } from 'react-admin';
import type { Id } from '../../../types';

export const variableNamesKey = (accountId: Id, campaignId: Id) =>
  `sipcaller.varNames.${accountId}.${campaignId}`;

// `storage` events only reach other tabs; this one tells the components of this tab.
const CHANGE_EVENT = 'sipcaller:varnames';

const read = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};

const parse = (raw: string | null): string[] => {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.map((name) => (typeof name === 'string' ? name : '')) : [];
  } catch {
    return [];
  }
};

const subscribe = (onChange: () => void) => {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
};

const EMPTY: string[] = [];
const cache = new Map<string, { raw: string | null; names: string[] }>();

// useSyncExternalStore needs the same array while the stored text is unchanged.
const namesFor = (key: string | null): string[] => {
  if (!key) return EMPTY;
  const raw = read(key);
  const hit = cache.get(key);
  if (hit && hit.raw === raw) return hit.names;
  const names = parse(raw);
  cache.set(key, { raw, names });
  return names;
};

/**
 * `[names, setNames]` for a campaign: `names[i]` titles variable i+1 ('' = no name).
 * The account comes from the signed-in identity; until it is known, names are empty.
 */
export const useVariableNames = (campaignId: Id): [string[], (names: string[]) => void] => {
  const { identity } = useGetIdentity();
  const key = identity?.id != null && identity.id !== '' ? variableNamesKey(identity.id, campaignId) : null;
  const names = useSyncExternalStore(
    subscribe,
    () => namesFor(key),
    () => EMPTY,
  );
  const setNames = useCallback(
    (next: string[]) => {
      if (!key) return;
      const trimmed = next.map((name) => name.trim());
      while (trimmed.length && !trimmed[trimmed.length - 1]) trimmed.pop();
      try {
        if (trimmed.length) localStorage.setItem(key, JSON.stringify(trimmed));
        else localStorage.removeItem(key);
      } catch {
        // Storage full or disabled: the names are a convenience, the numbers are unaffected.
      }
      window.dispatchEvent(new Event(CHANGE_EVENT));
    },
    [key],
  );
  return [names, setNames];
};
