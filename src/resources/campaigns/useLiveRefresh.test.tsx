import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAMPAIGN_PAGE_REFRESH_MS } from '../../contract';
import { isCampaignNumbersQuery, useLiveRefresh } from './useLiveRefresh';

const INTERVAL = 1000;

const setVisibility = (state: 'visible' | 'hidden') => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
};

/** A query keyed like react-admin's getList of the numbers of a campaign. */
const NumbersQuery = ({ campaignId, fetcher }: { campaignId: number; fetcher: () => Promise<number> }) => {
  useQuery({
    queryKey: ['numbers', 'getList', { pagination: { page: 1, perPage: 25 }, meta: { campaignId } }],
    queryFn: fetcher,
  });
  return null;
};

const Refresh = ({ campaignId }: { campaignId: number }) => {
  useLiveRefresh(campaignId, INTERVAL);
  return null;
};

const renderPage = (children: ReactNode) => {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  return render(<QueryClientProvider client={client}>{children}</QueryClientProvider>);
};

describe('useLiveRefresh', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    setVisibility('visible');
  });
  afterEach(() => {
    setVisibility('visible');
    vi.useRealTimers();
  });

  it('refreshes this campaign’s numbers queries every interval, and no other campaign’s', async () => {
    const mine = vi.fn(async () => 1);
    const other = vi.fn(async () => 2);
    renderPage(
      <>
        <NumbersQuery campaignId={7} fetcher={mine} />
        <NumbersQuery campaignId={8} fetcher={other} />
        <Refresh campaignId={7} />
      </>,
    );
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(mine).toHaveBeenCalledTimes(1);
    // Not at once: the page has just loaded.
    await act(() => vi.advanceTimersByTimeAsync(INTERVAL - 100));
    expect(mine).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(mine).toHaveBeenCalledTimes(2);
    await act(() => vi.advanceTimersByTimeAsync(INTERVAL));
    expect(mine).toHaveBeenCalledTimes(3);
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('pauses while the tab is hidden, and refreshes when it shows again', async () => {
    const fetcher = vi.fn(async () => 1);
    renderPage(
      <>
        <NumbersQuery campaignId={7} fetcher={fetcher} />
        <Refresh campaignId={7} />
      </>,
    );
    await act(() => vi.advanceTimersByTimeAsync(10));
    act(() => setVisibility('hidden'));
    await act(() => vi.advanceTimersByTimeAsync(INTERVAL * 5));
    expect(fetcher).toHaveBeenCalledTimes(1);
    act(() => setVisibility('visible'));
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('never starts a refresh while the last one is still running', async () => {
    let calls = 0;
    const resolvers: (() => void)[] = [];
    const fetcher = vi.fn(() => {
      calls += 1;
      // The first load answers at once; the refresh hangs for several intervals.
      if (calls === 1) return Promise.resolve(1);
      return new Promise<number>((resolve) => resolvers.push(() => resolve(calls)));
    });
    renderPage(
      <>
        <NumbersQuery campaignId={7} fetcher={fetcher} />
        <Refresh campaignId={7} />
      </>,
    );
    await act(() => vi.advanceTimersByTimeAsync(INTERVAL + 10));
    expect(fetcher).toHaveBeenCalledTimes(2);
    await act(() => vi.advanceTimersByTimeAsync(INTERVAL * 4));
    expect(fetcher).toHaveBeenCalledTimes(2);
    await act(async () => {
      for (const resolve of resolvers.splice(0)) resolve();
    });
    await act(() => vi.advanceTimersByTimeAsync(INTERVAL));
    expect(fetcher).toHaveBeenCalledTimes(3);
  });

  it('is set to 15 s', () => {
    expect(CAMPAIGN_PAGE_REFRESH_MS).toBe(15_000);
    expect(
      isCampaignNumbersQuery({ queryKey: ['numbers', 'getList', { meta: { campaignId: '7' } }] }, 7),
    ).toBe(true);
    expect(
      isCampaignNumbersQuery({ queryKey: ['campaigns', 'getList', { meta: { campaignId: 7 } }] }, 7),
    ).toBe(false);
  });
});
