import { Box, CircularProgress } from '@mui/material';
import { useGetIdentity, useGetList, useTranslate } from 'react-admin';
import type { Campaign, CampaignNumber } from '../../../types';
import { CampaignPage } from '../shared/CampaignPage';
import { useVariableNames } from '../shared/variableNames';
import { NumberForm } from './NumberForm';

/** How many records of the campaign's first page tell how many variables its numbers carry. */
const SAMPLE_SIZE = 25;

const NumberCreateForm = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const [names, setNames] = useVariableNames(campaign.id);
  // The names are keyed by account: the form waits for the identity, or it would start without them
  // (and saving would then write the empty names over the stored ones).
  const { isPending: identityPending } = useGetIdentity();
  const { data: sample, isPending } = useGetList<CampaignNumber>('numbers', {
    pagination: { page: 1, perPage: SAMPLE_SIZE },
    sort: { field: 'id', order: 'DESC' },
    filter: {},
    meta: { campaignId: campaign.id },
  });
  // The form starts with as many variables as the campaign's numbers carry; it does not wait for
  // a failed sample (the operator can still add variables by hand).
  if (isPending || identityPending) {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }} role="status">
        <CircularProgress size={24} aria-hidden />
        <span>{translate('upload.page.loading')}</span>
      </Box>
    );
  }
  const carried = Math.max(0, ...(sample ?? []).map((record) => record.varValues?.length ?? 0));
  return (
    <NumberForm
      campaign={campaign}
      initialVarCount={Math.max(carried, names.length)}
      names={names}
      onNamesChange={setNames}
    />
  );
};

const NumberCreate = () => (
  <CampaignPage titleKey="upload.create.title" crumbKey="upload.create.crumb">
    {(campaign) => <NumberCreateForm campaign={campaign} />}
  </CampaignPage>
);

export default NumberCreate;
