// Looking a number up in every campaign: the API has no search across campaigns, so the console
// reads the campaigns list (1,000 a page), then asks each campaign's numbers for the number's last
// digits (the `number` filter matches any part, and numbers are stored as sent, national or
// E.164), four requests at a time, and keeps the records that are the same number.
import type { DataProvider } from 'react-admin';
import { canChangeNumbers } from '../../contract';
import { type CountryCode, checkNumber, cleanNumber } from '../../lib/phone';
import type { Campaign, CampaignNumber } from '../../types';

export const CAMPAIGNS_PAGE = 1000;
export const CONCURRENCY = 4;
/** Digits sent to the `number` filter: the national number's tail, present in both stored forms. */
export const SEARCH_DIGITS = 8;
const NUMBERS_PAGE = 100;

/**
 * What is searched for when the typed text is not a valid number but looks like one (digits, an
 * optional "+", separators): the form the API stores, "+" and digits ("00" read as "+"), else the
 * digits. Null when the text is not number-like.
 */
export const typedNumber = (text: string): string | null => {
  const cleaned = cleanNumber(text.trim());
  if (cleaned === null) return null;
  return cleaned.startsWith('00') ? (cleanNumber(`+${cleaned.slice(2)}`) ?? cleaned) : cleaned;
};

export const searchDigits = (e164: string) => e164.replace(/\D/g, '').slice(-SEARCH_DIGITS);

export async function listAllCampaigns(
  dataProvider: DataProvider,
  { signal, onCount }: { signal?: AbortSignal; onCount?: (count: number) => void } = {},
): Promise<Campaign[]> {
  const campaigns: Campaign[] = [];
  for (let page = 1; ; page++) {
    const { data, total } = await dataProvider.getList<Campaign>('campaigns', {
      pagination: { page, perPage: CAMPAIGNS_PAGE },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
      signal,
    });
    campaigns.push(...data);
    onCount?.(campaigns.length);
    if (data.length < CAMPAIGNS_PAGE || (total !== undefined && campaigns.length >= total)) return campaigns;
  }
}

/** The campaign's records of `e164` (or of a number searched as typed: the same "+" and digits). */
export async function findInCampaign(
  dataProvider: DataProvider,
  campaign: Campaign,
  e164: string,
  country: CountryCode,
  signal?: AbortSignal,
): Promise<CampaignNumber[]> {
  const { data } = await dataProvider.getList<CampaignNumber>('numbers', {
    pagination: { page: 1, perPage: NUMBERS_PAGE },
    sort: { field: 'id', order: 'ASC' },
    filter: { number: searchDigits(e164) },
    meta: { campaignId: campaign.id },
    signal,
  });
  return data.filter((record) => {
    const check = checkNumber(record.number, country);
    return check.kind === 'valid' ? check.e164 === e164 : typedNumber(record.number) === e164;
  });
}

/** Runs `task` over `items`, `limit` at a time, until done or aborted. */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export type DeleteOutcome = { state: 'deleted' } | { state: 'failed'; error: unknown } | { state: 'blocked' };

/** Deletes the matches where the API allows it (Dynamic and Active), one request per campaign. */
export async function deleteEverywhere(
  dataProvider: DataProvider,
  found: { campaign: Campaign; matches: CampaignNumber[] }[],
): Promise<Map<Campaign['id'], DeleteOutcome>> {
  const outcomes = new Map<Campaign['id'], DeleteOutcome>();
  const allowed = found.filter(({ campaign, matches }) => {
    if (matches.length === 0) return false;
    if (canChangeNumbers(campaign)) return true;
    outcomes.set(campaign.id, { state: 'blocked' });
    return false;
  });
  await runPool(allowed, CONCURRENCY, async ({ campaign, matches }) => {
    try {
      await dataProvider.deleteMany('numbers', {
        ids: matches.map((m) => m.id),
        meta: { campaignId: campaign.id },
      });
      outcomes.set(campaign.id, { state: 'deleted' });
    } catch (error) {
      outcomes.set(campaign.id, { state: 'failed', error });
    }
  });
  return outcomes;
}
