import type { Theme } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CsvAnalysis } from '../../../lib/csv';
import { tone } from '../shared/tone';
import { CountTiles } from './CountTiles';
import { formatCount } from './format';
import { kindCounts } from './problemKinds';

/**
 * Rows, valid, then one tile per kind of problem (invalid, duplicate in the file, already in the
 * campaign, on the device's do-not-call lists when it has some): the figures the operator decides
 * on, in the words of the lists below them.
 */
export const AnalysisCounts = ({
  analysis,
  checkedCampaign,
}: {
  analysis: CsvAnalysis;
  checkedCampaign: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const kinds = kindCounts(analysis);
  const items: { key: string; value: number; color?: (theme: Theme) => string }[] = [
    { key: 'rows', value: analysis.rows },
    { key: 'valid', value: analysis.valid, color: tone('success') },
    { key: 'invalid', value: kinds.invalid, color: kinds.invalid > 0 ? tone('error') : undefined },
    {
      key: 'duplicates',
      value: kinds.duplicates,
      color: kinds.duplicates > 0 ? tone('warning') : undefined,
    },
  ];
  if ((analysis.doNotCall?.lists.length ?? 0) > 0 || kinds.dnc > 0) {
    items.push({ key: 'dnc', value: kinds.dnc, color: kinds.dnc > 0 ? tone('error') : undefined });
  }
  if (checkedCampaign || kinds.inCampaign > 0) {
    items.push({
      key: 'inCampaign',
      value: kinds.inCampaign,
      color: kinds.inCampaign > 0 ? tone('warning') : undefined,
    });
  }
  return (
    <CountTiles
      tiles={items.map((item) => ({
        key: item.key,
        label: translate(`upload.counts.${item.key}`),
        value: formatCount(item.value, locale),
        color: item.color,
      }))}
    />
  );
};
