import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { FactsGroup } from '../../../lib/csv';
import { type CallingWindow, callingHoursAt, localMinutes } from '../../../lib/hours';
import { countryName } from '../../../lib/phone';
import { byCountryAndZone, byType } from './factsSummary';
import { formatCount } from './format';

/** Shown at most; the counts above them cover every row. */
const MAX_ZONE_ROWS = 50;

/** A row lists at most this many zones (a "+1" toll-free number has 42), then says how many. */
const MANY_ZONES = 3;

/** Local times of the zones; for many, the earliest and the latest. */
const localTimes = (zones: readonly string[], now: number): string => {
  const times = zones.map((zone) => localMinutes(zone, now));
  if (times.length === 0) return '–';
  if (times.length <= MANY_ZONES) return times.map(clock).join(', ');
  const known = times.filter((time): time is number => time !== null).sort((a, b) => a - b);
  return known.length ? `${clock(known[0])}–${clock(known[known.length - 1])}` : '–';
};

const clock = (minutes: number | null) =>
  minutes === null
    ? '–'
    : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Valid numbers by country and time zones, with their hours now and at the campaign start. */
export const ZoneTable = ({
  groups,
  window,
  now,
  at,
}: {
  groups: readonly FactsGroup[];
  window: CallingWindow | null;
  now: number;
  at: number | null;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const rows = byCountryAndZone(groups);
  const verdict = (zones: readonly string[], instant: number | null) =>
    window === null || instant === null
      ? '–'
      : translate(`upload.hours.verdict.${callingHoursAt(zones, instant, window)}`);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-labelledby="hours-by-zone">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
          <Typography id="hours-by-zone" variant="subtitle2" component="span">
            {translate('upload.hours.byZone')}
          </Typography>
        </caption>
        <TableHead>
          <TableRow>
            <TableCell>{translate('upload.hours.column.country')}</TableCell>
            <TableCell>{translate('upload.hours.column.zones')}</TableCell>
            <TableCell align="right">{translate('upload.hours.column.numbers')}</TableCell>
            <TableCell>{translate('upload.hours.column.localNow')}</TableCell>
            <TableCell>{translate('upload.hours.column.hoursNow')}</TableCell>
            <TableCell>{translate('upload.hours.column.hoursAtStart')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.slice(0, MAX_ZONE_ROWS).map((row) => (
            <TableRow key={`${row.country}|${row.zones.join('&')}`}>
              <TableCell>
                {row.country ? countryName(row.country, locale) : translate('upload.hours.international')}
              </TableCell>
              <TableCell>
                {row.zones.length === 0
                  ? translate('upload.hours.noZone')
                  : row.zones.length > MANY_ZONES
                    ? translate('upload.hours.manyZones', {
                        zones: row.zones.slice(0, MANY_ZONES).join(', '),
                        count: row.zones.length,
                      })
                    : row.zones.join(', ')}
              </TableCell>
              <TableCell align="right">{formatCount(row.rows, locale)}</TableCell>
              <TableCell>{localTimes(row.zones, now)}</TableCell>
              <TableCell>{verdict(row.zones, now)}</TableCell>
              <TableCell>{verdict(row.zones, at)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** Valid numbers by type. */
export const TypeTable = ({ groups }: { groups: readonly FactsGroup[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Table size="small" aria-labelledby="hours-by-type" sx={{ maxWidth: 480 }}>
      <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
        <Typography id="hours-by-type" variant="subtitle2" component="span">
          {translate('upload.hours.byType')}
        </Typography>
      </caption>
      <TableHead>
        <TableRow>
          <TableCell>{translate('upload.hours.column.type')}</TableCell>
          <TableCell align="right">{translate('upload.hours.column.numbers')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {byType(groups).map((row) => (
          <TableRow key={row.type}>
            <TableCell>{translate(`upload.hours.type.${row.type}`)}</TableCell>
            <TableCell align="right">{formatCount(row.rows, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
