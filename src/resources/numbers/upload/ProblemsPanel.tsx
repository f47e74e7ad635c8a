import DownloadIcon from '@mui/icons-material/Download';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Box, Button, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { downloadBlob } from '../../../components/download';
import { type CsvAnalysis, problemsToCsv } from '../../../lib/csv';
import { derivedName, formatCount } from './format';
import { useDescribeProblem } from './PreviewTable';
import { ProblemTable } from './ProblemTable';
import { kindCounts, PROBLEM_KINDS, problemsOfKind } from './problemKinds';

/**
 * The rows an upload of the valid rows leaves out, one list per kind (titled with the tile's word and
 * count), and all of them as a CSV to fix them in a spreadsheet.
 */
export const ProblemsPanel = ({ analysis, fileName }: { analysis: CsvAnalysis; fileName: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const explain = useDescribeProblem();
  if (analysis.problemCount === 0) return null;
  const counts = kindCounts(analysis);
  return (
    <Stack spacing={1}>
      {PROBLEM_KINDS.filter((kind) => counts[kind] > 0).map((kind) => (
        <Accordion key={kind} variant="outlined" disableGutters>
          <AccordionSummary
            expandIcon={<ExpandMoreIcon />}
            aria-controls={`upload-problems-${kind}`}
            id={`upload-problems-${kind}-header`}
          >
            <Typography>
              {translate(`upload.problems.show.${kind}`, {
                smart_count: counts[kind],
                count: formatCount(counts[kind], locale),
              })}
            </Typography>
          </AccordionSummary>
          <AccordionDetails id={`upload-problems-${kind}`}>
            <ProblemTable
              label={translate(`upload.problems.tables.${kind}`)}
              rows={problemsOfKind(analysis.problems, kind).map((problem) => ({
                line: problem.line,
                reason: explain(problem),
                extra: problem.raw,
              }))}
              total={counts[kind]}
              extraColumn={translate('upload.problems.raw')}
            />
          </AccordionDetails>
        </Accordion>
      ))}
      <Box>
        <Button
          startIcon={<DownloadIcon />}
          onClick={() =>
            downloadBlob(
              problemsToCsv(analysis.problems, [
                translate('upload.problems.line'),
                translate('upload.problems.reason'),
                translate('upload.problems.raw'),
              ]),
              derivedName(fileName, 'problems'),
            )
          }
        >
          {translate('upload.problems.download')}
        </Button>
        {analysis.problems.length < analysis.problemCount ? (
          <Typography variant="body2" color="text.secondary">
            {translate('upload.problems.downloadCapped', {
              listed: formatCount(analysis.problems.length, locale),
            })}
          </Typography>
        ) : null}
      </Box>
    </Stack>
  );
};
