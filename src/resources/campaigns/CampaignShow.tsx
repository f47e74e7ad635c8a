// The campaign page (its name is the app bar's <h1>, via the Show title): details, the chart of its numbers, the add/upload actions and its numbers grid.
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

const CampaignTitle = () => {
  const translate = useTranslate();
  const record = useRecordContext<Campaign>();
  return <>{record ? translate('resources.campaigns.show.title', { name: record.name }) : ''}</>;
};

const CampaignPage = () => {
  const translate = useTranslate();
  const campaign = useRecordContext<Campaign>();
  if (!campaign) return <GridLoading label="ra.page.loading" />;
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Box>
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
