import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The app bar's title as the page's `<h1>`. react-admin's `<Title>` (rendered by every List, Show,
 * Create and Edit, and by custom pages with `<Title title="..." />`) portals into `#react-admin-title`,
 * which sits inside this heading: every screen gets its level-one heading for free. Until a page
 * provides a title, the product name stands in, so the heading is never empty.
 */
export const PageHeading = () => {
  const translate = useTranslate();
  return (
    <Typography
      component="h1"
      variant="h6"
      color="inherit"
      sx={{
        flex: 1,
        minWidth: 0,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
        fontSize: '1.125rem',
        '& #react-admin-title:not(:empty) + .fallback': { display: 'none' },
      }}
    >
      <span id="react-admin-title" />
      <Box component="span" className="fallback">
        {translate('app.name')}
      </Box>
    </Typography>
  );
};
