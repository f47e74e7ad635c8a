// The upload panel with the real CSV engine (an in-process worker), on what issue 13 asks of it:
// bad input (item 5), each a clear message and nothing uploaded while it stands; the variables per
// row decided by a column mapping; numbers damaged by the spreadsheet as a reason of their own.
import * as XLSX from '@e965/xlsx';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../../../test/renderAt';
import type { SipCallerDataProvider } from '../../../dataProvider/types';
import { setCsvWorkerFactory } from '../../../lib/csv';
import { InProcessCsvWorker } from '../../../lib/csv/testing';
import { encryptedWorkbook } from '../../../lib/sheet/testing';
import type { Campaign } from '../../../types';
import NumbersUpload from './NumbersUpload';
import { releaseAllPanels } from './registry';

vi.setConfig({ testTimeout: 60_000 });
const userEvent = userEventLib.setup({ delay: null });

const campaign: Campaign = {
  id: 7,
  name: 'New Leads Inbox',
  type: 'Dynamic',
  status: 'Active',
  dialer: { mode: 'Power' },
  phoneSystemId: null,
  extensionId: null,
  tagIds: [],
  startDate: null,
};

const dataProvider = {
  getOne: vi.fn(async () => ({ data: campaign })),
  getList: vi.fn(async () => ({ data: [], total: 0 })),
  uploadNumbers: vi.fn(),
} as unknown as SipCallerDataProvider;

beforeAll(() => setCsvWorkerFactory(() => new InProcessCsvWorker()));
afterAll(() => setCsvWorkerFactory(null));
beforeEach(() => {
  releaseAllPanels();
  localStorage.clear();
});

const workbook = (sheets: Record<string, unknown[][]>) => {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  return XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const drop = async (file: File) => {
  renderAt(
    '/campaigns/7/numbers/upload',
    '/campaigns/:campaignId/numbers/upload',
    <NumbersUpload />,
    dataProvider,
  );
  const zone = await screen.findByRole('button', {
    name: /Drop a CSV file or a spreadsheet \(\.xlsx, \.xls, \.ods\) here, or choose one/,
  });
  fireEvent.drop(zone, {
    dataTransfer: {
      files: [file],
      types: ['Files'],
      items: [{ kind: 'file', type: file.type, getAsFile: () => file }],
    },
  });
};

/** Nothing can be sent: the Upload button is absent or disabled. */
const expectNoUpload = () => {
  const button = screen.queryByRole('button', { name: 'Upload' });
  if (button) expect(button).toBeDisabled();
};

/** Opens the panel, pastes `text` into Paste numbers and checks it. */
const pasteText = async (text: string) => {
  renderAt(
    '/campaigns/7/numbers/upload',
    '/campaigns/:campaignId/numbers/upload',
    <NumbersUpload />,
    dataProvider,
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Paste numbers' }));
  fireEvent.change(screen.getByLabelText('Numbers to check'), { target: { value: text } });
  await userEvent.click(screen.getByRole('button', { name: 'Check these numbers' }));
};

/** The analysis (and its mapped run) has finished and Upload can be pressed. */
const uploadEnabled = () =>
  waitFor(() => expect(screen.getByRole('button', { name: 'Upload' })).toBeEnabled(), { timeout: 20_000 });

const role = (name: string) => screen.getByRole('combobox', { name: `Role of column ${name}` });
const choose = async (column: string, option: string) => {
  await userEvent.click(role(column));
  await userEvent.click(await screen.findByRole('option', { name: option }));
};

describe('bad input, each a clear message and no upload', () => {
  it('a password-protected workbook: says so and how to fix it, not that it is damaged', async () => {
    await drop(new File([encryptedWorkbook()], 'leads.xlsx', { type: XLSX_TYPE }));
    const message =
      'This workbook is protected by a password. Save a copy without the password (or as CSV) and drop that file.';
    const alert = (await screen.findByText(message, { exact: false })).closest('[role="alert"]');
    expect(alert).toHaveTextContent('The file could not be read');
    expect(alert).not.toHaveTextContent(/damaged/);
    expectNoUpload();
  });

  it('a corrupt workbook: says it may be damaged, not that it has a password', async () => {
    const cut = new Uint8Array(workbook({ Leads: [['Phone'], ['2025550123']] })).slice(0, 200);
    await drop(new File([cut], 'leads.xlsx', { type: XLSX_TYPE }));
    const alert = (await screen.findByText(/This workbook cannot be read: it may be damaged\./)).closest(
      '[role="alert"]',
    );
    expect(alert).not.toHaveTextContent(/password/);
    expectNoUpload();
  });

  it('an empty sheet: says so, and the other sheet can be chosen', async () => {
    const rows = [
      ['Name', 'Phone'],
      ['Ana', '2025550123'],
      ['Bo', '2025550124'],
      ['Cy', '2025550125'],
    ];
    await drop(new File([workbook({ Empty: [], Leads: rows })], 'leads.xlsx', { type: XLSX_TYPE }));
    expect(
      await screen.findByText('This sheet is empty. Choose another sheet, or another file.'),
    ).toBeVisible();
    expectNoUpload();
    await userEvent.click(screen.getByRole('combobox', { name: 'Sheet' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Leads' }));
    await uploadEnabled();
  });

  it('a sheet with no column holding numbers', async () => {
    const rows = [
      ['Name', 'City'],
      ['Ana', 'Boston'],
      ['Bo', 'Denver'],
      ['Cy', 'Austin'],
    ];
    await drop(new File([workbook({ Names: rows })], 'names.xlsx', { type: XLSX_TYPE }));
    const alert = (await screen.findByText('No column holds phone numbers.')).closest('[role="alert"]');
    expect(alert).toHaveTextContent('Upload is not possible until the columns are fixed:');
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
  });

  it('a paste with no column holding numbers', async () => {
    await pasteText('Ana\tBoston\nBo\tDenver\nCy\tAustin\n');
    expect(await screen.findByText('No column holds phone numbers.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
  });

  it('no column as Number, two columns on one variable, a gap in the variables', async () => {
    const csv = 'Name,Phone,City\nAna,2025550123,Boston\nBo,2025550124,Denver\nCy,2025550125,Austin\n';
    await drop(new File([csv], 'leads.csv', { type: 'text/csv' }));
    await uploadEnabled();
    expect(role('Phone')).toHaveTextContent('Number');
    const reason = async (text: string) => {
      const alert = (await screen.findByText(text)).closest('[role="alert"]') as HTMLElement;
      expect(alert).toHaveTextContent('Upload is not possible until the columns are fixed:');
      expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
    };

    await choose('Phone', 'Ignore');
    await reason('No column is the Number: choose the column that holds the phone numbers.');
    await choose('Phone', 'Number');
    await uploadEnabled();

    await choose('City', 'Variable 1');
    await reason('Two columns are Variable 1: Name, City. Give each its own variable.');
    await choose('City', 'Variable 3');
    await reason('Variable 2 is missing: the variables are sent in order, without gaps.');
    await choose('City', 'Variable 2');
    expect(screen.queryByRole('alert')).toBeNull();
    await uploadEnabled();
  });
});

describe('with a column mapping', () => {
  it('a file in another layout is read once: the analysis applies the proposed mapping itself', async () => {
    const started = InProcessCsvWorker.started;
    const csv = 'Customer ID,Name,Phone\n1001,Ana,2025550123\n1002,Bo,2025550124\n1003,Cy,2025550125\n';
    await drop(new File([csv], 'crm.csv', { type: 'text/csv' }));
    await uploadEnabled();
    expect(role('Phone')).toHaveTextContent('Number');
    expect(screen.getByRole('table', { name: 'Preview of the file' })).toHaveTextContent('+12025550123');
    expect(InProcessCsvWorker.started - started).toBe(1);
    // Roles the operator changes are read once they can be uploaded (a duplicate in between is not);
    // Ignore on Variable 1 moves Name up to it.
    await choose('Customer ID', 'Ignore');
    expect(role('Name')).toHaveTextContent('Variable 1');
    await waitFor(() => expect(InProcessCsvWorker.started - started).toBe(2));
    await uploadEnabled();
    await choose('Name', 'Variable 2');
    expect(await screen.findByText(/Variable 1 is missing/)).toBeVisible();
    await choose('Name', 'Variable 1');
    await uploadEnabled();
    expect(InProcessCsvWorker.started - started).toBe(2);
    expect(screen.getByRole('textbox', { name: 'Variables per row' })).toHaveValue('1');
  });

  it('the mapping decides the variables per row: shown read-only with the reason', async () => {
    const csv = 'Customer ID,Name,Phone\n1001,Ana,2025550123\n1002,Bo,2025550124\n1003,Cy,2025550125\n';
    await drop(new File([csv], 'crm.csv', { type: 'text/csv' }));
    await uploadEnabled();
    const field = screen.getByRole('textbox', { name: 'Variables per row' });
    expect(field).toHaveValue('2');
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveAccessibleDescription(
      'Set by the Columns below: the columns chosen as variables are sent, in their order.',
    );
    expect(screen.queryByRole('spinbutton', { name: 'Variables per row' })).toBeNull();
  });

  it('the API layout keeps it editable', async () => {
    await drop(new File(['2025550123,Ana,10\n2025550124,Bo,20\n'], 'api.csv', { type: 'text/csv' }));
    const field = await screen.findByRole('spinbutton', { name: 'Variables per row' });
    expect(field).toHaveValue(2);
    expect(field).not.toHaveAttribute('readonly');
    expect(field).toBeEnabled();
  });

  it('a number the spreadsheet damaged is a problem of its own, counted with the invalid rows', async () => {
    const rows = [
      ['Customer ID', 'Name', 'Phone'],
      [1001, 'Ana', '2025550123'],
      [1002, 'Bo', '1.8005E+10'],
      [1003, 'Cy', '12ab'],
      [1004, 'Di', '2025550126'],
      [1005, 'Ed', '2025550127'],
      [1006, 'Flo', '2025550128'],
    ];
    await drop(new File([workbook({ Leads: rows })], 'leads.xlsx', { type: XLSX_TYPE }));
    await uploadEnabled();
    const tile = (label: string) => screen.getByText(label, { selector: 'dt' }).parentElement;
    expect(tile('Invalid')).toHaveTextContent(/^Invalid2$/);
    await userEvent.click(screen.getByRole('button', { name: 'Show the 2 invalid rows' }));
    const list = screen.getByRole('table', { name: 'Invalid rows' });
    const [, damaged, invalid] = within(list).getAllByRole('row');
    expect(damaged).toHaveTextContent(
      '3Damaged by the spreadsheet (shown as 1.8005E+10): format the column as text and save again',
    );
    expect(invalid).toHaveTextContent('4“12ab” is not a valid phone number');
  });
});

describe('a pasted list', () => {
  const paste = async (text: string) => {
    await pasteText(text);
    await uploadEnabled();
  };
  const tile = (label: string) => screen.getByText(label, { selector: 'dt' }).parentElement;

  it('from an email, commas and semicolons mixed: one number a row, a bad one an invalid row', async () => {
    await paste('2025550131; 2025550132, 2025550133\n2025550134, 2O25550135 (Ana)');
    expect(tile('Rows')).toHaveTextContent(/^Rows5$/);
    expect(tile('Valid')).toHaveTextContent(/^Valid4$/);
    expect(tile('Invalid')).toHaveTextContent(/^Invalid1$/);
    const preview = screen.getByRole('table', { name: 'Preview of the file' });
    const rows = within(preview).getAllByRole('row').slice(1);
    // The Number cell of each row (after its line): the number as pasted, then how it is sent.
    const numbers = rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent);
    expect(numbers).toEqual([
      '2025550131sent as +12025550131',
      '2025550132sent as +12025550132',
      '2025550133sent as +12025550133',
      '2025550134sent as +12025550134',
      '2O25550135 (Ana)',
    ]);
  });

  it('from a spreadsheet, tab-separated: the rows keep their columns', async () => {
    await paste('Name\tPhone\tCity\nAna\t2025550123\tBoston, MA\nBo\t2025550124\tDenver; CO\n');
    expect(role('Phone')).toHaveTextContent('Number');
    expect(role('Name')).toHaveTextContent('Variable 1');
    expect(role('City')).toHaveTextContent('Variable 2');
    expect(tile('Rows')).toHaveTextContent(/^Rows2$/);
    expect(tile('Valid')).toHaveTextContent(/^Valid2$/);
  });
});
