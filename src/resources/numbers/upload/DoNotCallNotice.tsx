import { Alert } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CsvAnalysis, UploadMode } from '../../../lib/csv';
import { formatCount } from './format';

/** The device's do-not-call lists could not be read: the analysis could not mark listed numbers. */
export const DoNotCallUnavailable = ({ analysis }: { analysis: CsvAnalysis }) => {
  const translate = useTranslate();
  if (analysis.doNotCall?.error === undefined) return null;
  return <Alert severity="warning">{translate('upload.dnc.unavailable')}</Alert>;
};

/**
 * Under the choice of what to send: the valid rows leave the listed numbers out; the file as it is
 * would send them, and says how many.
 */
export const DoNotCallChoiceNotice = ({ analysis, mode }: { analysis: CsvAnalysis; mode: UploadMode }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const listed = analysis.doNotCall?.rows ?? 0;
  if (listed === 0) return null;
  const values = { smart_count: listed, count: formatCount(listed, locale) };
  return mode === 'asIs' ? (
    <Alert severity="warning" sx={{ mt: 1 }}>
      {translate('upload.dnc.asIsWarning', values)}
    </Alert>
  ) : (
    <Alert severity="info" sx={{ mt: 1 }}>
      {translate('upload.dnc.leftOut', values)}
    </Alert>
  );
};
