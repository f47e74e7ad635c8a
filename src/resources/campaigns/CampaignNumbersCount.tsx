// The campaigns list's Numbers column: how many numbers each campaign of the visible page holds. One
// list call per campaign asking for a single row (range=[0,0]), read from the Content-Range total,
// as the campaign page's chart does (useNumberCounts). Only the rows on screen ask, at most
// NUMBER_COUNTS_IN_FLIGHT at a time. A count is cached until the list's page changes: its query key
// names the page shown (its rows), so a re-render, a language switch or a focus asks nothing again,
// and another page (or coming back to this one later) asks afresh. The key starts with 'numbers': once
// a campaign's numbers change (an upload that ends while the list is on screen, the add form), the
// invalidation of the numbers' queries (useUpload, NumberForm) reaches the counts too.

import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useLocaleState, useTranslate } from 'react-admin';
import { abortReason } from '../../lib/errors';
import type { Campaign, Id } from '../../types';

export const NUMBER_COUNTS_IN_FLIGHT = 3;

/** Runs at most `limit` tasks at once, the others in order as slots free up; an aborted wait never runs. */
export const createLimiter = (limit: number) => {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async <T,>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    if (running >= limit) {
      await new Promise<void>((resolve, reject) => {
        const start = () => {
          signal?.removeEventListener('abort', abort);
          resolve();
        };
        const abort = () => {
          const index = waiting.indexOf(start);
          if (index >= 0) waiting.splice(index, 1);
          reject(abortReason(signal));
        };
        signal?.addEventListener('abort', abort, { once: true });
        waiting.push(start);
      });
    }
    running += 1;
    try {
      return await task();
    } finally {
      next();
    }
  };
};

const limited = createLimiter(NUMBER_COUNTS_IN_FLIGHT);

/** The params of the chart's "total" count (useNumberCounts). */
const totalParams = (campaignId: Id) => ({
  pagination: { page: 1, perPage: 1 },
  sort: { field: 'id', order: 'ASC' as const },
  filter: { campaignId },
  meta: { campaignId },
});

export const useCampaignNumberCount = (campaignId: Id) => {
  const dataProvider = useDataProvider();
  // The page as shown: the rows' ids (while the next page loads, the rows shown, and their counts, stay).
  const { data } = useListContext();
  const listPage = (data ?? []).map((record) => String(record.id)).join(',');
  return useQuery({
    queryKey: ['numbers', 'campaignCount', String(campaignId), listPage],
    queryFn: async ({ signal }) => {
      const params = totalParams(campaignId);
      const result = await limited(() => dataProvider.getList('numbers', { ...params, signal }), signal);
      return result.total ?? null;
    },
    staleTime: Number.POSITIVE_INFINITY,
    // Dropped once its page is gone.
    gcTime: 0,
  });
};

export const CampaignNumbersCount = ({ record }: { record: Campaign }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useCampaignNumberCount(record.id);
  if (isPending)
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('resources.campaigns.list.countLoading')}
      </Typography>
    );
  if (error || data == null)
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('resources.campaigns.list.countUnavailable')}
      </Typography>
    );
  return <>{new Intl.NumberFormat(locale).format(data)}</>;
};
