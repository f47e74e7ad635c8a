import type { SipCallerDataProvider } from '../../../dataProvider/types';
import type { CampaignNumber, Id } from '../../../types';

/** Above this many numbers the "check against the campaign" option is not offered (the fetch is one request per 1000). */
export const EXISTING_CHECK_MAX_NUMBERS = 50_000;

/** The campaign's total from a one-row list call (range [0,0]); null when the API sends no Content-Range. */
export const countCampaignNumbers = async (
  dataProvider: SipCallerDataProvider,
  campaignId: Id,
  signal?: AbortSignal,
): Promise<number | null> => {
  const { total } = await dataProvider.getList<CampaignNumber>('numbers', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'ASC' },
    filter: {},
    meta: { campaignId },
    signal,
  });
  return typeof total === 'number' ? total : null;
};
