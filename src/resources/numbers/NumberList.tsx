// The numbers grid of one campaign, shown on the campaign page. Filters, sort and page live in the
// URL; every call names the campaign in meta.campaignId (the data provider's convention).
import { Box, Typography } from '@mui/material';
import { type ReactNode, useMemo } from 'react';
import { DataTable, List, TopToolbar, useListContext, useTranslate } from 'react-admin';
import { FilteredEmpty, GridLoading } from '../../components/GridStates';
import { GridA11y } from '../../components/gridA11y';
import { useLocaleFormat } from '../../components/localeFormat';
import type { Campaign, CampaignNumber } from '../../types';
import { AllMatchingProvider } from './bulk/allMatching';
import { ExportNumbersButton } from './bulk/ExportNumbersButton';
import { NumbersBulkToolbar } from './bulk/NumbersBulkToolbar';
import { FailedPageNotice, FailedPageProvider, NumbersGridError } from './list/failedPage';
import { NumbersPagination } from './list/NumbersPagination';
import { numberFilters } from './list/numberFilters';
import { LabelledRowsBody } from './list/rowCheckboxLabel';
import { numbersGridStoreKey } from './shared/gridStore';
import { useVariableNames } from './shared/variableNames';

// Twenty variables make a wide table: it scrolls inside its card, and the page stays as wide as the
// window (react-admin's layout grows to its content's width). `contain: inline-size` keeps the
// table's width out of the page's; the selection toolbar above it stays in place.
const wideGrid = {
  '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' },
  '& .RaDataTable-table td, & .RaDataTable-table th': { whiteSpace: 'nowrap' },
} as const;

const NumbersGrid = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const { count, dateTime } = useLocaleFormat();
  const { isPending, data } = useListContext<CampaignNumber>();
  const [names] = useVariableNames(campaign.id);
  // As many variable columns as the records of this page carry.
  const varCount = useMemo(
    () => (data ?? []).reduce((max, record) => Math.max(max, record.varValues?.length ?? 0), 0),
    [data],
  );
  if (isPending) return <GridLoading label="resources.numbers.list.loading" />;
  return (
    <>
      <FailedPageNotice />
      <DataTable<CampaignNumber>
        rowClick={false}
        bulkActionButtons
        bulkActionsToolbar={<NumbersBulkToolbar campaign={campaign} />}
        body={LabelledRowsBody}
        empty={<FilteredEmpty message="resources.numbers.list.noResults" />}
        sx={wideGrid}
      >
        <DataTable.Col source="number" />
        {Array.from({ length: varCount }, (_, i) => (
          <DataTable.Col
            // biome-ignore lint/suspicious/noArrayIndexKey: a variable's position is its identity.
            key={i}
            source={`varValues.${i}`}
            label={names[i] || translate('resources.numbers.variable', { n: i + 1 })}
            disableSort
            render={(record) => record.varValues?.[i] ?? ''}
          />
        ))}
        <DataTable.Col
          source="status"
          render={(record) =>
            translate(`resources.numbers.values.status.${record.status}`, { _: record.status })
          }
        />
        {/* The language's shared formatters rather than NumberField and DateField, which build a new
            Intl formatter for every cell (toLocaleString): the most expensive part of 100 rows. */}
        <DataTable.Col
          source="attempts"
          align="right"
          render={(record) =>
            typeof record.attempts === 'number' ? count(record.attempts) : String(record.attempts ?? '')
          }
        />
        <DataTable.Col
          source="ringResult"
          render={(record) =>
            record.ringResult
              ? translate(`resources.numbers.values.ringResult.${record.ringResult}`, {
                  _: record.ringResult,
                })
              : ''
          }
        />
        <DataTable.Col source="createdAt" render={(record) => dateTime(record.createdAt)} />
      </DataTable>
    </>
  );
};

const Actions = ({ campaign }: { campaign: Campaign }) => (
  <TopToolbar>
    <ExportNumbersButton campaign={campaign} />
  </TopToolbar>
);

const Empty = ({ children }: { children?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 3, textAlign: 'center' }}>
      <Typography role="status">{translate('resources.numbers.list.empty')}</Typography>
      {children}
    </Box>
  );
};

export interface NumberListProps {
  campaign: Campaign;
  /** Shown under the empty state (e.g. the add and upload actions). */
  emptyActions?: ReactNode;
}

export const NumberList = ({ campaign, emptyActions }: NumberListProps) => {
  const campaignId = campaign.id;
  const filter = useMemo(() => ({ campaignId }), [campaignId]);
  const queryOptions = useMemo(() => ({ meta: { campaignId } }), [campaignId]);
  return (
    <FailedPageProvider>
      <List<CampaignNumber>
        resource="numbers"
        storeKey={numbersGridStoreKey(campaignId)}
        filter={filter}
        queryOptions={queryOptions}
        title={false}
        filters={numberFilters}
        actions={<Actions campaign={campaign} />}
        exporter={false}
        perPage={25}
        sort={{ field: 'createdAt', order: 'DESC' }}
        pagination={<NumbersPagination />}
        empty={<Empty>{emptyActions}</Empty>}
        error={<NumbersGridError />}
        sx={{ minWidth: 0, '& .RaList-main': { width: '100%', minWidth: 0 } }}
      >
        <AllMatchingProvider>
          <GridA11y>
            <NumbersGrid campaign={campaign} />
          </GridA11y>
        </AllMatchingProvider>
      </List>
    </FailedPageProvider>
  );
};
