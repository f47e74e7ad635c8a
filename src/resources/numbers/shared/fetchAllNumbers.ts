// Pages through every number matching a filter, MAX_RANGE_ROWS per call (the API clamps larger
// ranges), for the export and for "delete all matching". Only what those need is kept per record.
import type { DataProvider, SortPayload } from 'react-admin';
import { MAX_RANGE_ROWS } from '../../../contract';
import { throwIfAborted } from '../../../lib/errors';
import type { CampaignNumber, Id } from '../../../types';

/** What the export, delete and undo keep of a number. */
export type NumberRow = Pick<CampaignNumber, 'id' | 'number' | 'varValues'>;

export interface FetchAllOptions {
  campaignId: Id;
  filter: Record<string, unknown>;
  sort: SortPayload;
  /** Called after every page; `total` is undefined when the API sends no Content-Range. */
  onProgress?: (done: number, total: number | undefined) => void;
  signal?: AbortSignal;
  pageSize?: number;
}

export const fetchAllNumbers = async (
  dataProvider: DataProvider,
  { campaignId, filter, sort, onProgress, signal, pageSize = MAX_RANGE_ROWS }: FetchAllOptions,
): Promise<NumberRow[]> => {
  const rows: NumberRow[] = [];
  for (let page = 1; ; page++) {
    throwIfAborted(signal);
    const { data, total, pageInfo } = await dataProvider.getList<CampaignNumber>('numbers', {
      pagination: { page, perPage: pageSize },
      sort,
      filter: { ...filter, campaignId },
      meta: { campaignId },
      signal,
    });
    for (const { id, number, varValues } of data) rows.push({ id, number, varValues: varValues ?? [] });
    onProgress?.(rows.length, total ?? undefined);
    const more =
      total != null
        ? rows.length < total && data.length > 0
        : (pageInfo?.hasNextPage ?? data.length === pageSize);
    if (!more) return rows;
  }
};
