import { describe, expect, it } from 'vitest';
import type { CsvAnalysis } from '../../../lib/csv';
import {
  currentUpload,
  initialPanelState,
  type PanelAction,
  type PanelState,
  panelReducer,
  shownAnalysis,
} from './panelState';
import type { UploadSession } from './session';
import type { Upload } from './useUpload';

// The reducer only compares analyses and uploads by reference: stand-ins are enough.
const analysis = (rows: number) => ({ rows }) as unknown as CsvAnalysis;
const uploadOf = (built: CsvAnalysis, mode: Upload['mode'] = 'valid'): Upload => ({
  session: {} as UploadSession,
  analysis: built,
  mode,
  leftOut: null,
});
const file = (name = 'leads.csv') => new File(['2025550001\n'], name, { type: 'text/csv' });
const idle = { running: false, someAccepted: false };

const reduce = (...actions: PanelAction[]): PanelState => actions.reduce(panelReducer, initialPanelState);

describe('panelReducer', () => {
  it('starts with no file, no settings, the valid rows chosen and nothing to show', () => {
    expect(initialPanelState).toEqual({
      file: null,
      overrides: {},
      checkExisting: false,
      mode: 'valid',
      seen: null,
      lastAnalysis: null,
      upload: null,
    });
    expect(shownAnalysis(initialPanelState, null)).toBeNull();
    expect(currentUpload(initialPanelState, null, idle)).toBeNull();
  });

  it('keeps the last analysis on screen while a changed setting is read again', () => {
    const first = analysis(1);
    const state = reduce({ type: 'fileChosen', file: file() }, { type: 'analysed', analysis: first });
    expect(state.lastAnalysis).toBe(first);
    const changed = panelReducer(state, { type: 'settingChanged', patch: { firstRowIsHeader: true } });
    expect(changed.overrides).toEqual({ firstRowIsHeader: true });
    // The analysis under way has no result yet: the previous one is shown.
    expect(shownAnalysis(changed, null)).toBe(first);
    const second = analysis(2);
    const after = panelReducer(changed, { type: 'analysed', analysis: second });
    expect(shownAnalysis(after, second)).toBe(second);
    expect(after.lastAnalysis).toBe(second);
  });

  it('reports an analysis once: the same one again leaves the state as it is', () => {
    const first = analysis(1);
    const state = reduce({ type: 'fileChosen', file: file() }, { type: 'analysed', analysis: first });
    expect(panelReducer(state, { type: 'analysed', analysis: first })).toBe(state);
  });

  it('a new file starts the settings over and forgets the previous file’s figures and upload', () => {
    const first = analysis(1);
    const state = reduce(
      { type: 'fileChosen', file: file() },
      { type: 'settingChanged', patch: { delimiter: ';', varCount: 3 } },
      { type: 'existingChecked', enabled: true },
      { type: 'modeChanged', mode: 'asIs' },
      { type: 'analysed', analysis: first },
      { type: 'uploadStarted', upload: uploadOf(first, 'asIs') },
    );
    const next = file('more.csv');
    const fresh = panelReducer(state, { type: 'fileChosen', file: next });
    expect(fresh.file).toBe(next);
    expect(fresh.overrides).toEqual({});
    expect(fresh.lastAnalysis).toBeNull();
    expect(fresh.upload).toBeNull();
    // What the operator chose about the campaign stays: the check against it and what to send.
    expect(fresh.checkExisting).toBe(true);
    expect(fresh.mode).toBe('asIs');
    // The previous file's analysis, still in the hook for one render, does not come back.
    expect(panelReducer(fresh, { type: 'analysed', analysis: first })).toBe(fresh);
    expect(shownAnalysis(fresh, null)).toBeNull();
  });

  it('"Upload another file" empties the panel', () => {
    const state = reduce({ type: 'fileChosen', file: file() }, { type: 'fileChosen', file: null });
    expect(state.file).toBeNull();
  });

  it('merges setting changes; one that changes nothing leaves the state as it is', () => {
    const state = reduce(
      { type: 'fileChosen', file: file() },
      { type: 'settingChanged', patch: { varCount: 2 } },
      { type: 'settingChanged', patch: { delimiter: '\t' } },
    );
    expect(state.overrides).toEqual({ varCount: 2, delimiter: '\t' });
    expect(panelReducer(state, { type: 'settingChanged', patch: { varCount: 2 } })).toBe(state);
    expect(panelReducer(state, { type: 'modeChanged', mode: 'valid' })).toBe(state);
    expect(panelReducer(state, { type: 'existingChecked', enabled: false })).toBe(state);
  });

  it('forgets a stopped upload when a setting or the choice of rows changes', () => {
    const first = analysis(1);
    const started = reduce(
      { type: 'fileChosen', file: file() },
      { type: 'analysed', analysis: first },
      { type: 'uploadStarted', upload: uploadOf(first) },
    );
    expect(started.upload?.analysis).toBe(first);
    expect(
      panelReducer(started, { type: 'settingChanged', patch: { firstRowIsHeader: true } }).upload,
    ).toBeNull();
    const otherMode = panelReducer(started, { type: 'modeChanged', mode: 'asIs' });
    expect(otherMode.upload).toBeNull();
    // Choosing the valid rows again does not bring the stopped upload back.
    expect(panelReducer(otherMode, { type: 'modeChanged', mode: 'valid' }).upload).toBeNull();
  });
});

describe('currentUpload', () => {
  const first = analysis(1);
  const state = reduce(
    { type: 'fileChosen', file: file() },
    { type: 'analysed', analysis: first },
    { type: 'uploadStarted', upload: uploadOf(first) },
  );

  it('is the upload while the analysis and the choice it was built from are the current ones', () => {
    expect(currentUpload(state, first, idle)).toBe(state.upload);
  });

  it('leaves a stopped upload that nothing got through behind once the analysis changes', () => {
    // Read again (a country changed, the campaign's numbers came in): the run under way has no result yet…
    expect(currentUpload(state, null, idle)).toBeNull();
    // …and the new result is another analysis.
    expect(currentUpload(state, analysis(1), idle)).toBeNull();
  });

  it('keeps an upload under way, or one with parts accepted, whatever the analysis', () => {
    expect(currentUpload(state, null, { running: true, someAccepted: false })).toBe(state.upload);
    expect(currentUpload(state, analysis(2), { running: false, someAccepted: true })).toBe(state.upload);
  });
});
