// The notification after a delete, with an Undo that re-adds the deleted numbers in one upload.
// react-admin's undoable mode can't span several DELETE batches, hence this one.
import { Alert, Button } from '@mui/material';
import { useCloseNotification, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { downloadText } from '../../../components/download';
import type { SipCallerDataProvider } from '../../../dataProvider/types';
import type { Id } from '../../../types';
import { useCountFormat } from '../shared/useCountFormat';
import type { NumberRow } from './exportCsv';
import { buildRestoreCsv, restoreNumbers } from './restoreNumbers';

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

// A failed undo must not lose the numbers: the operator can download them and upload them later.
const RestoreFailedNotice = ({ rows, message }: { rows: readonly NumberRow[]; message: string }) => {
  const translate = useTranslate();
  const close = useCloseNotification();
  return (
    <Alert
      severity="error"
      variant="filled"
      onClose={close}
      closeText={translate('ra.action.close')}
      action={
        <Button
          color="inherit"
          size="small"
          onClick={() => downloadText(buildRestoreCsv(rows).csv, 'deleted-numbers.csv')}
        >
          {translate('resources.numbers.delete.download')}
        </Button>
      }
    >
      {translate('resources.numbers.delete.restoreFailed', { message: translate(message, { _: message }) })}
    </Alert>
  );
};

export interface UndoDeleteNoticeProps {
  campaignId: Id;
  rows: readonly NumberRow[];
}

export const UndoDeleteNotice = ({ campaignId, rows }: UndoDeleteNoticeProps) => {
  const translate = useTranslate();
  const close = useCloseNotification();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<SipCallerDataProvider>();
  const { format, countArgs } = useCountFormat();

  // Runs after this notice has closed: it reports through new notifications, not through state.
  const undo = () => {
    close();
    notify('resources.numbers.delete.restoring', { type: 'info', messageArgs: countArgs(rows.length) });
    restoreNumbers(dataProvider, campaignId, rows).then(
      (result) => {
        refresh();
        if (result.rejectedCount > 0) {
          notify('resources.numbers.delete.restoredPartly', {
            type: 'warning',
            messageArgs: { inserted: format(result.inserted), rejected: format(result.rejectedCount) },
          });
        } else {
          notify('resources.numbers.delete.restored', {
            type: 'success',
            messageArgs: countArgs(result.inserted),
          });
        }
      },
      (error) => {
        notify(<RestoreFailedNotice rows={rows} message={errorMessage(error)} />, { autoHideDuration: null });
      },
    );
  };

  return (
    <Alert
      severity="success"
      variant="filled"
      onClose={close}
      closeText={translate('ra.action.close')}
      action={
        <Button color="inherit" size="small" onClick={undo} sx={{ fontWeight: 700 }}>
          {translate('resources.numbers.delete.undo')}
        </Button>
      }
    >
      {translate('resources.numbers.delete.done', countArgs(rows.length))}
    </Alert>
  );
};
