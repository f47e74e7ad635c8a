import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeProvider, makeCampaign, renderGrid } from '../../../test/grid';
import CampaignList from './CampaignList';

// react-admin's first render is slow when the shared machine is busy: wait longer, assert the same.
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 90_000 });

const campaigns = [
  makeCampaign({ id: 1, name: 'Spring Sale Callback', tagIds: [3, 5] }),
  makeCampaign({
    id: 2,
    name: 'Quarterly Survey',
    type: 'Static',
    status: 'Paused',
    dialer: { mode: 'Power' },
  }),
  makeCampaign({
    id: 3,
    name: 'New Leads Inbox',
    status: 'Draft',
    dialer: { mode: 'Power' },
    startDate: null,
  }),
];

const renderList = (dataProvider = fakeProvider({ campaigns }), url = '/campaigns') =>
  renderGrid(<CampaignList />, { dataProvider, url, path: '/campaigns', resource: 'campaigns' });

describe('CampaignList', () => {
  it('shows a loading state, then the campaigns with their columns', async () => {
    const dataProvider = fakeProvider({ campaigns });
    renderList(dataProvider);
    expect(await screen.findByRole('progressbar', { name: 'Loading campaigns…' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Spring Sale Callback' })).toBeInTheDocument();
    for (const name of ['Name', 'Type', 'Status', 'Dialer mode', 'Start date', 'Tags']) {
      expect(screen.getByRole('columnheader', { name: new RegExp(name) })).toBeInTheDocument();
    }
    const row = screen.getByRole('link', { name: 'Quarterly Survey' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Static')).toBeInTheDocument();
    expect(within(row).getByText('Paused')).toBeInTheDocument();
    expect(within(row).getByText('Power')).toBeInTheDocument();
    const springRow = screen.getByRole('link', { name: 'Spring Sale Callback' }).closest('tr') as HTMLElement;
    expect(within(springRow).getByText('3')).toBeInTheDocument();
    expect(within(springRow).getByText('5')).toBeInTheDocument();
    expect(dataProvider.getList).toHaveBeenCalledWith(
      'campaigns',
      expect.objectContaining({
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'name', order: 'ASC' },
      }),
    );
  });

  it('shows the empty state when the account has no campaigns', async () => {
    renderList(fakeProvider({ campaigns: [] }));
    expect(await screen.findByText('This account has no campaigns yet.')).toBeInTheDocument();
  });

  it('shows the error with a Retry that loads again', async () => {
    let fail = true;
    const dataProvider = fakeProvider({
      campaigns,
      failList: () => (fail ? new Error('Service unavailable') : undefined),
    });
    renderList(dataProvider);
    expect(
      await screen.findByText('The campaigns could not be loaded: Service unavailable'),
    ).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Spring Sale Callback' })).toBeInTheDocument();
  });

  it('sorts by a column and sends the filters the API documents', async () => {
    const dataProvider = fakeProvider({ campaigns });
    renderList(dataProvider);
    await screen.findByRole('link', { name: 'Spring Sale Callback' });
    await userEvent.click(screen.getByRole('button', { name: /sort by dialer mode/i }));
    await waitFor(() =>
      expect(dataProvider.getList).toHaveBeenLastCalledWith(
        'campaigns',
        expect.objectContaining({ sort: { field: 'dialer.mode', order: 'ASC' } }),
      ),
    );
    await userEvent.type(screen.getByLabelText('Search name'), 'survey');
    await waitFor(() =>
      expect(dataProvider.getList).toHaveBeenLastCalledWith(
        'campaigns',
        expect.objectContaining({ filter: { name: 'survey' } }),
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Spring Sale Callback' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('link', { name: 'Quarterly Survey' })).toBeInTheDocument();
  });

  it('reads status (several), type, dialer mode and start date filters from the URL', async () => {
    const dataProvider = fakeProvider({ campaigns });
    const filter = {
      status: ['Active', 'Paused'],
      type: 'Dynamic',
      dialer: { mode: 'Predictive' },
      startDate_gte: '2024-11-01T00:00:00',
    };
    renderList(dataProvider, `/campaigns?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(await screen.findByRole('link', { name: 'Spring Sale Callback' })).toBeInTheDocument();
    expect(dataProvider.getList).toHaveBeenCalledWith('campaigns', expect.objectContaining({ filter }));
    expect(screen.queryByRole('link', { name: 'Quarterly Survey' })).not.toBeInTheDocument();
  });
});
