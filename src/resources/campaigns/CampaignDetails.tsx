import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { DATE_OPTIONS, intlLocale } from '../../components/localeFormat';
import type { Campaign } from '../../types';

// Compact: a caption over a body2 value, side by side, so the summary takes one line at 1280 px and
// the numbers grid starts on the first screen.
const Detail = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box component="div">
    <Typography component="dt" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
      {label}
    </Typography>
    <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'nowrap' }}>
      {children}
    </Typography>
  </Box>
);

// startDate is a local date-time without a zone ("2024-12-01T00:00:00"): shown as it reads, in the
// console's language with a month name (localeFormat), the time only when it is not midnight.
const formatStart = (value: string | null, language: string | undefined) => {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const midnight = date.getHours() === 0 && date.getMinutes() === 0;
  const options: Intl.DateTimeFormatOptions = midnight
    ? DATE_OPTIONS
    : { ...DATE_OPTIONS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return new Intl.DateTimeFormat(intlLocale(language), options).format(date);
};

export const CampaignDetails = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const field = (name: string) => translate(`resources.campaigns.fields.${name}`);
  const none = translate('resources.campaigns.show.none');
  return (
    <Paper
      component="section"
      variant="outlined"
      sx={{ px: 2, py: 1 }}
      aria-label={translate('resources.campaigns.show.details')}
    >
      <Stack
        component="dl"
        direction="row"
        useFlexGap
        sx={{ flexWrap: 'wrap', columnGap: 3, rowGap: 1, m: 0 }}
      >
        <Detail label={field('type')}>
          {translate(`resources.campaigns.values.type.${campaign.type}`, { _: campaign.type })}
        </Detail>
        <Detail label={field('status')}>
          {translate(`resources.campaigns.values.status.${campaign.status}`, { _: campaign.status })}
        </Detail>
        <Detail label={field('dialer.mode')}>
          {campaign.dialer?.mode
            ? translate(`resources.campaigns.values.mode.${campaign.dialer.mode}`, {
                _: campaign.dialer.mode,
              })
            : none}
        </Detail>
        <Detail label={field('startDate')}>
          {formatStart(campaign.startDate, locale) ?? translate('resources.campaigns.show.notScheduled')}
        </Detail>
        <Detail label={field('phoneSystemId')}>{campaign.phoneSystemId ?? none}</Detail>
        <Detail label={field('extensionId')}>{campaign.extensionId ?? none}</Detail>
        <Detail label={field('id')}>{campaign.id}</Detail>
        <Detail label={field('tagIds')}>
          {campaign.tagIds?.length ? (
            <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} component="span">
              {campaign.tagIds.map((tag) => (
                <Chip
                  key={String(tag)}
                  label={String(tag)}
                  size="small"
                  variant="outlined"
                  component="span"
                />
              ))}
            </Stack>
          ) : (
            none
          )}
        </Detail>
      </Stack>
    </Paper>
  );
};
