import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisProgress, AnalysisSettings, CsvAnalysis } from '../../../lib/csv';
import { analyzeCsv } from '../../../lib/csv';
import { isAbortError } from '../../../lib/errors';

export type CsvAnalysisStatus = 'idle' | 'running' | 'done' | 'error';

export interface CsvAnalysisState {
  status: CsvAnalysisStatus;
  progress: AnalysisProgress | null;
  analysis: CsvAnalysis | null;
  /** A CsvAnalysisError (its message is an i18n key) or another Error. */
  error: Error | null;
  /** Stops the running analysis (status back to 'idle'); it runs again when the file or settings change. */
  cancel: () => void;
  /** Reads the same file again (after a stop or a failure): a File is a Blob, it can be read any number of times. */
  restart: () => void;
}

const IDLE = { status: 'idle', progress: null, analysis: null, error: null } as const;

/**
 * Analyses `file` (null: nothing to do) and analyses it again, cancelling the run under way,
 * whenever a setting changes or `restart` is called. `existingNumbers` is compared by reference:
 * keep the array stable.
 */
export function useCsvAnalysis(
  file: Blob | null,
  settings: AnalysisSettings,
  /** The analysis of this file with these settings, already made (a panel shown again): not read again. */
  known: CsvAnalysis | null = null,
): CsvAnalysisState {
  const [state, setState] = useState<Omit<CsvAnalysisState, 'cancel' | 'restart'>>(() =>
    known && file ? { status: 'done', progress: null, analysis: known, error: null } : IDLE,
  );
  // What `known` was made from: while the file and settings are those, the effect keeps it.
  const seed = useRef(known && file ? { file, ...settings, analysis: known } : null);
  // How many times the operator asked to read the file again: a change runs the effect once more.
  const [reads, setReads] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const { defaultCountry, delimiter, firstRowIsHeader, varCount, existingNumbers, mapping, sheet, propose } =
    settings;

  // `reads` is the "read it again" request: the same file, read once more.
  useEffect(() => {
    if (!file) {
      setState(IDLE);
      return;
    }
    const known = seed.current;
    if (
      known &&
      reads === 0 &&
      known.file === file &&
      known.defaultCountry === defaultCountry &&
      known.delimiter === delimiter &&
      known.firstRowIsHeader === firstRowIsHeader &&
      known.varCount === varCount &&
      known.existingNumbers === existingNumbers
    ) {
      return;
    }
    seed.current = null;
    const run = new AbortController();
    controller.current = run;
    setState({
      status: 'running',
      progress: { bytesRead: 0, totalBytes: file.size, rows: 0 },
      analysis: null,
      error: null,
    });
    analyzeCsv(
      file,
      { defaultCountry, delimiter, firstRowIsHeader, varCount, existingNumbers, mapping, sheet, propose },
      {
        signal: run.signal,
        onProgress: (progress) => {
          if (!run.signal.aborted) setState((previous) => ({ ...previous, progress }));
        },
      },
    ).then(
      (analysis) => {
        if (!run.signal.aborted) setState((previous) => ({ ...previous, status: 'done', analysis }));
      },
      (error: unknown) => {
        if (run.signal.aborted || isAbortError(error)) return;
        setState((previous) => ({
          ...previous,
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      },
    );
    return () => run.abort();
  }, [
    file,
    defaultCountry,
    delimiter,
    firstRowIsHeader,
    varCount,
    existingNumbers,
    mapping,
    sheet,
    propose,
    reads,
  ]);

  const cancel = useCallback(() => {
    if (controller.current && !controller.current.signal.aborted) {
      controller.current.abort();
      setState(IDLE);
    }
  }, []);

  const restart = useCallback(() => setReads((count) => count + 1), []);

  return { ...state, cancel, restart };
}
