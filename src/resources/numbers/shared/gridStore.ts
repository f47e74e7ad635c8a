import type { Id } from '../../../types';

/**
 * The store key of a campaign's numbers grid (`<List storeKey>` in NumberList.tsx). react-admin keeps
 * the list's params (filter, sort, order, perPage, page) under exactly this key: a `storeKey` given
 * to a list is used as is, only the default (`<resource>.listParams`) carries a suffix.
 */
export const numbersGridStoreKey = (campaignId: Id) => `numbers.campaign.${campaignId}`;

/** The numbers grid's list params as react-admin keeps them in the store. */
export interface StoredListParams {
  filter?: Record<string, unknown>;
  sort?: string;
  order?: string;
  perPage?: number;
  page?: number;
  [key: string]: unknown;
}
