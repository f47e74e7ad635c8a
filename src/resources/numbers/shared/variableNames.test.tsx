import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AdminContext, memoryStore } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { useVariableNames, variableNamesKey } from './variableNames';

const authProvider = {
  login: async () => {},
  logout: async () => {},
  checkAuth: async () => {},
  checkError: async () => {},
  getIdentity: async () => ({ id: '1001' }),
};
const wrapper = ({ children }: { children: ReactNode }) => (
  <AdminContext authProvider={authProvider} store={memoryStore()}>
    {children}
  </AdminContext>
);

describe('useVariableNames', () => {
  it('reads the names saved for the account and campaign, and shares writes between components', async () => {
    localStorage.setItem(variableNamesKey('1001', 7), JSON.stringify(['Name', 'Amount']));
    const first = renderHook(() => useVariableNames(7), { wrapper });
    const second = renderHook(() => useVariableNames(7), { wrapper });
    await waitFor(() => expect(first.result.current[0]).toEqual(['Name', 'Amount']));
    act(() => first.result.current[1](['Customer ', '', '']));
    expect(localStorage.getItem('sipcaller.varNames.1001.7')).toBe('["Customer"]');
    await waitFor(() => expect(second.result.current[0]).toEqual(['Customer']));
    act(() => first.result.current[1]([]));
    expect(localStorage.getItem('sipcaller.varNames.1001.7')).toBeNull();
  });

  it('ignores what it cannot read', async () => {
    localStorage.setItem(variableNamesKey('1001', 8), '{not json');
    const { result } = renderHook(() => useVariableNames(8), { wrapper });
    await waitFor(() => expect(result.current[0]).toEqual([]));
  });
});
