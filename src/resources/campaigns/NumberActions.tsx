// Add number and Upload CSV: links to the forms when the campaign takes new numbers, otherwise
// shown disabled with the reason in words, which both buttons reference (aria-describedby). Scrub
// campaign (lazy, from the numbers) deletes the numbers on do-not-call lists, with its own reason.
import AddIcon from '@mui/icons-material/Add';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, Stack, Typography } from '@mui/material';
import { Suspense, useId } from 'react';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { canChangeNumbers } from '../../contract';
import type { Campaign } from '../../types';
import { ScrubCampaign } from '../numbers';

export const NumberActions = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const reasonId = useId();
  const enabled = canChangeNumbers(campaign);
  const base = `/campaigns/${encodeURIComponent(String(campaign.id))}/numbers`;
  const linkProps = (path: string) =>
    enabled
      ? { component: RouterLink, to: `${base}/${path}` }
      : { disabled: true, 'aria-describedby': reasonId };
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Button variant="contained" startIcon={<AddIcon />} {...linkProps('create')}>
        {translate('resources.campaigns.actions.addNumber')}
      </Button>
      <Button variant="outlined" startIcon={<UploadFileIcon />} {...linkProps('upload')}>
        {translate('resources.campaigns.actions.uploadCsv')}
      </Button>
      <Suspense fallback={null}>
        <ScrubCampaign campaign={campaign} />
      </Suspense>
      {!enabled && (
        <Typography id={reasonId} variant="body2" color="text.secondary">
          {translate('resources.campaigns.reasons.add')}
        </Typography>
      )}
    </Stack>
  );
};
