// The notification after a delete, with an Undo that re-adds the deleted numbers in one upload.
// react-admin's undoable mode can't span several DELETE batches, hence this one. It stays until
// the operator closes it (its Close button, Escape) or leaves the campaign: no timer, and a click
// elsewhere on the page does not dismiss it.
import { Alert, Button } from '@mui/material';
import { useEffect, useRef } from 'react';
import {
  type NotificationOptions,
  useCloseNotification,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useLocation } from 'react-router-dom';
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

/**
 * How react-admin's <Notification> shows the notice: no auto-hide, and MUI's Snackbar onClose (a
 * click away, Escape) replaced, since it would close it; the notice handles Escape itself.
 */
export const UNDO_NOTICE_OPTIONS: NotificationOptions = {
  autoHideDuration: null,
  onClose: () => {},
};

/** The campaign's own pages: its show page and the add and upload views under it. */
const isCampaignPath = (pathname: string, campaignId: Id) =>
  pathname.split('/').slice(0, 3).join('/') === `/campaigns/${encodeURIComponent(String(campaignId))}`;

/** Closes the notice on Escape and when the operator leaves the campaign. */
const useCloseOutsideCampaign = (campaignId: Id, close: () => void) => {
  const { pathname } = useLocation();
  const openedAt = useRef(pathname);
  const left = pathname !== openedAt.current && !isCampaignPath(pathname, campaignId);
  useEffect(() => {
    if (left) close();
  }, [left, close]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [close]);
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
  useCloseOutsideCampaign(campaignId, close);

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
