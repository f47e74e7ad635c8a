// How many numbers a campaign has, by status and by last ring result: one list call per bar with
// range=[0,0], read from the Content-Range total. Fetched in parallel, cached by react-query under
// react-admin's getList key, so saving or deleting numbers (which invalidates 'numbers' lists) refreshes them.
import { useQueries } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { type Id, NUMBER_STATUSES, RING_RESULTS } from '../../types';

export interface CountSpec {
  key: string;
  filter: Record<string, unknown>;
}

export const COUNT_SPECS: readonly CountSpec[] = [
  { key: 'total', filter: {} },
  ...NUMBER_STATUSES.map((status) => ({ key: `status.${status}`, filter: { status } })),
  ...RING_RESULTS.map((ringResult) => ({ key: `ringResult.${ringResult}`, filter: { ringResult } })),
];

export interface NumberCounts {
  /** Count per spec key; null where the API sent no total. */
  counts: Record<string, number | null>;
  isPending: boolean;
  error: unknown;
  refetch: () => void;
}

const SORT = { field: 'id', order: 'ASC' } as const;
const PAGINATION = { page: 1, perPage: 1 };

export const useNumberCounts = (campaignId: Id): NumberCounts => {
  const dataProvider = useDataProvider();
  const results = useQueries({
    queries: COUNT_SPECS.map(({ filter }) => {
      const params = {
        pagination: PAGINATION,
        sort: SORT,
        filter: { ...filter, campaignId },
        meta: { campaignId },
      };
      return {
        queryKey: ['numbers', 'getList', params],
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          dataProvider.getList('numbers', { ...params, signal }),
      };
    }),
  });
  const counts: Record<string, number | null> = {};
  COUNT_SPECS.forEach(({ key }, i) => {
    counts[key] = results[i].data?.total ?? null;
  });
  return {
    counts,
    isPending: results.some((result) => result.isPending),
    error: results.find((result) => result.error)?.error ?? null,
    refetch: () => {
      for (const result of results) if (result.error) result.refetch();
    },
  };
};
