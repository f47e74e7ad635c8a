import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  InputLabel,
  LinearProgress,
  MenuItem,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { describeError } from '../../components/describeError';
import { useLocaleFormat } from '../../components/localeFormat';
import { canChangeNumbers } from '../../contract';
import { DncError, type DncMatch, e164ToKey, findOnDncLists, writeDncList } from '../../lib/dnc';
import { isAbortError } from '../../lib/errors';
import { type CountryCode, checkNumber } from '../../lib/phone';
import type { Campaign, CampaignNumber } from '../../types';
import { useDefaultCountry } from '../numbers';
import {
  CONCURRENCY,
  type DeleteOutcome,
  deleteEverywhere,
  findInCampaign,
  listAllCampaigns,
  runPool,
  typedNumber,
} from './findEverywhere';
import { notifyDncListsChanged, useDncLists } from './useDncLists';

type Lookup =
  | { state: 'searching' }
  | { state: 'done'; matches: CampaignNumber[] }
  | { state: 'failed'; error: unknown };

type Phase = 'idle' | 'campaigns' | 'searching' | 'done' | 'cancelled' | 'failed';

export interface FindNumberDialogProps {
  open: boolean;
  onClose: () => void;
}

/** Find a number in all campaigns: look it up, delete it where allowed, put it on a do-not-call list. */
export const FindNumberDialog = ({ open, onClose }: FindNumberDialogProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const format = useLocaleFormat();
  const [country] = useDefaultCountry();
  const [text, setText] = useState('');
  const [e164, setE164] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [campaignCount, setCampaignCount] = useState(0);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [lookups, setLookups] = useState<Map<Campaign['id'], Lookup>>(new Map());
  const [phaseError, setPhaseError] = useState<unknown>();
  const [deletes, setDeletes] = useState<Map<Campaign['id'], DeleteOutcome> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [onLists, setOnLists] = useState<DncMatch[]>([]);
  const [listId, setListId] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const { lists } = useDncLists();
  const controller = useRef<AbortController | null>(null);

  const check = checkNumber(text, country as CountryCode);
  // Not valid for libphonenumber but number-like: the API may hold it as written, so it is searched as typed.
  const asTyped = check.kind === 'invalid' ? typedNumber(text) : null;
  const target = check.kind === 'valid' ? check.e164 : asTyped;
  const setLookup = (id: Campaign['id'], lookup: Lookup) =>
    setLookups((current) => new Map(current).set(id, lookup));

  useEffect(() => () => controller.current?.abort(), []);

  const refreshOnLists = (number: string) => {
    findOnDncLists(e164ToKey(number)).then(setOnLists, () => setOnLists([]));
  };

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const number = target;
    setE164(number);
    setDeletes(null);
    setAdded(null);
    setLookups(new Map());
    setCampaigns([]);
    setCampaignCount(0);
    setPhaseError(undefined);
    setPhase('campaigns');
    refreshOnLists(number);
    try {
      const all = await listAllCampaigns(dataProvider, { signal: abort.signal, onCount: setCampaignCount });
      if (abort.signal.aborted) return;
      setCampaigns(all);
      setPhase('searching');
      await runPool(
        all,
        CONCURRENCY,
        async (campaign) => {
          setLookup(campaign.id, { state: 'searching' });
          try {
            const matches = await findInCampaign(
              dataProvider,
              campaign,
              number,
              country as CountryCode,
              abort.signal,
            );
            if (!abort.signal.aborted) setLookup(campaign.id, { state: 'done', matches });
          } catch (error) {
            if (!abort.signal.aborted) setLookup(campaign.id, { state: 'failed', error });
          }
        },
        abort.signal,
      );
      if (!abort.signal.aborted) setPhase('done');
    } catch (error) {
      if (abort.signal.aborted || isAbortError(error)) return;
      setPhaseError(error);
      setPhase('failed');
    }
  };

  const cancel = () => {
    controller.current?.abort();
    setPhase('cancelled');
  };

  const retry = async (campaign: Campaign) => {
    if (!e164) return;
    setLookup(campaign.id, { state: 'searching' });
    try {
      setLookup(campaign.id, {
        state: 'done',
        matches: await findInCampaign(dataProvider, campaign, e164, country as CountryCode),
      });
    } catch (error) {
      setLookup(campaign.id, { state: 'failed', error });
    }
  };

  const done = campaigns.filter((c) => {
    const state = lookups.get(c.id)?.state;
    return state === 'done' || state === 'failed';
  }).length;
  const found = useMemo(
    () =>
      campaigns.flatMap((campaign) => {
        const lookup = lookups.get(campaign.id);
        return lookup?.state === 'done' && lookup.matches.length > 0
          ? [{ campaign, matches: lookup.matches }]
          : [];
      }),
    [campaigns, lookups],
  );
  const failed = campaigns.filter((campaign) => lookups.get(campaign.id)?.state === 'failed');
  const deletable = found.filter(({ campaign }) => deletes?.get(campaign.id)?.state !== 'deleted');
  const canDelete = deletable.filter(({ campaign }) => canChangeNumbers(campaign));

  const confirmDelete = async () => {
    setConfirming(false);
    setDeleting(true);
    const outcomes = await deleteEverywhere(dataProvider, deletable);
    setDeletes((current) => new Map([...(current ?? []), ...outcomes]));
    setDeleting(false);
  };

  const addToList = async () => {
    if (!e164 || !listId || e164ToKey(e164) === 0) return;
    setAddError(null);
    try {
      const list = await writeDncList({ mode: 'add', id: listId, keys: Float64Array.of(e164ToKey(e164)) });
      setAdded(translate('resources.dnc.find.added', { number: e164, name: list.name }));
      notifyDncListsChanged();
      refreshOnLists(e164);
    } catch (error) {
      setAddError(
        error instanceof DncError
          ? translate(`resources.${error.message}`)
          : translate('resources.dnc.error.storageFailed'),
      );
    }
  };

  const searching = phase === 'campaigns' || phase === 'searching';
  const status = (campaign: Campaign) =>
    `${translate(`resources.campaigns.values.type.${campaign.type}`)}, ${translate(`resources.campaigns.values.status.${campaign.status}`)}`;
  const deleteText = (campaign: Campaign) => {
    const outcome = deletes?.get(campaign.id);
    if (!outcome) return null;
    if (outcome.state === 'deleted') return translate('resources.dnc.find.deleted');
    if (outcome.state === 'blocked')
      return translate('resources.dnc.find.blocked', {
        type: translate(`resources.campaigns.values.type.${campaign.type}`),
        status: translate(`resources.campaigns.values.status.${campaign.status}`),
      });
    return translate('resources.dnc.find.deleteFailed', { reason: describeError(outcome.error, translate) });
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="find-number-title">
      <DialogTitle id="find-number-title">{translate('resources.dnc.find.title')}</DialogTitle>
      <DialogContent>
        <form onSubmit={search} noValidate>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', pt: 1 }}>
            <TextField
              label={translate('resources.dnc.find.number')}
              value={text}
              onChange={(event) => setText(event.target.value)}
              size="small"
              autoFocus
              error={check.kind === 'invalid' && !asTyped}
              helperText={
                check.kind === 'valid'
                  ? translate('resources.dnc.find.willSearch', { number: check.e164 })
                  : asTyped
                    ? translate('resources.dnc.find.asTyped', { country, number: asTyped })
                    : check.kind === 'invalid'
                      ? translate('resources.dnc.find.invalid', { country })
                      : ' '
              }
            />
            <Button type="submit" variant="contained" disabled={!target || searching}>
              {translate('resources.dnc.find.search')}
            </Button>
          </Stack>
        </form>
        <Box role="status" aria-live="polite" sx={{ mt: 1 }}>
          {phase === 'campaigns' && (
            <Typography>
              {translate('resources.dnc.find.loadingCampaigns', { count: format.count(campaignCount) })}
            </Typography>
          )}
          {phase === 'searching' && (
            <Typography>
              {translate('resources.dnc.find.progress', {
                done: format.count(done),
                total: format.count(campaigns.length),
              })}
            </Typography>
          )}
          {phase === 'cancelled' && (
            <Typography>
              {translate('resources.dnc.find.cancelled', {
                done: format.count(done),
                total: format.count(campaigns.length),
              })}
            </Typography>
          )}
          {phase === 'done' && found.length === 0 && failed.length === 0 && (
            <Typography>
              {translate('resources.dnc.find.none', { total: format.count(campaigns.length) })}
            </Typography>
          )}
          {phase === 'done' && found.length > 0 && (
            <Typography>
              {translate('resources.dnc.find.found', {
                smart_count: found.length,
                count: format.count(found.length),
              })}
            </Typography>
          )}
        </Box>
        {searching && (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
            <LinearProgress
              sx={{ flex: 1 }}
              variant={phase === 'searching' ? 'determinate' : 'indeterminate'}
              value={campaigns.length ? (100 * done) / campaigns.length : 0}
              aria-label={translate('resources.dnc.find.title')}
            />
            <Button onClick={cancel}>{translate('resources.dnc.find.cancel')}</Button>
          </Stack>
        )}
        {phase === 'failed' && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {translate('resources.dnc.find.failed', { reason: describeError(phaseError, translate) })}
          </Alert>
        )}
        {e164 && onLists.length > 0 && (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {translate('resources.dnc.find.onLists', {
              names: onLists.map((m) => `'${m.list.name}'`).join(', '),
            })}
          </Alert>
        )}
        {(found.length > 0 || failed.length > 0) && (
          <Table size="small" sx={{ mt: 1 }} aria-label={translate('resources.dnc.find.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.dnc.find.campaign')}</TableCell>
                <TableCell>{translate('resources.dnc.find.status')}</TableCell>
                <TableCell>{translate('resources.dnc.find.lastResult')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {found.map(({ campaign, matches }) => (
                <TableRow key={String(campaign.id)}>
                  <TableCell component="th" scope="row">
                    {campaign.name}
                    <Typography variant="body2" color="text.secondary">
                      {status(campaign)}
                    </Typography>
                    {deleteText(campaign) && <Typography variant="body2">{deleteText(campaign)}</Typography>}
                  </TableCell>
                  <TableCell>
                    {matches.map((m) => translate(`resources.numbers.values.status.${m.status}`)).join(', ')}
                  </TableCell>
                  <TableCell>
                    {matches
                      .map((m) =>
                        m.ringResult
                          ? translate(`resources.numbers.values.ringResult.${m.ringResult}`)
                          : translate('resources.dnc.find.notCalled'),
                      )
                      .join(', ')}
                  </TableCell>
                </TableRow>
              ))}
              {failed.map((campaign) => {
                const lookup = lookups.get(campaign.id);
                return (
                  <TableRow key={String(campaign.id)}>
                    <TableCell component="th" scope="row">
                      {campaign.name}
                    </TableCell>
                    <TableCell colSpan={2}>
                      {translate('resources.dnc.find.failed', {
                        reason: describeError(
                          lookup?.state === 'failed' ? lookup.error : undefined,
                          translate,
                        ),
                      })}{' '}
                      <Button
                        size="small"
                        onClick={() => void retry(campaign)}
                        aria-label={`${translate('resources.dnc.find.retry')}: ${campaign.name}`}
                      >
                        {translate('resources.dnc.find.retry')}
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {failed.length > 0 && !searching && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {translate('resources.dnc.find.failedCount', {
              smart_count: failed.length,
              count: format.count(failed.length),
            })}
          </Alert>
        )}
        {e164 && e164ToKey(e164) !== 0 && !searching && (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 2 }}>
            {lists && lists.length > 0 ? (
              <>
                <FormControl size="small" sx={{ minWidth: 220 }}>
                  <InputLabel id="find-number-list-label">
                    {translate('resources.dnc.find.chooseList')}
                  </InputLabel>
                  <Select
                    labelId="find-number-list-label"
                    label={translate('resources.dnc.find.chooseList')}
                    value={listId}
                    onChange={(event) => setListId(event.target.value)}
                  >
                    {lists.map((list) => (
                      <MenuItem key={list.id} value={list.id}>
                        {list.name}
                      </MenuItem>
                    ))}
                  </Select>
                </FormControl>
                <Button variant="outlined" disabled={!listId} onClick={() => void addToList()}>
                  {translate('resources.dnc.find.addToList')}
                </Button>
              </>
            ) : (
              <Typography variant="body2">{translate('resources.dnc.find.noLists')}</Typography>
            )}
          </Stack>
        )}
        <Box role="status" aria-live="polite">
          {added && (
            <Alert severity="success" sx={{ mt: 1 }}>
              {added}
            </Alert>
          )}
        </Box>
        {addError && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {addError}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {phase === 'done' && deletable.length > 0 && canDelete.length === 0 && (
          <Typography id="find-number-nothing-to-delete" variant="body2" sx={{ flex: 1, px: 1 }}>
            {translate('resources.dnc.find.nothingToDelete')}
          </Typography>
        )}
        {phase === 'done' && deletable.length > 0 && (
          <Button
            color="error"
            disabled={deleting || canDelete.length === 0}
            aria-describedby={canDelete.length === 0 ? 'find-number-nothing-to-delete' : undefined}
            onClick={() => setConfirming(true)}
          >
            {translate('resources.dnc.find.deleteAll')}
          </Button>
        )}
        <Button onClick={onClose}>{translate('resources.dnc.find.close')}</Button>
      </DialogActions>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-describedby="find-number-confirm">
        <DialogContent>
          <DialogContentText id="find-number-confirm">
            {translate('resources.dnc.find.confirmDelete', {
              number: e164 ?? '',
              smart_count: canDelete.length,
              count: format.count(canDelete.length),
            })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button autoFocus onClick={() => setConfirming(false)}>
            {translate('ra.action.cancel')}
          </Button>
          <Button color="error" onClick={() => void confirmDelete()}>
            {translate('ra.action.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Dialog>
  );
};

export default FindNumberDialog;
