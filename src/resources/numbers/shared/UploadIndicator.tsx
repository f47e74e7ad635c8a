import { Box, Button, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { type UploadActivity, uploadPath, useUploadActivities } from './uploadActivity';

const Activity = ({ activity }: { activity: UploadActivity }) => {
  const translate = useTranslate();
  const label = translate(`upload.indicator.${activity.status}`, {
    name: activity.campaignName,
    percent: activity.percent,
  });
  // The progress bar beside the link, not in it: the link's name stays its text alone.
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
      <CircularProgress
        variant="determinate"
        value={activity.status === 'done' ? 100 : activity.percent}
        size={18}
        thickness={5}
        color="inherit"
        aria-label={label}
      />
      <Button
        component={RouterLink}
        to={uploadPath(activity.campaignId)}
        color="inherit"
        size="small"
        sx={{ textTransform: 'none', minWidth: 0, maxWidth: { xs: 160, md: 280 } }}
      >
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {label}
        </Box>
      </Button>
    </Box>
  );
};

/**
 * The app bar's word on the uploads under way: "Uploading to Spring Sale Callback: 45%", a link to
 * the upload page, which shows the session again (or its summary). Nothing while no upload runs.
 */
export const UploadIndicator = () => {
  const activities = useUploadActivities();
  if (activities.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
      {activities.map((activity) => (
        <Activity key={String(activity.campaignId)} activity={activity} />
      ))}
    </Box>
  );
};
