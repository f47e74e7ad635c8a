import CampaignIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';
import CampaignList from './CampaignList';

// Resource config, spread into <Resource name="campaigns">. The list is the first page after signing in,
// so it ships in the console's own chunk (one download less); the campaign page stays lazy. The sign-in
// screen loads none of this (src/auth/SignInGate.tsx imports the console lazily).
export default {
  list: CampaignList,
  show: lazy(() => import('./CampaignShow')),
  icon: CampaignIcon,
  recordRepresentation: 'name',
};
