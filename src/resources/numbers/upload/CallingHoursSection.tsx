import {
  Alert,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { memo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { type CsvAnalysis, countLeftOut } from '../../../lib/csv';
import type { NumberType } from '../../../lib/phone';
import { tone } from '../shared/tone';
import { CountTiles } from './CountTiles';
import { TypeTable, ZoneTable } from './FactsTables';
import { byType, hoursCounts } from './factsSummary';
import { formatCount } from './format';
import type { CallingHours } from './useCallingHours';
import { ZoneFilesDownload } from './ZoneFilesDownload';

const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * "Calling hours and number types": the valid numbers by country and time zone and by type, how
 * many are outside calling hours now and at the campaign start, and what to leave out of "only
 * the valid rows" (premium-rate numbers by default), with one file per time zone.
 */
// memo: the panel renders on every change of its other sections; this one only when its own props change.
export const CallingHoursSection = memo(function CallingHoursSection({
  analysis,
  hours,
  now,
  file,
  existingNumbers,
  disabled,
}: {
  analysis: CsvAnalysis;
  hours: CallingHours;
  now: number;
  file: File;
  existingNumbers: readonly string[] | undefined;
  disabled: boolean;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const facts = analysis.numberFacts;
  if (!facts) return null;
  const title = (
    <Typography variant="subtitle1" component="h3" id="calling-hours-title">
      {translate('upload.hours.title')}
    </Typography>
  );
  if (facts.error !== undefined) {
    return (
      <Stack spacing={1} component="section" aria-labelledby="calling-hours-title">
        {title}
        <Alert severity="warning">{translate('upload.hours.unavailable', { error: facts.error })}</Alert>
      </Stack>
    );
  }
  const window = typeof hours.window === 'object' ? hours.window : null;
  const at = hours.at?.getTime() ?? null;
  const nowCounts = hoursCounts(facts, window, now);
  const atCounts = hoursCounts(facts, window, at);
  const types = byType(facts.groups);
  const fixedOrMobile = types.find((row) => row.type === 'FIXED_LINE_OR_MOBILE')?.rows ?? 0;
  // Premium rate is always offered, so the default choice is one the operator sees.
  const offered: { type: NumberType; rows: number }[] = types.some((row) => row.type === 'PREMIUM_RATE')
    ? types
    : [...types, { type: 'PREMIUM_RATE', rows: 0 }];
  const outsideAtStart = window && at !== null ? atCounts.outside + atCounts.unknown : 0;
  const leftOut = countLeftOut(facts, hours.exclusion);
  const count = (value: number) => formatCount(value, locale);
  const windowError =
    hours.window === 'invalid'
      ? translate('upload.hours.windowInvalid')
      : hours.window === 'empty'
        ? translate('upload.hours.windowEmpty')
        : null;
  const tiles = [
    { key: 'now', value: nowCounts.outside },
    { key: 'atStart', value: atCounts.outside },
    { key: 'unknownZone', value: nowCounts.unknown },
  ];

  return (
    <Stack spacing={2} component="section" aria-labelledby="calling-hours-title">
      {title}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label={translate('upload.hours.start')}
          type="time"
          size="small"
          value={hours.startText}
          onChange={(event) => hours.set({ startText: event.target.value })}
          error={windowError !== null}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label={translate('upload.hours.end')}
          type="time"
          size="small"
          value={hours.endText}
          onChange={(event) => hours.set({ endText: event.target.value })}
          error={windowError !== null}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label={translate('upload.hours.at')}
          type="datetime-local"
          size="small"
          value={hours.atText}
          onChange={(event) => hours.set({ atText: event.target.value })}
          error={hours.at === null}
          helperText={
            hours.at === null
              ? translate('upload.hours.atInvalid')
              : translate(hours.atFromCampaign ? 'upload.hours.atFromCampaign' : 'upload.hours.atNone', {
                  zone: deviceZone(),
                })
          }
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ minWidth: 260 }}
        />
      </Stack>
      <FormHelperText error={windowError !== null} sx={{ mt: -1 }}>
        {windowError ?? translate('upload.hours.windowHelp')}
      </FormHelperText>
      <CountTiles
        tiles={tiles.map((tile) => ({
          key: tile.key,
          label: translate(`upload.hours.${tile.key}`),
          value: window ? count(tile.value) : '–',
          color: tile.value > 0 ? tone('warning') : undefined,
        }))}
      />
      <ZoneTable groups={facts.groups} window={window} now={now} at={at} />
      <TypeTable groups={facts.groups} />
      {fixedOrMobile > 0 ? (
        <Alert severity="info" role="note">
          {translate('upload.hours.fixedOrMobile', {
            smart_count: fixedOrMobile,
            count: count(fixedOrMobile),
          })}
        </Alert>
      ) : null}
      <FormControl component="fieldset" disabled={disabled}>
        <FormLabel component="legend">{translate('upload.hours.leaveOut')}</FormLabel>
        <FormGroup>
          <FormControlLabel
            control={
              <Checkbox
                checked={hours.leaveOutHours}
                onChange={(event) => hours.set({ leaveOutHours: event.target.checked })}
              />
            }
            label={translate('upload.hours.leaveOutHours', { count: count(outsideAtStart) })}
          />
          {offered.map((row) => (
            <FormControlLabel
              key={row.type}
              control={
                <Checkbox
                  checked={hours.leftOutTypes.includes(row.type)}
                  onChange={(event) => hours.toggleType(row.type, event.target.checked)}
                />
              }
              label={translate('upload.hours.leaveOutType', {
                type: translate(`upload.hours.type.${row.type}`),
                count: count(row.rows),
              })}
            />
          ))}
        </FormGroup>
        <FormHelperText>
          {translate('upload.hours.premiumDefault')} {translate('upload.hours.asIsNote')}
        </FormHelperText>
      </FormControl>
      {leftOut > 0 ? (
        <Alert severity="info" role="status">
          {translate('upload.hours.leftOut', { smart_count: leftOut, count: count(leftOut) })}
        </Alert>
      ) : null}
      <ZoneFilesDownload
        file={file}
        settings={{ ...analysis, existingNumbers, exclude: hours.exclusion }}
        disabled={disabled || hours.blocked}
      />
    </Stack>
  );
});
