import DownloadIcon from '@mui/icons-material/Download';
import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { formatCount } from './format';
import { ProblemTable } from './ProblemTable';
import { PROBLEM_KINDS } from './problemKinds';
import type { SummaryProblem, UploadSummary } from './summary';

interface UploadSummaryViewProps {
  summary: UploadSummary;
  totalBefore: number | null;
  totalAfter: number | null;
  /** How many requests the file went in. */
  partCount: number;
  campaignPath: string;
  onDownload: () => void;
  onAnother: () => void;
  explain: (problem: SummaryProblem) => string;
}

/** What came of the upload: the server's counts (or the campaign's growth), and every row that did not get in. */
export const UploadSummaryView = ({
  summary,
  totalBefore,
  totalAfter,
  partCount,
  campaignPath,
  onDownload,
  onAnother,
  explain,
}: UploadSummaryViewProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const n = (value: number) => formatCount(value, locale);
  const notIn = summary.rejectedByServer + summary.droppedByConsole;
  // "3 invalid, 2 duplicates in the file": the words of the tiles the operator saw before sending.
  const flaggedKinds = PROBLEM_KINDS.filter((kind) => summary.consoleKinds[kind] > 0).map((kind) =>
    translate(`upload.summary.kinds.${kind}`, {
      smart_count: summary.consoleKinds[kind],
      count: n(summary.consoleKinds[kind]),
    }),
  );
  const kinds = flaggedKinds.join(', ');
  // …and "2 left out by number type (Premium rate)", "1 left out outside calling hours".
  const droppedKinds = [
    ...flaggedKinds,
    ...summary.leftOutTypes.map(({ type, count }) =>
      translate('upload.summary.kinds.leftOutType', {
        smart_count: count,
        count: n(count),
        type: translate(`upload.hours.type.${type}`),
      }),
    ),
    ...(summary.leftOutHours > 0
      ? [
          translate('upload.summary.kinds.leftOutHours', {
            smart_count: summary.leftOutHours,
            count: n(summary.leftOutHours),
          }),
        ]
      : []),
  ].join(', ');
  const flagged = PROBLEM_KINDS.reduce((sum, kind) => sum + summary.consoleKinds[kind], 0);
  return (
    <Stack spacing={2}>
      <Alert severity={notIn > 0 ? 'warning' : 'success'}>
        <AlertTitle>{translate('upload.summary.title')}</AlertTitle>
        <Typography component="p">
          {summary.added !== null
            ? translate('upload.summary.added', { smart_count: summary.added, count: n(summary.added) })
            : summary.gained !== null && totalBefore !== null && totalAfter !== null
              ? translate('upload.summary.gained', {
                  smart_count: summary.gained,
                  count: n(summary.gained),
                  before: n(totalBefore),
                  after: n(totalAfter),
                })
              : translate('upload.summary.unknown')}
        </Typography>
        {summary.added !== null && totalBefore !== null && totalAfter !== null ? (
          <Typography component="p">
            {translate('upload.summary.totals', {
              smart_count: totalAfter,
              after: n(totalAfter),
              before: n(totalBefore),
            })}
          </Typography>
        ) : null}
        {partCount > 1 ? (
          <Typography component="p">
            {translate('upload.summary.parts', { smart_count: partCount })}
          </Typography>
        ) : null}
        {summary.rejectedByServer > 0 ? (
          <Typography component="p">
            {translate('upload.summary.rejected', {
              smart_count: summary.rejectedByServer,
              count: n(summary.rejectedByServer),
            })}
          </Typography>
        ) : null}
        {summary.droppedByConsole > 0 ? (
          <Typography component="p">
            {translate('upload.summary.dropped', {
              smart_count: summary.droppedByConsole,
              count: n(summary.droppedByConsole),
              kinds: droppedKinds,
            })}
          </Typography>
        ) : null}
        {summary.sentAsIs !== null ? (
          <Typography component="p">
            {flagged > 0
              ? translate('upload.summary.flagged', {
                  smart_count: flagged,
                  count: n(flagged),
                  sent: n(summary.sentAsIs),
                  kinds,
                })
              : translate('upload.summary.flaggedNone')}
          </Typography>
        ) : null}
      </Alert>
      {summary.problems.length > 0 ? (
        <Box>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            {translate('upload.summary.problemsTitle')}
          </Typography>
          <ProblemTable
            label={translate('upload.summary.problemsTitle')}
            rows={summary.problems.map((problem) => ({
              line: problem.line,
              reason: explain(problem),
              extra: translate(`upload.summary.source.${problem.source}`),
            }))}
            total={Math.max(summary.problems.length, notIn)}
            extraColumn={translate('upload.summary.sourceColumn')}
          />
          {summary.complete ? null : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('upload.summary.incomplete')}
            </Typography>
          )}
          <Button startIcon={<DownloadIcon />} onClick={onDownload} sx={{ mt: 1 }}>
            {translate('upload.summary.download')}
          </Button>
        </Box>
      ) : null}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Button component={Link} to={campaignPath} variant="contained">
          {translate('upload.summary.back')}
        </Button>
        <Button variant="outlined" onClick={onAnother}>
          {translate('upload.summary.another')}
        </Button>
      </Box>
    </Stack>
  );
};
