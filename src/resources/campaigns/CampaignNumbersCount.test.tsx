import { useQueryClient } from '@tanstack/react-query';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { fakeProvider, makeCampaign, makeNumbers, renderGrid } from '../../../test/grid';
import type { Id } from '../../types';
import CampaignList from './CampaignList';
import { createLimiter, NUMBER_COUNTS_IN_FLIGHT } from './CampaignNumbersCount';

configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 90_000 });

const names = [
  'Alpha',
  'Bravo',
  'Charlie',
  'Delta',
  'Echo',
  'Foxtrot',
  'Golf',
  'Hotel',
  'India',
  'Juliet',
  'Kilo',
  'Lima',
];
const campaigns = names.map((name, i) => makeCampaign({ id: i + 1, name }));

/** The fake provider, with numbers counted per campaign (meta.campaignId) and count calls held until released. */
const providerWithCounts = ({ hold = false } = {}) => {
  const base = fakeProvider({ campaigns });
  let inFlight = 0;
  let maxInFlight = 0;
  const held: (() => void)[] = [];
  const countCalls: Id[] = [];
  const getList = vi.fn(async (resource: string, params: Parameters<DataProvider['getList']>[1]) => {
    if (resource !== 'numbers') return base.getList(resource, params);
    const campaignId = params.meta?.campaignId as number;
    countCalls.push(campaignId);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    if (hold) await new Promise<void>((resolve) => held.push(resolve));
    inFlight -= 1;
    // Campaign n holds n × 100 numbers.
    return { data: makeNumbers(1, 0, campaignId) as never[], total: campaignId * 100 };
  });
  const dataProvider = { ...base, getList } as typeof base;
  return {
    dataProvider,
    countCalls,
    maxInFlight: () => maxInFlight,
    release: () => {
      for (const resolve of held.splice(0)) resolve();
    },
    heldCount: () => held.length,
  };
};

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr') as HTMLElement;

describe('the campaigns list’s Numbers column', () => {
  it('shows how many numbers each campaign on the page holds, one single-row call each', async () => {
    const { dataProvider, countCalls } = providerWithCounts();
    renderGrid(<CampaignList />, {
      dataProvider,
      url: '/campaigns?perPage=10',
      path: '/campaigns',
      resource: 'campaigns',
    });
    const header = await screen.findByRole('columnheader', { name: 'Numbers' });
    // The API cannot sort by it (nor by tags): no sort button.
    expect(within(header).queryByRole('button')).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('columnheader', { name: 'Tags' })).queryByRole('button'),
    ).not.toBeInTheDocument();
    expect(await within(rowOf('Bravo')).findByText('200')).toBeInTheDocument();
    expect(await within(rowOf('Juliet')).findByText('1,000')).toBeInTheDocument();
    // The visible page only: 10 of the 12 campaigns.
    await waitFor(() => expect(countCalls).toHaveLength(10));
    expect(new Set(countCalls)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const calls = dataProvider.getList.mock.calls.filter(([resource]) => resource === 'numbers');
    expect(calls.every(([, params]) => params.pagination?.perPage === 1)).toBe(true);
    expect(calls[0][1].filter).toEqual({ campaignId: calls[0][1].meta.campaignId });
  });

  it(`asks for at most ${NUMBER_COUNTS_IN_FLIGHT} counts at a time, and not again until the page changes`, async () => {
    const user = userEvent.setup();
    const counts = providerWithCounts({ hold: true });
    renderGrid(<CampaignList />, {
      dataProvider: counts.dataProvider,
      url: '/campaigns?perPage=10',
      path: '/campaigns',
      resource: 'campaigns',
    });
    await screen.findByRole('link', { name: 'Alpha' });
    await waitFor(() => expect(counts.heldCount()).toBe(NUMBER_COUNTS_IN_FLIGHT));
    expect(within(rowOf('Alpha')).getByText('Counting…')).toBeInTheDocument();
    while (counts.countCalls.length < 10 || counts.heldCount() > 0) {
      counts.release();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(counts.maxInFlight()).toBe(NUMBER_COUNTS_IN_FLIGHT);
    expect(await within(rowOf('Alpha')).findByText('100')).toBeInTheDocument();
    // Focus and re-renders ask nothing again.
    fireEvent.focus(window);
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(counts.countCalls).toHaveLength(10);
    // The next page asks for its own campaigns.
    await user.click(screen.getByRole('button', { name: /page 2/i }));
    await screen.findByRole('link', { name: 'Lima' });
    while (counts.countCalls.length < 12 || counts.heldCount() > 0) {
      counts.release();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await within(rowOf('Lima')).findByText('1,200')).toBeInTheDocument();
    expect(counts.countCalls.slice(10).sort()).toEqual([11, 12]);
  });
});

/** What an upload's end (useUpload) and the add form do once numbers changed: invalidate the numbers' queries. */
const NumbersChanged = () => {
  const queryClient = useQueryClient();
  return (
    <button type="button" onClick={() => void queryClient.invalidateQueries({ queryKey: ['numbers'] })}>
      numbers changed
    </button>
  );
};

describe('the campaigns list’s Numbers column after numbers changed', () => {
  it('asks again when the numbers’ queries are invalidated (a background upload finished)', async () => {
    const { dataProvider } = providerWithCounts();
    let extra = 0;
    const getList = dataProvider.getList;
    dataProvider.getList = (async (resource: string, params: Parameters<DataProvider['getList']>[1]) => {
      const result = await getList(resource, params);
      return resource === 'numbers' ? { ...result, total: (result.total ?? 0) + extra } : result;
    }) as typeof getList;
    renderGrid(
      <>
        <CampaignList />
        <NumbersChanged />
      </>,
      { dataProvider, url: '/campaigns?perPage=10', path: '/campaigns', resource: 'campaigns' },
    );
    await screen.findByRole('link', { name: 'Bravo' });
    expect(await within(rowOf('Bravo')).findByText('200')).toBeInTheDocument();
    extra = 5;
    fireEvent.click(screen.getByRole('button', { name: 'numbers changed' }));
    expect(await within(rowOf('Bravo')).findByText('205')).toBeInTheDocument();
  });
});

describe('createLimiter', () => {
  it('runs a few tasks at once and the rest in order; an aborted wait never runs', async () => {
    const run = createLimiter(2);
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const task = (n: number) => () =>
      new Promise<number>((resolve) => {
        started.push(n);
        finish.push(() => resolve(n));
      });
    const aborted = new AbortController();
    const results = [run(task(1)), run(task(2)), run(task(3), aborted.signal), run(task(4))];
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    aborted.abort();
    await expect(results[2]).rejects.toBeDefined();
    finish[0]();
    await results[0];
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([1, 2, 4]);
    finish[1]();
    finish[2]();
    expect(await Promise.all([results[1], results[3]])).toEqual([2, 4]);
  });
});
