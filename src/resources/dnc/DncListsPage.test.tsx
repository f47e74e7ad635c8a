import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import type { DataProvider } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithAdmin } from '../../../test/render';
import { listDncLists, resetDncStore, setDncWorkerFactory, writeDncList } from '../../lib/dnc';
import { InProcessDncWorker } from '../../lib/dnc/testing';
import { DncListsPage } from './DncListsPage';

const dataProvider = {} as DataProvider;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await resetDncStore();
  setDncWorkerFactory(() => new InProcessDncWorker());
  localStorage.setItem('sipcaller.device.defaultCountry', 'US');
});
afterEach(() => {
  setDncWorkerFactory(null);
  vi.useRealTimers();
});

describe('Do-not-call lists page', () => {
  it('loads a list from a file and shows its count and date', async () => {
    const user = userEvent.setup();
    renderWithAdmin(<DncListsPage />, { dataProvider });
    expect(await screen.findByText(/No do-not-call lists yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load a list' }));
    expect(screen.getByText('Enter a list name.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('List name'), 'Internal DNC');
    const input = document.querySelector<HTMLInputElement>('input[type=file][accept]') as HTMLInputElement;
    await user.upload(
      input,
      new File(['2025550100,asked\n2025550101\nnope\n'], 'dnc.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByRole('button', { name: 'Load a list' }));
    expect(await screen.findByText(/'Internal DNC' now holds 2 numbers/)).toBeInTheDocument();
    const row = await screen.findByRole('row', { name: /Internal DNC/ });
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(within(row).queryByText(/more than 31 days/)).not.toBeInTheDocument();
  }, 60_000);

  it('does not count a header row, and says the counts in good English', async () => {
    const user = userEvent.setup();
    renderWithAdmin(<DncListsPage />, { dataProvider });
    await user.type(await screen.findByLabelText('List name'), 'Opt-outs');
    const input = document.querySelector<HTMLInputElement>('input[type=file][id]') as HTMLInputElement;
    await user.upload(
      input,
      new File(['Phone,Note\n2025550100,asked\n2025550101\nnope\nn/a\n'], 'dnc.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByRole('button', { name: 'Load a list' }));
    expect(
      await screen.findByText(
        "'Opt-outs' now holds 2 numbers. Read 4 rows: 2 not valid numbers, 0 repeated.",
        { exact: false },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Not a number: lines 4, 5')).toBeInTheDocument();
    expect(screen.getByText(/Numbers read from column A \(“Phone”\)/)).toBeInTheDocument();
  }, 60_000);

  it('says one of each in the singular', async () => {
    const user = userEvent.setup();
    renderWithAdmin(<DncListsPage />, { dataProvider });
    await user.type(await screen.findByLabelText('List name'), 'One');
    const input = document.querySelector<HTMLInputElement>('input[type=file][id]') as HTMLInputElement;
    await user.upload(input, new File(['Phone\n2025550100\nnope\n'], 'dnc.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Load a list' }));
    expect(
      await screen.findByText("'One' now holds 1 number. Read 2 rows: 1 not a valid number, 0 repeated.", {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Not a number: line 3')).toBeInTheDocument();
  }, 60_000);

  it('warns about a list loaded more than 31 days ago, and deletes a list after confirmation', async () => {
    const user = userEvent.setup();
    const list = await writeDncList({
      mode: 'new',
      name: 'Registry',
      keys: Float64Array.from([12025550100]),
    });
    const now = Date.now;
    vi.spyOn(Date, 'now').mockImplementation(() => now() + 32 * 24 * 60 * 60 * 1000);
    renderWithAdmin(<DncListsPage />, { dataProvider });
    const row = await screen.findByRole('row', { name: /Registry/ });
    expect(within(row).getByText(/Loaded more than 31 days ago/)).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Delete: Registry' }));
    expect(
      screen.getByText("Delete the list 'Registry' and its 1 number from this device?"),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Registry/ })).not.toBeInTheDocument());
    expect(list.id).toBeTruthy();
  }, 60_000);

  it('adds a file to a list, exports it, and a replace that meets a full disk leaves it as it was', async () => {
    const user = userEvent.setup();
    await writeDncList({
      mode: 'new',
      name: 'Internal DNC',
      keys: Float64Array.from([12025550100]),
      notes: new Map([[12025550100, '=cmd|x']]),
    });
    renderWithAdmin(<DncListsPage />, { dataProvider });
    const row = await screen.findByRole('row', { name: /Internal DNC/ });
    // The hidden picker serves Add to list and Replace.
    const picker = document.querySelector<HTMLInputElement>(
      'input[type=file][aria-hidden=true]',
    ) as HTMLInputElement;

    await user.click(within(row).getByRole('button', { name: 'Add to list: Internal DNC' }));
    await user.upload(picker, new File(['2025550101\n'], 'more.csv', { type: 'text/csv' }));
    expect(await screen.findByText(/'Internal DNC' now holds 2 numbers/)).toBeInTheDocument();
    await waitFor(() =>
      expect(within(screen.getByRole('row', { name: /Internal DNC/ })).getByText('2')).toBeVisible(),
    );

    const texts: string[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      void blob.text().then((text) => texts.push(text));
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    await user.click(screen.getByRole('button', { name: 'Export: Internal DNC' }));
    await waitFor(() => expect(texts).toHaveLength(1));
    // The note is formula-safe; the numbers in E.164, sorted.
    expect(texts[0]).toBe("+12025550100,'=cmd|x\r\n+12025550101\r\n");

    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'chunks')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    // Replace asks first, naming the list and its count, Cancel focused; Cancel leaves the list.
    await user.click(screen.getByRole('button', { name: 'Replace: Internal DNC' }));
    await user.upload(picker, new File(['2025550199\n'], 'new.csv', { type: 'text/csv' }));
    const confirm = await screen.findByRole('dialog');
    expect(
      within(confirm).getByText(
        "Replace the list 'Internal DNC' and its 2 numbers with the numbers of 'new.csv'?",
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByText(/now holds 1 number\./)).not.toBeInTheDocument();
    expect((await listDncLists())[0]).toMatchObject({ name: 'Internal DNC', count: 2 });

    await user.click(screen.getByRole('button', { name: 'Replace: Internal DNC' }));
    await user.upload(picker, new File(['2025550199\n'], 'new.csv', { type: 'text/csv' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Replace' }));
    expect(await screen.findByText(/This browser has no room left for the list/)).toBeInTheDocument();
    vi.restoreAllMocks();
    // The page behind the dialog is hidden from the accessibility tree until the dialog has closed.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(screen.getByRole('row', { name: /Internal DNC/ })).getByText('2')).toBeVisible();
    expect((await listDncLists())[0]).toMatchObject({ name: 'Internal DNC', count: 2 });
  }, 60_000);
});
