// "A campaign page that stays current": while the page is mounted and the tab visible, its counts and
// the grid's current page are asked for again every CAMPAIGN_PAGE_REFRESH_MS. The timing, the pause
// while the tab is hidden and the no-overlap rule are react-query's own: one query whose refetch
// interval refetches the page's active number queries.
//  - refetchInterval + refetchIntervalInBackground: false: react-query skips a tick while
//    document.visibilityState is "hidden" (its focusManager), and refetches once when the tab shows
//    again after the interval has passed (refetchOnWindowFocus on a stale query).
//  - a tick while the previous refresh still runs joins it (a query never fetches twice at once), and
//    the refetch joins a fetch of the grid already under way (cancelRefetch: false): no storm.
//  - refetching keeps every query's data on screen (no pending state), and nothing here touches the
//    store: the selection, the filters being typed and the scroll position stay as they are.
import { type Query, useQuery, useQueryClient } from '@tanstack/react-query';
import { CAMPAIGN_PAGE_REFRESH_MS } from '../../contract';
import type { Id } from '../../types';

/** A react-admin numbers list call (the grid's page, or a count) of this campaign. */
export const isCampaignNumbersQuery = (query: Pick<Query, 'queryKey'>, campaignId: Id): boolean => {
  const [resource, method, params] = query.queryKey as [unknown, unknown, { meta?: { campaignId?: Id } }?];
  return (
    resource === 'numbers' &&
    method === 'getList' &&
    params?.meta?.campaignId != null &&
    String(params.meta.campaignId) === String(campaignId)
  );
};

export const useLiveRefresh = (campaignId: Id, intervalMs: number = CAMPAIGN_PAGE_REFRESH_MS) => {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['campaigns', 'liveRefresh', String(campaignId)],
    queryFn: async () => {
      await queryClient.refetchQueries(
        { type: 'active', predicate: (query) => isCampaignNumbersQuery(query, campaignId) },
        { cancelRefetch: false, throwOnError: false },
      );
      return Date.now();
    },
    enabled: intervalMs > 0,
    // The page has just loaded everything: the first refresh is one interval away.
    initialData: () => Date.now(),
    initialDataUpdatedAt: () => Date.now(),
    staleTime: intervalMs,
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    refetchOnReconnect: false,
    retry: false,
    gcTime: 0,
  });
};
