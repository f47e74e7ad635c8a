import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useDataProvider } from 'react-admin';
import type { SipCallerDataProvider } from '../../../dataProvider/types';
import {
  buildUploadParts,
  type CsvAnalysis,
  type FactsExclusion,
  type LeftOutRows,
  partLineToFileLine,
  type UploadMode,
} from '../../../lib/csv';
import type { Id } from '../../../types';
import { countCampaignNumbers } from './campaignNumbers';
import { rowsPerPart } from './limits';
import { initialRunState, isRunning, UploadSession } from './session';

export { isRunning };

export interface Upload {
  session: UploadSession;
  /** The analysis the parts were built from: its problems are what the console dropped. */
  analysis: CsvAnalysis;
  mode: UploadMode;
  /** "Only the valid rows": the rows left out by number type or calling hours, once the parts are built. */
  leftOut: LeftOutRows | null;
}

const noSubscribe = () => () => {};
const idleSnapshot = () => initialRunState;

/**
 * The upload of one analysed file to one campaign: `start` makes its session and sends it (the caller
 * keeps the returned Upload); for that upload, its state and the actions on it.
 */
export const useUpload = (campaignId: Id, upload: Upload | null) => {
  const dataProvider = useDataProvider<SipCallerDataProvider>();
  const queryClient = useQueryClient();
  const run = useSyncExternalStore(
    upload?.session.subscribe ?? noSubscribe,
    upload?.session.getSnapshot ?? idleSnapshot,
  );
  const running = isRunning(run);

  // Closing the tab while a session runs asks first: registry.ts, which outlives this page.

  // The grid and chart refresh whenever a run ends, even if the operator has left this page meanwhile.
  const send = useCallback(
    (session: UploadSession) => {
      void session.start().finally(() => queryClient.invalidateQueries({ queryKey: ['numbers'] }));
    },
    [queryClient],
  );

  const start = (
    file: File,
    analysis: CsvAnalysis,
    existingNumbers: readonly string[] | undefined,
    mode: UploadMode,
    /** 'valid': the types and calling hours the operator leaves out (CallingHoursSection). */
    exclude: FactsExclusion | null = null,
  ): Upload => {
    const leftOut: { rows: LeftOutRows | null } = { rows: null };
    const session = new UploadSession({
      prepare: async (signal, onProgress) => {
        const parts = await buildUploadParts(
          file,
          { ...analysis, existingNumbers, exclude: mode === 'valid' ? exclude : null },
          {
            mode,
            rowsPerPart: rowsPerPart(),
            signal,
            onLeftOut: (rows) => {
              leftOut.rows = rows;
            },
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
          campaignId,
          part.blob,
          { firstRowIsHeader: part.firstRowIsHeader, varCount: part.varCount },
          { signal, onProgress: ({ loaded, total }) => onProgress(loaded, total) },
        ),
      countNumbers: (signal) => countCampaignNumbers(dataProvider, campaignId, signal),
    });
    send(session);
    // The summary is shown once the parts were built and sent, when leftOut.rows is known.
    return {
      session,
      analysis,
      mode,
      get leftOut() {
        return leftOut.rows;
      },
    };
  };

  return {
    run,
    running,
    someAccepted: run.parts.some((part) => part.status === 'done'),
    start,
    retry: () => {
      if (upload) send(upload.session);
    },
    cancel: () => upload?.session.cancel(),
  };
};
