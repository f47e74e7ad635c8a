import { Box, type Theme, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CsvAnalysis } from '../../../lib/csv';
import { tone } from '../shared/tone';
import { formatCount } from './format';

/** Rows, valid, invalid, duplicates: the figures the operator decides on, large enough to read at a glance. */
export const AnalysisCounts = ({
  analysis,
  checkedCampaign,
}: {
  analysis: CsvAnalysis;
  checkedCampaign: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const items: { key: string; value: number; color?: (theme: Theme) => string }[] = [
    { key: 'rows', value: analysis.rows },
    { key: 'valid', value: analysis.valid, color: tone('success') },
    { key: 'invalid', value: analysis.invalid, color: analysis.invalid > 0 ? tone('error') : undefined },
    {
      key: 'duplicates',
      value: analysis.duplicates,
      color: analysis.duplicates > 0 ? tone('warning') : undefined,
    },
  ];
  if (checkedCampaign) {
    items.push({
      key: 'inCampaign',
      value: analysis.existingDuplicates,
      color: analysis.existingDuplicates > 0 ? tone('warning') : undefined,
    });
  }
  return (
    <Box component="dl" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, m: 0 }}>
      {items.map((item) => (
        <Box
          key={item.key}
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
            {translate(`upload.counts.${item.key}`)}
          </Typography>
          <Typography component="dd" variant="h5" sx={{ m: 0, color: item.color }}>
            {formatCount(item.value, locale)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
