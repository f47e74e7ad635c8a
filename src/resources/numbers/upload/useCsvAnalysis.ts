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
}

const IDLE = { status: 'idle', progress: null, analysis: null, error: null } as const;

/**
 * Analyses `file` (null: nothing to do) and analyses it again, cancelling the run under way,
 * whenever a setting changes. `existingNumbers` is compared by reference: keep the array stable.
 */
export function useCsvAnalysis(file: Blob | null, settings: AnalysisSettings): CsvAnalysisState {
  const [state, setState] = useState<Omit<CsvAnalysisState, 'cancel'>>(IDLE);
  const controller = useRef<AbortController | null>(null);
  const { defaultCountry, delimiter, firstRowIsHeader, varCount, existingNumbers } = settings;

  useEffect(() => {
    if (!file) {
      setState(IDLE);
      return;
    }
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
      { defaultCountry, delimiter, firstRowIsHeader, varCount, existingNumbers },
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
  }, [file, defaultCountry, delimiter, firstRowIsHeader, varCount, existingNumbers]);

  const cancel = useCallback(() => {
    if (controller.current && !controller.current.signal.aborted) {
      controller.current.abort();
      setState(IDLE);
    }
  }, []);

  return { ...state, cancel };
}
