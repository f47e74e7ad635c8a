import { Alert, AlertTitle, Box, Button, LinearProgress, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCount } from './format';
import type { CsvAnalysisState } from './useCsvAnalysis';

interface AnalysisStatusProps {
  csv: CsvAnalysisState;
  hasFile: boolean;
  /** Reads the same file again (after a stop or a failure). */
  onRestart: () => void;
  /** Opens the file dialog: what a file that is not text calls for (reading it again cannot help). */
  onChooseAnother: () => void;
}

/** The worker reading the file (with progress and a stop), a stopped read, or a read that failed. */
export const AnalysisStatus = ({ csv, hasFile, onRestart, onChooseAnother }: AnalysisStatusProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (csv.status === 'running' && csv.progress) {
    const { bytesRead, totalBytes, rows } = csv.progress;
    return (
      <Box>
        <Typography id="upload-analysis-label">
          {translate('upload.analysis.running', { rows: formatCount(rows, locale) })}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={totalBytes > 0 ? Math.round((bytesRead / totalBytes) * 100) : 0}
          aria-labelledby="upload-analysis-label"
          sx={{ my: 1 }}
        />
        <Button onClick={csv.cancel}>{translate('upload.analysis.stop')}</Button>
      </Box>
    );
  }
  if (csv.status === 'idle' && hasFile) {
    return (
      <Alert
        severity="info"
        action={
          <Button color="inherit" onClick={onRestart}>
            {translate('upload.analysis.restart')}
          </Button>
        }
      >
        {translate('upload.analysis.stopped')}
      </Alert>
    );
  }
  if (csv.status === 'error') {
    const key = csv.error?.message?.startsWith('upload.') ? csv.error.message : 'upload.csv.error.readFailed';
    // The same bytes read again are still not text: only another file helps.
    const notText = key === 'upload.csv.error.notText';
    return (
      <Alert
        severity="error"
        role="alert"
        action={
          notText ? (
            <Button color="inherit" onClick={onChooseAnother}>
              {translate('upload.drop.chooseAnother')}
            </Button>
          ) : (
            <Button color="inherit" onClick={onRestart}>
              {translate('upload.actions.retry')}
            </Button>
          )
        }
      >
        <AlertTitle>{translate('upload.analysis.failed')}</AlertTitle>
        {translate(key)}
      </Alert>
    );
  }
  return null;
};
