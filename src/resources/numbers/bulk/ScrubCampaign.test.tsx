// Scrub campaign against the device's do-not-call lists (src/lib/dnc on fake-indexeddb) and an
// in-memory provider: pages of 1,000, the listed numbers shown, deleted in 1,000-id requests, Undo.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeProvider, makeCampaign, makeNumbers, renderGrid } from '../../../../test/grid';
import { e164ToKey, resetDncStore, writeDncList } from '../../../lib/dnc';
import { ScrubCampaign } from './ScrubCampaign';

const userEvent = userEventLib.setup({ delay: null });
const keys = (numbers: string[]) => Float64Array.from(numbers.map(e164ToKey)).sort();

vi.setConfig({ testTimeout: 60_000 });

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await resetDncStore();
});

describe('ScrubCampaign', () => {
  it('pages through the numbers, shows the listed ones with their lists, deletes them, and Undo adds them again', async () => {
    const numbers = makeNumbers(2500);
    await writeDncList({
      mode: 'new',
      name: 'Internal DNC',
      keys: keys([numbers[3].number, numbers[1700].number, '+447700900123']),
    });
    await writeDncList({ mode: 'new', name: 'Registry', keys: keys([numbers[1700].number]) });
    const dataProvider = fakeProvider({ numbers });
    renderGrid(<ScrubCampaign campaign={makeCampaign()} />, { dataProvider });

    await userEvent.click(screen.getByRole('button', { name: 'Scrub campaign' }));
    const dialog = await screen.findByRole('dialog', { name: 'Scrub campaign' });
    expect(
      await within(dialog).findByText('2 numbers of “Spring Sale Callback” are on do-not-call lists:'),
    ).toBeVisible();
    const pages = dataProvider.getList.mock.calls.map(([, params]) => params.pagination);
    expect(pages).toEqual([
      { page: 1, perPage: 1000 },
      { page: 2, perPage: 1000 },
      { page: 3, perPage: 1000 },
    ]);
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      `${numbers[3].number}Internal DNC`,
      expect.stringMatching(
        new RegExp(`^\\${numbers[1700].number}(Internal DNC, Registry|Registry, Internal DNC)$`),
      ),
    ]);
    expect(within(dialog).getByText('2 numbers will be deleted from “Spring Sale Callback”.')).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(dataProvider.deleteMany).not.toHaveBeenCalled();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 2 numbers' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(dataProvider.deleteMany).toHaveBeenCalledTimes(1);
    expect(dataProvider.deleteMany.mock.calls[0][1]).toEqual({ ids: [4, 1701], meta: { campaignId: 7 } });

    const notice = await screen.findByText(/2 numbers deleted\. Undo adds them again/);
    await userEvent.click(
      within(notice.closest('.MuiAlert-root') as HTMLElement).getByRole('button', { name: 'Undo' }),
    );
    await waitFor(() => expect(dataProvider.uploadNumbers).toHaveBeenCalledTimes(1));
    const [campaignId, file] = dataProvider.uploadNumbers.mock.calls[0];
    expect(campaignId).toBe(7);
    const csv = await (file as Blob).text();
    expect(csv).toContain(numbers[3].number);
    expect(csv).toContain(numbers[1700].number);
  });

  it('deletes many listed numbers in requests of 1,000 ids', async () => {
    const numbers = makeNumbers(2500);
    await writeDncList({ mode: 'new', name: 'Big', keys: keys(numbers.slice(0, 1200).map((n) => n.number)) });
    const dataProvider = fakeProvider({ numbers });
    renderGrid(<ScrubCampaign campaign={makeCampaign()} />, { dataProvider });
    await userEvent.click(screen.getByRole('button', { name: 'Scrub campaign' }));
    const dialog = await screen.findByRole('dialog', { name: 'Scrub campaign' });
    expect(await within(dialog).findByText('… and 1,100 more')).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 1,200 numbers' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(dataProvider.deleteMany.mock.calls.map(([, params]) => params.ids.length)).toEqual([1000, 200]);
    expect(await screen.findByText(/1,200 numbers deleted/)).toBeVisible();
  });

  it('says so when no number is listed, or there is no list', async () => {
    const dataProvider = fakeProvider({ numbers: makeNumbers(3) });
    const { unmount } = renderGrid(<ScrubCampaign campaign={makeCampaign()} />, { dataProvider });
    await userEvent.click(screen.getByRole('button', { name: 'Scrub campaign' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'There are no do-not-call lists on this device',
    );
    expect(dataProvider.getList).not.toHaveBeenCalled();
    unmount();

    await writeDncList({ mode: 'new', name: 'Other', keys: keys(['+447700900123']) });
    renderGrid(<ScrubCampaign campaign={makeCampaign()} />, { dataProvider });
    await userEvent.click(screen.getByRole('button', { name: 'Scrub campaign' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'None of the 3 numbers of “Spring Sale Callback” is on a do-not-call list of this device.',
    );
    expect(dataProvider.deleteMany).not.toHaveBeenCalled();
  });

  it('is disabled, with the reason, where the campaign takes no changes', async () => {
    renderGrid(<ScrubCampaign campaign={makeCampaign({ type: 'Static' })} />, {
      dataProvider: fakeProvider(),
    });
    const button = screen.getByRole('button', { name: 'Scrub campaign' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'Numbers can be deleted only while a Dynamic campaign is Active',
    );
  });
});
