import BlockIcon from '@mui/icons-material/Block';
import CheckIcon from '@mui/icons-material/CheckCircleOutlined';
import CopyIcon from '@mui/icons-material/ContentCopyOutlined';
import ErrorIcon from '@mui/icons-material/ErrorOutlined';
import {
  Box,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  type CsvAnalysis,
  excludesAnything,
  type FactsExclusion,
  isLeftOut,
  type Problem,
} from '../../../lib/csv';
import { tone } from '../shared/tone';
import { problemKind } from './problemKinds';

/** The sentence for a problem of the CSV engine, with its values (number, columns, first line…). */
export const useDescribeProblem = () => {
  const translate = useTranslate();
  return (problem: Pick<Problem, 'reason' | 'values'> & { message?: string }) =>
    translate(problem.message ?? `upload.csv.problem.${problem.reason}`, {
      ...problem.values,
      _: translate(`upload.problems.${problem.reason}`),
    });
};

interface PreviewTableProps {
  analysis: CsvAnalysis;
  names: string[];
  /** "Only the valid rows": the types and calling hours left out (a valid row shows it will be). */
  exclusion?: FactsExclusion | null;
}

/** The first rows as the console reads them: number, its E.164 form, the variables, and each row's problem. */
export const PreviewTable = ({ analysis, names, exclusion = null }: PreviewTableProps) => {
  const translate = useTranslate();
  const explain = useDescribeProblem();
  const varColumns = Array.from({ length: analysis.varCount }, (_, i) => i);
  const label = translate('upload.preview.table');
  return (
    // The only part of the page that scrolls sideways: `contain: inline-size` keeps a wide table from
    // widening the page (its width is the column's, not the table's); a keyboard reaches the box.
    <TableContainer
      tabIndex={0}
      role="region"
      aria-label={label}
      sx={{
        maxHeight: 420,
        overflow: 'auto',
        contain: 'inline-size',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    >
      <Table size="small" stickyHeader aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 64 }}>{translate('upload.problems.line')}</TableCell>
            <TableCell>{translate('upload.preview.number')}</TableCell>
            {varColumns.map((i) => (
              <TableCell key={i}>
                {translate('upload.create.variable', { n: i + 1 })}
                {names[i] ? (
                  <Typography
                    component="span"
                    variant="caption"
                    color="text.secondary"
                    sx={{ display: 'block' }}
                  >
                    {names[i]}
                  </Typography>
                ) : null}
              </TableCell>
            ))}
            <TableCell>{translate('upload.preview.check')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {analysis.preview.map((row) => (
            <TableRow key={row.line} sx={row.problem ? { bgcolor: 'action.hover' } : undefined}>
              <TableCell>{row.line}</TableCell>
              <TableCell>
                {row.number}
                {row.e164 && row.e164 !== row.number ? (
                  <Typography
                    component="span"
                    variant="caption"
                    color="text.secondary"
                    sx={{ display: 'block' }}
                  >
                    {translate('upload.preview.sentAs', { e164: row.e164 })}
                  </Typography>
                ) : null}
              </TableCell>
              {varColumns.map((i) => (
                <TableCell key={i}>{row.varValues[i] ?? ''}</TableCell>
              ))}
              <TableCell>
                {row.problem ? (
                  // A duplicate is not invalid: it reads as a warning, as its tile does.
                  <Box
                    sx={{
                      display: 'flex',
                      alignItems: 'center',
                      gap: 0.5,
                      color: tone(problemKind(row.problem.reason) === 'invalid' ? 'error' : 'warning'),
                    }}
                  >
                    {problemKind(row.problem.reason) === 'invalid' ? (
                      <ErrorIcon fontSize="small" aria-hidden />
                    ) : problemKind(row.problem.reason) === 'dnc' ? (
                      <BlockIcon fontSize="small" aria-hidden />
                    ) : (
                      <CopyIcon fontSize="small" aria-hidden />
                    )}
                    <span>{explain(row.problem)}</span>
                  </Box>
                ) : row.facts && excludesAnything(exclusion) && isLeftOut(row.facts, exclusion) ? (
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: tone('warning') }}>
                    <BlockIcon fontSize="small" aria-hidden />
                    <span>
                      {exclusion.types.includes(row.facts.type)
                        ? translate('upload.preview.leftOutType', {
                            type: translate(`upload.hours.type.${row.facts.type}`),
                          })
                        : translate('upload.preview.leftOutHours')}
                    </span>
                  </Box>
                ) : (
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: tone('success') }}>
                    <CheckIcon fontSize="small" aria-hidden />
                    <span>{translate('upload.preview.ok')}</span>
                  </Box>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
