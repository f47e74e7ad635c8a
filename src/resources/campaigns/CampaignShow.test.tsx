import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { useScrollToTop } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeProvider, makeCampaign, makeNumbers, renderGrid } from '../../../test/grid';
import CampaignShow from './CampaignShow';

// The page's refresh every 15 s (useLiveRefresh.test.tsx) would add calls to a slow run's counts.
vi.mock('../../contract', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../contract')>()),
  CAMPAIGN_PAGE_REFRESH_MS: 0,
}));

// react-admin's first render is slow when the shared machine is busy: wait longer, assert the same.
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 90_000 });

/** What <Admin> does around every page (ra-core's CoreAdminRoutes): scroll to the top on `_scrollToTop`. */
const AdminRoutes = ({ children }: { children: ReactNode }) => {
  useScrollToTop();
  const location = useLocation();
  return (
    <>
      {children}
      <output aria-label="address">{`${location.pathname}${location.search}`}</output>
    </>
  );
};

const renderShow = (dataProvider: ReturnType<typeof fakeProvider>) =>
  renderGrid(
    <AdminRoutes>
      <CampaignShow />
    </AdminRoutes>,
    {
      dataProvider,
      url: '/campaigns/7/show',
      path: '/campaigns/:id/show',
      resource: 'campaigns',
    },
  );

const gridFilter = () => {
  const search = new URLSearchParams(screen.getByLabelText('address').textContent?.split('?')[1] ?? '');
  return JSON.parse(search.get('filter') ?? '{}');
};

/** The numbers of the grid's rows (the first column). */
const gridNumbers = () =>
  screen
    .getAllByRole('row')
    .map((row) => within(row).queryAllByRole('cell')[1]?.textContent ?? '')
    .filter((text) => text.startsWith('+'));

describe('CampaignShow', () => {
  it('shows the details, the counts by status and by last result, and the numbers grid', async () => {
    // makeNumbers: statuses cycle Pending/InProgress/Completed/Failed; ringResult null for every 4th.
    const dataProvider = fakeProvider({ campaigns: [makeCampaign()], numbers: makeNumbers(40) });
    renderShow(dataProvider);
    const chart = await screen.findByRole('region', { name: 'Numbers by status and last result' });
    expect(await within(chart).findByText('40 numbers in total')).toBeInTheDocument();
    // Folded at first: one row of counts per group, each a button.
    const statusRow = within(chart).getByRole('group', { name: 'By status' });
    expect(within(statusRow).getByRole('button', { name: 'Pending 10' })).toBeInTheDocument();
    const resultRow = within(chart).getByRole('group', { name: 'By last ring result' });
    expect(within(resultRow).getByRole('button', { name: 'Not called yet 10' })).toBeInTheDocument();
    expect(within(chart).queryByRole('list')).not.toBeInTheDocument();
    // Each count is one list call asking for a single row, in parallel.
    const countCalls = dataProvider.getList.mock.calls.filter(
      ([, params]) => params.pagination?.perPage === 1,
    );
    expect(countCalls).toHaveLength(10);
    expect(countCalls.map(([, params]) => params.filter)).toContainEqual({
      status: 'Pending',
      campaignId: 7,
    });
    expect(countCalls.every(([, params]) => params.meta?.campaignId === 7)).toBe(true);

    // Unfolded: the bars, and the table alternative.
    const expand = within(chart).getByRole('button', { name: 'Show the chart' });
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(expand);
    expect(within(chart).getByRole('button', { name: 'Hide the chart' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const byStatus = within(chart).getByRole('list', { name: 'By status' });
    const pending = within(byStatus).getByText('Pending').closest('li') as HTMLElement;
    expect(pending).toHaveTextContent('Pending10');
    const byResult = within(chart).getByRole('list', { name: 'By last ring result' });
    expect(within(byResult).getByText('Not called yet').closest('li')).toHaveTextContent('Not called yet10');
    await userEvent.click(within(chart).getByRole('button', { name: 'Show as a table' }));
    const table = within(chart).getByRole('table', { name: 'Numbers by status and last result' });
    expect(
      within(table).getByRole('rowheader', { name: 'By status: Completed' }).closest('tr'),
    ).toHaveTextContent('10');

    expect(screen.getByText('Predictive')).toBeInTheDocument();
    expect(await screen.findByText('+18005550039')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add number' })).toHaveAttribute(
      'href',
      '/campaigns/7/numbers/create',
    );
    expect(screen.getByRole('link', { name: 'Upload CSV' })).toHaveAttribute(
      'href',
      '/campaigns/7/numbers/upload',
    );
  });

  it('shows Add number and Upload CSV disabled, with the reason in words, on a Static campaign', async () => {
    const dataProvider = fakeProvider({
      campaigns: [makeCampaign({ type: 'Static' })],
      numbers: makeNumbers(3),
    });
    renderShow(dataProvider);
    const add = await screen.findByRole('button', { name: 'Add number' });
    const upload = screen.getByRole('button', { name: 'Upload CSV' });
    const reason = 'Numbers can be added only while a Dynamic campaign is Active';
    for (const button of [add, upload]) {
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(reason);
    }
    expect(screen.getByText(reason)).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Add number' })).not.toBeInTheDocument();
  });

  it('shows the counts error with a Retry', async () => {
    let fail = true;
    const dataProvider = fakeProvider({
      campaigns: [makeCampaign()],
      numbers: makeNumbers(4),
      failList: (resource) => (resource === 'numbers' && fail ? new Error('Bad gateway') : undefined),
    });
    renderShow(dataProvider);
    expect(await screen.findByText('The counts could not be loaded: Bad gateway')).toBeInTheDocument();
    fail = false;
    const chart = screen.getByRole('region', { name: 'Numbers by status and last result' });
    await userEvent.click(within(chart).getByRole('button', { name: 'Retry' }));
    expect(await within(chart).findByText('4 numbers in total')).toBeInTheDocument();
  });

  it('shows an empty campaign’s total alone: no bars, no zero counts above the empty grid', async () => {
    renderShow(fakeProvider({ campaigns: [makeCampaign()], numbers: [] }));
    const chart = await screen.findByRole('region', { name: 'Numbers by status and last result' });
    expect(await within(chart).findByText('0 numbers in total')).toBeInTheDocument();
    expect(within(chart).queryByRole('button')).not.toBeInTheDocument();
    expect(within(chart).queryByRole('list')).not.toBeInTheDocument();
    expect(within(chart).queryByRole('group')).not.toBeInTheDocument();
    expect(chart).toHaveTextContent(/^Numbers by status and last result0 numbers in total$/);
    expect(await screen.findByText(/No numbers yet — add one/)).toBeInTheDocument();
  });

  it('filters the numbers grid to the numbers of a count when it is clicked, and back', async () => {
    const user = userEvent.setup();
    const dataProvider = fakeProvider({ campaigns: [makeCampaign()], numbers: makeNumbers(40) });
    renderShow(dataProvider);
    const chart = await screen.findByRole('region', { name: 'Numbers by status and last result' });
    const statusRow = await within(chart).findByRole('group', { name: 'By status' });
    const failed = within(statusRow).getByRole('button', { name: 'Failed 10' });
    expect(await screen.findByText('+18005550039')).toBeInTheDocument();
    expect(failed).toHaveAttribute('aria-pressed', 'false');

    await user.click(failed);
    expect(gridFilter()).toEqual({ status: ['Failed'] });
    await waitFor(() => expect(screen.queryByText('+18005550038')).not.toBeInTheDocument());
    expect(gridNumbers()).toHaveLength(10);
    expect(screen.getByText('+18005550039')).toBeInTheDocument();
    expect(failed).toHaveAttribute('aria-pressed', 'true');
    const lastCall = dataProvider.getList.mock.calls.at(-1);
    expect(lastCall?.[1].filter).toEqual({ status: ['Failed'], campaignId: 7 });

    // Again: every number.
    await user.click(failed);
    expect(gridFilter()).toEqual({});
    await waitFor(() => expect(gridNumbers()).toHaveLength(25));
    expect(failed).toHaveAttribute('aria-pressed', 'false');
  }, 180_000);

  it('filters the numbers grid by last result from a bar of the full chart, "Not called yet" included', async () => {
    const user = userEvent.setup();
    renderShow(fakeProvider({ campaigns: [makeCampaign()], numbers: makeNumbers(40) }));
    const chart = await screen.findByRole('region', { name: 'Numbers by status and last result' });
    await user.click(await within(chart).findByRole('button', { name: 'Show the chart' }));
    const byResult = within(chart).getByRole('list', { name: 'By last ring result' });
    await user.click(within(byResult).getByRole('button', { name: /^Not called yet/ }));
    expect(gridFilter()).toEqual({ ringResult: [null] });
    await waitFor(() => expect(gridNumbers()).toHaveLength(10));
    expect(screen.getByText('+18005550036')).toBeInTheDocument();
    await user.click(within(byResult).getByRole('button', { name: /^Busy/ }));
    expect(gridFilter()).toEqual({ ringResult: ['Busy'] });
    await waitFor(() => expect(gridNumbers()).toHaveLength(10));
    expect(within(byResult).getByRole('button', { name: /^Busy/ })).toHaveAttribute('aria-pressed', 'true');
  }, 180_000);
});

describe('paging the numbers grid', () => {
  const { scrollTo } = window;
  afterEach(() => {
    window.scrollTo = scrollTo;
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
  });

  it('keeps the window where it was (react-admin would scroll it to the top)', async () => {
    let y = 0;
    const moves: number[] = [];
    window.scrollTo = ((_x: number, top: number) => {
      y = top;
      moves.push(top);
    }) as typeof window.scrollTo;
    Object.defineProperty(window, 'scrollY', { configurable: true, get: () => y });
    const user = userEvent.setup();
    renderShow(fakeProvider({ campaigns: [makeCampaign()], numbers: makeNumbers(60) }));
    expect(await screen.findByText('+18005550059')).toBeInTheDocument();
    y = 700;
    await user.click(screen.getByRole('button', { name: 'Go to page 2' }));
    expect(await screen.findByText('+18005550034')).toBeInTheDocument();
    expect(screen.getByLabelText('address')).toHaveTextContent('page=2');
    await waitFor(() => expect(moves).toContain(0));
    expect(y).toBe(700);
    expect(moves.at(-1)).toBe(700);
  });
});
