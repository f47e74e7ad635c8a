// Shown while numbers are selected: how many, "select all N matching" once the whole page is
// selected, clear, and Delete (disabled with its reason when the campaign can't change).
import { Box, Button, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import type { Campaign } from '../../../types';
import { useCountFormat } from '../shared/useCountFormat';
import { useAllMatching } from './allMatching';
import { DeleteNumbersButton } from './DeleteNumbersButton';

export const NumbersBulkToolbar = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const { selectedIds, data, total, onUnselectItems } = useListContext();
  const { allMatching, setAllMatching } = useAllMatching();
  const { format, countArgs } = useCountFormat();
  if (!selectedIds.length) return null;
  const pageFullySelected = !!data?.length && data.every((record) => selectedIds.includes(record.id));
  const canSelectAllMatching =
    !allMatching && pageFullySelected && total != null && total > selectedIds.length;
  return (
    <Box
      role="region"
      aria-label={translate('resources.numbers.selection.selected', countArgs(selectedIds.length))}
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 2,
        px: 2,
        py: 1,
        bgcolor: 'action.selected',
      }}
    >
      <Typography role="status" sx={{ fontWeight: 500 }}>
        {allMatching
          ? translate('resources.numbers.selection.allMatching', { total: format(total ?? 0) })
          : translate('resources.numbers.selection.selected', countArgs(selectedIds.length))}
      </Typography>
      {canSelectAllMatching && (
        <Button size="small" onClick={() => setAllMatching(true)}>
          {translate('resources.numbers.selection.selectAllMatching', { total: format(total) })}
        </Button>
      )}
      <Button size="small" onClick={() => onUnselectItems()}>
        {translate('resources.numbers.selection.clear')}
      </Button>
      <Box sx={{ ml: 'auto' }}>
        <DeleteNumbersButton campaign={campaign} />
      </Box>
    </Box>
  );
};
