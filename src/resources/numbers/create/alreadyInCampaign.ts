// Before a number is added: is it already in the campaign? The API's `number` filter is a substring
// match (the emulator: instr(number, term)), so "+18005551234" also finds "+180055512345": the
// answers are compared exactly, on a few rows rather than one, as a longer number may come first.
import type { DataProvider } from 'react-admin';
import type { CampaignNumber, Id } from '../../../types';

/** Rows read per lookup: the exact number is among them unless that many longer numbers contain it. */
const LOOKUP_ROWS = 10;

export const findInCampaign = async (
  dataProvider: DataProvider,
  campaignId: Id,
  e164: string,
  signal?: AbortSignal,
): Promise<CampaignNumber | null> => {
  const { data } = await dataProvider.getList<CampaignNumber>('numbers', {
    filter: { number: e164 },
    pagination: { page: 1, perPage: LOOKUP_ROWS },
    sort: { field: 'id', order: 'ASC' },
    meta: { campaignId },
    signal,
  });
  return data.find((record) => record.number === e164) ?? null;
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * The grid's filters that would hide a number just added (Pending, never called, `e164` as stored):
 * the search when the number does not contain it, a status other than Pending, a last result other
 * than "not called yet". A filter the console does not know is counted as hiding.
 */
export const filtersHiding = (filter: Record<string, unknown>, e164: string): string[] =>
  Object.entries(filter)
    .filter(([key, value]) => {
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return false;
      if (key === 'number') return !e164.includes(String(value).trim());
      if (key === 'status') return !asList(value).includes('Pending');
      if (key === 'ringResult') return !asList(value).some((item) => item === null || item === 'notCalled');
      return true;
    })
    .map(([key]) => key);
