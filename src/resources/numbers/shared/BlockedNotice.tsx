import { Alert, AlertTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Campaign } from '../../../types';

/** Why numbers cannot be added to `campaign` (not Dynamic and Active): shown by the form and the upload panel. */
export const BlockedNotice = ({ campaign }: { campaign: Pick<Campaign, 'type' | 'status'> }) => {
  const translate = useTranslate();
  return (
    <Alert severity="warning">
      <AlertTitle>{translate('upload.blocked.title')}</AlertTitle>
      {translate('upload.blocked.reason', { type: campaign.type, status: campaign.status })}
    </Alert>
  );
};
