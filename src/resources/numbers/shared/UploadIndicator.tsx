import { Box, Button, CircularProgress } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { type UploadActivity, uploadPath, useUploadActivities } from './uploadActivity';

const NAME_MARK = '\u0000';
const nowrap = { whiteSpace: 'nowrap', flexShrink: 0 } as const;

const Activity = ({ activity }: { activity: UploadActivity }) => {
  const translate = useTranslate();
  const key = `upload.indicator.${activity.status}`;
  const label = translate(key, { name: activity.campaignName, percent: activity.percent });
  // On screen, only the campaign's name gives way (an ellipsis): the words around it, the part that
  // says what to do ("see the summary"), always show. The link's name and title are the whole sentence.
  const [before, after = ''] = translate(key, { name: NAME_MARK, percent: activity.percent }).split(
    NAME_MARK,
  );
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
        aria-label={label}
        title={label}
        sx={{ textTransform: 'none', minWidth: 0, maxWidth: { xs: 200, md: 380 } }}
      >
        <Box component="span" sx={{ display: 'flex', minWidth: 0 }}>
          {before ? (
            <Box component="span" sx={nowrap}>
              {before.replace(/ $/, '\u00a0')}
            </Box>
          ) : null}
          <Box
            component="span"
            data-part="name"
            sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: '2em' }}
          >
            {activity.campaignName}
          </Box>
          {after ? (
            <Box component="span" sx={nowrap}>
              {after.replace(/^ /, '\u00a0')}
            </Box>
          ) : null}
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
