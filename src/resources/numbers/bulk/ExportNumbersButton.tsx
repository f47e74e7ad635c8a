// Export every number matching the grid's filter and sort (not capped at react-admin's 1000),
// fetched page by page with progress and Cancel, as a CSV in the upload layout.
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId, useRef, useState } from 'react';
import { useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadText } from '../../../components/download';
import { isAbortError } from '../../../lib/errors';
import type { Campaign } from '../../../types';
import { fetchAllNumbers } from '../shared/fetchAllNumbers';
import { useCountFormat } from '../shared/useCountFormat';
import { exportFilename, numbersToCsv } from './exportCsv';
import { Progress } from './Progress';

type Phase =
  | { name: 'closed' }
  | { name: 'fetching'; done: number; total: number }
  | { name: 'failed'; message: string };

export const ExportNumbersButton = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const { format, countArgs } = useCountFormat();
  const { filterValues, sort, total, isPending } = useListContext();
  const [phase, setPhase] = useState<Phase>({ name: 'closed' });
  const abort = useRef<AbortController | null>(null);
  const titleId = useId();

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'fetching', done: 0, total: total ?? 0 });
    try {
      const rows = await fetchAllNumbers(dataProvider, {
        campaignId: campaign.id,
        filter: filterValues,
        sort,
        signal: controller.signal,
        onProgress: (done, all) => setPhase({ name: 'fetching', done, total: all ?? done }),
      });
      downloadText(numbersToCsv(rows, { neutraliseFormula: true }), exportFilename(campaign.name));
      setPhase({ name: 'closed' });
      notify('resources.numbers.export.done', { type: 'success', messageArgs: countArgs(rows.length) });
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted) {
        setPhase({ name: 'closed' });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      setPhase({
        name: 'failed',
        message: translate('resources.numbers.export.failed', {
          message: translate(message, { _: message }),
        }),
      });
    }
  };

  return (
    <>
      <Button startIcon={<DownloadIcon />} size="small" onClick={run} disabled={isPending || total === 0}>
        {translate('resources.numbers.export.button')}
      </Button>
      <Dialog open={phase.name !== 'closed'} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate('resources.numbers.export.title')}</DialogTitle>
        <DialogContent>
          {phase.name === 'fetching' && (
            <Progress
              label={translate('resources.numbers.export.progress', {
                done: format(phase.done),
                total: format(phase.total),
              })}
              value={phase.total ? (phase.done / phase.total) * 100 : 0}
            />
          )}
          {phase.name === 'failed' && <DialogContentText role="alert">{phase.message}</DialogContentText>}
        </DialogContent>
        <DialogActions>
          {phase.name === 'fetching' ? (
            <Button onClick={() => abort.current?.abort()}>
              {translate('resources.numbers.export.cancel')}
            </Button>
          ) : (
            <Button onClick={() => setPhase({ name: 'closed' })}>
              {translate('resources.numbers.delete.close')}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
