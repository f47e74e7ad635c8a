import CampaignIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';
import { withNumberMessages } from '../../i18n';
import { preloadNumberList } from '../numbers';
import CampaignList from './CampaignList';

// Resource config, spread into <Resource name="campaigns">. The list is the first page after signing in,
// so it ships in the console's own chunk (one download less); the campaign page stays lazy and brings
// the English messages of the numbers views with it. The sign-in screen loads none of this
// (src/auth/SignInGate.tsx imports the console lazily).
export default {
  list: CampaignList,
  show: lazy(
    withNumberMessages(() => {
      // The page's numbers grid is a chunk of its own: fetch both at once, not one after the other.
      void preloadNumberList();
      return import('./CampaignShow');
    }),
  ),
  icon: CampaignIcon,
  recordRepresentation: 'name',
};
