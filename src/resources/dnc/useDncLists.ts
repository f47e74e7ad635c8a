import { useCallback, useEffect, useState } from 'react';
import { type DncList, listDncLists } from '../../lib/dnc';

// Every page or dialog that shows the lists re-reads them when one of them changes a list.
const listeners = new Set<() => void>();
export const notifyDncListsChanged = () => {
  for (const listener of listeners) listener();
};

/** The lists on this device, re-read after a change. */
export const useDncLists = () => {
  const [lists, setLists] = useState<DncList[] | undefined>();
  const [error, setError] = useState<unknown>();
  const refresh = useCallback(() => {
    listDncLists().then(
      (found) => {
        setLists(found);
        setError(undefined);
      },
      (failure: unknown) => setError(failure),
    );
  }, []);
  useEffect(() => {
    refresh();
    listeners.add(refresh);
    return () => {
      listeners.delete(refresh);
    };
  }, [refresh]);
  return { lists, error, refresh };
};
