// The campaign's numbers by status and by last ring result. Folded (the default), it is one compact
// row of counts per group, so the numbers grid starts on the first screen; unfolded, labelled bars
// (plain boxes, no chart library) with a table alternative. Every count is a toggle button that
// filters the numbers grid to exactly those numbers (useNumbersGridFilter). Counts come from
// useNumberCounts.
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Box,
  Button,
  ButtonBase,
  Chip,
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
import { useStore, useTranslate } from 'react-admin';
import { ErrorWithRetry, GridLoading } from '../../components/GridStates';
import { useLocaleFormat } from '../../components/localeFormat';
import { CAMPAIGN_PAGE_REFRESH_MS } from '../../contract';
import { type Id, NUMBER_STATUSES, RING_RESULTS } from '../../types';
import { useNumberCounts } from './useNumberCounts';
import { useNumbersGridFilter } from './useNumbersGridFilter';

interface Bar {
  label: string;
  count: number | null;
  /** The numbers grid filter this bar stands for: `{ [field]: [value] }`. */
  field: 'status' | 'ringResult';
  value: string | null;
}

interface Group {
  title: string;
  bars: Bar[];
}

type Format = (n: number | null) => string;

interface FilterProps {
  pressed: (bar: Bar) => boolean;
  onToggle: (bar: Bar) => void;
}

/** Folded: a group's counts as one row of toggle chips ("Pending 550"). */
const ChipGroup = ({ group, format, pressed, onToggle }: { group: Group; format: Format } & FilterProps) => {
  const headingId = useId();
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      role="group"
      aria-labelledby={headingId}
      sx={{ alignItems: 'center', flexWrap: 'wrap' }}
    >
      <Typography id={headingId} variant="body2" color="text.secondary" component="h3" sx={{ mr: 0.5 }}>
        {group.title}
      </Typography>
      {group.bars.map((bar) => {
        const on = pressed(bar);
        return (
          <Chip
            key={bar.label}
            component="button"
            size="small"
            clickable
            color={on ? 'primary' : 'default'}
            variant={on ? 'filled' : 'outlined'}
            aria-pressed={on}
            onClick={() => onToggle(bar)}
            label={`${bar.label} ${format(bar.count)}`}
          />
        );
      })}
    </Stack>
  );
};

/** Unfolded: a group's counts as bars; each bar is a toggle button. */
const BarGroup = ({
  group,
  total,
  format,
  pressed,
  onToggle,
}: { group: Group; total: number; format: Format } & FilterProps) => {
  const headingId = useId();
  return (
    <Box sx={{ flex: 1, minWidth: 260 }}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {group.title}
      </Typography>
      <Box component="ul" aria-labelledby={headingId} sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {group.bars.map((bar) => {
          const share = total > 0 && bar.count != null ? bar.count / total : 0;
          const on = pressed(bar);
          return (
            <Box component="li" key={bar.label} sx={{ mb: 0.5 }}>
              <ButtonBase
                aria-pressed={on}
                onClick={() => onToggle(bar)}
                sx={{
                  display: 'block',
                  width: '100%',
                  textAlign: 'start',
                  borderRadius: 1,
                  px: 0.5,
                  py: 0.25,
                  outlineOffset: 1,
                  bgcolor: on ? 'action.selected' : 'transparent',
                  '&:hover': { bgcolor: 'action.hover' },
                  '&.Mui-focusVisible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main' },
                }}
              >
                <Box
                  component="span"
                  sx={{ display: 'flex', justifyContent: 'space-between', typography: 'body2' }}
                >
                  <span>{bar.label}</span>
                  <span>{format(bar.count)}</span>
                </Box>
                <Box
                  component="span"
                  aria-hidden
                  sx={{
                    display: 'block',
                    height: 10,
                    borderRadius: 1,
                    bgcolor: 'action.hover',
                    overflow: 'hidden',
                  }}
                >
                  <Box
                    component="span"
                    sx={{
                      display: 'block',
                      height: '100%',
                      width: `${share * 100}%`,
                      bgcolor: 'primary.main',
                    }}
                  />
                </Box>
              </ButtonBase>
            </Box>
          );
        })}
      </Box>
    </Box>
  );
};

const CountsTable = ({ groups, format }: { groups: Group[]; format: Format }) => {
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
  const [asTable, setAsTable] = useState(false);
  // A preference of this device: the operator who wants the bars keeps them.
  const [open, setOpen] = useStore('campaigns.show.chartOpen', false);
  const headingId = useId();
  const bodyId = useId();
  const { counts, isPending, error, refetch } = useNumberCounts(campaignId);
  const { isShowingOnly, toggleOnly } = useNumbersGridFilter(campaignId);
  const { count } = useLocaleFormat();
  const format = (n: number | null) =>
    n == null ? translate('resources.campaigns.chart.unknown') : count(n);

  const total = counts.total ?? 0;
  const resultKnown = RING_RESULTS.every((result) => counts[`ringResult.${result}`] != null);
  const called = RING_RESULTS.reduce((sum, result) => sum + (counts[`ringResult.${result}`] ?? 0), 0);
  const groups: Group[] = [
    {
      title: translate('resources.campaigns.chart.byStatus'),
      bars: NUMBER_STATUSES.map((status) => ({
        label: translate(`resources.numbers.values.status.${status}`),
        count: counts[`status.${status}`],
        field: 'status',
        value: status,
      })),
    },
    {
      title: translate('resources.campaigns.chart.byResult'),
      bars: [
        ...RING_RESULTS.map((result) => ({
          label: translate(`resources.numbers.values.ringResult.${result}`),
          count: counts[`ringResult.${result}`],
          field: 'ringResult' as const,
          value: result,
        })),
        {
          label: translate('resources.campaigns.chart.notCalled'),
          count: counts.total != null && resultKnown ? Math.max(0, total - called) : null,
          // The API's "never called" (src/contract.ts): ringResult null.
          field: 'ringResult',
          value: null,
        },
      ],
    },
  ];
  const filterProps: FilterProps = {
    pressed: (bar) => isShowingOnly(bar.field, bar.value),
    onToggle: (bar) => toggleOnly(bar.field, bar.value),
  };
  const loaded = !isPending && !error;
  // An empty campaign: its total says it all, and the grid below says what to do.
  const empty = loaded && counts.total === 0;

  return (
    <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ px: 2, py: 1.5 }}>
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
      >
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography id={headingId} variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {translate('resources.campaigns.chart.title')}
          </Typography>
          {loaded && (
            <Typography variant="body2" color="text.secondary">
              {translate('resources.campaigns.chart.total', { count: format(counts.total) })}
            </Typography>
          )}
        </Stack>
        {loaded && !empty && (
          <Stack direction="row" spacing={1} useFlexGap>
            {open && (
              <Button size="small" onClick={() => setAsTable((value) => !value)}>
                {translate(
                  asTable ? 'resources.campaigns.chart.showChart' : 'resources.campaigns.chart.showTable',
                )}
              </Button>
            )}
            <Button
              size="small"
              aria-expanded={open}
              aria-controls={bodyId}
              endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
              onClick={() => setOpen(!open)}
            >
              {translate(open ? 'resources.campaigns.chart.collapse' : 'resources.campaigns.chart.expand')}
            </Button>
          </Stack>
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
      ) : empty ? null : (
        <Box id={bodyId} sx={{ mt: 1 }}>
          {open && asTable ? (
            <CountsTable groups={groups} format={format} />
          ) : open ? (
            <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {groups.map((group) => (
                <BarGroup key={group.title} group={group} total={total} format={format} {...filterProps} />
              ))}
            </Stack>
          ) : (
            <Stack spacing={1}>
              {groups.map((group) => (
                <ChipGroup key={group.title} group={group} format={format} {...filterProps} />
              ))}
            </Stack>
          )}
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            {translate('resources.campaigns.chart.filterHint')}{' '}
            {CAMPAIGN_PAGE_REFRESH_MS > 0
              ? translate('resources.campaigns.chart.live', { seconds: CAMPAIGN_PAGE_REFRESH_MS / 1000 })
              : null}
          </Typography>
        </Box>
      )}
    </Paper>
  );
};
