import SearchIcon from '@mui/icons-material/PersonSearch';
import { IconButton, Tooltip } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { useTranslate } from 'react-admin';
import { withNumberMessages } from '../../i18n';

// The dialog (the search, idb, the phone check) is its own chunk, fetched on the first click; it
// brings the numbers views' English messages (status and last result) with it.
const FindNumberDialog = lazy(withNumberMessages(() => import('./FindNumberDialog')));

/** The app bar's "Find a number in all campaigns". */
export const FindNumberButton = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const label = translate('resources.dnc.find.open');
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          color="inherit"
          aria-label={label}
          onClick={() => {
            setOpened(true);
            setOpen(true);
          }}
        >
          <SearchIcon />
        </IconButton>
      </Tooltip>
      {opened && (
        <Suspense fallback={null}>
          <FindNumberDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
};
