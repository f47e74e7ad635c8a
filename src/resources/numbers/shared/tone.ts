import type { Theme } from '@mui/material';

/** A status colour that keeps its contrast on both themes: the dark shade on light paper, the light one on dark. */
export const tone =
  (color: 'error' | 'success' | 'warning') =>
  (theme: Theme): string =>
    theme.palette.mode === 'dark' ? theme.palette[color].light : theme.palette[color].dark;
