// Scrub campaign: page through the campaign's numbers (MAX_RANGE_ROWS a request), show those on a
// do-not-call list of this device, and delete them as bulk delete does: the same confirmation,
// progress, 1,000-id DELETE requests (deleteInBatches) and Undo notice.
import PlaylistRemoveIcon from '@mui/icons-material/PlaylistRemove';
import {
  Dialog,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useId, useRef, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { ActionWithReason } from '../../../components/ActionWithReason';
import { canChangeNumbers } from '../../../contract';
import { errorMessage, isAbortError } from '../../../lib/errors';
import type { Campaign } from '../../../types';
import { fetchAllNumbers } from '../shared/fetchAllNumbers';
import { useCountFormat } from '../shared/useCountFormat';
import { DeleteDialogActions } from './DeleteDialogActions';
import { Progress } from './Progress';
import { type DncSource, deviceDncSource, findListedRows, type ListedRow } from './scrub';
import { useDeleteWithUndo } from './useDeleteWithUndo';

/** Rows shown in the review; the count says how many more. */
const SHOWN_ROWS = 100;

type Phase =
  | { name: 'closed' }
  | { name: 'collecting'; done: number; total: number }
  | { name: 'checking'; count: number }
  | { name: 'confirm'; listed: ListedRow[] }
  | { name: 'deleting'; done: number; total: number }
  | { name: 'result'; message: string };

export interface ScrubCampaignProps {
  campaign: Campaign;
  /** The device's do-not-call lists by default; tests may inject others. */
  source?: DncSource;
}

export const ScrubCampaign = ({ campaign, source = deviceDncSource }: ScrubCampaignProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const { format, countArgs } = useCountFormat();
  const [phase, setPhase] = useState<Phase>({ name: 'closed' });
  const abort = useRef<AbortController | null>(null);
  const titleId = useId();
  const campaignId = campaign.id;
  const deleteRows = useDeleteWithUndo(campaignId);
  const reason = canChangeNumbers(campaign) ? undefined : translate('resources.campaigns.reasons.delete');

  const fail = (error: unknown) =>
    setPhase({
      name: 'result',
      message: translate('resources.numbers.scrub.failed', { message: errorMessage(error) }),
    });

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const { signal } = controller;
    setPhase({ name: 'collecting', done: 0, total: 0 });
    try {
      const lists = await source.lists();
      if (lists.length === 0) {
        setPhase({ name: 'result', message: translate('resources.numbers.scrub.noLists') });
        return;
      }
      const rows = await fetchAllNumbers(dataProvider, {
        campaignId,
        filter: {},
        sort: { field: 'id', order: 'ASC' },
        signal,
        onProgress: (done, total) => setPhase({ name: 'collecting', done, total: total ?? done }),
      });
      setPhase({ name: 'checking', count: rows.length });
      const listed = await findListedRows(rows, lists, source, signal);
      if (signal.aborted) return setPhase({ name: 'closed' });
      if (listed.length === 0) {
        setPhase({
          name: 'result',
          message: translate('resources.numbers.scrub.none', {
            count: format(rows.length),
            campaign: campaign.name,
          }),
        });
        return;
      }
      setPhase({ name: 'confirm', listed });
    } catch (error) {
      if (isAbortError(error) || signal.aborted) setPhase({ name: 'closed' });
      else fail(error);
    }
  };

  const remove = async (listed: ListedRow[]) => {
    const controller = new AbortController();
    abort.current = controller;
    const { signal } = controller;
    setPhase({ name: 'deleting', done: 0, total: listed.length });
    const message = await deleteRows(listed, {
      signal,
      onProgress: (done, total) => setPhase({ name: 'deleting', done, total }),
    });
    setPhase(message ? { name: 'result', message } : { name: 'closed' });
  };

  const close = () => setPhase({ name: 'closed' });
  const busy = phase.name === 'collecting' || phase.name === 'checking' || phase.name === 'deleting';
  return (
    <>
      <ActionWithReason
        label={translate('resources.numbers.scrub.button')}
        startIcon={<PlaylistRemoveIcon />}
        variant="outlined"
        disabledReason={reason}
        onClick={start}
      />
      <Dialog
        open={phase.name !== 'closed'}
        onClose={busy ? undefined : close}
        aria-labelledby={titleId}
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id={titleId}>{translate('resources.numbers.scrub.title')}</DialogTitle>
        <DialogContent>
          {phase.name === 'collecting' && (
            <Progress
              label={translate('resources.numbers.scrub.collecting', {
                done: format(phase.done),
                total: format(phase.total),
              })}
              value={phase.total ? (phase.done / phase.total) * 100 : 0}
            />
          )}
          {phase.name === 'checking' && (
            <Progress
              label={translate('resources.numbers.scrub.checking', { count: format(phase.count) })}
              value={100}
            />
          )}
          {phase.name === 'confirm' && (
            <>
              <DialogContentText>
                {translate('resources.numbers.scrub.found', {
                  ...countArgs(phase.listed.length),
                  campaign: campaign.name,
                })}
              </DialogContentText>
              <Table size="small" sx={{ my: 1 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('resources.numbers.scrub.number')}</TableCell>
                    <TableCell>{translate('resources.numbers.scrub.lists')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {phase.listed.slice(0, SHOWN_ROWS).map((row) => (
                    <TableRow key={String(row.id)}>
                      <TableCell>{row.number}</TableCell>
                      <TableCell>{row.lists.join(', ')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {phase.listed.length > SHOWN_ROWS && (
                <DialogContentText>
                  {translate('resources.numbers.scrub.more', {
                    count: format(phase.listed.length - SHOWN_ROWS),
                  })}
                </DialogContentText>
              )}
              <DialogContentText>
                {translate('resources.numbers.delete.confirm', {
                  ...countArgs(phase.listed.length),
                  campaign: campaign.name,
                })}
              </DialogContentText>
            </>
          )}
          {phase.name === 'deleting' && (
            <Progress
              label={translate('resources.numbers.delete.deleting', {
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
          count={phase.name === 'confirm' ? phase.listed.length : 0}
          onConfirm={() => phase.name === 'confirm' && remove(phase.listed)}
          onDismiss={close}
          onStop={() => abort.current?.abort()}
          onClose={close}
        />
      </Dialog>
    </>
  );
};

export default ScrubCampaign;
