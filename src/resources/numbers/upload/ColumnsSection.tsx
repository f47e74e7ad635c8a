import { Alert, Box, Button, Collapse, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  type ColumnRole,
  type ColumnStats,
  type CsvAnalysis,
  columnLetter,
  MAPPING_MAX_VARIABLES,
  type MappingIssue,
  NUMBER_FALLBACKS,
} from '../../../lib/csv';
import type { ColumnMappingState } from './columnMapping';

const ROLES: ColumnRole[] = [
  'number',
  ...Array.from({ length: NUMBER_FALLBACKS }, (_, i) => `number:${i + 2}` as ColumnRole),
  ...Array.from({ length: MAPPING_MAX_VARIABLES }, (_, i) => `var:${i + 1}` as ColumnRole),
  'ignore',
];

/** "Phone", or "Column C" for a column without a header. */
export const useColumnName = () => {
  const translate = useTranslate();
  return (column: Pick<ColumnStats, 'header' | 'index'>) =>
    column.header
      ? column.header
      : translate('upload.columns.column', { letter: columnLetter(column.index) });
};

// Each choice of number has its own wording ("second choice: used when the first is not valid"),
// read in order down the menu; a rank past those written falls back to a generic one.
const fallbackLabel = (translate: ReturnType<typeof useTranslate>, rank: number) =>
  translate(`upload.columns.fallback.${rank}`, { _: translate('upload.columns.fallback.other', { rank }) });

/** "first choice", "second choice", …: how the report names a number column's place. */
export const choiceLabel = (translate: ReturnType<typeof useTranslate>, rank: number) =>
  translate(`upload.columns.choice.${rank}`, { _: translate('upload.columns.choice.other', { rank }) });

const useRoleLabel = () => {
  const translate = useTranslate();
  return (role: ColumnRole) => {
    if (role === 'number') return translate('upload.columns.number');
    if (role === 'ignore') return translate('upload.columns.ignore');
    if (role.startsWith('number:')) return fallbackLabel(translate, Number(role.slice(7)));
    return translate('upload.columns.variable', { n: role.slice(4) });
  };
};

export const issueText = (
  translate: ReturnType<typeof useTranslate>,
  issue: MappingIssue,
  names: (index: number) => string,
) =>
  translate(issue.message, {
    variable: issue.variable,
    choice: issue.rank === undefined ? undefined : choiceLabel(translate, issue.rank),
    columns: (issue.columns ?? []).map(names).join(', '),
  });

interface ColumnsSectionProps {
  analysis: CsvAnalysis;
  state: ColumnMappingState;
  disabled: boolean;
}

/** Every column with a few values and its role: Number (and its fallbacks), Variable N or Ignore. */
export const ColumnsSection = ({ analysis, state, disabled }: ColumnsSectionProps) => {
  const translate = useTranslate();
  const nameOf = useColumnName();
  const roleLabel = useRoleLabel();
  const folded = state.identity && state.issues.length === 0;
  const [open, setOpen] = useState(false);
  const { columns } = analysis;
  if (columns.length === 0) return null;
  const names = (index: number) => nameOf(columns[index] ?? { header: null, index });
  // In the order the number columns are tried, each named by its choice, as the selects say it.
  const numberColumns = analysis.mapping?.number ?? [];
  const sources = numberColumns.flatMap((column, rank) => {
    const count = analysis.numberSources[column] ?? 0;
    return count > 0 ? [{ column, rank: rank + 1, count }] : [];
  });
  return (
    <Box component="section" aria-labelledby="upload-columns-title">
      <Typography id="upload-columns-title" variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {translate('upload.columns.title')}
      </Typography>
      {folded ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary">
            {translate(analysis.header ? 'upload.columns.folded' : 'upload.columns.foldedNoHeader')}
          </Typography>
          <Button
            size="small"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-controls="upload-columns"
          >
            {translate(open ? 'upload.columns.hide' : 'upload.columns.show')}
          </Button>
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('upload.columns.intro')}
        </Typography>
      )}
      {state.remembered ? (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={state.reset} disabled={disabled}>
              {translate('upload.columns.reset')}
            </Button>
          }
        >
          {translate('upload.columns.remembered')}
        </Alert>
      ) : null}
      <Collapse in={!folded || open} id="upload-columns">
        {/* The cards wrap, each as wide as its label and chosen role (a long role wraps inside its
            select rather than widening the page); the values never widen a card. */}
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 1 }}>
          {columns.map((column) => {
            const name = nameOf(column);
            const label = translate('upload.columns.role', { name });
            return (
              <Box
                key={column.index}
                sx={{
                  flex: '1 1 auto',
                  minWidth: 0,
                  border: 1,
                  borderColor: 'divider',
                  borderRadius: 1,
                  p: 1.5,
                }}
              >
                {/* The floating label is out of the flow: this copy at its size keeps the card (and
                    the select) at least as wide as the label, so it is never cut short. */}
                <Box
                  aria-hidden
                  sx={{
                    visibility: 'hidden',
                    height: 0,
                    overflow: 'hidden',
                    whiteSpace: 'nowrap',
                    typography: 'body1',
                    fontSize: '0.75rem',
                    px: 1.5,
                    pr: 3,
                  }}
                >
                  {label}
                </Box>
                <TextField
                  select
                  fullWidth
                  size="small"
                  label={label}
                  sx={{ '& .MuiSelect-select': { whiteSpace: 'normal', overflowWrap: 'anywhere' } }}
                  value={state.roles[column.index] ?? 'ignore'}
                  disabled={disabled}
                  onChange={(event) => state.setRole(column.index, event.target.value as ColumnRole)}
                >
                  {ROLES.map((role) => (
                    <MenuItem key={role} value={role}>
                      {roleLabel(role)}
                    </MenuItem>
                  ))}
                </TextField>
                <Typography
                  variant="body2"
                  color="text.secondary"
                  // width 0 with min-width 100%: the values fill the card without setting its width.
                  sx={{ mt: 0.5, overflowWrap: 'anywhere', width: 0, minWidth: '100%' }}
                >
                  {column.samples.length > 0
                    ? translate('upload.columns.samples', { values: column.samples.join(' · ') })
                    : translate('upload.columns.noSamples')}
                </Typography>
              </Box>
            );
          })}
        </Box>
      </Collapse>
      {analysis.mapping && sources.length > 1 ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('upload.columns.sources', {
            list: sources
              .map(({ column, rank, count }) =>
                translate('upload.columns.source', {
                  name: names(column),
                  choice: choiceLabel(translate, rank),
                  count,
                }),
              )
              .join(' · '),
          })}
        </Typography>
      ) : null}
      {state.issues.length > 0 ? (
        <Alert severity="error" sx={{ mt: 2 }} role="alert">
          {translate('upload.columns.cannotUpload')}
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {state.issues.map((issue) => (
              <li key={`${issue.code}-${issue.variable ?? issue.rank ?? ''}`}>
                {issueText(translate, issue, names)}
              </li>
            ))}
          </Box>
        </Alert>
      ) : null}
    </Box>
  );
};

interface SheetSectionProps {
  analysis: CsvAnalysis;
  disabled: boolean;
  onSheetChange: (sheet: string) => void;
}

/** For a workbook: the Sheet select, numbers the spreadsheet damaged, an empty sheet. */
export const SheetSection = ({ analysis, disabled, onSheetChange }: SheetSectionProps) => {
  const translate = useTranslate();
  const { spreadsheet } = analysis;
  if (!spreadsheet) return null;
  const [first] = spreadsheet.damaged;
  return (
    <Stack spacing={2}>
      {spreadsheet.sheets.length > 1 ? (
        <TextField
          select
          size="small"
          label={translate('upload.sheet.label')}
          value={spreadsheet.sheet}
          disabled={disabled}
          onChange={(event) => onSheetChange(event.target.value)}
          sx={{ maxWidth: 320 }}
        >
          {spreadsheet.sheets.map((sheet) => (
            <MenuItem key={sheet} value={sheet}>
              {sheet}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
      {first ? (
        <Alert severity="warning">
          {translate('upload.sheet.damaged', {
            smart_count: spreadsheet.damagedCount,
            shown: first.shown,
            cell: `${first.column}${first.line}`,
          })}
        </Alert>
      ) : null}
      {analysis.empty ? <Alert severity="info">{translate('upload.sheet.empty')}</Alert> : null}
    </Stack>
  );
};
