// The campaign page (its name is the app bar's <h1>, via the Show title): a compact summary (details,
// the counts folded into one row each), the add/upload actions and its numbers grid, which starts on
// the first screen at 1280×720. Paging the grid keeps the window where it is, and the counts and the
// grid's page refresh while the page is visible (useLiveRefresh).
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Box, Button, Stack, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { GridLoading } from '../../components/GridStates';
import type { Campaign } from '../../types';
import { NumberList } from '../numbers';
import { CampaignDetails } from './CampaignDetails';
import { NumberActions } from './NumberActions';
import { NumbersChart } from './NumbersChart';
import { useKeepScrollOnPaging } from './useKeepScrollOnPaging';
import { useLiveRefresh } from './useLiveRefresh';

const LiveRefresh = ({ campaignId }: { campaignId: Campaign['id'] }) => {
  useLiveRefresh(campaignId);
  return null;
};

const CampaignTitle = () => {
  const translate = useTranslate();
  const record = useRecordContext<Campaign>();
  return <>{record ? translate('resources.campaigns.show.title', { name: record.name }) : ''}</>;
};

const CampaignPage = () => {
  const translate = useTranslate();
  const campaign = useRecordContext<Campaign>();
  useKeepScrollOnPaging();
  if (!campaign) return <GridLoading label="ra.page.loading" />;
  return (
    <Stack spacing={1.5} sx={{ py: 1.5 }}>
      <LiveRefresh campaignId={campaign.id} />
      <Box sx={{ mb: -0.5 }}>
        <Button component={RouterLink} to="/campaigns" size="small" startIcon={<ArrowBackIcon />}>
          {translate('resources.campaigns.show.backToList')}
        </Button>
      </Box>
      <CampaignDetails campaign={campaign} />
      <NumbersChart campaignId={campaign.id} />
      <Box component="section" aria-labelledby="campaign-numbers-heading">
        <Stack
          direction="row"
          spacing={2}
          useFlexGap
          sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', mb: 1 }}
        >
          <Typography id="campaign-numbers-heading" variant="h6" component="h2">
            {translate('resources.campaigns.show.numbers')}
          </Typography>
          <NumberActions campaign={campaign} />
        </Stack>
        <NumberList campaign={campaign} />
      </Box>
    </Stack>
  );
};

const CampaignShow = () => (
  <Show title={<CampaignTitle />} actions={false} component="div">
    <CampaignPage />
  </Show>
);

export default CampaignShow;
