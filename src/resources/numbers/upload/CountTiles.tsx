import { Box, type Theme, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export interface CountTile {
  key: string;
  /** The tile's name, under its figure. */
  label: ReactNode;
  /** The figure, formatted. */
  value: ReactNode;
  color?: (theme: Theme) => string;
}

/**
 * A row of figures, each a term and its value (a description list, the figure read first by sight
 * but after its name by a screen reader): the upload's counts and the calling-hours section's.
 */
export const CountTiles = ({ tiles }: { tiles: CountTile[] }) => (
  <Box component="dl" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, m: 0 }}>
    {tiles.map((tile) => (
      <Box
        key={tile.key}
        sx={{
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          px: 2,
          py: 1,
          minWidth: 120,
          display: 'flex',
          flexDirection: 'column-reverse',
        }}
      >
        <Typography component="dt" variant="body2" color="text.secondary">
          {tile.label}
        </Typography>
        <Typography component="dd" variant="h5" sx={{ m: 0, color: tile.color }}>
          {tile.value}
        </Typography>
      </Box>
    ))}
  </Box>
);
