import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeProvider, makeCampaign, makeNumbers, renderGrid } from '../../../test/grid';
import CampaignShow from './CampaignShow';

// react-admin's first render is slow when the shared machine is busy: wait longer, assert the same.
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 90_000 });

const renderShow = (dataProvider: ReturnType<typeof fakeProvider>) =>
  renderGrid(<CampaignShow />, {
    dataProvider,
    url: '/campaigns/7/show',
    path: '/campaigns/:id/show',
    resource: 'campaigns',
  });

describe('CampaignShow', () => {
  it('shows the details, the counts by status and by last result, and the numbers grid', async () => {
    // makeNumbers: statuses cycle Pending/InProgress/Completed/Failed; ringResult null for every 4th.
    const dataProvider = fakeProvider({ campaigns: [makeCampaign()], numbers: makeNumbers(40) });
    renderShow(dataProvider);
    const chart = await screen.findByRole('region', { name: 'Numbers by status and last result' });
    expect(await within(chart).findByText('40 numbers in total')).toBeInTheDocument();
    const byStatus = within(chart).getByRole('list', { name: 'By status' });
    const pending = within(byStatus).getByText('Pending').closest('li') as HTMLElement;
    expect(pending).toHaveTextContent('Pending10');
    const byResult = within(chart).getByRole('list', { name: 'By last ring result' });
    expect(within(byResult).getByText('Not called yet').closest('li')).toHaveTextContent('Not called yet10');
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
});
