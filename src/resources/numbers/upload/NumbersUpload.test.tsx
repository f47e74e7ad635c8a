import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { AdminContext, HttpError, memoryStore, TestMemoryRouter } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAt, testAuthProvider } from '../../../../test/renderAt';
import type { SipCallerDataProvider } from '../../../dataProvider/types';
import { i18nProvider } from '../../../i18n';
import type { AnalysisSettings, CsvAnalysis, UploadPart } from '../../../lib/csv';
import * as csv from '../../../lib/csv';
import type { Campaign, UploadResult } from '../../../types';
import { UploadIndicator } from '../shared/UploadIndicator';
import NumbersUpload from './NumbersUpload';
import { releaseAllPanels } from './registry';
import * as analysisHook from './useCsvAnalysis';

// The CSV engine is the CSV engineer's (tested there); here it answers a fixed analysis, so this
// file tests the panel: settings, preview, the upload's parts, cancel, retry and the summary.
vi.mock('../../../lib/csv', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/csv')>();
  return { ...actual, buildUploadParts: vi.fn() };
});
vi.mock('./useCsvAnalysis', () => ({ useCsvAnalysis: vi.fn() }));

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

// Lines 1-6 of the file; line 4 has a bad number, line 6 repeats line 2.
const analysisFor = (settings: AnalysisSettings): CsvAnalysis => ({
  defaultCountry: settings.defaultCountry,
  delimiter: settings.delimiter ?? ',',
  firstRowIsHeader: settings.firstRowIsHeader ?? false,
  varCount: settings.varCount ?? 2,
  delimiterDetected: settings.delimiter === undefined,
  headerDetected: settings.firstRowIsHeader === undefined,
  varCountDetected: settings.varCount === undefined,
  header: null,
  encoding: 'utf-8',
  columnCounts: { 3: 6 },
  rows: 6,
  valid: 4,
  invalid: 1,
  duplicates: 1,
  existingDuplicates: 0,
  blankLines: 0,
  lines: 6,
  empty: false,
  preview: [
    { line: 1, number: '2025550001', e164: '+12025550001', varValues: ['John', '199'], problem: null },
    {
      line: 4,
      number: '12',
      e164: null,
      varValues: ['Susan', '149'],
      problem: {
        line: 4,
        reason: 'invalidNumber',
        message: 'upload.csv.problem.invalidNumber',
        values: { number: '12' },
        detail: '12',
        raw: '12,Susan,149',
      },
    },
  ],
  problems: [
    {
      line: 4,
      reason: 'invalidNumber',
      message: 'upload.csv.problem.invalidNumber',
      values: { number: '12' },
      detail: '12',
      raw: '12,Susan,149',
    },
    {
      line: 6,
      reason: 'duplicate',
      message: 'upload.csv.problem.duplicate',
      values: { number: '2025550001', e164: '+12025550001', firstLine: 1 },
      detail: '2025550001',
      raw: '2025550001,John,199',
    },
  ],
  problemCount: 2,
  bytes: 120,
  fileColumns: (settings.varCount ?? 2) + 1,
  mapping: null,
  numberSources: {},
  columns: [],
  spreadsheet: null,
  doNotCall: null,
  numberFacts: null,
});

const analyses = new Map<string, CsvAnalysis>();
const stableAnalysis = (settings: AnalysisSettings) => {
  const key = JSON.stringify({ ...settings, existingNumbers: settings.existingNumbers?.length });
  const hit = analyses.get(key) ?? analysisFor(settings);
  analyses.set(key, hit);
  return hit;
};

// Three parts of the four valid rows: lines [1, 2], [3], [5].
const parts: UploadPart[] = [[1, 2], [3], [5]].map((lines) => ({
  blob: new Blob([lines.map((line) => `+1202555000${line},x,1\r\n`).join('')]),
  firstLine: lines[0] ?? 0,
  lastLine: lines[lines.length - 1] ?? 0,
  rows: lines.length,
  firstRowIsHeader: false,
  varCount: 2,
  rowLines: Uint32Array.from(lines),
}));

const ok = (inserted: number, rejected: { line: number; reason: string }[] = []): UploadResult => ({
  inserted,
  rejectedCount: rejected.length,
  rejected,
});

const makeProvider = (upload: (partIndex: number, signal?: AbortSignal) => Promise<UploadResult>) => {
  let total = 40;
  const uploadNumbers = vi.fn(
    async (
      _id: unknown,
      blob: Blob,
      _options: unknown,
      controls?: { signal?: AbortSignal; onProgress?: (p: { loaded: number; total: number }) => void },
    ) => {
      const index = parts.findIndex((part) => part.blob === blob);
      controls?.onProgress?.({ loaded: blob.size / 2, total: blob.size });
      const result = await upload(index, controls?.signal);
      total += parts[index]?.rows ?? 0;
      return result;
    },
  );
  const dataProvider = {
    getOne: vi.fn(async () => ({ data: campaign })),
    // The existing-numbers check pages by 1000; every other list call is a count (range [0,0]).
    getList: vi.fn(async (_resource: string, params: { pagination: { perPage: number } }) =>
      params.pagination.perPage === 1000
        ? { data: [{ id: 1, number: '+12025550001', varValues: [] }], total: 1 }
        : { data: [], total },
    ),
    uploadNumbers,
  } as unknown as SipCallerDataProvider;
  return { dataProvider, uploadNumbers };
};

const sentParts = (uploadNumbers: ReturnType<typeof makeProvider>['uploadNumbers']) =>
  uploadNumbers.mock.calls.map(([, blob]) => parts.findIndex((part) => part.blob === blob));

const chooseFile = async () => {
  const file = new File(['2025550001,John,199\n'], 'leads.csv', { type: 'text/csv' });
  const zone = await screen.findByRole('button', {
    name: /Drop a CSV file or a spreadsheet \(\.xlsx, \.xls, \.ods\) here, or choose one/,
  });
  fireEvent.drop(zone, {
    dataTransfer: {
      files: [file],
      types: ['Files'],
      items: [{ kind: 'file', type: 'text/csv', getAsFile: () => file }],
    },
  });
  await screen.findByText('File: leads.csv (20 B)');
  return file;
};

const renderPanel = (dataProvider: SipCallerDataProvider) =>
  renderAt(
    '/campaigns/7/numbers/upload',
    '/campaigns/:campaignId/numbers/upload',
    <NumbersUpload />,
    dataProvider,
  );

beforeEach(() => {
  releaseAllPanels();
  analyses.clear();
  vi.clearAllMocks();
  vi.mocked(analysisHook.useCsvAnalysis).mockImplementation((file, settings) => ({
    status: file ? 'done' : 'idle',
    progress: null,
    analysis: file ? stableAnalysis(settings) : null,
    error: null,
    cancel: () => {},
    restart: () => {},
  }));
  vi.mocked(csv.buildUploadParts).mockResolvedValue(parts);
});

describe('NumbersUpload', () => {
  it('shows the settings, counts, preview and invalid rows of a dropped file', async () => {
    renderPanel(makeProvider(async () => ok(1)).dataProvider);
    const crumbs = await screen.findByRole('navigation', { name: 'Breadcrumbs' });
    expect(within(crumbs).getByText('Upload CSV')).toHaveAttribute('aria-current', 'page');
    await chooseFile();
    expect(screen.getByLabelText('First row is a header')).not.toBeChecked();
    expect(screen.getByLabelText('Variables per row')).toHaveValue(2);
    expect(screen.getByLabelText('Delimiter')).toHaveValue(',');
    expect(screen.getByLabelText('Default country')).toHaveValue('US');
    const preview = screen.getByRole('table', { name: 'Preview of the file' });
    expect(within(preview).getByRole('columnheader', { name: 'Variable 2' })).toBeVisible();
    expect(within(preview).getByText('“12” is not a valid phone number')).toBeVisible();
    expect(within(preview).getByText('sent as +12025550001')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Show the duplicate row' }));
    const duplicates = screen.getByRole('table', { name: 'Duplicate rows' });
    expect(within(duplicates).getByText('2025550001 already appears on line 1')).toBeVisible();

    // A changed setting goes to the analysis.
    await userEvent.click(screen.getByLabelText('First row is a header'));
    expect(vi.mocked(analysisHook.useCsvAnalysis)).toHaveBeenLastCalledWith(
      expect.any(File),
      expect.objectContaining({ firstRowIsHeader: true, defaultCountry: 'US' }),
      null,
    );
    expect(screen.getByLabelText('First row is a header')).toBeChecked();
  });

  it('retries a failed part and resumes from it without resending the accepted ones', async () => {
    let failures = 1;
    const { dataProvider, uploadNumbers } = makeProvider(async (index) => {
      if (index === 1 && failures-- > 0)
        throw new HttpError('Service Unavailable', 503, { message: 'Service Unavailable' });
      return index === 2
        ? ok(0, [{ line: 1, reason: 'number rejected by the server' }])
        : ok(parts[index]?.rows ?? 0);
    });
    renderPanel(dataProvider);
    await chooseFile();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The upload stopped');
    expect(alert).toHaveTextContent('Service Unavailable');
    const partsTable = screen.getByRole('table', { name: 'Parts of the upload' });
    expect(
      within(partsTable)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'PartRowsStatusResult',
      '12Accepted2 added, 0 rejected',
      expect.stringMatching(/^21Failed/),
      '31Waiting',
    ]);
    // Nothing the operator did is lost: the file and the settings are still there.
    expect(screen.getByText('File: leads.csv (20 B)')).toBeVisible();
    expect(screen.getByRole('button', { name: /Drop a CSV file or a spreadsheet/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Upload finished')).toBeVisible();
    expect(sentParts(uploadNumbers)).toEqual([0, 1, 1, 2]);
    expect(vi.mocked(csv.buildUploadParts)).toHaveBeenCalledTimes(1);
    expect(uploadNumbers).toHaveBeenCalledWith(
      7,
      parts[0]?.blob,
      { firstRowIsHeader: false, varCount: 2 },
      expect.anything(),
    );
    expect(screen.getByText('3 numbers added to the campaign.')).toBeVisible();
    expect(screen.getByText('The campaign now has 44 numbers (40 before).')).toBeVisible();
    expect(screen.getByText('Sent in 3 parts, one request each.')).toBeVisible();
    expect(screen.getByText('1 row was rejected by the server.')).toBeVisible();
    expect(
      screen.getByText(
        '2 rows were left out by the console before sending: 1 invalid, 1 duplicate in the file.',
      ),
    ).toBeVisible();
    // The server's line 1 of part 3 is line 5 of the file; the console's drops keep their lines.
    const summary = screen.getByRole('table', { name: 'Rows that were not added' });
    expect(
      within(summary)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'LineReasonFound by',
      '4“12” is not a valid phone numberConsole, before sending',
      '5number rejected by the serverServer',
      '62025550001 already appears on line 1Console, before sending',
    ]);
    expect(screen.getByRole('link', { name: 'Back to campaign' })).toHaveAttribute(
      'href',
      '/campaigns/7/show',
    );
  });

  it('cancels the part under way and resumes from it', async () => {
    let hang = true;
    const { dataProvider, uploadNumbers } = makeProvider(
      (index, signal) =>
        new Promise((resolve, reject) => {
          if (index === 0 && hang) {
            hang = false;
            signal?.addEventListener('abort', () => reject(new DOMException('canceled', 'AbortError')));
          } else resolve(ok(parts[index]?.rows ?? 0));
        }),
    );
    renderPanel(dataProvider);
    await chooseFile();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    const progress = await screen.findByRole('progressbar', { name: 'Sent' });
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '25'));
    expect(progress).toHaveAttribute('aria-valuetext', '18 of 72 B');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The upload was canceled');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Upload finished')).toBeVisible();
    expect(sentParts(uploadNumbers)).toEqual([0, 0, 1, 2]);
  });

  it('says how much the campaign grew when the server gives no counts', async () => {
    renderPanel(makeProvider(async () => ok(-1)).dataProvider);
    await chooseFile();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('Upload finished')).toBeVisible();
    expect(
      screen.getByText(
        'The server did not say how many it added; the campaign now has 4 more numbers (40 before, 44 now).',
      ),
    ).toBeVisible();
  });

  it('checks the file against the numbers already in the campaign when asked', async () => {
    const { dataProvider } = makeProvider(async () => ok(1));
    renderPanel(dataProvider);
    await chooseFile();
    const existing = screen.getByLabelText('Also check against the numbers already in this campaign');
    expect(
      screen.getByText('Reads the campaign’s 40 numbers first; those count as duplicates.'),
    ).toBeVisible();
    await userEvent.click(existing);
    await waitFor(() =>
      expect(vi.mocked(analysisHook.useCsvAnalysis)).toHaveBeenLastCalledWith(
        expect.any(File),
        expect.objectContaining({ existingNumbers: ['+12025550001'] }),
        null,
      ),
    );
    expect(dataProvider.getList).toHaveBeenCalledWith(
      'numbers',
      expect.objectContaining({ pagination: { page: 1, perPage: 1000 }, meta: { campaignId: 7 } }),
    );
    expect(screen.getByText('Already in the campaign')).toBeVisible();
  });

  it('refuses a file that is not CSV or text, with a clear message', async () => {
    renderPanel(makeProvider(async () => ok(1)).dataProvider);
    const zone = await screen.findByRole('button', {
      name: /Drop a CSV file or a spreadsheet \(\.xlsx, \.xls, \.ods\) here, or choose one/,
    });
    const file = new File(['\x89PNG'], 'photo.png', { type: 'image/png' });
    fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“photo.png” is not a CSV, text or spreadsheet file.',
    );
    expect(vi.mocked(analysisHook.useCsvAnalysis)).not.toHaveBeenCalledWith(
      expect.any(File),
      expect.anything(),
    );
  });

  it('offers another file, not Retry, for a file that is not text, and a new drop clears that error', async () => {
    vi.mocked(analysisHook.useCsvAnalysis).mockImplementation((file) => ({
      status: file ? 'error' : 'idle',
      progress: null,
      analysis: null,
      error: file ? new Error('upload.csv.error.notText') : null,
      cancel: () => {},
      restart: () => {},
    }));
    renderPanel(makeProvider(async () => ok(1)).dataProvider);
    await chooseFile();
    const failed = await screen.findByRole('alert');
    expect(failed).toHaveTextContent('This is not a text file.');
    expect(within(failed).queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(within(failed).getByRole('button', { name: 'Choose another file' })).toBeVisible();

    const zone = screen.getByRole('button', {
      name: /Drop a CSV file or a spreadsheet \(\.xlsx, \.xls, \.ods\) here, or choose one/,
    });
    fireEvent.drop(zone, {
      dataTransfer: { files: [new File(['\x89PNG'], 'photo.png', { type: 'image/png' })], types: ['Files'] },
    });
    expect(await screen.findByText(/“photo.png” is not a CSV, text or spreadsheet file/)).toBeVisible();
    await waitFor(() => expect(screen.queryByText(/This is not a text file/)).toBeNull());
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('counts each kind of problem once, in the same words on the tiles, the lists and the summary', async () => {
    renderPanel(makeProvider(async (index) => ok(parts[index]?.rows ?? 0)).dataProvider);
    await chooseFile();
    const tile = (label: string) => screen.getByText(label, { selector: 'dt' }).parentElement;
    expect(tile('Invalid')).toHaveTextContent(/^Invalid1$/);
    expect(tile('Duplicates in the file')).toHaveTextContent(/^Duplicates in the file1$/);
    // One list per kind, titled for what it holds: the duplicate is not an invalid row.
    expect(screen.queryByRole('button', { name: /Show the 2 invalid rows/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show the invalid row' }));
    const invalid = screen.getByRole('table', { name: 'Invalid rows' });
    expect(within(invalid).getByText('“12” is not a valid phone number')).toBeVisible();
    expect(within(invalid).queryByText('2025550001 already appears on line 1')).toBeNull();
    expect(screen.getByRole('button', { name: 'Show the duplicate row' })).toBeVisible();

    // The file as it is: the summary says how many of the rows sent the console had flagged.
    await userEvent.click(screen.getByLabelText('The file as it is (6 rows)'));
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('Upload finished')).toBeVisible();
    expect(
      screen.getByText('Of the 6 rows sent, the console had flagged 2: 1 invalid, 1 duplicate in the file.'),
    ).toBeVisible();
  });

  it('does not count numbers already in the campaign as invalid', async () => {
    // One object per analysis, as the worker gives: the panel takes each one in once.
    const inCampaign = new Map<CsvAnalysis, CsvAnalysis>();
    vi.mocked(analysisHook.useCsvAnalysis).mockImplementation((file, settings) => {
      const base = stableAnalysis(settings);
      const analysis: CsvAnalysis = inCampaign.get(base) ?? {
        ...base,
        invalid: 0,
        duplicates: 0,
        existingDuplicates: 1,
        valid: 5,
        problemCount: 1,
        problems: [
          {
            line: 3,
            reason: 'duplicateInCampaign',
            message: 'upload.csv.problem.duplicateInCampaign',
            values: { number: '+12025550001' },
            detail: '+12025550001',
            raw: '+12025550001,Ann,1',
          },
        ],
      };
      inCampaign.set(base, analysis);
      return {
        status: file ? 'done' : 'idle',
        progress: null,
        analysis: file ? analysis : null,
        error: null,
        cancel: () => {},
        restart: () => {},
      };
    });
    renderPanel(makeProvider(async () => ok(1)).dataProvider);
    await chooseFile();
    const tile = (label: string) => screen.getByText(label, { selector: 'dt' }).parentElement;
    expect(tile('Invalid')).toHaveTextContent(/^Invalid0$/);
    expect(tile('Already in the campaign')).toHaveTextContent(/^Already in the campaign1$/);
    expect(screen.queryByRole('button', { name: /invalid row/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show the row already in the campaign' }));
    const table = screen.getByRole('table', { name: 'Rows already in the campaign' });
    expect(within(table).getByText('+12025550001 is already in the campaign')).toBeVisible();
  });

  describe('leaving during an upload', () => {
    // The upload page, the campaign page it links back to, and the app bar's indicator above the routes.
    const renderApp = (dataProvider: SipCallerDataProvider) =>
      render(
        <TestMemoryRouter initialEntries={['/campaigns/7/numbers/upload']}>
          <AdminContext
            dataProvider={dataProvider}
            authProvider={testAuthProvider}
            i18nProvider={i18nProvider}
            store={memoryStore()}
          >
            <header>
              <UploadIndicator />
            </header>
            <Routes>
              <Route path="/campaigns/:campaignId/numbers/upload" element={<NumbersUpload />} />
              <Route path="/campaigns/:id/show" element={<p>Campaign page</p>} />
            </Routes>
          </AdminContext>
        </TestMemoryRouter>,
      );
    const unloadPrevented = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };

    it('keeps running on another page, with its progress in the app bar and its summary one click away', async () => {
      let release: (() => void) | undefined;
      const { dataProvider, uploadNumbers } = makeProvider(
        (index) =>
          new Promise((resolve) => {
            if (index === 1) release = () => resolve(ok(1));
            else resolve(ok(parts[index]?.rows ?? 0));
          }),
      );
      renderApp(dataProvider);
      await chooseFile();
      expect(unloadPrevented()).toBe(false);
      await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
      await waitFor(() => expect(release).toBeDefined());

      // The breadcrumb back to the campaign: the upload goes on.
      const crumbs = screen.getByRole('navigation', { name: 'Breadcrumbs' });
      await userEvent.click(within(crumbs).getByRole('link', { name: 'New Leads Inbox' }));
      expect(await screen.findByText('Campaign page')).toBeVisible();
      const header = screen.getByRole('banner');
      const link = await within(header).findByRole('link', { name: 'Uploading to New Leads Inbox: 62%' });
      expect(link).toHaveAttribute('href', '/campaigns/7/numbers/upload');
      expect(
        within(header).getByRole('progressbar', { name: 'Uploading to New Leads Inbox: 62%' }),
      ).toBeVisible();
      // Closing the tab would cut the request: the browser asks first.
      expect(unloadPrevented()).toBe(true);

      // Back on the upload page: the same session, still sending part 2.
      await userEvent.click(link);
      expect(await screen.findByRole('progressbar', { name: 'Sent' })).toBeVisible();
      expect(screen.getByText('File: leads.csv (20 B)')).toBeVisible();
      await userEvent.click(
        within(screen.getByRole('navigation', { name: 'Breadcrumbs' })).getByRole('link', {
          name: 'New Leads Inbox',
        }),
      );
      await screen.findByText('Campaign page');

      release?.();
      const finished = await within(header).findByRole('link', {
        name: 'Upload to New Leads Inbox finished: see the summary',
      });
      expect(unloadPrevented()).toBe(false);
      await userEvent.click(finished);
      expect(await screen.findByText('Upload finished')).toBeVisible();
      expect(screen.getByText('4 numbers added to the campaign.')).toBeVisible();
      expect(sentParts(uploadNumbers)).toEqual([0, 1, 2]);
      // The summary is on screen: the app bar has nothing more to point at.
      await waitFor(() => expect(within(header).queryByRole('link')).toBeNull());
    });

    it('Cancel says what stays in the campaign: the numbers of the parts already accepted', async () => {
      const { dataProvider } = makeProvider(
        (index, signal) =>
          new Promise((resolve, reject) => {
            if (index === 1)
              signal?.addEventListener('abort', () => reject(new DOMException('canceled', 'AbortError')));
            else resolve(ok(parts[index]?.rows ?? 0));
          }),
      );
      renderApp(dataProvider);
      await chooseFile();
      await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
      const cancel = await screen.findByRole('button', { name: 'Cancel' });
      await waitFor(() =>
        expect(cancel).toHaveAccessibleDescription('2 numbers of part 1 are already in the campaign.'),
      );
      await userEvent.click(cancel);
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The upload was canceled');
      expect(alert).toHaveTextContent('2 numbers of part 1 are already in the campaign.');
      expect(within(screen.getByRole('banner')).getByRole('link')).toHaveAccessibleName(
        'Upload to New Leads Inbox stopped at 50%',
      );
    });
  });
});
