import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeProvider, makeCampaign, renderGrid } from '../../../test/grid';
import { i18nProvider } from '../../i18n';
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
    await userEvent.click(screen.getByRole('button', { name: 'Dialer mode' }));
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

describe('CampaignList for an operator (issue 10)', () => {
  it('names each column by its label, with aria-sort on the sorted one', async () => {
    renderList();
    await screen.findByRole('link', { name: 'Spring Sale Callback' });
    for (const name of ['Name', 'Type', 'Status', 'Dialer mode', 'Start date', 'Tags']) {
      expect(screen.getByRole('columnheader', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('button', { name: 'Name' })).toHaveAccessibleDescription(
      'Sort by name descending',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Status' }));
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: 'Status' })).toHaveAttribute('aria-sort', 'ascending'),
    );
    expect(screen.getByRole('columnheader', { name: 'Name' })).not.toHaveAttribute('aria-sort');
  });

  it('labels the "no filter" option of every select', async () => {
    renderList();
    await screen.findByRole('link', { name: 'Spring Sale Callback' });
    for (const [select, options] of [
      ['Type', ['All', 'Static', 'Dynamic']],
      ['Dialer mode', ['All', 'Power', 'Predictive']],
    ] as const) {
      await userEvent.click(screen.getByRole('combobox', { name: select }));
      const listbox = await screen.findByRole('listbox');
      expect(
        within(listbox)
          .getAllByRole('option')
          .map((option) => option.textContent?.trim()),
      ).toEqual(options);
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    }
  });

  it('offers Clear filters when the filters match nothing', async () => {
    const dataProvider = fakeProvider({ campaigns });
    renderList(dataProvider, `/campaigns?filter=${encodeURIComponent(JSON.stringify({ name: 'nothing' }))}`);
    expect(await screen.findByText('No campaign matches these filters.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('link', { name: 'Quarterly Survey' })).toBeInTheDocument();
    expect(screen.getByLabelText('Search name')).toHaveValue('');
  });

  describe('in Spanish', () => {
    beforeEach(() => i18nProvider.changeLocale('es'));
    afterEach(() => i18nProvider.changeLocale('en'));

    it('shows dates with a month name, counts in Spanish, and every dialer mode translated', async () => {
      const many = Array.from({ length: 1234 }, (_, i) =>
        makeCampaign({
          id: i + 1,
          name: `Campaign ${String(i).padStart(4, '0')}`,
          dialer: { mode: 'Power' },
        }),
      );
      renderList(fakeProvider({ campaigns: many }));
      expect(await screen.findByText('1-25 de 1234')).toBeInTheDocument();
      expect(screen.getAllByText('1 dic 2024')).toHaveLength(25);
      expect(screen.getAllByText('Progresivo')).toHaveLength(25);
      expect(screen.queryByText('Power')).not.toBeInTheDocument();
    });
  });
});
