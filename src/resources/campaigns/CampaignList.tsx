import { Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  List,
  Pagination,
  useCreatePath,
  useListContext,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { GridLoading, ListGridError } from '../../components/GridStates';
import type { Campaign } from '../../types';
import { campaignFilters } from './campaignFilters';

const ROWS_PER_PAGE = [10, 25, 50, 100];

const TagChips = ({ record }: { record: Campaign }) =>
  record.tagIds?.length ? (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {record.tagIds.map((tag) => (
        <Chip key={String(tag)} label={String(tag)} size="small" variant="outlined" />
      ))}
    </Stack>
  ) : null;

// A real link in the name cell, so the row can be opened from the keyboard too.
const NameLink = ({ record }: { record: Campaign }) => {
  const createPath = useCreatePath();
  return (
    <MuiLink
      component={RouterLink}
      to={createPath({ resource: 'campaigns', id: record.id, type: 'show' })}
      onClick={(event) => event.stopPropagation()}
      sx={{ fontWeight: 500 }}
    >
      {record.name}
    </MuiLink>
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

const CampaignGrid = () => {
  const translate = useTranslate();
  const { isPending } = useListContext();
  if (isPending) return <GridLoading label="resources.campaigns.list.loading" />;
  return (
    <DataTable<Campaign>
      rowClick="show"
      bulkActionButtons={false}
      empty={
        <Typography sx={{ p: 3 }} role="status">
          {translate('resources.campaigns.list.noResults')}
        </Typography>
      }
    >
      <DataTable.Col source="name" render={(record) => <NameLink record={record as Campaign} />} />
      <DataTable.Col
        source="type"
        render={(record) => translate(`resources.campaigns.values.type.${record.type}`, { _: record.type })}
      />
      <DataTable.Col
        source="status"
        render={(record) =>
          translate(`resources.campaigns.values.status.${record.status}`, { _: record.status })
        }
      />
      <DataTable.Col
        source="dialer.mode"
        render={(record) =>
          record.dialer?.mode
            ? translate(`resources.campaigns.values.mode.${record.dialer.mode}`, { _: record.dialer.mode })
            : ''
        }
      />
      <DataTable.Col source="startDate" field={DateField} />
      <DataTable.Col
        source="tagIds"
        disableSort
        render={(record) => <TagChips record={record as Campaign} />}
      />
    </DataTable>
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
    pagination={<Pagination rowsPerPageOptions={ROWS_PER_PAGE} />}
    empty={<Empty />}
    error={
      <ListGridError
        message="resources.campaigns.list.error"
        retryLabel="resources.campaigns.actions.retry"
      />
    }
  >
    <CampaignGrid />
  </List>
);

export default CampaignList;
