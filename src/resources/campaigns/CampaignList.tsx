import { Chip, Stack, Typography } from '@mui/material';
import { alpha, styled } from '@mui/material/styles';
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  useCreatePath,
  useListContext,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { FilteredEmpty, GridLoading, ListGridError } from '../../components/GridStates';
import { GridA11y } from '../../components/gridA11y';
import { LocalePagination } from '../../components/LocalePagination';
import { DATE_OPTIONS, useLocaleFormat } from '../../components/localeFormat';
import type { Campaign } from '../../types';
import { CampaignNumbersCount } from './CampaignNumbersCount';
import { campaignFilters } from './campaignFilters';
import { usePreloadCampaignShow } from './loadCampaignShow';

const ROWS_PER_PAGE = [10, 25, 50, 100];

const TagChips = ({ record }: { record: Campaign }) =>
  record.tagIds?.length ? (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {record.tagIds.map((tag) => (
        <Chip key={String(tag)} label={String(tag)} size="small" variant="outlined" />
      ))}
    </Stack>
  ) : null;

// Styled like MUI's Link without importing it: this grid is the first page after sign-in, and
// every kilobyte on it is measured (`npm run bench -- --only=size`).
const StyledLink = styled(RouterLink)(({ theme }) => ({
  color: theme.palette.primary.main,
  fontWeight: 500,
  textDecorationColor: alpha(theme.palette.primary.main, 0.4),
  textUnderlineOffset: '0.15em',
  '&:hover': { textDecorationColor: 'inherit' },
}));

// A real link in the name cell, so the row can be opened from the keyboard too.
const NameLink = ({ record }: { record: Campaign }) => {
  const createPath = useCreatePath();
  return (
    <StyledLink
      to={createPath({ resource: 'campaigns', id: record.id, type: 'show' })}
      onClick={(event) => event.stopPropagation()}
    >
      {record.name}
    </StyledLink>
  );
};

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography sx={{ p: 3 }} role="status">
      {translate('resources.campaigns.list.empty')}
    </Typography>
  );
};

// The start date's header and dates never wrap ("Fecha de inicio" took three lines at 1024 in
// Spanish): the names, the other headers and the dialer modes wrap instead, so the page keeps its width.
// Should the columns still not fit, the table scrolls in its box, not the page (`contain: inline-size`).
const listGrid = {
  '& .column-startDate': { whiteSpace: 'nowrap' },
  '& .RaDatagrid-tableWrapper': { overflowX: 'auto', contain: 'inline-size' },
} as const;

const CampaignGrid = () => {
  const translate = useTranslate();
  const { locale } = useLocaleFormat();
  const { isPending } = useListContext();
  usePreloadCampaignShow(!isPending);
  if (isPending) return <GridLoading label="resources.campaigns.list.loading" />;
  // react-admin's Datagrid rather than DataTable: the same table for this grid, without
  // DataTable's column chooser and expand panels, which this page never shows (about 7 KB gzip).
  return (
    <Datagrid
      rowClick="show"
      bulkActionButtons={false}
      sx={listGrid}
      empty={<FilteredEmpty message="resources.campaigns.list.noResults" />}
    >
      <FunctionField<Campaign> source="name" render={(record) => <NameLink record={record} />} />
      <FunctionField<Campaign>
        source="type"
        render={(record) => translate(`resources.campaigns.values.type.${record.type}`, { _: record.type })}
      />
      <FunctionField<Campaign>
        source="status"
        render={(record) =>
          translate(`resources.campaigns.values.status.${record.status}`, { _: record.status })
        }
      />
      <FunctionField<Campaign>
        source="dialer.mode"
        render={(record) =>
          record.dialer?.mode
            ? translate(`resources.campaigns.values.mode.${record.dialer.mode}`, { _: record.dialer.mode })
            : ''
        }
      />
      <DateField source="startDate" locales={locale} options={DATE_OPTIONS} />
      <FunctionField<Campaign>
        label="resources.campaigns.fields.numbers"
        textAlign="right"
        sortable={false}
        render={(record) => <CampaignNumbersCount record={record} />}
      />
      <FunctionField<Campaign>
        source="tagIds"
        sortable={false}
        render={(record) => <TagChips record={record} />}
      />
    </Datagrid>
  );
};

// The title goes to the app bar, which is the page's <h1> (src/layout/PageHeading.tsx).
const CampaignList = () => (
  <List<Campaign>
    title="resources.campaigns.list.title"
    filters={campaignFilters}
    actions={false}
    exporter={false}
    perPage={25}
    sort={{ field: 'name', order: 'ASC' }}
    pagination={<LocalePagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    empty={<Empty />}
    error={
      <ListGridError
        message="resources.campaigns.list.error"
        retryLabel="resources.campaigns.actions.retry"
      />
    }
  >
    <GridA11y>
      <CampaignGrid />
    </GridA11y>
  </List>
);

export default CampaignList;
