import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { downloadBlob } from '../../../components/download';
import { buildZoneFiles, type PartsSettings, type ZoneFile } from '../../../lib/csv';
import { errorMessage, isAbortError } from '../../../lib/errors';
import { zonesFileSuffix } from './factsSummary';
import { derivedName, formatCount } from './format';

type State =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; files: ZoneFile[] }
  | { phase: 'failed'; message: string };

/**
 * "Download one file per time zone": the rows "only the valid rows" would send, split by zones in
 * the worker, one button per file. The files are written again when the choices change.
 */
export const ZoneFilesDownload = ({
  file,
  settings,
  disabled,
}: {
  file: File;
  settings: PartsSettings;
  disabled: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const key = JSON.stringify({ exclude: settings.exclude, mapping: settings.mapping, size: file.size });
  const [builtFor, setBuiltFor] = useState(key);
  // Files written for other choices are stale: forget them (adjusting state to a changed value).
  if (builtFor !== key) {
    setBuiltFor(key);
    controller.current?.abort();
    setState({ phase: 'idle' });
  }
  useEffect(() => () => controller.current?.abort(), []);

  const write = async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ phase: 'running' });
    try {
      const files = await buildZoneFiles(file, settings, { signal: current.signal });
      if (!current.signal.aborted) setState({ phase: 'done', files });
    } catch (error) {
      if (isAbortError(error) || current.signal.aborted) return;
      setState({ phase: 'failed', message: translate(errorMessage(error), { _: errorMessage(error) }) });
    }
  };

  return (
    <Stack spacing={1}>
      <Box>
        <Button
          variant="outlined"
          startIcon={state.phase === 'running' ? <CircularProgress size={16} /> : <DownloadIcon />}
          onClick={() => void write()}
          disabled={disabled || state.phase === 'running'}
        >
          {translate(state.phase === 'running' ? 'upload.hours.downloading' : 'upload.hours.download')}
        </Button>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {translate('upload.hours.downloadHelp')}
      </Typography>
      {state.phase === 'failed' ? (
        <Alert severity="error">{translate('upload.hours.downloadFailed', { message: state.message })}</Alert>
      ) : null}
      {state.phase === 'done' ? (
        <Box component="ul" aria-label={translate('upload.hours.files')} sx={{ m: 0, pl: 2 }}>
          {state.files.map((zoneFile) => {
            const label = translate('upload.hours.downloadFile', {
              zones: zoneFile.zones.length ? zoneFile.zones.join(', ') : translate('upload.hours.noZone'),
              smart_count: zoneFile.rows,
              count: formatCount(zoneFile.rows, locale),
            });
            return (
              <li key={zoneFile.zones.join('&')}>
                <Button
                  size="small"
                  startIcon={<DownloadIcon />}
                  onClick={() =>
                    downloadBlob(zoneFile.blob, derivedName(file.name, zonesFileSuffix(zoneFile.zones)))
                  }
                >
                  {label}
                </Button>
              </li>
            );
          })}
        </Box>
      ) : null}
    </Stack>
  );
};
