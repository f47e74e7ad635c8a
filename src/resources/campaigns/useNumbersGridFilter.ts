// The campaign page's chart sets the numbers grid's filter the way react-admin's list does: through
// the URL (`?filter=…&page=1`), which the grid's list controller reads and keeps in its store
// (`numbers.campaign.<id>`, the grid's storeKey, used by react-admin as is). Nothing here knows how the grid's inputs show a value.
import { useCallback, useMemo } from 'react';
import { useStore } from 'react-admin';
import { useLocation, useNavigate } from 'react-router-dom';
import type { Id } from '../../types';
import { numbersGridStoreKey, type StoredListParams } from '../numbers';

const isEmpty = (value: unknown) =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The filter without the keys that filter nothing. */
const activeFilter = (filter: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(filter ?? {}).filter(([, value]) => !isEmpty(value)));

export interface NumbersGridFilter {
  /** Whether the grid shows exactly the numbers of `{ [field]: [value] }`, nothing else filtered. */
  isShowingOnly: (field: string, value: unknown) => boolean;
  /** Filters the grid to `{ [field]: [value] }` from page 1, or clears that filter when it is the one shown. */
  toggleOnly: (field: string, value: unknown) => void;
}

export const useNumbersGridFilter = (campaignId: Id): NumbersGridFilter => {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useStore<StoredListParams>(numbersGridStoreKey(campaignId));
  // The URL wins over the store (react-admin reads the URL first): read it the same way.
  const current = useMemo(() => {
    const raw = new URLSearchParams(location.search).get('filter');
    if (raw) {
      try {
        return activeFilter(JSON.parse(raw) as Record<string, unknown>);
      } catch {
        // An unreadable filter in the URL: react-admin ignores it too.
      }
    }
    return activeFilter(params?.filter);
  }, [location.search, params?.filter]);

  const isShowingOnly = useCallback(
    (field: string, value: unknown) => {
      const keys = Object.keys(current);
      if (keys.length !== 1 || keys[0] !== field) return false;
      const shown = current[field];
      return JSON.stringify(Array.isArray(shown) ? shown : [shown]) === JSON.stringify([value]);
    },
    [current],
  );

  const toggleOnly = useCallback(
    (field: string, value: unknown) => {
      const filter = isShowingOnly(field, value) ? {} : { [field]: [value] };
      const search = new URLSearchParams(location.search);
      search.set('filter', JSON.stringify(filter));
      search.set('page', '1');
      if (params?.sort && !search.has('sort')) search.set('sort', params.sort);
      if (params?.order && !search.has('order')) search.set('order', params.order);
      if (params?.perPage && !search.has('perPage')) search.set('perPage', String(params.perPage));
      // No _scrollToTop: the page stays where it is.
      navigate({ pathname: location.pathname, search: `?${search.toString()}` });
    },
    [isShowingOnly, location.pathname, location.search, navigate, params],
  );

  return { isShowingOnly, toggleOnly };
};
