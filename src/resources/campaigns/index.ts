import CampaignIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';
import CampaignList from './CampaignList';
import { loadCampaignShow } from './loadCampaignShow';

// Resource config, spread into <Resource name="campaigns">. The list is the first page after signing in,
// so it ships in the console's own chunk (one download less); the campaign page stays lazy and brings
// the English messages of the numbers views with it. The sign-in screen loads none of this
// (src/auth/SignInGate.tsx imports the console lazily).
export default {
  list: CampaignList,
  // The campaigns list fetches it while the operator reads the list (usePreloadCampaignShow).
  show: lazy(loadCampaignShow),
  icon: CampaignIcon,
  recordRepresentation: 'name',
};
