import CampaignIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';

// Resource config, spread into <Resource name="campaigns">. Views are lazy so the sign-in screen stays small.
export default {
  list: lazy(() => import('./CampaignList')),
  show: lazy(() => import('./CampaignShow')),
  icon: CampaignIcon,
  recordRepresentation: 'name',
};
