import {
  Box,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  LinearProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { MAX_VAR_VALUES } from '../../../contract';
import type { CsvAnalysis, Delimiter } from '../../../lib/csv';
import { CountrySelect } from '../shared/CountrySelect';
import { EXISTING_CHECK_MAX_NUMBERS } from './campaignNumbers';
import { formatCount } from './format';

export const DELIMITERS: { value: Delimiter; key: string }[] = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
];

export interface ExistingCheck {
  enabled: boolean;
  /** Numbers fetched so far and the campaign's total while fetching. */
  fetched: number;
  loading: boolean;
  error: string | null;
}

interface AnalysisControlsProps {
  analysis: CsvAnalysis;
  country: string;
  disabled: boolean;
  campaignTotal: number | null | undefined;
  existing: ExistingCheck;
  onHeaderChange: (value: boolean) => void;
  onVarCountChange: (value: number) => void;
  onDelimiterChange: (value: Delimiter) => void;
  onCountryChange: (value: string) => void;
  onExistingChange: (value: boolean) => void;
}

/**
 * How the file is read: every setting pre-set by detection and editable (the variables per row only
 * in the API's layout: a column mapping decides them); a change re-runs the analysis.
 */
export const AnalysisControls = ({
  analysis,
  country,
  disabled,
  campaignTotal,
  existing,
  onHeaderChange,
  onVarCountChange,
  onDelimiterChange,
  onCountryChange,
  onExistingChange,
}: AnalysisControlsProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The number field keeps what is typed (even "" or "1" on the way to "12"); the analysis gets whole numbers only.
  const [varCountText, setVarCountText] = useState(String(analysis.varCount));
  useEffect(() => setVarCountText(String(analysis.varCount)), [analysis.varCount]);
  const detected = (flag: boolean) =>
    flag ? translate('upload.settings.detected') : translate('upload.settings.chosen');
  const existingOffered =
    typeof campaignTotal === 'number' && campaignTotal > 0 && campaignTotal <= EXISTING_CHECK_MAX_NUMBERS;
  const varCountInvalid = !/^\d+$/.test(varCountText) || Number(varCountText) > MAX_VAR_VALUES;

  return (
    <Stack spacing={2}>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        useFlexGap
        sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
      >
        {analysis.mapping ? (
          // With a column mapping the mapping decides the variables: shown, not editable, with why.
          <TextField
            label={translate('upload.settings.varCount')}
            value={String(analysis.mapping.variables.length)}
            helperText={translate('upload.settings.varCountMapped')}
            slotProps={{ htmlInput: { readOnly: true } }}
            sx={{ width: { xs: '100%', md: 220 } }}
          />
        ) : (
          <TextField
            type="number"
            label={translate('upload.settings.varCount')}
            value={varCountText}
            onChange={(event) => {
              setVarCountText(event.target.value);
              const value = Number(event.target.value);
              if (/^\d+$/.test(event.target.value) && value <= MAX_VAR_VALUES) onVarCountChange(value);
            }}
            error={varCountInvalid}
            helperText={
              varCountInvalid
                ? translate('upload.settings.varCountInvalid', { max: MAX_VAR_VALUES })
                : detected(analysis.varCountDetected)
            }
            disabled={disabled}
            slotProps={{ htmlInput: { min: 0, max: MAX_VAR_VALUES, step: 1 } }}
            sx={{ width: { xs: '100%', md: 170 } }}
          />
        )}
        <TextField
          select
          label={translate('upload.settings.delimiter')}
          value={analysis.delimiter}
          onChange={(event) => onDelimiterChange(event.target.value as Delimiter)}
          helperText={detected(analysis.delimiterDetected)}
          disabled={disabled}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          // As wide as its longest option in the console's language ("Punto y coma (;)" was cut at 170 px).
          sx={{ width: { xs: '100%', md: 'auto' }, minWidth: { md: 170 } }}
        >
          {DELIMITERS.map((option) => (
            <option key={option.key} value={option.value}>
              {translate(`upload.settings.delimiters.${option.key}`)}
            </option>
          ))}
        </TextField>
        <CountrySelect
          sx={{ flex: '1 1 240px', maxWidth: { md: 360 }, width: { xs: '100%', md: 'auto' } }}
          value={country}
          onChange={onCountryChange}
          disabled={disabled}
          helperText={translate('upload.country.help')}
        />
      </Stack>
      <Box>
        <FormControlLabel
          control={
            <Checkbox
              checked={analysis.firstRowIsHeader}
              onChange={(event) => onHeaderChange(event.target.checked)}
              disabled={disabled}
            />
          }
          label={translate('upload.settings.header')}
        />
        <FormHelperText sx={{ mt: -0.5, ml: 4 }}>
          {analysis.header
            ? translate('upload.settings.headerCells', { cells: analysis.header.join(', ') })
            : detected(analysis.headerDetected)}
        </FormHelperText>
      </Box>
      <Box>
        <FormControlLabel
          control={
            <Checkbox
              checked={existing.enabled}
              onChange={(event) => onExistingChange(event.target.checked)}
              disabled={disabled || !existingOffered}
            />
          }
          label={translate('upload.settings.existing')}
        />
        <FormHelperText sx={{ mt: -0.5, ml: 4 }} error={Boolean(existing.error)}>
          {existing.error
            ? existing.error
            : existingOffered
              ? translate('upload.settings.existingHelp', {
                  smart_count: campaignTotal,
                  count: formatCount(campaignTotal, locale),
                })
              : campaignTotal === 0
                ? translate('upload.settings.existingEmpty')
                : typeof campaignTotal === 'number'
                  ? translate('upload.settings.existingTooMany', {
                      max: formatCount(EXISTING_CHECK_MAX_NUMBERS, locale),
                    })
                  : translate('upload.settings.existingUnknown')}
        </FormHelperText>
        {existing.loading ? (
          <Box sx={{ ml: 4, mt: 1, maxWidth: 400 }}>
            <Typography variant="body2" id="existing-progress-label">
              {translate('upload.settings.existingLoading', {
                fetched: formatCount(existing.fetched, locale),
                total: formatCount(campaignTotal ?? 0, locale),
              })}
            </Typography>
            <LinearProgress
              variant={campaignTotal ? 'determinate' : 'indeterminate'}
              value={campaignTotal ? Math.min(100, (existing.fetched / campaignTotal) * 100) : undefined}
              aria-labelledby="existing-progress-label"
            />
          </Box>
        ) : null}
      </Box>
    </Stack>
  );
};
