import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { memoryStore, StoreContextProvider } from 'react-admin';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { numbersGridStoreKey } from '../numbers';
import { useNumbersGridFilter } from './useNumbersGridFilter';

// The grid keeps its params where react-admin's list controller puts them for `storeKey` (the key as
// is): what the campaign page's chart reads when the URL carries no filter (the page opened again).
const setup = (stored: Record<string, unknown>, url = '/campaigns/7/show') => {
  const store = memoryStore({ [numbersGridStoreKey(7)]: stored });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StoreContextProvider value={store}>
      <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
    </StoreContextProvider>
  );
  return renderHook(() => ({ grid: useNumbersGridFilter(7), location: useLocation() }), { wrapper });
};

describe('useNumbersGridFilter', () => {
  it('reads the filter the grid kept in the store under its storeKey, when the URL has none', () => {
    const { result } = setup({ filter: { status: ['Pending'] }, sort: 'number', order: 'DESC', perPage: 50 });
    expect(result.current.grid.isShowingOnly('status', 'Pending')).toBe(true);
    expect(result.current.grid.isShowingOnly('status', 'Completed')).toBe(false);
  });

  it('keeps the sort and page size the grid kept when a count filters it, and clears the filter shown', () => {
    const { result } = setup({ filter: { status: ['Pending'] }, sort: 'number', order: 'DESC', perPage: 50 });
    act(() => result.current.grid.toggleOnly('status', 'Completed'));
    const search = new URLSearchParams(result.current.location.search);
    expect(JSON.parse(search.get('filter') ?? '')).toEqual({ status: ['Completed'] });
    expect(search.get('sort')).toBe('number');
    expect(search.get('order')).toBe('DESC');
    expect(search.get('perPage')).toBe('50');
    expect(search.get('page')).toBe('1');
    act(() => result.current.grid.toggleOnly('status', 'Completed'));
    expect(JSON.parse(new URLSearchParams(result.current.location.search).get('filter') ?? '')).toEqual({});
  });

  it('lets the URL win over the store, as react-admin does', () => {
    const { result } = setup(
      { filter: { status: ['Pending'] } },
      `/campaigns/7/show?filter=${encodeURIComponent(JSON.stringify({ ringResult: ['Busy'] }))}`,
    );
    expect(result.current.grid.isShowingOnly('ringResult', 'Busy')).toBe(true);
    expect(result.current.grid.isShowingOnly('status', 'Pending')).toBe(false);
  });
});
