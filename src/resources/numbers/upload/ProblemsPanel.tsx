import DownloadIcon from '@mui/icons-material/Download';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Button, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { downloadBlob } from '../../../components/download';
import { type CsvAnalysis, problemsToCsv } from '../../../lib/csv';
import { derivedName, formatCount } from './format';
import { useDescribeProblem } from './PreviewTable';
import { ProblemTable } from './ProblemTable';

/** The rows an upload of the valid rows leaves out, line by line, and as a CSV to fix them in a spreadsheet. */
export const ProblemsPanel = ({ analysis, fileName }: { analysis: CsvAnalysis; fileName: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const explain = useDescribeProblem();
  if (analysis.problemCount === 0) return null;
  return (
    <Accordion variant="outlined" disableGutters>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls="upload-problems"
        id="upload-problems-header"
      >
        <Typography>
          {translate('upload.problems.title', {
            smart_count: analysis.problemCount,
            count: formatCount(analysis.problemCount, locale),
          })}
        </Typography>
      </AccordionSummary>
      <AccordionDetails id="upload-problems">
        <ProblemTable
          label={translate('upload.problems.table')}
          rows={analysis.problems.map((problem) => ({
            line: problem.line,
            reason: explain(problem),
            extra: problem.raw,
          }))}
          total={analysis.problemCount}
          extraColumn={translate('upload.problems.raw')}
        />
        <Button
          startIcon={<DownloadIcon />}
          sx={{ mt: 1 }}
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
      </AccordionDetails>
    </Accordion>
  );
};
