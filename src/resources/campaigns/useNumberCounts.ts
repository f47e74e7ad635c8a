// How many numbers a campaign has, by status and by last ring result: one list call per bar with
// range=[0,0], read from the Content-Range total. Fetched in parallel, cached by react-query under
// react-admin's getList key, so saving or deleting numbers (which invalidates 'numbers' lists) refreshes them.
import { type Query, useIsFetching, useQueries } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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

/** A page of the campaign's numbers grid (more than one row), as react-admin's getList keys it. */
const isGridPage =
  (campaignId: Id) =>
  (query: Query): boolean => {
    const [resource, method, params] = query.queryKey as [
      unknown,
      unknown,
      { pagination?: { perPage?: number }; meta?: { campaignId?: Id } } | undefined,
    ];
    return (
      resource === 'numbers' &&
      method === 'getList' &&
      String(params?.meta?.campaignId) === String(campaignId) &&
      (params?.pagination?.perPage ?? 0) > 1
    );
  };

/**
 * The counts are off the critical path: they start once the browser is idle after the page mounted
 * and the grid's page is no longer in flight, so the grid's request reaches the API first and the
 * ten counts never hold the browser's six connections before it. Once started, they stay on.
 */
const useAfterGridPage = (campaignId: Id): boolean => {
  const [idle, setIdle] = useState(false);
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback !== 'function') {
      setIdle(true);
      return;
    }
    const handle = window.requestIdleCallback(() => setIdle(true), { timeout: 1000 });
    return () => window.cancelIdleCallback(handle);
  }, []);
  const gridFetching = useIsFetching({ predicate: isGridPage(campaignId) }) > 0;
  if (idle && !gridFetching && !started) setStarted(true);
  return started;
};

export const useNumberCounts = (campaignId: Id): NumberCounts => {
  const dataProvider = useDataProvider();
  const enabled = useAfterGridPage(campaignId);
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
        enabled,
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
