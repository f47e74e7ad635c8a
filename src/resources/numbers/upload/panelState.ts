// The upload panel's state, as one reducer of the operator's events and of the analyses the worker
// gives back; what the panel shows is derived from it (`shownAnalysis`, `currentUpload`), not copied
// into more state by effects.
import type { AnalysisSettings, CsvAnalysis, UploadMode } from '../../../lib/csv';
import type { Upload } from './useUpload';

/** How the operator asked the file to be read; a key left out is detected from the file. */
export type Overrides = Pick<
  AnalysisSettings,
  'delimiter' | 'firstRowIsHeader' | 'varCount' | 'mapping' | 'sheet'
>;

export interface PanelState {
  file: File | null;
  overrides: Overrides;
  /** Also check the file against the numbers already in the campaign. */
  checkExisting: boolean;
  mode: UploadMode;
  /** The analysis the worker gave last (of this file or of an earlier one): what `analysed` tells apart. */
  seen: CsvAnalysis | null;
  /** The latest analysis of this file: on screen (dimmed) while a changed setting is read again. */
  lastAnalysis: CsvAnalysis | null;
  /** The upload started last; `currentUpload` says whether it still belongs to what is on screen. */
  upload: Upload | null;
}

export type PanelAction =
  /** A file dropped or chosen (null: "Upload another file"): the settings start over. */
  | { type: 'fileChosen'; file: File | null }
  /** A reading setting changed by the operator (header row, variables per row, delimiter). */
  | { type: 'settingChanged'; patch: Overrides }
  | { type: 'existingChecked'; enabled: boolean }
  | { type: 'modeChanged'; mode: UploadMode }
  /** The worker finished an analysis (the panel reports each one once). */
  | { type: 'analysed'; analysis: CsvAnalysis }
  | { type: 'uploadStarted'; upload: Upload };

export const initialPanelState: PanelState = {
  file: null,
  overrides: {},
  checkExisting: false,
  mode: 'valid',
  seen: null,
  lastAnalysis: null,
  upload: null,
};

const changes = (overrides: Overrides, patch: Overrides): boolean =>
  (Object.keys(patch) as (keyof Overrides)[]).some((key) => patch[key] !== overrides[key]);

// The settings and the choice are disabled while an upload holds them (running, or parts accepted and
// not finished), so an upload still here when they change is one nothing got through: it is forgotten.
export const panelReducer = (state: PanelState, action: PanelAction): PanelState => {
  switch (action.type) {
    case 'fileChosen':
      return { ...state, file: action.file, overrides: {}, lastAnalysis: null, upload: null };
    case 'settingChanged':
      return changes(state.overrides, action.patch)
        ? { ...state, overrides: { ...state.overrides, ...action.patch }, upload: null }
        : state;
    case 'existingChecked':
      // The analysis changes once the campaign's numbers are in; `currentUpload` follows it then.
      return action.enabled === state.checkExisting ? state : { ...state, checkExisting: action.enabled };
    case 'modeChanged':
      return action.mode === state.mode ? state : { ...state, mode: action.mode, upload: null };
    case 'analysed':
      return action.analysis === state.seen
        ? state
        : { ...state, seen: action.analysis, lastAnalysis: action.analysis };
    case 'uploadStarted':
      return { ...state, upload: action.upload };
  }
};

/** What the panel shows: the analysis under way's result, or the previous one while it runs again. */
export const shownAnalysis = (state: PanelState, current: CsvAnalysis | null): CsvAnalysis | null =>
  current ?? state.lastAnalysis;

/**
 * The upload that belongs to the screen: one under way or with parts accepted always does (its
 * settings are locked); a stopped one nothing got through only while the analysis and the choice it
 * was built from are the current ones (a new file, a changed setting or a changed country replace it).
 */
export const currentUpload = (
  state: PanelState,
  current: CsvAnalysis | null,
  run: { running: boolean; someAccepted: boolean },
): Upload | null => {
  const { upload } = state;
  if (!upload) return null;
  if (run.running || run.someAccepted) return upload;
  return upload.analysis === current && upload.mode === state.mode ? upload : null;
};
