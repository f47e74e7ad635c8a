import BlockIcon from '@mui/icons-material/Block';
import { lazy } from 'react';

// Resource config, spread into <Resource name="dnc">: a page of its own in the menu that reads the
// lists kept on this device (IndexedDB, src/lib/dnc), not the API. Lazy: idb, the store and the
// page stay out of the console's first chunk.
export default {
  list: lazy(() => import('./DncListsPage')),
  icon: BlockIcon,
};

// The app bar's "Find a number in all campaigns" (src/layout/AppBar.tsx): a button; the dialog is lazy.
export { FindNumberButton } from './FindNumberButton';
