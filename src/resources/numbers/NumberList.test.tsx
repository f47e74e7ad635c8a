import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { useNavigate } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeProvider, makeCampaign, makeNumbers, renderGrid } from '../../../test/grid';
import { i18nProvider } from '../../i18n';
import type { Campaign, CampaignNumber } from '../../types';
import { UNDO_NOTICE_OPTIONS } from './bulk/UndoDeleteNotice';
import { NumberList } from './NumberList';

// react-admin's first render is slow when the shared machine is busy: wait longer, assert the same.
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 90_000 });

const campaign = makeCampaign();

const renderNumbers = (dataProvider: ReturnType<typeof fakeProvider>, c: Campaign = campaign, url = '/') =>
  renderGrid(<NumberList campaign={c} />, { dataProvider, url });

const rowOf = (number: string) => screen.getByText(number).closest('tr') as HTMLElement;

const selectRows = async (...numbers: string[]) => {
  for (const number of numbers) await userEvent.click(within(rowOf(number)).getByRole('checkbox'));
};

describe('NumberList states', () => {
  it('shows loading, then the numbers with a column per variable', async () => {
    const dataProvider = fakeProvider({ numbers: makeNumbers(30) });
    renderNumbers(dataProvider);
    expect(await screen.findByRole('progressbar', { name: 'Loading numbers…' })).toBeInTheDocument();
    expect(await screen.findByText('+18005550029')).toBeInTheDocument();
    for (const name of ['Number', 'Variable 1', 'Variable 2', 'Status', 'Attempts', 'Last result', 'Added']) {
      expect(screen.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeInTheDocument();
    }
    const row = rowOf('+18005550029');
    expect(within(row).getByText('Name 29')).toBeInTheDocument();
    expect(within(row).getByText('129')).toBeInTheDocument();
    // Every call names the campaign: in the filter and in meta.
    expect(dataProvider.getList).toHaveBeenCalledWith(
      'numbers',
      expect.objectContaining({
        filter: { campaignId: 7 },
        meta: { campaignId: 7 },
        sort: { field: 'createdAt', order: 'DESC' },
        pagination: { page: 1, perPage: 25 },
      }),
    );
  });

  it('titles the variable columns with the names saved on this device', async () => {
    localStorage.setItem('sipcaller.varNames.1001.7', JSON.stringify(['Name', 'Amount']));
    renderNumbers(fakeProvider({ numbers: makeNumbers(3) }));
    expect(await screen.findByRole('columnheader', { name: 'Name' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Amount' })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Variable 1' })).not.toBeInTheDocument();
  });

  it('shows the empty state of a campaign without numbers', async () => {
    renderNumbers(fakeProvider({ numbers: [] }));
    expect(await screen.findByText('No numbers yet — add one or upload a CSV')).toBeInTheDocument();
  });

  it('shows the error with a Retry that loads again', async () => {
    let fail = true;
    renderNumbers(
      fakeProvider({
        numbers: makeNumbers(2),
        failList: () => (fail ? new Error('Gateway timeout') : undefined),
      }),
    );
    expect(await screen.findByText('The numbers could not be loaded: Gateway timeout')).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('+18005550001')).toBeInTheDocument();
  });

  it('keeps the place of a page that failed: Retry goes back to it, not to page 1', async () => {
    let down = false;
    const dataProvider = fakeProvider({
      numbers: makeNumbers(60),
      failList: () => (down ? new Error('Gateway timeout') : undefined),
    });
    renderNumbers(dataProvider);
    await screen.findByText('+18005550059');
    down = true;
    await userEvent.click(screen.getByRole('button', { name: 'Go to page 2' }));
    // react-admin moves to page 1 after the failure; page 1 fails too while the API is down.
    expect(await screen.findByText('The numbers could not be loaded: Gateway timeout')).toBeInTheDocument();
    await waitFor(() =>
      expect(dataProvider.getList).toHaveBeenLastCalledWith(
        'numbers',
        expect.objectContaining({ pagination: { page: 1, perPage: 25 } }),
      ),
    );
    down = false;
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('+18005550034')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
  });

  it('offers the way back to a page that failed when page 1 loaded instead', async () => {
    let failPage2 = false;
    const dataProvider = fakeProvider({
      numbers: makeNumbers(60),
      failList: (_resource, { pagination }) =>
        failPage2 && pagination?.page === 2 ? new Error('Bad gateway') : undefined,
    });
    renderNumbers(dataProvider);
    await screen.findByText('+18005550059');
    failPage2 = true;
    await userEvent.click(screen.getByRole('button', { name: 'Go to page 2' }));
    expect(
      await screen.findByText('Page 2 could not be loaded, so the list shows page 1.'),
    ).toBeInTheDocument();
    expect(screen.getByText('+18005550059')).toBeInTheDocument();
    failPage2 = false;
    await userEvent.click(screen.getByRole('button', { name: 'Back to page 2' }));
    expect(await screen.findByText('+18005550034')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument());
  });

  it('lets the operator dismiss that notice', async () => {
    const dataProvider = fakeProvider({
      numbers: makeNumbers(60),
      failList: (_resource, { pagination }) =>
        pagination?.page === 2 ? new Error('Bad gateway') : undefined,
    });
    renderNumbers(dataProvider);
    await screen.findByText('+18005550059');
    await userEvent.click(screen.getByRole('button', { name: 'Go to page 2' }));
    await screen.findByText('Page 2 could not be loaded, so the list shows page 1.');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
    expect(screen.getByText('+18005550059')).toBeInTheDocument();
  });

  it('searches numbers as the operator types', async () => {
    const dataProvider = fakeProvider({ numbers: makeNumbers(30) });
    renderNumbers(dataProvider);
    await screen.findByText('+18005550029');
    await userEvent.type(screen.getByLabelText('Search number'), '0012');
    expect(await screen.findByText('+18005550012')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('+18005550029')).not.toBeInTheDocument());
    expect(dataProvider.getList).toHaveBeenLastCalledWith(
      'numbers',
      expect.objectContaining({ filter: { number: '0012', campaignId: 7 }, meta: { campaignId: 7 } }),
    );
  });

  it('goes to a deep page of a million-number campaign', async () => {
    const dataProvider = fakeProvider();
    dataProvider.getList.mockImplementation(async (_resource, { pagination }) => {
      const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
      const data = makeNumbers(perPage).map((record, i) => {
        const id = (page - 1) * perPage + i + 1;
        return { ...record, id, number: `+1555${String(id).padStart(7, '0')}` };
      });
      return { data: data as never[], total: 1_000_000 };
    });
    renderNumbers(dataProvider);
    await screen.findByText('+15550000001');
    await userEvent.type(screen.getByLabelText('Go to page'), '40000');
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(await screen.findByText('+15551000000')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Page 40,000' })).toHaveAttribute('aria-current', 'page');
    expect(dataProvider.getList).toHaveBeenLastCalledWith(
      'numbers',
      expect.objectContaining({ pagination: { page: 40000, perPage: 25 } }),
    );
  });

  it('says which pages exist when asked for one that does not', async () => {
    renderNumbers(fakeProvider({ numbers: makeNumbers(60) }));
    await screen.findByText('+18005550059');
    await userEvent.type(screen.getByLabelText('Go to page'), '4');
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(screen.getByText('Enter a page from 1 to 3')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Go to page'));
    await userEvent.type(screen.getByLabelText('Go to page'), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Go' }));
    expect(await screen.findByText('+18005550000')).toBeInTheDocument();
  });
});

describe('NumberList delete', () => {
  it('deletes three selected numbers with ONE deleteMany, then Undo re-adds them in one upload', async () => {
    const numbers = makeNumbers(30);
    numbers[5].varValues = ['Smith, "Jo"', '=1+1'];
    const dataProvider = fakeProvider({ numbers });
    renderNumbers(dataProvider);
    await screen.findByText('+18005550029');
    await selectRows('+18005550005', '+18005550006', '+18005550007');
    expect(screen.getByText('3 numbers selected')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete numbers' });
    expect(
      within(dialog).getByText('3 numbers will be deleted from “Spring Sale Callback”.'),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 3 numbers' }));
    expect(
      await screen.findByText(/^3 numbers deleted\. Undo adds them again as new numbers/),
    ).toBeInTheDocument();
    expect(dataProvider.deleteMany).toHaveBeenCalledTimes(1);
    expect(dataProvider.deleteMany).toHaveBeenCalledWith('numbers', {
      ids: [6, 7, 8],
      meta: { campaignId: 7 },
    });
    await waitFor(() => expect(screen.queryByText('+18005550006')).not.toBeInTheDocument());

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(dataProvider.uploadNumbers).toHaveBeenCalledTimes(1));
    const [campaignId, file, options] = dataProvider.uploadNumbers.mock.calls[0];
    expect(campaignId).toBe(7);
    expect(options).toEqual({ firstRowIsHeader: false, varCount: 2 });
    // Exact values back (no formula prefix: this file goes to the API, not to a spreadsheet).
    expect(await file.text()).toBe(
      ['+18005550005,"Smith, ""Jo""",=1+1', '+18005550006,Name 6,106', '+18005550007,Name 7,107'].join(
        '\r\n',
      ),
    );
  });

  it('deletes all matching numbers in batches and says exactly what a failure left undeleted', async () => {
    const dataProvider = fakeProvider({ numbers: makeNumbers(2500), failDeleteAt: 2 });
    renderNumbers(dataProvider);
    await screen.findByText('+18005552499');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all' }));
    await userEvent.click(screen.getByRole('button', { name: 'Select all 2,500 matching numbers' }));
    expect(screen.getByText('All 2,500 matching numbers are selected.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete numbers' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 2,500 numbers' }));
    expect(
      await within(dialog).findByText(
        '2,000 deleted, 500 not deleted. The deletion stopped at the first error: Service unavailable',
      ),
    ).toBeInTheDocument();
    expect(dataProvider.deleteMany).toHaveBeenCalledTimes(3);
    const batches = dataProvider.deleteMany.mock.calls.map(([, params]) => params.ids.length);
    expect(batches).toEqual([1000, 1000, 500]);
    // The ids were collected page by page, at most 1000 per call.
    const collectPages = dataProvider.getList.mock.calls
      .map(([, params]) => params.pagination)
      .filter((pagination) => pagination?.perPage === 1000);
    expect(collectPages).toEqual([
      { page: 1, perPage: 1000 },
      { page: 2, perPage: 1000 },
      { page: 3, perPage: 1000 },
    ]);
    // Undo is offered for the 2000 that were deleted.
    expect(await screen.findByText(/^2,000 numbers deleted\./)).toBeInTheDocument();
  });

  it('shows Delete disabled with its reason on a Static campaign', async () => {
    const staticCampaign = makeCampaign({ type: 'Static' });
    renderNumbers(fakeProvider({ numbers: makeNumbers(3) }), staticCampaign);
    await screen.findByText('+18005550002');
    await selectRows('+18005550002');
    const button = screen.getByRole('button', { name: 'Delete' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'Numbers can be deleted only while a Dynamic campaign is Active',
    );
    expect(screen.getByText('Numbers can be deleted only while a Dynamic campaign is Active')).toBeVisible();
  });
});

describe('NumberList export', () => {
  let blobs: Blob[] = [];
  let downloads: string[] = [];
  beforeEach(() => {
    blobs = [];
    downloads = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('exports every matching number page by page as an upload-layout CSV that parses back', async () => {
    const numbers: CampaignNumber[] = makeNumbers(2300, 2);
    numbers[0].varValues = ['=HYPERLINK("x")', '-5'];
    numbers[1].varValues = ['Line\nbreak, comma', '@home'];
    numbers[2].varValues = ['only one'];
    const dataProvider = fakeProvider({ numbers });
    renderNumbers(dataProvider);
    await screen.findByText('+18005552299');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('2,300 numbers exported')).toBeInTheDocument();
    expect(downloads).toEqual(['Spring Sale Callback-numbers.csv']);
    const pages = dataProvider.getList.mock.calls
      .filter(([, params]) => params.pagination?.perPage === 1000)
      .map(([, params]) => params);
    expect(pages.map((params) => params.pagination?.page)).toEqual([1, 2, 3]);
    expect(pages[0].sort).toEqual({ field: 'createdAt', order: 'DESC' });

    const text = await blobs[0].text();
    const { data } = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(data).toHaveLength(2300);
    // Sorted as the grid: newest first, so the first numbers come last.
    expect(data[0]).toEqual(['+18005552299', 'Name 2299', '2399']);
    expect(data[2299]).toEqual(['+18005550000', '\'=HYPERLINK("x")', "'-5"]);
    expect(data[2298]).toEqual(['+18005550001', 'Line\nbreak, comma', "'@home"]);
    expect(data[2297]).toEqual(['+18005550002', 'only one', '']);
  });
});

/** A link elsewhere in the console, without the console's routes. */
const NavigateTo = ({ to, label }: { to: string; label: string }) => {
  const navigate = useNavigate();
  return (
    <button type="button" onClick={() => navigate(to)}>
      {label}
    </button>
  );
};

describe('NumberList for an operator (issue 10)', () => {
  const withNumber = (number: string) => {
    const numbers = makeNumbers(30);
    numbers[3] = { ...numbers[3], number };
    return numbers;
  };

  it.each([
    ['(865) 492', '865492'],
    ['865-492', '865492'],
    ['+1 865 492', '1865492'],
  ])('finds +18654929608 when the search is typed "%s", sending %s', async (typed, digits) => {
    const dataProvider = fakeProvider({ numbers: withNumber('+18654929608') });
    renderNumbers(dataProvider);
    await screen.findByText('+18005550029');
    await userEvent.type(screen.getByLabelText('Search number'), typed);
    expect(await screen.findByText('+18654929608')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('+18005550029')).not.toBeInTheDocument());
    expect(dataProvider.getList).toHaveBeenLastCalledWith(
      'numbers',
      expect.objectContaining({ filter: { number: digits, campaignId: 7 } }),
    );
    // The box keeps what the operator typed.
    expect(screen.getByLabelText('Search number')).toHaveValue(typed);
  });

  it('filters Last result by several values, "Not called yet" among them (ringResult null)', async () => {
    const dataProvider = fakeProvider({ numbers: makeNumbers(30) });
    renderNumbers(dataProvider);
    await screen.findByText('+18005550029');
    await userEvent.click(screen.getByRole('combobox', { name: 'Last result' }));
    const listbox = await screen.findByRole('listbox');
    const names = within(listbox)
      .getAllByRole('option')
      .map((option) => option.textContent?.trim());
    expect(names).toEqual(['Answered', 'No answer', 'Busy', 'Failed', 'Machine', 'Not called yet']);
    await userEvent.click(within(listbox).getByRole('option', { name: 'Not called yet' }));
    await userEvent.click(within(listbox).getByRole('option', { name: 'Busy' }));
    await waitFor(() =>
      expect(dataProvider.getList).toHaveBeenLastCalledWith(
        'numbers',
        expect.objectContaining({ filter: { ringResult: [null, 'Busy'], campaignId: 7 } }),
      ),
    );
    // Numbers 0, 4, 8… were never called; 2, 5, 8… were busy.
    expect(await screen.findByText('+18005550005')).toBeInTheDocument();
    expect(screen.getByText('+18005550004')).toBeInTheDocument();
    expect(screen.queryByText('+18005550001')).not.toBeInTheDocument();
  });

  it('reads "Not called yet" back from the URL', async () => {
    const dataProvider = fakeProvider({ numbers: makeNumbers(30) });
    const filter = encodeURIComponent(JSON.stringify({ ringResult: [null] }));
    renderNumbers(dataProvider, campaign, `/?filter=${filter}`);
    expect(await screen.findByText('+18005550028')).toBeInTheDocument();
    expect(screen.queryByText('+18005550029')).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Last result' })).toHaveTextContent('Not called yet');
  });

  it('offers Clear filters when the filters match nothing', async () => {
    const dataProvider = fakeProvider({ numbers: makeNumbers(30) });
    const filter = encodeURIComponent(JSON.stringify({ number: '999999', status: ['Failed'] }));
    renderNumbers(dataProvider, campaign, `/?filter=${filter}`);
    expect(await screen.findByText('No number matches these filters.')).toBeInTheDocument();
    expect(screen.getByLabelText('Search number')).toHaveValue('999999');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('+18005550029')).toBeInTheDocument();
    expect(screen.getByLabelText('Search number')).toHaveValue('');
    expect(dataProvider.getList).toHaveBeenLastCalledWith(
      'numbers',
      expect.objectContaining({ filter: { campaignId: 7 } }),
    );
  });

  it('opens the delete dialog with focus on Cancel, so Enter does not delete', async () => {
    const dataProvider = fakeProvider({ numbers: makeNumbers(30) });
    renderNumbers(dataProvider);
    await screen.findByText('+18005550029');
    await selectRows('+18005550005');
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete numbers' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(dataProvider.deleteMany).not.toHaveBeenCalled();
  });

  it('keeps Undo in the notice until the operator dismisses it or leaves the campaign', async () => {
    const dataProvider = fakeProvider({ numbers: makeNumbers(30) });
    renderGrid(
      <>
        <NavigateTo to="/campaigns" label="All campaigns" />
        <NavigateTo to="/campaigns/7/numbers/create" label="Add number" />
        <NumberList campaign={campaign} />
      </>,
      { dataProvider, url: '/campaigns/7/show' },
    );
    await screen.findByText('+18005550029');
    await selectRows('+18005550005');
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Delete 1 number' }));
    const notice = await screen.findByText(/^1 number deleted\./);
    // A click elsewhere on the page, and a view of the same campaign, leave it where it is.
    await userEvent.click(screen.getByText('+18005550029'));
    await userEvent.click(screen.getByRole('button', { name: 'Add number' }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(notice).toBeVisible();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeVisible();
    // Leaving the campaign closes it.
    await userEvent.click(screen.getByRole('button', { name: 'All campaigns' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument());
  });

  it('is not hidden by a timer', () => {
    // react-admin shows the notice with these options: no auto-hide, no close on a click away.
    expect(UNDO_NOTICE_OPTIONS.autoHideDuration).toBeNull();
    expect(UNDO_NOTICE_OPTIONS.onClose).toEqual(expect.any(Function));
  });

  it('names every row checkbox by its number and every column by its label, with aria-sort', async () => {
    renderNumbers(fakeProvider({ numbers: makeNumbers(30) }));
    await screen.findByText('+18005550029');
    expect(screen.getByRole('checkbox', { name: 'Select +18005550029' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select +18005550005' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Select this row' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select all' })).toBeInTheDocument();
    for (const name of ['Number', 'Variable 1', 'Status', 'Attempts', 'Last result', 'Added']) {
      expect(screen.getByRole('columnheader', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('columnheader', { name: 'Added' })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'Number' })).not.toHaveAttribute('aria-sort');
    const sortButton = screen.getByRole('button', { name: 'Number' });
    expect(sortButton).toHaveAccessibleDescription('Sort by number ascending');
    await userEvent.click(sortButton);
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: 'Number' })).toHaveAttribute('aria-sort', 'ascending'),
    );
    expect(screen.getByRole('columnheader', { name: 'Added' })).not.toHaveAttribute('aria-sort');
  });
});

describe('NumberList in Spanish (issue 10)', () => {
  beforeEach(() => i18nProvider.changeLocale('es'));
  afterEach(() => i18nProvider.changeLocale('en'));

  it('formats dates, counts and page numbers in the console language, not the browser’s', async () => {
    const dataProvider = fakeProvider();
    dataProvider.getList.mockImplementation(async (_resource, { pagination }) => {
      const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
      const data = makeNumbers(perPage).map((record, i) => ({
        ...record,
        id: (page - 1) * perPage + i + 1,
        attempts: 12_000,
        createdAt: '2025-09-10T12:00:00.000Z',
      }));
      return { data: data as never[], total: 400_040 };
    });
    renderNumbers(dataProvider);
    expect(await screen.findByText('1-25 de 400.040')).toBeInTheDocument();
    expect(screen.getAllByText(/^10 sept 2025, \d\d:\d\d:\d\d$/)).toHaveLength(25);
    expect(screen.getAllByText('12.000')).toHaveLength(25);
    expect(screen.getByRole('button', { name: 'Ir a la página 16.002' })).toHaveTextContent('16.002');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Seleccionar todo' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Seleccionar los 400.040 números que coinciden' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Eliminar' }));
    const dialog = await screen.findByRole('dialog', { name: 'Eliminar números' });
    expect(within(dialog).getByRole('button', { name: 'Eliminar 400.040 números' })).toBeInTheDocument();
  });
});
