// The campaign's numbers by status and by last ring result, as labelled bars (plain boxes, no
// chart library) with a table alternative. Counts come from useNumberCounts.
import {
  Box,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { ErrorWithRetry, GridLoading } from '../../components/GridStates';
import { type Id, NUMBER_STATUSES, RING_RESULTS } from '../../types';
import { useNumberCounts } from './useNumberCounts';

interface Bar {
  label: string;
  count: number | null;
}

interface Group {
  title: string;
  bars: Bar[];
}

const BarGroup = ({
  group,
  total,
  format,
}: {
  group: Group;
  total: number;
  format: (n: number | null) => string;
}) => {
  const headingId = useId();
  return (
    <Box sx={{ flex: 1, minWidth: 260 }}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {group.title}
      </Typography>
      <Box component="ul" aria-labelledby={headingId} sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {group.bars.map((bar) => {
          const share = total > 0 && bar.count != null ? bar.count / total : 0;
          return (
            <Box component="li" key={bar.label} sx={{ mb: 1 }}>
              <Box sx={{ display: 'flex', justifyContent: 'space-between', typography: 'body2' }}>
                <span>{bar.label}</span>
                <span>{format(bar.count)}</span>
              </Box>
              <Box
                aria-hidden
                sx={{ height: 10, borderRadius: 1, bgcolor: 'action.hover', overflow: 'hidden' }}
              >
                <Box sx={{ height: '100%', width: `${share * 100}%`, bgcolor: 'primary.main' }} />
              </Box>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
};

const CountsTable = ({ groups, format }: { groups: Group[]; format: (n: number | null) => string }) => {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate('resources.campaigns.chart.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.campaigns.chart.category')}</TableCell>
          <TableCell align="right">{translate('resources.campaigns.chart.count')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {groups.flatMap((group) =>
          group.bars.map((bar) => (
            <TableRow key={`${group.title}-${bar.label}`}>
              <TableCell component="th" scope="row">
                {group.title}: {bar.label}
              </TableCell>
              <TableCell align="right">{format(bar.count)}</TableCell>
            </TableRow>
          )),
        )}
      </TableBody>
    </Table>
  );
};

export const NumbersChart = ({ campaignId }: { campaignId: Id }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const { counts, isPending, error, refetch } = useNumberCounts(campaignId);
  const numberFormat = new Intl.NumberFormat(locale);
  const format = (n: number | null) =>
    n == null ? translate('resources.campaigns.chart.unknown') : numberFormat.format(n);

  const total = counts.total ?? 0;
  const resultKnown = RING_RESULTS.every((result) => counts[`ringResult.${result}`] != null);
  const called = RING_RESULTS.reduce((sum, result) => sum + (counts[`ringResult.${result}`] ?? 0), 0);
  const groups: Group[] = [
    {
      title: translate('resources.campaigns.chart.byStatus'),
      bars: NUMBER_STATUSES.map((status) => ({
        label: translate(`resources.numbers.values.status.${status}`),
        count: counts[`status.${status}`],
      })),
    },
    {
      title: translate('resources.campaigns.chart.byResult'),
      bars: [
        ...RING_RESULTS.map((result) => ({
          label: translate(`resources.numbers.values.ringResult.${result}`),
          count: counts[`ringResult.${result}`],
        })),
        {
          label: translate('resources.campaigns.chart.notCalled'),
          count: counts.total != null && resultKnown ? Math.max(0, total - called) : null,
        },
      ],
    },
  ];

  return (
    <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ p: 2 }}>
      <Stack
        direction="row"
        sx={{ alignItems: 'baseline', justifyContent: 'space-between', mb: 1, flexWrap: 'wrap' }}
      >
        <Typography id={headingId} variant="h6" component="h2">
          {translate('resources.campaigns.chart.title')}
        </Typography>
        {!isPending && !error && (
          <Button size="small" onClick={() => setAsTable((value) => !value)}>
            {translate(
              asTable ? 'resources.campaigns.chart.showChart' : 'resources.campaigns.chart.showTable',
            )}
          </Button>
        )}
      </Stack>
      {isPending ? (
        <GridLoading label="resources.campaigns.chart.loading" />
      ) : error ? (
        <ErrorWithRetry
          message="resources.campaigns.chart.error"
          error={error}
          onRetry={refetch}
          retryLabel="resources.campaigns.actions.retry"
        />
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('resources.campaigns.chart.total', { count: format(counts.total) })}
          </Typography>
          {asTable ? (
            <CountsTable groups={groups} format={format} />
          ) : (
            <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {groups.map((group) => (
                <BarGroup key={group.title} group={group} total={total} format={format} />
              ))}
            </Stack>
          )}
        </>
      )}
    </Paper>
  );
};
