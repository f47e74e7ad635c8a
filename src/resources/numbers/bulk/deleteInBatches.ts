// Deletes numbers with as few DELETE requests as the API allows: one for up to MAX_DELETE_IDS ids,
// else sequential batches, stopping at the first error so the operator learns exactly what happened.
import type { DataProvider } from 'react-admin';
import { MAX_DELETE_IDS } from '../../../contract';
import type { Id } from '../../../types';

export interface DeleteOutcome {
  /** The ids the API says it deleted (unknown ids are left out of its answer). */
  deletedIds: Id[];
  /** Ids requested but not deleted: not sent (after an error or a cancel) or not found. */
  notDeleted: number;
  error?: unknown;
  cancelled: boolean;
}

export interface DeleteOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export const deleteNumbersInBatches = async (
  dataProvider: DataProvider,
  campaignId: Id,
  ids: readonly Id[],
  { batchSize = MAX_DELETE_IDS, onProgress, signal }: DeleteOptions = {},
): Promise<DeleteOutcome> => {
  const deletedIds: Id[] = [];
  const outcome = (extra: Partial<DeleteOutcome>): DeleteOutcome => ({
    deletedIds,
    notDeleted: ids.length - deletedIds.length,
    cancelled: false,
    ...extra,
  });
  for (let start = 0; start < ids.length; start += batchSize) {
    if (signal?.aborted) return outcome({ cancelled: true });
    const batch = ids.slice(start, start + batchSize);
    try {
      const { data } = await dataProvider.deleteMany('numbers', { ids: [...batch], meta: { campaignId } });
      deletedIds.push(...(Array.isArray(data) ? data : batch));
    } catch (error) {
      return outcome({ error });
    }
    onProgress?.(Math.min(start + batch.length, ids.length), ids.length);
  }
  return outcome({});
};
