// The numbers grid of one campaign, shown on the campaign page. Filters, sort and page live in the
// URL; every call names the campaign in meta.campaignId (the data provider's convention).
import { Box, Typography } from '@mui/material';
import { type ReactNode, useMemo } from 'react';
import { DataTable, DateField, List, TopToolbar, useListContext, useTranslate } from 'react-admin';
import { GridLoading } from '../../components/GridStates';
import type { Campaign, CampaignNumber } from '../../types';
import { AllMatchingProvider } from './bulk/allMatching';
import { ExportNumbersButton } from './bulk/ExportNumbersButton';
import { NumbersBulkToolbar } from './bulk/NumbersBulkToolbar';
import { FailedPageNotice, FailedPageProvider, NumbersGridError } from './list/failedPage';
import { NumbersPagination } from './list/NumbersPagination';
import { numberFilters } from './list/numberFilters';
import { LabelledRowCheckboxes } from './list/rowCheckboxLabel';
import { useVariableNames } from './shared/variableNames';

const NumbersGrid = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
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
        empty={
          <Typography sx={{ p: 3 }} role="status">
            {translate('resources.numbers.list.noResults')}
          </Typography>
        }
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
        <DataTable.NumberCol source="attempts" />
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
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
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
        storeKey={`numbers.campaign.${campaignId}`}
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
        sx={{ '& .RaList-main': { width: '100%' } }}
      >
        <AllMatchingProvider>
          <LabelledRowCheckboxes>
            <NumbersGrid campaign={campaign} />
          </LabelledRowCheckboxes>
        </AllMatchingProvider>
      </List>
    </FailedPageProvider>
  );
};
