import WarningIcon from '@mui/icons-material/WarningAmber';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { downloadText } from '../../components/download';
import { useLocaleFormat } from '../../components/localeFormat';
import { toCsvCell } from '../../lib/csv';
import {
  DncError,
  type DncList,
  type DncLoadProgress,
  type DncLoadResult,
  deleteDncList,
  keyToE164,
  loadDncFile,
  readDncList,
  type WriteMode,
} from '../../lib/dnc';
import { isAbortError } from '../../lib/errors';
import { useDefaultCountry } from '../numbers';
import {
  type ColumnPick,
  columnOptions,
  DNC_ACCEPT,
  DncColumnFields,
  useDescribeColumns,
} from './DncColumnFields';
import { notifyDncListsChanged, useDncLists } from './useDncLists';

export const STALE_DAYS = 31;
const DAY_MS = 24 * 60 * 60 * 1000;
export const isStale = (list: Pick<DncList, 'loadedAt'>, now = Date.now()) =>
  now - list.loadedAt > STALE_DAYS * DAY_MS;

const percent = (progress: DncLoadProgress) =>
  Math.floor(
    progress.phase === 'reading'
      ? (100 * progress.bytesRead) / Math.max(progress.totalBytes, 1)
      : (100 * progress.written) / Math.max(progress.total, 1),
  );

type Job = { mode: WriteMode; list?: DncList };

/** The "Do-not-call lists" page: load, add to, replace, export and delete the lists kept on this device. */
export const DncListsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const format = useLocaleFormat();
  const [country] = useDefaultCountry();
  const { lists, error: listsError } = useDncLists();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<DncLoadProgress | null>(null);
  const [running, setRunning] = useState<Job | null>(null);
  const [result, setResult] = useState<DncLoadResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DncList | null>(null);
  const [replacing, setReplacing] = useState<{ job: Job; file: File } | null>(null);
  const [numberColumn, setNumberColumn] = useState<ColumnPick>('auto');
  const [noteColumn, setNoteColumn] = useState<ColumnPick>('auto');
  const describeColumns = useDescribeColumns();
  const controller = useRef<AbortController | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const chooser = useRef<HTMLInputElement>(null);
  const replaceCancel = useRef<HTMLButtonElement>(null);
  const pending = useRef<Job | null>(null);
  const fileInputId = useId();

  const describeFailure = (error: unknown) =>
    isAbortError(error)
      ? translate('resources.dnc.error.canceled')
      : error instanceof DncError
        ? // The engine's key is dnc.error.<code>; the page's messages live under resources.dnc.
          translate(`resources.${error.message}`)
        : translate('resources.dnc.error.storageFailed');

  const run = async (job: Job, chosen: File, listName?: string) => {
    const abort = new AbortController();
    controller.current = abort;
    setRunning(job);
    setResult(null);
    setFailure(null);
    setProgress(null);
    try {
      const loaded = await loadDncFile(
        {
          file: chosen,
          mode: job.mode,
          id: job.list?.id,
          name: listName,
          defaultCountry: country as never,
          ...columnOptions(numberColumn, noteColumn),
        },
        { signal: abort.signal, onProgress: setProgress },
      );
      setResult(loaded);
      if (job.mode === 'new') {
        setName('');
        setFile(null);
      }
    } catch (error) {
      setFailure(describeFailure(error));
    } finally {
      controller.current = null;
      setRunning(null);
      setProgress(null);
      notifyDncListsChanged();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setFormError(translate('resources.dnc.load.missingName'));
    if (!file) return setFormError(translate('resources.dnc.load.missingFile'));
    setFormError(null);
    void run({ mode: 'new' }, file, name.trim());
  };

  const pickFor = (job: Job) => {
    pending.current = job;
    picker.current?.click();
  };

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    const job = pending.current;
    pending.current = null;
    if (!chosen || !job) return;
    // Replace throws the list's numbers away: only after the operator confirms, with the file chosen.
    if (job.mode === 'replace') setReplacing({ job, file: chosen });
    else void run(job, chosen);
  };

  const confirmReplace = () => {
    const pendingReplace = replacing;
    setReplacing(null);
    if (pendingReplace) void run(pendingReplace.job, pendingReplace.file);
  };

  const exportList = async (list: DncList) => {
    try {
      const { keys, notes } = await readDncList(list.id);
      const lines = new Array<string>(keys.length);
      for (let i = 0; i < keys.length; i++) {
        const note = notes.get(keys[i]);
        lines[i] = note === undefined ? keyToE164(keys[i]) : `${keyToE164(keys[i])},${toCsvCell(note)}`;
      }
      downloadText(`${lines.join('\r\n')}\r\n`, `${list.name}-do-not-call.csv`);
    } catch (error) {
      notify(describeFailure(error), { type: 'error' });
    }
  };

  const confirmDelete = async () => {
    const list = deleting;
    setDeleting(null);
    if (!list) return;
    try {
      await deleteDncList(list.id);
      notify(translate('resources.dnc.lists.deleted', { name: list.name }), { type: 'info' });
    } catch (error) {
      notify(describeFailure(error), { type: 'error' });
    }
    notifyDncListsChanged();
  };

  const busy = running !== null;
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1100 }}>
      <Title title={translate('resources.dnc.name')} />
      <Typography sx={{ mb: 2 }}>{translate('resources.dnc.intro')}</Typography>
      <Card component="section" aria-labelledby="dnc-load-title" sx={{ mb: 2 }}>
        <CardContent>
          <Typography id="dnc-load-title" component="h2" variant="h6" gutterBottom>
            {translate('resources.dnc.load.title')}
          </Typography>
          <form onSubmit={submit} noValidate>
            {/* The row wraps, never the buttons' labels (one line each, in every language). */}
            <Stack
              direction={{ xs: 'column', sm: 'row' }}
              spacing={2}
              useFlexGap
              sx={{ alignItems: { sm: 'center' }, flexWrap: 'wrap' }}
            >
              <TextField
                label={translate('resources.dnc.load.name')}
                value={name}
                onChange={(event) => setName(event.target.value)}
                size="small"
                disabled={busy}
              />
              <Button
                variant="outlined"
                disabled={busy}
                onClick={() => chooser.current?.click()}
                sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
              >
                {translate('resources.dnc.load.file')}
              </Button>
              <input
                ref={chooser}
                id={fileInputId}
                type="file"
                accept={DNC_ACCEPT}
                hidden
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
              <Typography variant="body2" sx={{ minWidth: 120 }}>
                {file?.name ?? translate('resources.dnc.load.noFile')}
              </Typography>
              <DncColumnFields
                number={numberColumn}
                note={noteColumn}
                onNumber={setNumberColumn}
                onNote={setNoteColumn}
                disabled={busy}
              />
              <Button
                type="submit"
                variant="contained"
                disabled={busy}
                sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
              >
                {translate('resources.dnc.load.submit')}
              </Button>
            </Stack>
          </form>
          {formError && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {formError}
            </Alert>
          )}
          {busy && (
            <Box sx={{ mt: 2 }} role="status">
              <Typography variant="body2">
                {progress
                  ? translate(`resources.dnc.load.${progress.phase}`, { percent: percent(progress) })
                  : translate('resources.dnc.load.reading', { percent: 0 })}
              </Typography>
              <LinearProgress
                variant="determinate"
                value={progress ? percent(progress) : 0}
                aria-label={translate('resources.dnc.load.title')}
                sx={{ my: 1 }}
              />
              <Button onClick={() => controller.current?.abort(new DOMException('Cancelled', 'AbortError'))}>
                {translate('resources.dnc.find.cancel')}
              </Button>
            </Box>
          )}
          <Box role="status" aria-live="polite">
            {result && (
              <Alert severity="success" sx={{ mt: 2 }}>
                {`${translate('resources.dnc.load.done', {
                  name: result.list.name,
                  smart_count: result.list.count,
                  count: format.count(result.list.count),
                })} ${translate('resources.dnc.load.read', {
                  smart_count: result.rows,
                  count: format.count(result.rows),
                })}: ${translate('resources.dnc.load.invalid', {
                  smart_count: result.invalid,
                  count: format.count(result.invalid),
                })}, ${translate('resources.dnc.load.duplicates', {
                  smart_count: result.duplicates,
                  count: format.count(result.duplicates),
                })}.`}
                <Box component="span" sx={{ display: 'block' }}>
                  {describeColumns(result.columns, result.sheet)}
                </Box>
                {result.invalidLines.length > 0 && (
                  <Box component="span" sx={{ display: 'block' }}>
                    {translate('resources.dnc.load.invalidLines', {
                      smart_count: Math.min(result.invalidLines.length, 10),
                      lines: result.invalidLines
                        .slice(0, 10)
                        .map((line) => line.line)
                        .join(', '),
                    })}
                  </Box>
                )}
              </Alert>
            )}
          </Box>
          {failure && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {failure}
            </Alert>
          )}
        </CardContent>
      </Card>
      <input
        ref={picker}
        type="file"
        accept={DNC_ACCEPT}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={picked}
      />
      <Card component="section" aria-labelledby="dnc-lists-title">
        <CardContent>
          <Typography id="dnc-lists-title" component="h2" variant="h6" gutterBottom>
            {translate('resources.dnc.lists.title')}
          </Typography>
          {listsError !== undefined && (
            <Alert severity="error">
              {translate('resources.dnc.lists.loadFailed', { reason: describeFailure(listsError) })}
            </Alert>
          )}
          {lists?.length === 0 && <Typography>{translate('resources.dnc.lists.empty')}</Typography>}
          {lists && lists.length > 0 && (
            <Table size="small" aria-labelledby="dnc-lists-title">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.dnc.lists.name')}</TableCell>
                  <TableCell align="right">{translate('resources.dnc.lists.count')}</TableCell>
                  <TableCell>{translate('resources.dnc.lists.loadedAt')}</TableCell>
                  <TableCell>{translate('resources.dnc.lists.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {lists.map((list) => (
                  <TableRow key={list.id}>
                    <TableCell component="th" scope="row">
                      {list.name}
                    </TableCell>
                    <TableCell align="right">{format.count(list.count)}</TableCell>
                    <TableCell>
                      {format.date(list.loadedAt)}
                      {isStale(list) && (
                        <Alert
                          severity="warning"
                          icon={<WarningIcon fontSize="inherit" />}
                          sx={{ mt: 0.5, py: 0 }}
                        >
                          {translate('resources.dnc.lists.stale')}
                        </Alert>
                      )}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        <Button
                          size="small"
                          disabled={busy}
                          aria-label={`${translate('resources.dnc.lists.addShort')}: ${list.name}`}
                          onClick={() => pickFor({ mode: 'add', list })}
                        >
                          {translate('resources.dnc.lists.addShort')}
                        </Button>
                        <Button
                          size="small"
                          disabled={busy}
                          aria-label={`${translate('resources.dnc.lists.replaceShort')}: ${list.name}`}
                          onClick={() => pickFor({ mode: 'replace', list })}
                        >
                          {translate('resources.dnc.lists.replaceShort')}
                        </Button>
                        <Button
                          size="small"
                          aria-label={`${translate('resources.dnc.lists.exportShort')}: ${list.name}`}
                          onClick={() => void exportList(list)}
                        >
                          {translate('resources.dnc.lists.exportShort')}
                        </Button>
                        <Button
                          size="small"
                          color="error"
                          disabled={busy}
                          aria-label={`${translate('resources.dnc.lists.deleteShort')}: ${list.name}`}
                          onClick={() => setDeleting(list)}
                        >
                          {translate('resources.dnc.lists.deleteShort')}
                        </Button>
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Dialog open={deleting !== null} onClose={() => setDeleting(null)} aria-describedby="dnc-delete-text">
        <DialogContent>
          <DialogContentText id="dnc-delete-text">
            {deleting &&
              translate('resources.dnc.lists.confirmDelete', {
                name: deleting.name,
                smart_count: deleting.count,
                count: format.count(deleting.count),
              })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button autoFocus onClick={() => setDeleting(null)}>
            {translate('ra.action.cancel')}
          </Button>
          <Button color="error" onClick={() => void confirmDelete()}>
            {translate('ra.action.delete')}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog
        open={replacing !== null}
        onClose={() => setReplacing(null)}
        aria-describedby="dnc-replace-text"
        // Opened from the file chooser, whose closing can take the focus back: Cancel gets it once shown.
        slotProps={{ transition: { onEntered: () => replaceCancel.current?.focus() } }}
      >
        <DialogContent>
          <DialogContentText id="dnc-replace-text">
            {replacing?.job.list &&
              translate('resources.dnc.lists.confirmReplace', {
                name: replacing.job.list.name,
                smart_count: replacing.job.list.count,
                count: format.count(replacing.job.list.count),
                file: replacing.file.name,
              })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button ref={replaceCancel} autoFocus onClick={() => setReplacing(null)}>
            {translate('ra.action.cancel')}
          </Button>
          <Button color="error" onClick={confirmReplace}>
            {translate('resources.dnc.lists.replace')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};

export default DncListsPage;
