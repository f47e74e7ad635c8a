// The add form and the device's do-not-call lists (src/lib/dnc on fake-indexeddb): a listed number
// is refused, naming its lists, unless the operator chooses Add anyway.
import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../../../test/renderAt';
import type { SipCallerDataProvider } from '../../../dataProvider/types';
import { e164ToKey, resetDncStore, writeDncList } from '../../../lib/dnc';
import type { Campaign, CampaignNumber } from '../../../types';
import NumberCreate from './NumberCreate';

const campaign: Campaign = {
  id: 7,
  name: 'Spring Sale Callback',
  type: 'Dynamic',
  status: 'Active',
  dialer: { mode: 'Power' },
  phoneSystemId: null,
  extensionId: null,
  tagIds: [],
  startDate: null,
};

const other: CampaignNumber = {
  id: 1,
  number: '+18005550000',
  varValues: [],
  status: 'Pending',
  attempts: 0,
  ringResult: null,
  createdAt: '2026-01-01T00:00:00Z',
};

const fakeProvider = (found: CampaignNumber[] = [other]) => {
  const create = vi.fn(async () => ({ data: { id: 99 } }));
  return {
    getOne: vi.fn(async () => ({ data: campaign })),
    getList: vi.fn(async () => ({ data: found, total: found.length })),
    create,
  } as unknown as SipCallerDataProvider & { create: typeof create };
};

const renderForm = (dataProvider: SipCallerDataProvider) =>
  renderAt(
    '/campaigns/7/numbers/create',
    '/campaigns/:campaignId/numbers/create',
    <NumberCreate />,
    dataProvider,
  );

const userEvent = userEventLib.setup({ delay: null });
const keys = (...numbers: string[]) => Float64Array.from(numbers.map(e164ToKey)).sort();

vi.setConfig({ testTimeout: 60_000 });

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await resetDncStore();
  await writeDncList({ mode: 'new', name: 'Internal DNC', keys: keys('+18005551234', '+18005559999') });
  await writeDncList({ mode: 'new', name: 'National registry', keys: keys('+18005559999') });
});

describe('NumberCreate and the do-not-call lists', () => {
  it('refuses a listed number, naming the list, and adds it only on Add anyway', async () => {
    const dataProvider = fakeProvider();
    renderForm(dataProvider);
    await userEvent.type(await screen.findByLabelText(/^Number/), '(800) 555-1234');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("On do-not-call list 'Internal DNC'");
    expect(alert).not.toHaveTextContent('Already in this campaign');
    expect(dataProvider.create).not.toHaveBeenCalled();

    await userEvent.click(within(alert).getByRole('button', { name: 'Add anyway' }));
    expect(await screen.findByText('Campaign page')).toBeVisible();
    expect(dataProvider.create).toHaveBeenCalledTimes(1);
  });

  it('names every list holding the number, with the campaign’s duplicate too', async () => {
    const dataProvider = fakeProvider([
      { ...other, id: 2, number: '+18005559999', createdAt: '2026-03-03T10:00:00Z' },
    ]);
    renderForm(dataProvider);
    await userEvent.type(await screen.findByLabelText(/^Number/), '+1 800 555 9999');
    await userEvent.click(screen.getByRole('button', { name: 'Add another' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/On do-not-call lists '(Internal DNC|National registry)', '/);
    expect(alert).toHaveTextContent('Internal DNC');
    expect(alert).toHaveTextContent('National registry');
    expect(alert).toHaveTextContent('Already in this campaign');
    expect(dataProvider.create).not.toHaveBeenCalled();
  });

  it('saves a number on no list at once', async () => {
    const dataProvider = fakeProvider();
    renderForm(dataProvider);
    await userEvent.type(await screen.findByLabelText(/^Number/), '+1 800 555 4321{Enter}');
    expect(await screen.findByText('Campaign page')).toBeVisible();
    expect(dataProvider.create).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/do-not-call/)).toBeNull();
  });

  it('speaks Spanish', async () => {
    localStorage.setItem('RaStore.locale', JSON.stringify('es'));
    const { i18nProvider } = await import('../../../i18n');
    await i18nProvider.changeLocale('es');
    try {
      expect(
        i18nProvider.translate('resources.numbers.dnc.onList', { smart_count: 1, names: "'Interna'" }),
      ).toBe("En la lista de no llamar 'Interna'");
    } finally {
      await i18nProvider.changeLocale('en');
    }
  });
});
