import { Alert, AlertTitle, Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useCreatePath, useDataProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { canChangeNumbers } from '../../../contract';
import type { SipCallerDataProvider } from '../../../dataProvider/types';
import type { Campaign } from '../../../types';
import { useDefaultCountry } from '../create/deviceSettings';
import {
  type AnalysisSettings,
  buildUploadParts,
  type CountryCode,
  type CsvAnalysis,
  type Delimiter,
  partLineToFileLine,
  problemsToCsv,
  type UploadMode,
  useCsvAnalysis,
} from '../csv';
import { useVariableNames } from '../variableNames';
import { AnalysisControls } from './AnalysisControls';
import { AnalysisCounts } from './AnalysisCounts';
import { countCampaignNumbers } from './campaignNumbers';
import { DropZone } from './DropZone';
import { derivedName, downloadBlob, formatCount } from './format';
import { rowsPerPart } from './limits';
import { PreviewTable, useDescribeProblem } from './PreviewTable';
import { ProblemsPanel } from './ProblemsPanel';
import { initialRunState, UploadSession } from './session';
import { type SummaryProblem, summarise } from './summary';
import { UploadChoice } from './UploadChoice';
import { UploadProgressPanel } from './UploadProgressPanel';
import { UploadSummaryView } from './UploadSummaryView';
import { useExistingNumbers } from './useExistingNumbers';

type Overrides = Pick<AnalysisSettings, 'delimiter' | 'firstRowIsHeader' | 'varCount'>;

interface Upload {
  session: UploadSession;
  /** The analysis the parts were built from: its problems are what the console dropped. */
  analysis: CsvAnalysis;
  mode: UploadMode;
}

const noSubscribe = () => () => {};
const idleSnapshot = () => initialRunState;

export const UploadPanel = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<SipCallerDataProvider>();
  const queryClient = useQueryClient();
  const describeProblem = useDescribeProblem();
  const [names, setNames] = useVariableNames(campaign.id);
  const [country, setCountry] = useDefaultCountry();
  const [file, setFile] = useState<File | null>(null);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [checkExisting, setCheckExisting] = useState(false);
  const [mode, setMode] = useState<UploadMode>('valid');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [lastAnalysis, setLastAnalysis] = useState<CsvAnalysis | null>(null);
  const existing = useExistingNumbers(campaign.id, checkExisting);
  const { total: campaignTotal } = useGetList('numbers', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'ASC' },
    filter: {},
    meta: { campaignId: campaign.id },
  });

  const existingNumbers = checkExisting ? (existing.numbers ?? undefined) : undefined;
  const settings = useMemo<AnalysisSettings>(
    () => ({ defaultCountry: country as CountryCode, ...overrides, existingNumbers }),
    [country, overrides, existingNumbers],
  );
  const csv = useCsvAnalysis(file, settings);
  useEffect(() => {
    if (csv.analysis) setLastAnalysis(csv.analysis);
  }, [csv.analysis]);
  // While a changed setting is analysed again, the previous figures stay on screen (dimmed).
  const analysis = csv.analysis ?? lastAnalysis;
  const run = useSyncExternalStore(
    upload?.session.subscribe ?? noSubscribe,
    upload?.session.getSnapshot ?? idleSnapshot,
  );
  const running = run.phase === 'building' || run.phase === 'sending' || run.phase === 'finishing';
  const someAccepted = run.parts.some((part) => part.status === 'done');
  // Once a part is in the campaign the settings are those of the upload under way: changing them would resend.
  const locked = running || (someAccepted && run.phase !== 'done');
  const allowed = canChangeNumbers(campaign);

  // A stopped upload that nothing got through is dropped when the file or settings change: its parts are stale.
  useEffect(() => {
    if (upload && !running && !someAccepted && (upload.analysis !== csv.analysis || upload.mode !== mode)) {
      setUpload(null);
    }
  }, [upload, running, someAccepted, csv.analysis, mode]);

  const stopped = run.phase === 'done' || run.phase === 'failed' || run.phase === 'canceled';
  useEffect(() => {
    if (stopped && someAccepted) void queryClient.invalidateQueries({ queryKey: ['numbers'] });
  }, [stopped, someAccepted, queryClient]);

  // A header row names the variables when the campaign has no names on this device yet.
  const finished = run.phase === 'done';
  useEffect(() => {
    const header = upload?.analysis.header;
    if (finished && header && names.length === 0 && upload.analysis.varCount > 0) {
      setNames(header.slice(1, 1 + upload.analysis.varCount));
    }
  }, [finished, upload, names.length, setNames]);

  const chooseFile = (next: File) => {
    setFile(next);
    setOverrides({});
    setLastAnalysis(null);
    setUpload(null);
  };
  const reanalyse = () =>
    setFile((current) => (current ? new File([current], current.name, current) : current));
  const change = (patch: Overrides) => setOverrides((current) => ({ ...current, ...patch }));

  const startUpload = () => {
    if (!file || !csv.analysis) return;
    const frozen = csv.analysis;
    const checkedAgainst = settings.existingNumbers;
    const session = new UploadSession({
      prepare: async (signal, onProgress) => {
        const parts = await buildUploadParts(
          file,
          { ...frozen, existingNumbers: checkedAgainst },
          {
            mode,
            rowsPerPart: rowsPerPart(),
            signal,
            onProgress: ({ bytesRead, totalBytes }) =>
              onProgress(totalBytes > 0 ? bytesRead / totalBytes : 1),
          },
        );
        return parts.map((part) => ({
          blob: part.blob,
          rows: part.rows,
          firstRowIsHeader: part.firstRowIsHeader,
          varCount: part.varCount,
          sourceLine: (line: number) => partLineToFileLine(part, line),
        }));
      },
      send: (part, { signal, onProgress }) =>
        dataProvider.uploadNumbers(
          campaign.id,
          part.blob,
          { firstRowIsHeader: part.firstRowIsHeader, varCount: part.varCount },
          { signal, onProgress: ({ loaded, total }) => onProgress(loaded, total) },
        ),
      countNumbers: (signal) => countCampaignNumbers(dataProvider, campaign.id, signal),
    });
    setUpload({ session, analysis: frozen, mode });
    void session.start();
  };

  const startOver = () => {
    setFile(null);
    setOverrides({});
    setLastAnalysis(null);
    setUpload(null);
  };

  const summary =
    upload && finished
      ? summarise({
          parts: run.parts,
          sourceLine: upload.session.sourceLine,
          dropped: upload.mode === 'valid' ? upload.analysis.problems : [],
          droppedCount: upload.mode === 'valid' ? upload.analysis.rows - upload.analysis.valid : 0,
          totalBefore: run.totalBefore,
          totalAfter: run.totalAfter,
        })
      : null;
  const describeSummary = (problem: SummaryProblem) =>
    problem.source === 'server'
      ? problem.reason
      : describeProblem({ ...problem, reason: problem.reason as never, values: problem.values ?? {} });

  const campaignPath = createPath({ resource: 'campaigns', type: 'show', id: campaign.id });

  if (summary && upload) {
    return (
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        <UploadSummaryView
          summary={summary}
          totalBefore={run.totalBefore}
          totalAfter={run.totalAfter}
          campaignPath={campaignPath}
          explain={describeSummary}
          onAnother={startOver}
          onDownload={() =>
            downloadBlob(
              problemsToCsv(
                summary.problems.map((problem) => ({
                  line: problem.line,
                  reason: describeSummary(problem) as never,
                  raw: translate(`upload.summary.source.${problem.source}`),
                })),
                [
                  translate('upload.problems.line'),
                  translate('upload.problems.reason'),
                  translate('upload.summary.sourceColumn'),
                ],
              ),
              derivedName(file?.name ?? 'numbers', 'upload-summary'),
            )
          }
        />
      </Paper>
    );
  }

  return (
    <Stack spacing={3}>
      {allowed ? null : (
        <Alert severity="warning">
          <AlertTitle>{translate('upload.blocked.title')}</AlertTitle>
          {translate('upload.blocked.reason', { type: campaign.type, status: campaign.status })}
        </Alert>
      )}
      <DropZone file={file} onFile={chooseFile} disabled={locked} />
      {csv.status === 'running' && csv.progress ? (
        <Box>
          <Typography id="upload-analysis-label">
            {translate('upload.analysis.running', {
              rows: formatCount(csv.progress.rows, locale),
            })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={
              csv.progress.totalBytes > 0
                ? Math.round((csv.progress.bytesRead / csv.progress.totalBytes) * 100)
                : 0
            }
            aria-labelledby="upload-analysis-label"
            sx={{ my: 1 }}
          />
          <Button onClick={csv.cancel}>{translate('upload.analysis.stop')}</Button>
        </Box>
      ) : null}
      {file && csv.status === 'idle' ? (
        <Alert
          severity="info"
          action={
            <Button color="inherit" onClick={reanalyse}>
              {translate('upload.analysis.restart')}
            </Button>
          }
        >
          {translate('upload.analysis.stopped')}
        </Alert>
      ) : null}
      {csv.status === 'error' ? (
        <Alert
          severity="error"
          role="alert"
          action={
            <Button color="inherit" onClick={reanalyse}>
              {translate('upload.actions.retry')}
            </Button>
          }
        >
          <AlertTitle>{translate('upload.analysis.failed')}</AlertTitle>
          {translate(
            csv.error?.message?.startsWith('upload.') ? csv.error.message : 'upload.csv.error.readFailed',
          )}
        </Alert>
      ) : null}
      {file && analysis ? (
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, opacity: csv.status === 'running' ? 0.6 : 1 }}>
          <Stack spacing={3}>
            <Typography variant="h6" component="h2">
              {translate('upload.analysis.title')}
            </Typography>
            <AnalysisControls
              analysis={{ ...analysis, ...definedOnly(overrides) }}
              country={country}
              disabled={locked}
              campaignTotal={campaignTotal}
              existing={{
                enabled: checkExisting,
                fetched: existing.fetched,
                loading: checkExisting && existing.loading,
                error: checkExisting ? existing.error : null,
              }}
              onHeaderChange={(firstRowIsHeader) => change({ firstRowIsHeader })}
              onVarCountChange={(varCount) => change({ varCount })}
              onDelimiterChange={(delimiter: Delimiter) => change({ delimiter })}
              onCountryChange={setCountry}
              onExistingChange={setCheckExisting}
            />
            {analysis.empty ? (
              <Alert severity="info">{translate('upload.analysis.empty')}</Alert>
            ) : (
              <>
                <AnalysisCounts analysis={analysis} checkedCampaign={Boolean(existingNumbers)} />
                <Box>
                  <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
                    {translate('upload.preview.title', { smart_count: analysis.preview.length })}
                  </Typography>
                  <PreviewTable analysis={analysis} names={names} />
                </Box>
                <ProblemsPanel analysis={analysis} fileName={file.name} />
                <UploadChoice
                  analysis={analysis}
                  mode={mode}
                  onModeChange={setMode}
                  disabled={locked}
                  canUpload={allowed && csv.status === 'done' && !(upload && run.phase !== 'idle')}
                  onUpload={startUpload}
                />
              </>
            )}
          </Stack>
        </Paper>
      ) : null}
      {upload && run.phase !== 'idle' ? (
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
            {translate('upload.progress.title')}
          </Typography>
          <UploadProgressPanel
            state={run}
            onCancel={upload.session.cancel}
            onRetry={() => void upload.session.start()}
          />
        </Paper>
      ) : null}
    </Stack>
  );
};

const definedOnly = (overrides: Overrides): Overrides =>
  Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as Overrides;
