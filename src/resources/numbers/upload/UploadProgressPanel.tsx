import {
  Alert,
  AlertTitle,
  Box,
  Button,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { describeError } from '../../../components/describeError';
import { byteUnit, formatAmount, formatCount } from './format';
import type { PartState, UploadRunState } from './session';

interface UploadProgressPanelProps {
  state: UploadRunState;
  onCancel: () => void;
  onRetry: () => void;
}

const partResult = (part: PartState, translate: ReturnType<typeof useTranslate>, locale: string) => {
  if (part.status === 'failed') return describeError(part.error, translate);
  if (part.status !== 'done' || !part.result) return '';
  const { inserted, rejectedCount } = part.result;
  return inserted < 0
    ? translate('upload.progress.partNoCount')
    : translate('upload.progress.partResult', {
        added: formatCount(inserted, locale),
        rejected: formatCount(Math.max(rejectedCount, 0), locale),
      });
};

/** "100,000 numbers of part 1 are already in the campaign": what a cancel (or a failure) leaves in. */
const whatStays = (parts: PartState[], translate: ReturnType<typeof useTranslate>, locale: string) => {
  const accepted = parts.filter((part) => part.status === 'done');
  if (accepted.length === 0) return translate('upload.progress.nothingAdded');
  const numbers = accepted.map((part) => part.index + 1);
  const first = numbers[0] ?? 1;
  const last = numbers[numbers.length - 1] ?? first;
  const which =
    numbers.length === 1
      ? translate('upload.progress.partOne', { n: first })
      : last - first + 1 === numbers.length
        ? translate('upload.progress.partRange', { first, last })
        : translate('upload.progress.partList', { list: numbers.join(', ') });
  const counted = accepted.every((part) => (part.result?.inserted ?? -1) >= 0);
  if (!counted) return translate('upload.progress.staysUncounted', { parts: which });
  const added = accepted.reduce((sum, part) => sum + (part.result?.inserted ?? 0), 0);
  return translate('upload.progress.stays', {
    smart_count: added,
    count: formatCount(added, locale),
    parts: which,
  });
};

/** Building, sending (bytes of all parts), and what stopped the upload, with Cancel and Retry. */
export const UploadProgressPanel = ({ state, onCancel, onRetry }: UploadProgressPanelProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { phase, parts } = state;
  const totalBytes = parts.reduce((sum, part) => sum + part.bytes, 0);
  const sentBytes = parts.reduce((sum, part) => sum + (part.status === 'done' ? part.bytes : part.sent), 0);
  const { unit, divisor, digits } = byteUnit(totalBytes);
  const current = parts.find((part) => part.status === 'sending' || part.status === 'failed');
  const stopped = phase === 'failed' || phase === 'canceled';
  const running = phase === 'building' || phase === 'sending' || phase === 'finishing';
  const someAccepted = parts.some((part) => part.status === 'done');

  return (
    <Stack spacing={2}>
      {phase === 'building' ? (
        <Box>
          <Typography id="upload-build-label">{translate('upload.progress.building')}</Typography>
          <LinearProgress
            variant="determinate"
            value={Math.round(state.buildProgress * 100)}
            aria-labelledby="upload-build-label"
          />
        </Box>
      ) : null}
      {parts.length > 0 ? (
        <Box>
          <Typography id="upload-progress-label" sx={{ fontWeight: 500 }}>
            {translate('upload.progress.label')}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={totalBytes > 0 ? Math.round((sentBytes / totalBytes) * 100) : 0}
            aria-labelledby="upload-progress-label"
            aria-valuetext={translate('upload.progress.bytes', {
              sent: formatAmount(sentBytes, divisor, digits, locale),
              total: formatAmount(totalBytes, divisor, digits, locale),
              unit,
            })}
            sx={{ height: 8, borderRadius: 4, my: 1 }}
          />
          <Typography variant="body2" color="text.secondary">
            {translate('upload.progress.bytes', {
              sent: formatAmount(sentBytes, divisor, digits, locale),
              total: formatAmount(totalBytes, divisor, digits, locale),
              unit,
            })}
            {parts.length > 1 && current
              ? ` · ${translate('upload.progress.part', { n: current.index + 1, count: parts.length })}`
              : ''}
          </Typography>
        </Box>
      ) : null}
      {phase === 'finishing' ? (
        <Typography role="status">{translate('upload.progress.finishing')}</Typography>
      ) : null}
      {stopped ? (
        <Alert
          severity={phase === 'failed' ? 'error' : 'warning'}
          role="alert"
          action={
            <Button color="inherit" variant="outlined" onClick={onRetry}>
              {translate('upload.actions.retry')}
            </Button>
          }
        >
          <AlertTitle>
            {phase === 'failed' ? translate('upload.progress.failed') : translate('upload.progress.canceled')}
          </AlertTitle>
          {phase === 'failed' ? `${describeError(state.error, translate)} ` : ''}
          {`${whatStays(parts, translate, locale)} `}
          {translate(
            parts.some((part) => part.status === 'done') ? 'upload.progress.resume' : 'upload.progress.kept',
          )}
        </Alert>
      ) : null}
      {running && phase !== 'finishing' ? (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Button
            variant="outlined"
            color="error"
            onClick={onCancel}
            aria-describedby={someAccepted ? 'upload-cancel-stays' : undefined}
          >
            {translate('upload.actions.cancel')}
          </Button>
          {/* Before Cancel is pressed: what it would not take back. */}
          {someAccepted ? (
            <Typography id="upload-cancel-stays" variant="body2" color="text.secondary">
              {whatStays(parts, translate, locale)}
            </Typography>
          ) : null}
        </Box>
      ) : null}
      {parts.length > 1 ? (
        <Table size="small" aria-label={translate('upload.progress.partsTable')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('upload.progress.partColumn')}</TableCell>
              <TableCell align="right">{translate('upload.progress.rowsColumn')}</TableCell>
              <TableCell>{translate('upload.progress.statusColumn')}</TableCell>
              <TableCell>{translate('upload.progress.resultColumn')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {parts.map((part) => (
              <TableRow key={part.index}>
                <TableCell>{part.index + 1}</TableCell>
                <TableCell align="right">{formatCount(part.rows, locale)}</TableCell>
                <TableCell>{translate(`upload.progress.status.${part.status}`)}</TableCell>
                <TableCell>{partResult(part, translate, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Stack>
  );
};
