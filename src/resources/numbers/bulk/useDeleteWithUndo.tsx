// The step bulk delete and Scrub campaign share: delete these rows in 1,000-id requests, refresh,
// offer Undo for what went, and word the outcome (null when every row was deleted).
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { errorMessage } from '../../../lib/errors';
import type { Id } from '../../../types';
import type { NumberRow } from '../shared/fetchAllNumbers';
import { useCountFormat } from '../shared/useCountFormat';
import { deleteNumbersInBatches } from './deleteInBatches';
import { UNDO_NOTICE_OPTIONS, UndoDeleteNotice } from './UndoDeleteNotice';

export interface DeleteControls {
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

export const useDeleteWithUndo = (campaignId: Id) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const { format } = useCountFormat();
  return async (
    rows: readonly NumberRow[],
    { signal, onProgress }: DeleteControls,
  ): Promise<string | null> => {
    const outcome = await deleteNumbersInBatches(
      dataProvider,
      campaignId,
      rows.map((row) => row.id),
      { signal, onProgress },
    );
    const deleted = new Set(outcome.deletedIds.map(String));
    // Rows without a number are ids that no longer existed: nothing to add back.
    const deletedRows = rows
      .filter((row) => deleted.has(String(row.id)) && row.number)
      .map(({ id, number, varValues }) => ({ id, number, varValues }));
    refresh();
    if (deletedRows.length) {
      notify(<UndoDeleteNotice campaignId={campaignId} rows={deletedRows} />, UNDO_NOTICE_OPTIONS);
    }
    const counts = { deleted: format(outcome.deletedIds.length), notDeleted: format(outcome.notDeleted) };
    if (outcome.error) {
      const message = errorMessage(outcome.error);
      return translate('resources.numbers.delete.partial', {
        ...counts,
        message: translate(message, { _: message }),
      });
    }
    if (outcome.cancelled) return translate('resources.numbers.delete.cancelled', counts);
    return null;
  };
};
