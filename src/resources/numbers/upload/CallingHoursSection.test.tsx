import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWithAdmin } from '../../../../test/render';
import {
  analyzeCsv,
  type CsvAnalysis,
  countLeftOut,
  type FactsGroup,
  setCsvWorkerFactory,
} from '../../../lib/csv';
import { InProcessCsvWorker } from '../../../lib/csv/testing';
import type { Campaign } from '../../../types';
import { CallingHoursSection } from './CallingHoursSection';
import { UploadChoice } from './UploadChoice';
import { useCallingHours } from './useCallingHours';

beforeAll(() => setCsvWorkerFactory(() => new InProcessCsvWorker()));
afterAll(() => setCsvWorkerFactory(null));
const userEvent = userEventLib.setup({ delay: null });

const ALL_PLUS_ONE = ['America/Anchorage', 'America/Chicago', 'America/New_York', 'Pacific/Honolulu'];
const groups: FactsGroup[] = [
  { country: 'US', type: 'FIXED_LINE_OR_MOBILE', zones: ['America/New_York'], rows: 3 },
  { country: 'US', type: 'FIXED_LINE_OR_MOBILE', zones: ['America/Chicago'], rows: 2 },
  { country: 'ES', type: 'FIXED_LINE', zones: ['Europe/Madrid'], rows: 1 },
  { country: 'US', type: 'PREMIUM_RATE', zones: ALL_PLUS_ONE, rows: 1 },
  { country: null, type: 'TOLL_FREE', zones: [], rows: 1 },
];
const analysis = {
  rows: 8,
  valid: 8,
  numberFacts: { groups },
  mapping: null,
  defaultCountry: 'US',
  delimiter: ',',
  firstRowIsHeader: false,
  varCount: 1,
} as unknown as CsvAnalysis;

const campaign = (startDate: string | null): Campaign => ({
  id: 7,
  name: 'Spring',
  type: 'Dynamic',
  status: 'Active',
  dialer: { mode: 'Power' },
  phoneSystemId: null,
  extensionId: null,
  tagIds: [],
  startDate,
});

// 2026-06-01 12:30 UTC: 08:30 in New York, 07:30 in Chicago, 14:30 in Madrid, 02:30 in Honolulu.
const NOW = Date.parse('2026-06-01T12:30:00Z');

const Harness = ({
  startDate,
  theAnalysis = analysis,
}: {
  startDate: string | null;
  theAnalysis?: CsvAnalysis;
}) => {
  const hours = useCallingHours(campaign(startDate));
  return (
    <>
      <CallingHoursSection
        analysis={theAnalysis}
        hours={hours}
        now={NOW}
        file={new File(['+12125550123,A\n'], 'leads.csv')}
        existingNumbers={undefined}
        disabled={false}
      />
      <UploadChoice
        analysis={theAnalysis}
        mode="valid"
        onModeChange={() => {}}
        disabled={false}
        canUpload={!hours.blocked}
        onUpload={() => {}}
        leftOut={countLeftOut(theAnalysis.numberFacts, hours.exclusion)}
      />
    </>
  );
};

const FilesHarness = ({ file, analysis: real }: { file: File; analysis: CsvAnalysis }) => {
  const hours = useCallingHours(campaign(null));
  return (
    <CallingHoursSection
      analysis={real}
      hours={hours}
      now={NOW}
      file={file}
      existingNumbers={undefined}
      disabled={false}
    />
  );
};

const tile = (name: string) => {
  const term = screen.getByText(name, { selector: 'dt' });
  return (term.parentElement as HTMLElement).querySelector('dd')?.textContent;
};

describe('Calling hours and number types', () => {
  it('counts by zone and type, and outside calling hours now and at the campaign start', async () => {
    // The campaign starts at 16:00 on this device (UTC here): 12:00 in New York, 11:00 in Chicago.
    renderWithAdmin(<Harness startDate="2026-06-01T16:00:00" />, { dataProvider: {} as never });
    expect(
      await screen.findByRole('heading', { name: 'Calling hours and number types' }),
    ).toBeInTheDocument();
    // Now: Chicago (2) and the premium number (Honolulu) are outside; the +800 number has no zone.
    expect(tile('Outside calling hours now')).toBe('3');
    expect(tile('Outside calling hours at the campaign start')).toBe('1');
    expect(tile('Unknown time zone')).toBe('1');
    const zones = screen.getByRole('table', { name: 'Numbers by country and time zone' });
    const rows = within(zones)
      .getAllByRole('row')
      .map((row) =>
        within(row)
          .queryAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows.find((cells) => cells[1] === 'America/Chicago')).toEqual([
      'United States',
      'America/Chicago',
      '2',
      '07:30',
      'Outside',
      'Inside',
    ]);
    expect(within(zones).getByRole('row', { name: /International/ })).toHaveTextContent('Unknown');
    const types = screen.getByRole('table', { name: 'Numbers by type' });
    expect(within(types).getByRole('row', { name: /Fixed line or mobile/ })).toHaveTextContent('5');
    expect(screen.getByText(/The type of 5 numbers cannot be told/)).toBeInTheDocument();
    expect(screen.getByLabelText('Campaign start')).toHaveValue('2026-06-01T16:00');
    expect(
      screen.getByText(/The campaign's start date, read in this device's time zone/),
    ).toBeInTheDocument();
  });

  it('leaves premium-rate numbers out by default, and what the operator chooses', async () => {
    renderWithAdmin(<Harness startDate="2026-06-01T16:00:00" />, { dataProvider: {} as never });
    const premium = await screen.findByRole('checkbox', { name: 'Premium rate numbers (1)' });
    expect(premium).toBeChecked();
    expect(screen.getByText('1 valid number will be left out by these choices.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Only the valid rows \(7\)/ })).toBeInTheDocument();
    await userEvent.click(premium);
    expect(screen.getByRole('radio', { name: /Only the valid rows \(8\)/ })).toBeInTheDocument();
    // Outside calling hours at the start: the premium number (Honolulu 06:00) and the +800 number.
    const outside = screen.getByRole('checkbox', {
      name: 'Numbers outside calling hours at the campaign start, and those of unknown time zone (2)',
    });
    await userEvent.click(outside);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Fixed line numbers (1)' }));
    expect(screen.getByText('3 valid numbers will be left out by these choices.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Only the valid rows \(5\)/ })).toBeInTheDocument();
  });

  it('takes another window and says when it cannot be read', async () => {
    renderWithAdmin(<Harness startDate={null} />, { dataProvider: {} as never });
    expect(
      await screen.findByText(/This campaign has no start date: choose when it will call/),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Calling hours start'), { target: { value: '07:00' } });
    // From 07:00 Chicago (07:30) is inside now; the premium number still is not.
    expect(tile('Outside calling hours now')).toBe('1');
    fireEvent.change(screen.getByLabelText('Calling hours end'), { target: { value: '07:00' } });
    expect(
      screen.getByText('The start and the end are the same: that leaves no hour to call.'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('checkbox', { name: /Numbers outside calling hours at the campaign start/ }),
    );
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
  });

  it('says so when the time zones could not be loaded', async () => {
    const failed = { ...analysis, numberFacts: { groups: [], error: 'offline' } } as CsvAnalysis;
    renderWithAdmin(<Harness startDate={null} theAnalysis={failed} />, { dataProvider: {} as never });
    expect(await screen.findByText(/could not be loaded \(offline\)/)).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('writes one file per time zone', async () => {
    const file = new File(
      ['+1 212 555 0123,A\n+1 312 555 0123,B\n+1 212 555 0124,C\n+1 900 555 0123,D\n'],
      'leads.csv',
    );
    const real = await analyzeCsv(file, { defaultCountry: 'US' });
    renderWithAdmin(<FilesHarness file={file} analysis={real} />, { dataProvider: {} as never });
    await userEvent.click(await screen.findByRole('button', { name: 'Download one file per time zone' }));
    const list = await screen.findByRole('list', { name: 'Files by time zone' }, { timeout: 15_000 });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('button')
          .map((button) => button.textContent),
      ).toEqual(['America/New_York: 2 numbers', 'America/Chicago: 1 number']),
    );
  });
});
