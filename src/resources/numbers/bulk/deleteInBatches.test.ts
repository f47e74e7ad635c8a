import type { DataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { fetchAllNumbers } from '../shared/fetchAllNumbers';
import { deleteNumbersInBatches } from './deleteInBatches';

const ids = Array.from({ length: 2345 }, (_, i) => i + 1);

const provider = (deleteMany: DataProvider['deleteMany']) => ({ deleteMany }) as unknown as DataProvider;

describe('deleteNumbersInBatches', () => {
  it('sends one DELETE up to the bound', async () => {
    const deleteMany = vi.fn(async (_r: string, { ids }: { ids: number[] }) => ({ data: ids }));
    const outcome = await deleteNumbersInBatches(provider(deleteMany as never), 7, [1, 2, 3]);
    expect(deleteMany).toHaveBeenCalledTimes(1);
    expect(deleteMany).toHaveBeenCalledWith('numbers', { ids: [1, 2, 3], meta: { campaignId: 7 } });
    expect(outcome).toEqual({ deletedIds: [1, 2, 3], notDeleted: 0, cancelled: false });
  });

  it('batches sequentially and stops at the first error with exact counts', async () => {
    const progress: number[] = [];
    let call = 0;
    const deleteMany = vi.fn(async (_r: string, { ids }: { ids: number[] }) => {
      if (call++ === 1) throw new Error('Service unavailable');
      return { data: ids.filter((id) => id !== 5) };
    });
    const outcome = await deleteNumbersInBatches(provider(deleteMany as never), 7, ids, {
      onProgress: (done) => progress.push(done),
    });
    expect(deleteMany).toHaveBeenCalledTimes(2);
    expect(outcome.deletedIds).toHaveLength(999);
    expect(outcome.notDeleted).toBe(2345 - 999);
    expect((outcome.error as Error).message).toBe('Service unavailable');
    expect(progress).toEqual([1000]);
  });

  it('stops before the next batch when cancelled', async () => {
    const controller = new AbortController();
    const deleteMany = vi.fn(async (_r: string, { ids }: { ids: number[] }) => {
      controller.abort();
      return { data: ids };
    });
    const outcome = await deleteNumbersInBatches(provider(deleteMany as never), 7, ids, {
      signal: controller.signal,
    });
    expect(deleteMany).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ cancelled: true, notDeleted: 1345 });
  });
});

describe('fetchAllNumbers', () => {
  it('pages with the largest range the API allows until the total, and pages on without a total', async () => {
    const all = ids.map((id) => ({ id, number: `+1${id}`, varValues: ['v'], status: 'Pending' }));
    const getList = vi.fn(
      async (
        _r: string,
        { pagination: { page, perPage } }: { pagination: { page: number; perPage: number } },
      ) => ({
        data: all.slice((page - 1) * perPage, page * perPage),
      }),
    );
    const rows = await fetchAllNumbers({ getList } as unknown as DataProvider, {
      campaignId: 7,
      filter: { status: 'Pending' },
      sort: { field: 'number', order: 'ASC' },
    });
    expect(rows).toHaveLength(2345);
    expect(rows[0]).toEqual({ id: 1, number: '+11', varValues: ['v'] });
    expect(getList.mock.calls.map(([, params]) => params.pagination)).toEqual([
      { page: 1, perPage: 1000 },
      { page: 2, perPage: 1000 },
      { page: 3, perPage: 1000 },
    ]);
    expect(getList).toHaveBeenCalledWith(
      'numbers',
      expect.objectContaining({ filter: { status: 'Pending', campaignId: 7 }, meta: { campaignId: 7 } }),
    );
  });
});
