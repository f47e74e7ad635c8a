import { render, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { AdminContext, HttpError, memoryStore, Notification, TestMemoryRouter } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { renderAt, testAuthProvider } from '../../../../test/renderAt';
import type { SipCallerDataProvider } from '../../../dataProvider/types';
import { i18nProvider } from '../../../i18n';
import type { Campaign, CampaignNumber } from '../../../types';
import { variableNamesKey } from '../shared/variableNames';
import NumberCreate from './NumberCreate';

const campaign = (patch: Partial<Campaign> = {}): Campaign => ({
  id: 7,
  name: 'Spring Sale Callback',
  type: 'Dynamic',
  status: 'Active',
  dialer: { mode: 'Power' },
  phoneSystemId: null,
  extensionId: null,
  tagIds: [],
  startDate: null,
  ...patch,
});

const sample: CampaignNumber = {
  id: 1,
  number: '+18005550000',
  varValues: ['Ann', '10'],
  status: 'Pending',
  attempts: 0,
  ringResult: null,
  createdAt: '2026-01-01T00:00:00Z',
};

const fakeProvider = (record: Campaign, create = vi.fn()) =>
  ({
    getOne: vi.fn(async () => ({ data: record })),
    getList: vi.fn(async () => ({ data: [sample], total: 1 })),
    create,
  }) as unknown as SipCallerDataProvider & { create: typeof create };

const renderForm = (dataProvider: SipCallerDataProvider) =>
  renderAt(
    '/campaigns/7/numbers/create',
    '/campaigns/:campaignId/numbers/create',
    <NumberCreate />,
    dataProvider,
  );

const userEvent = userEventLib.setup({ delay: null });

const number = () => screen.getByLabelText(/^Number/);
const variable = (n: number) => screen.getByLabelText(`Variable ${n}`);

// The machine is shared and jsdom renders MUI slowly: generous budgets, no timing assertions.
vi.setConfig({ testTimeout: 60_000 });

describe('NumberCreate', () => {
  it('starts with as many variables as the campaign carries, with their names', async () => {
    localStorage.setItem(variableNamesKey('1001', 7), JSON.stringify(['Name', 'Amount']));
    renderForm(fakeProvider(campaign()));
    const crumbs = await screen.findByRole('navigation', { name: 'Breadcrumbs' });
    expect(await within(crumbs).findByRole('link', { name: 'Spring Sale Callback' })).toHaveAttribute(
      'href',
      '/campaigns/7/show',
    );
    await waitFor(() => expect(variable(2)).toBeVisible());
    expect(screen.queryByLabelText('Variable 3')).toBeNull();
    expect(screen.getByLabelText('Name of variable 2')).toHaveValue('Amount');
    expect(screen.getByLabelText('Default country')).toHaveValue('US');
  });

  it('shows the E.164 form that will be sent, for national and international input', async () => {
    renderForm(fakeProvider(campaign()));
    await userEvent.type(await screen.findByLabelText(/^Number/), '(800) 555-1234');
    expect(screen.getByText('Will be sent as +18005551234')).toBeVisible();
    await userEvent.selectOptions(screen.getByLabelText('Default country'), 'GB');
    expect(screen.queryByText('Will be sent as +18005551234')).toBeNull();
    await userEvent.clear(number());
    await userEvent.type(number(), '+44 20 7946 0958');
    expect(screen.getByText('Will be sent as +442079460958')).toBeVisible();
    // The country is a device setting: it outlives the page.
    expect(localStorage.getItem('sipcaller.device.defaultCountry')).toBe('GB');
  });

  it('refuses an invalid number without calling the API', async () => {
    const dataProvider = fakeProvider(campaign());
    renderForm(dataProvider);
    await userEvent.type(await screen.findByLabelText(/^Number/), '12345');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(number()).toHaveAccessibleDescription(/Not a valid phone number for United States/);
    expect(number()).toHaveFocus();
    expect(dataProvider.create).not.toHaveBeenCalled();
  });

  it('adds and removes variables, keeping each value with its field', async () => {
    renderForm(fakeProvider(campaign()));
    await waitFor(() => expect(variable(2)).toBeVisible());
    await userEvent.type(variable(1), 'John');
    await userEvent.type(variable(2), '199');
    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    await waitFor(() => expect(variable(3)).toHaveFocus());
    await userEvent.type(variable(3), 'VIP');
    await userEvent.click(screen.getByRole('button', { name: 'Remove variable 2' }));
    expect(variable(1)).toHaveValue('John');
    expect(variable(2)).toHaveValue('VIP');
    expect(screen.queryByLabelText('Variable 3')).toBeNull();
  });

  it('keeps every value and shows the server reason when the API refuses', async () => {
    const create = vi.fn(async () => {
      throw new HttpError('Campaign 7 is Paused: numbers can be added only to an Active campaign', 409, {
        message: 'Campaign 7 is Paused: numbers can be added only to an Active campaign',
      });
    });
    renderForm(fakeProvider(campaign(), create));
    await waitFor(() => expect(variable(2)).toBeVisible());
    await userEvent.type(number(), '8005551234');
    await userEvent.type(variable(1), 'John');
    await userEvent.type(variable(2), '199');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The number was not added');
    expect(alert).toHaveTextContent('Campaign 7 is Paused');
    expect(number()).toHaveValue('8005551234');
    expect(variable(1)).toHaveValue('John');
    expect(variable(2)).toHaveValue('199');
    expect(create).toHaveBeenCalledWith('numbers', {
      data: { number: '+18005551234', varValues: ['John', '199'] },
      meta: { campaignId: 7 },
    });
  });

  it('says so when the network fails', async () => {
    const create = vi.fn(async () => {
      throw new HttpError('app.errors.network', 0, null);
    });
    renderForm(fakeProvider(campaign(), create));
    await userEvent.type(await screen.findByLabelText(/^Number/), '8005551234');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached');
    expect(number()).toHaveValue('8005551234');
  });

  it('"Add another" keeps the form open with the variables\' names, focus back on Number', async () => {
    const create = vi.fn(async () => ({ data: { id: 99 } }));
    renderForm(fakeProvider(campaign(), create));
    await waitFor(() => expect(variable(2)).toBeVisible());
    await userEvent.type(number(), '8005551234');
    await userEvent.type(variable(1), 'John');
    await userEvent.type(screen.getByLabelText('Name of variable 1'), 'Name');
    await userEvent.click(screen.getByRole('button', { name: 'Add another' }));
    await waitFor(() => expect(number()).toHaveValue(''));
    expect(number()).toHaveFocus();
    expect(variable(1)).toHaveValue('');
    expect(screen.getByLabelText('Name of variable 1')).toHaveValue('Name');
    expect(JSON.parse(localStorage.getItem(variableNamesKey('1001', 7)) ?? '[]')).toEqual(['Name']);
    expect(screen.queryByText('Campaign page')).toBeNull();
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('Save goes back to the campaign page', async () => {
    const create = vi.fn(async () => ({ data: { id: 99 } }));
    renderForm(fakeProvider(campaign(), create));
    await userEvent.type(await screen.findByLabelText(/^Number/), '+1 800 555 1234{Enter}');
    expect(await screen.findByText('Campaign page')).toBeVisible();
  });

  it('explains why a campaign that is not Dynamic and Active takes no number, and disables Save', async () => {
    renderForm(fakeProvider(campaign({ type: 'Static', status: 'Paused' })));
    const warning = await screen.findByText(/Numbers can be added only while a Dynamic campaign is Active/);
    expect(within(warning.closest('[role="alert"]') ?? warning).getByText(/Static and Paused/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Add another' })).toBeDisabled();
  });

  describe('a number already in the campaign', () => {
    // The API's `number` filter is a substring match: a longer number that contains the one typed
    // comes back too, and first.
    const longer: CampaignNumber = { ...sample, id: 2, number: '+180055512345' };
    const same: CampaignNumber = {
      ...sample,
      id: 3,
      number: '+18005551234',
      createdAt: '2026-03-03T10:00:00Z',
    };
    const lookingUp = (found: CampaignNumber[], create = vi.fn(async () => ({ data: { id: 99 } }))) => {
      const dataProvider = fakeProvider(campaign(), create);
      vi.mocked(dataProvider.getList).mockImplementation((async (
        _resource: string,
        params: { filter: object },
      ) =>
        'number' in params.filter
          ? { data: found, total: found.length }
          : { data: [sample], total: 1 }) as never);
      return dataProvider;
    };

    it('says so before saving, with the date it was added, and adds it only on Add anyway', async () => {
      const dataProvider = lookingUp([longer, same]);
      renderForm(dataProvider);
      await userEvent.type(await screen.findByLabelText(/^Number/), '(800) 555-1234');
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Already in this campaign (added 3 Mar 2026)');
      expect(dataProvider.getList).toHaveBeenCalledWith(
        'numbers',
        expect.objectContaining({ filter: { number: '+18005551234' }, meta: { campaignId: 7 } }),
      );
      expect(dataProvider.create).not.toHaveBeenCalled();
      expect(screen.queryByText('Campaign page')).toBeNull();

      await userEvent.click(within(alert).getByRole('button', { name: 'Add anyway' }));
      expect(await screen.findByText('Campaign page')).toBeVisible();
      expect(dataProvider.create).toHaveBeenCalledTimes(1);
    });

    it('goes away when the number is changed, and a longer number that contains it is not a match', async () => {
      const dataProvider = lookingUp([longer, same]);
      renderForm(dataProvider);
      await userEvent.type(await screen.findByLabelText(/^Number/), '8005551234');
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('Already in this campaign');
      await userEvent.type(number(), '5');
      expect(screen.queryByRole('alert')).toBeNull();

      vi.mocked(dataProvider.getList).mockImplementation((async () => ({
        data: [longer],
        total: 1,
      })) as never);
      await userEvent.clear(number());
      await userEvent.type(number(), '8005551234');
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      expect(await screen.findByText('Campaign page')).toBeVisible();
      expect(dataProvider.create).toHaveBeenCalledTimes(1);
    });
  });

  it('clears the grid’s search that would hide the new number, and says so', async () => {
    const create = vi.fn(async () => ({ data: { id: 99 } }));
    const store = memoryStore({
      'numbers.campaign.7': {
        filter: { number: '999', status: ['Pending', 'Failed'] },
        sort: 'createdAt',
        order: 'DESC',
        page: 3,
        perPage: 25,
        displayedFilters: {},
      },
    });
    render(
      <TestMemoryRouter initialEntries={['/campaigns/7/numbers/create']}>
        <AdminContext
          dataProvider={fakeProvider(campaign(), create)}
          authProvider={testAuthProvider}
          i18nProvider={i18nProvider}
          store={store}
        >
          <Routes>
            <Route path="/campaigns/:campaignId/numbers/create" element={<NumberCreate />} />
            <Route path="/campaigns/:id/show" element={<p>Campaign page</p>} />
          </Routes>
          <Notification />
        </AdminContext>
      </TestMemoryRouter>,
    );
    await userEvent.type(await screen.findByLabelText(/^Number/), '8005551234');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Campaign page')).toBeVisible();
    expect(
      await screen.findByText(
        'Added +18005551234 to Spring Sale Callback. The grid’s search was cleared so that it shows.',
      ),
    ).toBeVisible();
    // The status filter keeps Pending, so it stays; the search for 999 goes, and the grid starts at page 1.
    expect(store.getItem('numbers.campaign.7')).toMatchObject({
      filter: { status: ['Pending', 'Failed'] },
      page: 1,
      sort: 'createdAt',
    });
  });
});
