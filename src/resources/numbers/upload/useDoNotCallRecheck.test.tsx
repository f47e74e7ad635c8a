import 'fake-indexeddb/auto';
import { renderHook, waitFor } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CsvAnalysis } from '../../../lib/csv';
import { deleteDncList, listDncLists, resetDncStore, writeDncList } from '../../../lib/dnc';
import { useDoNotCallRecheck } from './useDoNotCallRecheck';

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await resetDncStore();
});

const analysed = (lists: string[], checkedAt: number) =>
  ({ doNotCall: { lists, rows: 0, checkedAt } }) as unknown as CsvAnalysis;

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('useDoNotCallRecheck', () => {
  it('leaves an analysis of the lists as they are, and analyses again once a list is written or deleted', async () => {
    await writeDncList({ mode: 'new', name: 'Internal DNC', keys: Float64Array.of(12025550100) });
    const again = vi.fn();
    const { rerender } = renderHook(({ analysis }) => useDoNotCallRecheck(analysis, true, again), {
      initialProps: { analysis: analysed(['Internal DNC'], Date.now() + 1) },
    });
    await settle();
    expect(again).not.toHaveBeenCalled();

    // Another tab adds to the list: seen when the window regains focus.
    const [list] = await listDncLists();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writeDncList({ mode: 'add', id: list.id, keys: Float64Array.of(12025550101) });
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(again).toHaveBeenCalledTimes(1));

    // The new analysis saw them; then the list is deleted.
    rerender({ analysis: analysed(['Internal DNC'], Date.now() + 1) });
    await settle();
    expect(again).toHaveBeenCalledTimes(1);
    await deleteDncList(list.id);
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(again).toHaveBeenCalledTimes(2));
  });

  it('does nothing while the panel is busy, or for an analysis that checked no lists', async () => {
    await writeDncList({ mode: 'new', name: 'New', keys: Float64Array.of(12025550100) });
    const again = vi.fn();
    renderHook(() => useDoNotCallRecheck(analysed([], 0), false, again));
    renderHook(() => useDoNotCallRecheck({ doNotCall: null } as unknown as CsvAnalysis, true, again));
    await settle();
    expect(again).not.toHaveBeenCalled();
  });
});
