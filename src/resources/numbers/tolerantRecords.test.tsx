// Number records as a real account might answer them, through the console's own data provider (only
// the transport is faked) into the campaign's grid: createdAt as an ISO string or as epoch
// milliseconds, varValues missing or null, attempts missing, a status or ring result the console has
// never heard of, extra fields, and ids that are strings (opaque, with URL-sensitive characters) or
// numbers. Nothing crashes, nothing is blank that the API filled, nothing is coerced.
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCampaign, renderGrid } from '../../../test/grid';
import { createDataProvider, type HttpClient, type HttpResponse, type XhrLike } from '../../dataProvider';
import type { Id } from '../../types';
import { NumberList } from './NumberList';

configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 90_000 });

const CAMPAIGN_ID = 'id:6f1a2b3c-ca3e_1f2e.3d4c~5b6a';
const campaign = makeCampaign({ id: CAMPAIGN_ID, tagIds: ['7a90aa', 'tag:2'] });
const ISO = '2026-01-02T03:04:05.000Z';
const EPOCH = Date.parse(ISO);

/** The table: one quirk a row (and its number, to find it on screen). */
const RECORDS: Record<string, unknown>[] = [
  {
    id: '5f8d0d55b54764421b7156c9',
    number: '+18005550001',
    varValues: ['Ann', '10'],
    status: 'Pending',
    attempts: 0,
    ringResult: null,
    createdAt: ISO,
  },
  {
    id: 'id:60d7503d-9b1d_3bb7.49d5~8ff7',
    number: '+18005550002',
    varValues: ['Bob', '20'],
    status: 'Completed',
    attempts: 2,
    ringResult: 'Answered',
    createdAt: EPOCH,
  },
  { id: 'no-vars', number: '+18005550003', status: 'Pending', attempts: 1, ringResult: null, createdAt: ISO },
  {
    id: 'null-vars',
    number: '+18005550004',
    varValues: null,
    status: 'Failed',
    attempts: 3,
    ringResult: 'Busy',
    createdAt: ISO,
  },
  {
    id: 'no-attempts',
    number: '+18005550005',
    varValues: ['Cy', '50'],
    status: 'Pending',
    ringResult: null,
    createdAt: ISO,
  },
  {
    id: 17,
    number: '+18005550006',
    varValues: ['Di', '60'],
    status: 'Queued',
    attempts: 1,
    ringResult: 'Voicemail',
    createdAt: ISO,
  },
  {
    id: 'extra:fields',
    number: '+18005550007',
    varValues: ['Ed', '70'],
    status: 'OnHold',
    attempts: 4,
    ringResult: 'CarrierRejected',
    createdAt: EPOCH,
    priority: 'high',
    lastCall: { durationSeconds: 12 },
  },
];

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: new Headers({ 'Content-Type': 'application/json', ...headers }),
  body: JSON.stringify(body),
  json: body,
});

/** The API's side, in memory: lists (ids filter, range, Content-Range), DELETE of an id array. */
const fakeApi = () => {
  let records = RECORDS.map((record) => ({ ...record }));
  const requests: { method: string; url: string; body?: unknown }[] = [];
  const httpClient: HttpClient = async (url, options = {}) => {
    const method = options.method ?? 'GET';
    const body = typeof options.body === 'string' ? JSON.parse(options.body) : undefined;
    requests.push({ method, url, body });
    const { pathname, searchParams } = new URL(url);
    expect(pathname).toBe(`/v1/accounts/1001/campaigns/${encodeURIComponent(CAMPAIGN_ID)}/numbers`);
    if (method === 'DELETE') {
      const wanted = body as Id[];
      const gone = records.filter((record) => wanted.includes(record.id as Id)).map((record) => record.id);
      records = records.filter((record) => !gone.includes(record.id));
      return json(200, gone);
    }
    const filter = JSON.parse(searchParams.get('filter') ?? '{}') as { ids?: Id[] };
    const [start, end] = JSON.parse(searchParams.get('range') ?? '[0,999]') as [number, number];
    const matching = filter.ids ? records.filter((record) => filter.ids?.includes(record.id as Id)) : records;
    const rows = matching.slice(start, end + 1);
    const range = rows.length
      ? `numbers ${start}-${start + rows.length - 1}/${matching.length}`
      : `numbers */${matching.length}`;
    return json(200, rows, { 'Content-Range': range });
  };
  const uploads: string[] = [];
  const xhrFactory = (): XhrLike => {
    const xhr = {
      status: 0,
      statusText: '',
      responseText: '',
      upload: { onprogress: null },
      onload: null as (() => void) | null,
      onerror: null,
      onabort: null,
      ontimeout: null,
      open: () => {},
      setRequestHeader: () => {},
      abort: () => {},
      send: (form: FormData) => {
        (form.get('file') as Blob).text().then((text) => {
          uploads.push(text);
          xhr.status = 200;
          xhr.responseText = JSON.stringify({
            inserted: text.split('\r\n').length,
            rejectedCount: 0,
            rejected: [],
          });
          xhr.onload?.();
        });
      },
    };
    return xhr as unknown as XhrLike;
  };
  const dataProvider = createDataProvider({
    apiUrl: 'http://api.test/v1',
    accountId: '1001',
    getToken: () => 'token',
    httpClient,
    xhrFactory,
  });
  return { dataProvider, requests, uploads };
};

const rowOf = (number: string) => screen.getByText(number).closest('tr') as HTMLElement;
const cell = (number: string, column: string) =>
  rowOf(number).querySelector(`td.column-${column}`) as HTMLElement;

describe('tolerant records in the numbers grid', () => {
  it('the data provider hands the records over as written: extra fields kept, ids not coerced', async () => {
    const { dataProvider } = fakeApi();
    const { data, total } = await dataProvider.getList('numbers', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: {},
      meta: { campaignId: CAMPAIGN_ID },
    });
    expect(total).toBe(RECORDS.length);
    expect(data).toEqual(RECORDS.map((record) => ({ ...record, campaignId: CAMPAIGN_ID })));
    expect(data.map((record) => typeof record.id)).toEqual(RECORDS.map((record) => typeof record.id));
  });

  it('shows every record: both date forms, missing variables and attempts, unknown values as written', async () => {
    const { dataProvider } = fakeApi();
    renderGrid(<NumberList campaign={campaign} />, { dataProvider });
    for (const record of RECORDS)
      expect(await screen.findByText(record.number as string)).toBeInTheDocument();

    // createdAt: epoch milliseconds show as the same date as the ISO string of that instant.
    const isoText = cell('+18005550001', 'createdAt').textContent;
    expect(isoText).toMatch(/2026/);
    expect(cell('+18005550002', 'createdAt').textContent).toBe(isoText);
    expect(cell('+18005550007', 'createdAt').textContent).toBe(isoText);

    // Unknown status and ring result values: shown as the API wrote them.
    expect(cell('+18005550006', 'status').textContent).toBe('Queued');
    expect(cell('+18005550006', 'ringResult').textContent).toBe('Voicemail');
    expect(cell('+18005550007', 'status').textContent).toBe('OnHold');
    expect(cell('+18005550007', 'ringResult').textContent).toBe('CarrierRejected');
    // Known ones are still translated.
    expect(cell('+18005550002', 'status').textContent).toBe('Completed');
    expect(cell('+18005550002', 'ringResult').textContent).toBe('Answered');

    // varValues missing or null: the variable cells are empty, the rest of the row is there.
    for (const number of ['+18005550003', '+18005550004']) {
      const row = within(rowOf(number));
      expect(row.getByRole('checkbox')).toBeInTheDocument();
      expect(cell(number, 'status').textContent).not.toBe('');
    }
    expect(screen.getAllByRole('columnheader', { name: /^Variable \d/ })).toHaveLength(2);
    // attempts missing: no crash, the row's other cells are filled.
    expect(within(rowOf('+18005550005')).getByText('Cy')).toBeInTheDocument();
    expect(cell('+18005550004', 'attempts').textContent).toBe('3');
  });

  it('deletes a selection with the ids exactly as the API gave them, then Undo uploads them back', async () => {
    const { dataProvider, requests, uploads } = fakeApi();
    renderGrid(<NumberList campaign={campaign} />, { dataProvider });
    await screen.findByText('+18005550007');
    for (const number of ['+18005550002', '+18005550004', '+18005550006', '+18005550007']) {
      await userEvent.click(within(rowOf(number)).getByRole('checkbox'));
    }
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete numbers' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 4 numbers' }));
    await screen.findByText(/^4 numbers deleted\./);
    const deletes = requests.filter((request) => request.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    // Strings stay strings, numbers stay numbers.
    expect(deletes[0].body).toEqual(['id:60d7503d-9b1d_3bb7.49d5~8ff7', 'null-vars', 17, 'extra:fields']);
    await waitFor(() => expect(screen.queryByText('+18005550006')).not.toBeInTheDocument());

    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(Papa.parse<string[]>(uploads[0]).data).toEqual([
      ['+18005550002', 'Bob', '20'],
      ['+18005550004', '', ''],
      ['+18005550006', 'Di', '60'],
      ['+18005550007', 'Ed', '70'],
    ]);
  });

  describe('export', () => {
    let blobs: Blob[] = [];
    beforeEach(() => {
      blobs = [];
      URL.createObjectURL = vi.fn((blob: Blob) => {
        blobs.push(blob);
        return `blob:test/${blobs.length}`;
      });
      URL.revokeObjectURL = vi.fn();
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    });
    afterEach(() => vi.restoreAllMocks());

    it('exports every record, the ones without variables with empty cells', async () => {
      const { dataProvider } = fakeApi();
      renderGrid(<NumberList campaign={campaign} />, { dataProvider });
      await screen.findByText('+18005550007');
      await userEvent.click(screen.getByRole('button', { name: 'Export' }));
      expect(await screen.findByText('7 numbers exported')).toBeInTheDocument();
      const rows = Papa.parse<string[]>(await blobs[0].text()).data;
      expect(rows).toHaveLength(RECORDS.length);
      expect(rows).toContainEqual(['+18005550003', '', '']);
      expect(rows).toContainEqual(['+18005550004', '', '']);
      expect(rows).toContainEqual(['+18005550006', 'Di', '60']);
    });
  });
});
