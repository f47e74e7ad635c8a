// The determinate progress of a bulk action (collecting, deleting, exporting), its words as visible text.
import { Box, DialogContentText, LinearProgress } from '@mui/material';
import { useId } from 'react';

export const Progress = ({ label, value }: { label: string; value: number }) => {
  const id = useId();
  return (
    <Box>
      <DialogContentText id={id} role="status" sx={{ mb: 1 }}>
        {label}
      </DialogContentText>
      <LinearProgress variant="determinate" value={value} aria-labelledby={id} />
    </Box>
  );
};
