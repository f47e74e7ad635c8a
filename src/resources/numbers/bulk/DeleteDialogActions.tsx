// The buttons of a delete dialog (bulk delete, Scrub campaign): confirm with focus on Cancel, so
// Enter never deletes; Cancel while it runs; Close on the result.
import { Button, DialogActions } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useCountFormat } from '../shared/useCountFormat';

export interface DeleteDialogActionsProps {
  /** The dialog's phase name ('confirm', 'result', …); `busy` while it collects or deletes. */
  phase: string;
  busy: boolean;
  /** How many numbers the confirm button deletes. */
  count: number;
  onConfirm: () => void;
  onDismiss: () => void;
  onStop: () => void;
  onClose: () => void;
}

export const DeleteDialogActions = ({
  phase,
  busy,
  count,
  onConfirm,
  onDismiss,
  onStop,
  onClose,
}: DeleteDialogActionsProps) => {
  const translate = useTranslate();
  const { countArgs } = useCountFormat();
  return (
    <DialogActions>
      {phase === 'confirm' && (
        <>
          {/* Focus starts on Cancel: Enter must not delete. */}
          <Button onClick={onDismiss} autoFocus>
            {translate('resources.numbers.delete.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={onConfirm}>
            {translate('resources.numbers.delete.confirmButton', countArgs(count))}
          </Button>
        </>
      )}
      {busy && <Button onClick={onStop}>{translate('resources.numbers.delete.cancel')}</Button>}
      {phase === 'result' && <Button onClick={onClose}>{translate('resources.numbers.delete.close')}</Button>}
    </DialogActions>
  );
};
