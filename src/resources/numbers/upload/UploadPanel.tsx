import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { canChangeNumbers } from '../../../contract';
import { type AnalysisSettings, countLeftOut, variableHeaders } from '../../../lib/csv';
import type { CountryCode } from '../../../lib/phone';
import type { Campaign } from '../../../types';
import { BlockedNotice } from '../shared/BlockedNotice';
import { useDefaultCountry } from '../shared/deviceSettings';
import { useVariableNames } from '../shared/variableNames';
import { AnalysisControls } from './AnalysisControls';
import { AnalysisCounts } from './AnalysisCounts';
import { AnalysisStatus } from './AnalysisStatus';
import { CallingHoursSection } from './CallingHoursSection';
import { ColumnsSection, SheetSection } from './ColumnsSection';
import { rememberedLayouts, useColumnMapping } from './columnMapping';
import { DoNotCallUnavailable } from './DoNotCallNotice';
import { DropZone } from './DropZone';
import { PasteBox } from './PasteBox';
import { PreviewTable } from './PreviewTable';
import { ProblemsPanel } from './ProblemsPanel';
import { currentUpload, initialPanelState, type Overrides, panelReducer, shownAnalysis } from './panelState';
import { heldPanel, holdPanel } from './registry';
import { UploadChoice } from './UploadChoice';
import { UploadDone } from './UploadDone';
import { UploadProgressPanel } from './UploadProgressPanel';
import { useCallingHours, useNow } from './useCallingHours';
import { useCsvAnalysis } from './useCsvAnalysis';
import { useDoNotCallRecheck } from './useDoNotCallRecheck';
import { useExistingNumbers } from './useExistingNumbers';
import { useUpload } from './useUpload';

const definedOnly = (overrides: Overrides): Overrides =>
  Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as Overrides;

/** Drop a file, read it in the worker, adjust how it is read, choose what to send, send it in parts. */
export const UploadPanel = ({ campaign }: { campaign: Campaign }) => {
  const translate = useTranslate();
  const [names, setNames] = useVariableNames(campaign.id);
  const [country, setCountry] = useDefaultCountry();
  // A panel left while its upload ran (or with its summary unread) comes back as it was.
  const [state, dispatch] = useReducer(panelReducer, campaign.id, (id) => heldPanel(id) ?? initialPanelState);
  const [restored] = useState(() => heldPanel(campaign.id));
  const { file, overrides, checkExisting, mode } = state;
  const existing = useExistingNumbers(campaign.id, checkExisting);
  const { run, running, someAccepted, start, retry, cancel } = useUpload(campaign.id, state.upload);
  // The registry keeps the panel while it holds an upload: it outlives this page (app bar, tab closing).
  useEffect(() => holdPanel(campaign, state), [campaign, state]);
  const { total: campaignTotal } = useGetList('numbers', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'ASC' },
    filter: {},
    meta: { campaignId: campaign.id },
  });

  const existingNumbers = checkExisting ? (existing.numbers ?? undefined) : undefined;
  // Until the operator changes the columns, the analysis applies the roles the Columns section starts
  // from (remembered for the layout, else suggested) as soon as it has read the first rows: a file in
  // another layout is read once, not once as it is and again mapped. Read again for each new file.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `file` only marks when to read the device's mappings again.
  const propose = useMemo(
    () => ({ knownNames: names, remembered: rememberedLayouts(campaign.id) }),
    [campaign.id, names, file],
  );
  const settings = useMemo<AnalysisSettings>(
    () => ({ defaultCountry: country as CountryCode, ...overrides, existingNumbers, propose }),
    [country, overrides, existingNumbers, propose],
  );
  const csv = useCsvAnalysis(file, settings, restored?.lastAnalysis ?? null);
  const hours = useCallingHours(campaign);
  const now = useNow();
  // Each analysis the worker gives enters the reducer once, during this render (React's way to
  // adjust state to a value that changed), not in an effect after it.
  if (csv.analysis && csv.analysis !== state.seen) dispatch({ type: 'analysed', analysis: csv.analysis });
  // While a changed setting is analysed again, the previous figures stay on screen (dimmed).
  const analysis = shownAnalysis(state, csv.analysis);
  // A stopped upload that nothing got through is left behind when the file or settings change: its parts are stale.
  const upload = currentUpload(state, csv.analysis, { running, someAccepted });
  // Which column is the number and which are the variables: the analysis applies the valid mapping.
  const columns = useColumnMapping(campaign.id, analysis, names, file);
  // The roles on screen are what the analysis must apply: when they differ from what it applied (the
  // operator changed them), it is asked for them (null: the API's layout), once.
  const wanted = JSON.stringify(columns.mapping ?? null);
  if (
    analysis &&
    !columns.issues.length &&
    wanted !== JSON.stringify(analysis.mapping) &&
    (overrides.mapping === undefined || wanted !== JSON.stringify(overrides.mapping))
  )
    dispatch({ type: 'settingChanged', patch: { mapping: columns.mapping ?? null } });
  // Once a part is in the campaign the settings are those of the upload under way: changing them would resend.
  const locked = running || (someAccepted && run.phase !== 'done');
  const allowed = canChangeNumbers(campaign);
  const finished = run.phase === 'done';
  useDoNotCallRecheck(csv.analysis, csv.status === 'done' && !locked && !finished, csv.restart);

  // An effect, not derived state: once the session (an external store) reports the end, a header row
  // names the variables in device storage, when the campaign has no names on this device yet.
  useEffect(() => {
    const header = upload?.analysis.header;
    if (
      finished &&
      header &&
      (names.length === 0 || upload.analysis.mapping) &&
      upload.analysis.varCount > 0
    ) {
      setNames(variableHeaders(upload.analysis));
    }
  }, [finished, upload, names.length, setNames]);

  const startOver = (next: File | null) => dispatch({ type: 'fileChosen', file: next });
  const openFileDialog = useRef<(() => void) | null>(null);
  // A refused drop replaces a file the console could not read: its error would stay beside the new one.
  const dropRejected = () => {
    if (csv.status === 'error') startOver(null);
  };
  const change = (patch: Overrides) => dispatch({ type: 'settingChanged', patch });

  if (finished && upload) {
    return (
      <UploadDone
        campaignId={campaign.id}
        upload={upload}
        run={run}
        fileName={file?.name ?? 'numbers.csv'}
        onAnother={() => startOver(null)}
      />
    );
  }

  return (
    <Stack spacing={3}>
      {allowed ? null : <BlockedNotice campaign={campaign} />}
      <DropZone
        file={file}
        onFile={startOver}
        disabled={locked}
        onRejected={dropRejected}
        openRef={openFileDialog}
      />
      <PasteBox onFile={startOver} disabled={locked} />
      <AnalysisStatus
        csv={csv}
        hasFile={file !== null}
        onRestart={csv.restart}
        onChooseAnother={() => openFileDialog.current?.()}
      />
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
              onDelimiterChange={(delimiter) => change({ delimiter })}
              onCountryChange={setCountry}
              onExistingChange={(enabled) => dispatch({ type: 'existingChecked', enabled })}
            />
            <SheetSection
              analysis={analysis}
              disabled={locked}
              onSheetChange={(sheet) => change({ sheet })}
            />
            {analysis.empty && analysis.spreadsheet ? null : analysis.empty ? (
              <Alert severity="info">{translate('upload.analysis.empty')}</Alert>
            ) : (
              <>
                <ColumnsSection analysis={analysis} state={columns} disabled={locked} />
                <AnalysisCounts analysis={analysis} checkedCampaign={Boolean(existingNumbers)} />
                <DoNotCallUnavailable analysis={analysis} />
                <CallingHoursSection
                  analysis={analysis}
                  hours={hours}
                  now={now}
                  file={file}
                  existingNumbers={existingNumbers}
                  disabled={locked}
                />
                <Box>
                  <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
                    {translate('upload.preview.title', { smart_count: analysis.preview.length })}
                  </Typography>
                  <PreviewTable
                    analysis={analysis}
                    exclusion={mode === 'valid' ? hours.exclusion : null}
                    names={analysis.mapping ? variableHeaders(analysis) : names}
                  />
                </Box>
                <ProblemsPanel analysis={analysis} fileName={file.name} />
                <UploadChoice
                  analysis={analysis}
                  mode={mode}
                  onModeChange={(next) => dispatch({ type: 'modeChanged', mode: next })}
                  disabled={locked}
                  leftOut={countLeftOut(analysis.numberFacts, hours.exclusion)}
                  canUpload={
                    allowed &&
                    csv.status === 'done' &&
                    csv.analysis !== null &&
                    upload === null &&
                    columns.issues.length === 0 &&
                    !(mode === 'valid' && hours.blocked)
                  }
                  onUpload={() => {
                    if (!csv.analysis) return;
                    columns.remember();
                    const started = start(
                      file,
                      csv.analysis,
                      settings.existingNumbers,
                      mode,
                      hours.exclusion,
                    );
                    dispatch({ type: 'uploadStarted', upload: started });
                  }}
                />
              </>
            )}
          </Stack>
        </Paper>
      ) : null}
      {upload ? (
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
          <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
            {translate('upload.progress.title')}
          </Typography>
          <UploadProgressPanel state={run} onCancel={cancel} onRetry={retry} />
        </Paper>
      ) : null}
    </Stack>
  );
};
