import { Alert, Box, Breadcrumbs, Button, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, Title, useCreatePath, useGetOne, useParams, useTranslate } from 'react-admin';
import type { Campaign } from '../../../types';

interface CampaignPageProps {
  /** i18n key of the page title; receives `%{name}`, the campaign's name. */
  titleKey: string;
  /** i18n key of the last breadcrumb. */
  crumbKey: string;
  children: (campaign: Campaign) => ReactNode;
}

/**
 * The frame of the add-number and upload pages: the campaign from the URL and breadcrumbs. The title
 * goes through react-admin's <Title> into the app bar's <h1> (src/layout/PageHeading.tsx), like every page.
 */
export const CampaignPage = ({ titleKey, crumbKey, children }: CampaignPageProps) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { campaignId = '' } = useParams<{ campaignId: string }>();
  const { data: campaign, error, isPending, refetch } = useGetOne<Campaign>('campaigns', { id: campaignId });
  const name = campaign?.name ?? translate('upload.page.campaignFallback', { id: campaignId });
  const title = translate(titleKey, { name });

  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1100 }}>
      <Title title={title} />
      <Breadcrumbs aria-label={translate('upload.page.breadcrumbs')} sx={{ mt: 1, mb: 1 }}>
        <Link to={createPath({ resource: 'campaigns', type: 'list' })}>
          {translate('upload.page.campaigns')}
        </Link>
        <Link to={createPath({ resource: 'campaigns', type: 'show', id: campaignId })}>{name}</Link>
        <Typography color="text.primary" aria-current="page">
          {translate(crumbKey)}
        </Typography>
      </Breadcrumbs>
      {isPending ? (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }} role="status">
          <CircularProgress size={24} aria-hidden />
          <span>{translate('upload.page.loading')}</span>
        </Box>
      ) : error || !campaign ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" onClick={() => refetch()}>
              {translate('upload.actions.retry')}
            </Button>
          }
        >
          {translate('upload.page.loadError', { message: error?.message ?? '' })}
        </Alert>
      ) : (
        children(campaign)
      )}
    </Box>
  );
};
