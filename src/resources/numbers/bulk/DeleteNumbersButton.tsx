// Delete the selected numbers (or all matching ones): confirm with the count, collect the records
// (kept for Undo), delete in as few DELETE requests as the API allows, and say exactly what happened.
import DeleteIcon from '@mui/icons-material/Delete';
import { Dialog, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId, useRef, useState } from 'react';
import { type DataProvider, useDataProvider, useListContext, useTranslate } from 'react-admin';
import { ActionWithReason } from '../../../components/ActionWithReason';
import { canChangeNumbers } from '../../../contract';
import { errorMessage, isAbortError } from '../../../lib/errors';
import type { Campaign, CampaignNumber, Id } from '../../../types';
import { fetchAllNumbers } from '../shared/fetchAllNumbers';
import { useCountFormat } from '../shared/useCountFormat';
import { useAllMatching } from './allMatching';
import { DeleteDialogActions } from './DeleteDialogActions';
import type { NumberRow } from './exportCsv';
import { Progress } from './Progress';
import { useDeleteWithUndo } from './useDeleteWithUndo';

// getMany travels as an `ids` filter in the query string: keep each URL short.
const GET_MANY_CHUNK = 100;

const toRow = ({ id, number, varValues }: CampaignNumber): NumberRow => ({
  id,
  number,
  varValues: varValues ?? [],
});

/** The records of the selected ids: from the page when shown, else fetched (a selection can span pages). */
const rowsForIds = async (
  dataProvider: DataProvider,
  campaignId: Id,
  ids: readonly Id[],
  pageData: readonly CampaignNumber[] | undefined,
): Promise<NumberRow[]> => {
  const known = new Map((pageData ?? []).map((record) => [String(record.id), toRow(record)]));
  const missing = ids.filter((id) => !known.has(String(id)));
  for (let start = 0; start < missing.length; start += GET_MANY_CHUNK) {
    const { data } = await dataProvider.getMany<CampaignNumber>('numbers', {
      ids: missing.slice(start, start + GET_MANY_CHUNK),
      meta: { campaignId },
    });
    for (const record of data) known.set(String(record.id), toRow(record));
  }
  // An id that no longer exists is still sent: the API leaves it out of its answer.
  return ids.map((id) => known.get(String(id)) ?? { id, number: '', varValues: [] });
};

type Phase =
  | { name: 'closed' }
  | { name: 'confirm' }
  | { name: 'collecting' | 'deleting'; done: number; total: number }
  | { name: 'result'; message: string };

export const DeleteNumbersButton = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const { format, countArgs } = useCountFormat();
  const { selectedIds, data, total, filterValues, sort, onUnselectItems } = useListContext<CampaignNumber>();
  const { allMatching } = useAllMatching();
  const [phase, setPhase] = useState<Phase>({ name: 'closed' });
  const abort = useRef<AbortController | null>(null);
  const titleId = useId();
  const campaignId = campaign.id;
  const deleteRows = useDeleteWithUndo(campaignId);
  const count = allMatching && total != null ? total : selectedIds.length;
  const reason = canChangeNumbers(campaign) ? undefined : translate('resources.campaigns.reasons.delete');

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const { signal } = controller;
    let rows: NumberRow[];
    try {
      if (allMatching) {
        setPhase({ name: 'collecting', done: 0, total: count });
        rows = await fetchAllNumbers(dataProvider, {
          campaignId,
          filter: filterValues,
          sort,
          signal,
          onProgress: (done, all) => setPhase({ name: 'collecting', done, total: all ?? count }),
        });
      } else {
        rows = await rowsForIds(dataProvider, campaignId, selectedIds, data);
      }
    } catch (error) {
      if (isAbortError(error) || signal.aborted) setPhase({ name: 'closed' });
      else
        setPhase({
          name: 'result',
          message: translate('resources.numbers.delete.collectFailed', { message: errorMessage(error) }),
        });
      return;
    }
    setPhase({ name: 'deleting', done: 0, total: rows.length });
    const message = await deleteRows(rows, {
      signal,
      onProgress: (done, all) => setPhase({ name: 'deleting', done, total: all }),
    });
    if (message) setPhase({ name: 'result', message });
    else finish();
  };

  // The selection goes only when the dialog closes: this button lives in the selection toolbar,
  // and clearing the selection earlier would unmount the dialog with its result.
  const finish = () => {
    setPhase({ name: 'closed' });
    onUnselectItems();
  };

  const busy = phase.name === 'collecting' || phase.name === 'deleting';
  return (
    <>
      <ActionWithReason
        label={translate('resources.numbers.delete.button')}
        startIcon={<DeleteIcon />}
        color="error"
        variant="contained"
        size="small"
        disabledReason={reason}
        onClick={() => setPhase({ name: 'confirm' })}
      />
      <Dialog
        open={phase.name !== 'closed'}
        onClose={busy ? undefined : phase.name === 'result' ? finish : () => setPhase({ name: 'closed' })}
        aria-labelledby={titleId}
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id={titleId}>{translate('resources.numbers.delete.title')}</DialogTitle>
        <DialogContent>
          {phase.name === 'confirm' && (
            <DialogContentText>
              {translate('resources.numbers.delete.confirm', {
                ...countArgs(count),
                campaign: campaign.name,
              })}
            </DialogContentText>
          )}
          {(phase.name === 'collecting' || phase.name === 'deleting') && (
            <Progress
              label={translate(`resources.numbers.delete.${phase.name}`, {
                done: format(phase.done),
                total: format(phase.total),
              })}
              value={phase.total ? (phase.done / phase.total) * 100 : 0}
            />
          )}
          {phase.name === 'result' && <DialogContentText role="alert">{phase.message}</DialogContentText>}
        </DialogContent>
        <DeleteDialogActions
          phase={phase.name}
          busy={busy}
          count={count}
          onConfirm={run}
          onDismiss={() => setPhase({ name: 'closed' })}
          onStop={() => abort.current?.abort()}
          onClose={finish}
        />
      </Dialog>
    </>
  );
};
