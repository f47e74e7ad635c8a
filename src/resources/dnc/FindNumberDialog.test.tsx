import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import type { DataProvider } from 'react-admin';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithAdmin } from '../../../test/render';
import { findOnDncLists, resetDncStore, writeDncList } from '../../lib/dnc';
import type { Campaign, CampaignNumber } from '../../types';
import { FindNumberDialog } from './FindNumberDialog';

const campaigns: Campaign[] = Array.from({ length: 500 }, (_, i) => ({
  id: i + 1,
  name: `Campaign ${i + 1}`,
  type: i + 1 === 7 ? 'Static' : 'Dynamic',
  status: 'Active',
  dialer: { mode: 'Power' },
  phoneSystemId: null,
  extensionId: null,
  tagIds: [],
  startDate: null,
}));

const record = (id: number, number: string, campaignId: number): CampaignNumber => ({
  id,
  number,
  varValues: [],
  status: 'Completed',
  attempts: 1,
  ringResult: 'Busy',
  createdAt: '2024-01-01T00:00:00Z',
  campaignId,
});

// The number is in campaign 3 (E.164), campaign 7 (Static, national form) and campaign 400; campaign
// 250's lookup fails once; campaign 12 holds a number that only shares the digits searched for.
const fakeProvider = () => {
  let inFlight = 0;
  let maxInFlight = 0;
  let failures = 0;
  const deleted: { campaignId: unknown; ids: unknown[] }[] = [];
  const provider = {
    getList: vi.fn(
      async (
        resource: string,
        params: {
          pagination: { page: number; perPage: number };
          filter: { number?: string };
          meta?: { campaignId: number };
        },
      ) => {
        if (resource === 'campaigns') {
          const { page, perPage } = params.pagination;
          return { data: campaigns.slice((page - 1) * perPage, page * perPage), total: campaigns.length };
        }
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 0));
        inFlight--;
        const campaignId = params.meta?.campaignId ?? 0;
        expect(params.filter.number).toBe('25550100');
        if (campaignId === 250 && failures++ === 0)
          throw Object.assign(new Error('Service Unavailable'), { status: 503 });
        const data: Record<number, CampaignNumber[]> = {
          3: [record(31, '+12025550100', 3)],
          7: [record(71, '2025550100', 7)],
          12: [record(121, '+13125550100', 12)],
          400: [record(4001, '+12025550100', 400), record(4002, '+14045550199', 400)],
        };
        const found = data[campaignId] ?? [];
        return { data: found, total: found.length };
      },
    ),
    deleteMany: vi.fn(
      async (_resource: string, params: { ids: unknown[]; meta: { campaignId: unknown } }) => {
        deleted.push({ campaignId: params.meta.campaignId, ids: params.ids });
        return { data: params.ids };
      },
    ),
  };
  return {
    provider: provider as unknown as DataProvider,
    deleted,
    maxInFlight: () => maxInFlight,
    calls: provider.getList,
  };
};

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await resetDncStore();
  localStorage.setItem('sipcaller.device.defaultCountry', 'US');
});

describe('Find a number in all campaigns', () => {
  it('looks in 500 campaigns four at a time, retries a failed one, deletes where allowed and adds to a list', async () => {
    const user = userEvent.setup();
    const list = await writeDncList({
      mode: 'new',
      name: 'Internal DNC',
      keys: Float64Array.of(19995550000),
    });
    const fake = fakeProvider();
    renderWithAdmin(<FindNumberDialog open onClose={() => undefined} />, { dataProvider: fake.provider });
    await user.type(screen.getByLabelText('Number'), '(202) 555-0100');
    expect(screen.getByText('Looks for +12025550100')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Find' }));
    expect(await screen.findByText('Found in 3 campaigns', {}, { timeout: 30_000 })).toBeInTheDocument();
    expect(fake.maxInFlight()).toBe(CONCURRENCY);
    expect(fake.calls.mock.calls.filter(([resource]) => resource === 'numbers')).toHaveLength(500);
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: /Campaign 3\b/ })).toBeInTheDocument();
    expect(within(table).queryByRole('rowheader', { name: /Campaign 12\b/ })).not.toBeInTheDocument();
    expect(within(table).getAllByText('Busy').length).toBeGreaterThan(0);
    expect(screen.getByText('1 campaign could not be searched.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry: Campaign 250' }));
    await waitFor(() => expect(screen.queryByText(/could not be searched/)).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Delete from all campaigns' }));
    expect(
      screen.getByText('Delete +12025550100 from the 2 campaigns where it can be deleted?'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(fake.deleted).toHaveLength(2));
    expect(fake.deleted).toEqual(
      expect.arrayContaining([
        { campaignId: 3, ids: [31] },
        { campaignId: 400, ids: [4001] },
      ]),
    );
    expect(await screen.findAllByText('Deleted')).toHaveLength(2);
    expect(
      screen.getByText(
        /Not deleted: numbers can be deleted only while a Dynamic campaign is Active \(this one is Static, Active\)/,
      ),
    ).toBeInTheDocument();

    await user.click(screen.getByLabelText('Do-not-call list'));
    await user.click(await screen.findByRole('option', { name: 'Internal DNC' }));
    await user.click(screen.getByRole('button', { name: 'Add to a do-not-call list' }));
    expect(await screen.findByText("+12025550100 is on the list 'Internal DNC'.")).toBeInTheDocument();
    expect((await findOnDncLists(12025550100))[0].list.id).toBe(list.id);
  }, 90_000);

  it('searches a number-like text that is not a valid number as typed, and refuses text that is not number-like', async () => {
    const user = userEvent.setup();
    const small = campaigns
      .slice(0, 3)
      .map((c, i) => ({ ...c, type: i === 1 ? ('Static' as const) : c.type }));
    const filters: unknown[] = [];
    const getList = vi.fn(
      async (resource: string, params: { filter: { number?: string }; meta?: { campaignId: number } }) => {
        if (resource === 'campaigns') return { data: small, total: small.length };
        filters.push(params.filter.number);
        const data: Record<number, CampaignNumber[]> = {
          1: [record(11, '+13090196761', 1), record(12, '+13090196762', 1)],
          2: [record(21, '+13090196761', 2)],
          3: [record(31, '+1 309 019 6761', 3)],
        };
        const found = data[params.meta?.campaignId ?? 0] ?? [];
        return { data: found, total: found.length };
      },
    );
    const provider = { getList, deleteMany: vi.fn() } as unknown as DataProvider;
    renderWithAdmin(<FindNumberDialog open onClose={() => undefined} />, { dataProvider: provider });
    const input = screen.getByLabelText('Number');
    await user.type(input, 'call me');
    expect(screen.getByText('This is not a valid number for the default country (US).')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Find' })).toBeDisabled();
    await user.clear(input);
    await user.type(input, '+1 309 019 6761');
    expect(
      screen.getByText('Not a valid number for the default country (US): looks for +13090196761 as typed.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Find' }));
    expect(await screen.findByText('Found in 3 campaigns')).toBeInTheDocument();
    expect(filters).toEqual(['90196761', '90196761', '90196761']);
    expect(within(screen.getByRole('table')).getAllByRole('rowheader')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Delete from all campaigns' })).toBeEnabled();
  });

  it('disables Delete from all campaigns, with the reason, when the number is only where it cannot be deleted', async () => {
    const user = userEvent.setup();
    const small = campaigns
      .slice(0, 2)
      .map((c, i) => ({ ...c, type: i === 1 ? ('Static' as const) : c.type }));
    const getList = vi.fn(async (resource: string, params: { meta?: { campaignId: number } }) => {
      if (resource === 'campaigns') return { data: small, total: small.length };
      const found = params.meta?.campaignId === 2 ? [record(21, '+15744632522', 2)] : [];
      return { data: found, total: found.length };
    });
    const deleteMany = vi.fn();
    const provider = { getList, deleteMany } as unknown as DataProvider;
    renderWithAdmin(<FindNumberDialog open onClose={() => undefined} />, { dataProvider: provider });
    await user.type(screen.getByLabelText('Number'), '+15744632522');
    await user.click(screen.getByRole('button', { name: 'Find' }));
    expect(await screen.findByText('Found in 1 campaign')).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Delete from all campaigns' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      /Nothing to delete: numbers can be deleted only while a Dynamic campaign is Active/,
    );
    expect(deleteMany).not.toHaveBeenCalled();
  });

  it('cancels the search', async () => {
    const user = userEvent.setup();
    const fake = fakeProvider();
    renderWithAdmin(<FindNumberDialog open onClose={() => undefined} />, { dataProvider: fake.provider });
    await user.type(screen.getByLabelText('Number'), '+1 202 555 0100');
    await user.click(screen.getByRole('button', { name: 'Find' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/Search cancelled after \d+ of 500 campaigns/)).toBeInTheDocument();
    const calls = fake.calls.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.calls.mock.calls.length).toBeLessThanOrEqual(calls + CONCURRENCY);
    expect(fake.calls.mock.calls.length).toBeLessThan(501);
  });
});

import { CONCURRENCY } from './findEverywhere';
