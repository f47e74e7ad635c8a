// One load job: parse the file, then write the list (whole or not at all). Runs in the module
// worker (dncWorker.ts), which the page terminates to cancel; tests run it in-process.
import type { CountryCode } from '../phone';
import { DncError } from './errors';
import { type DncColumns, type ParseProgress, parseDncFile } from './parse';
import { type DncList, type WriteMode, writeDncList } from './store';

export interface DncLoadJob {
  file: Blob;
  mode: WriteMode;
  /** For 'replace' and 'add'. */
  id?: string;
  name?: string;
  defaultCountry: CountryCode;
  /** 0-based; undefined: found from the first rows. */
  numberColumn?: number;
  /** 0-based, null for none; undefined: found from the first rows. */
  noteColumn?: number | null;
}

export interface DncLoadResult {
  list: DncList;
  rows: number;
  valid: number;
  duplicates: number;
  invalid: number;
  invalidLines: { line: number; value: string }[];
  columns: DncColumns;
  format: 'csv' | 'xlsx' | 'xls' | 'ods';
  sheet?: string;
}

export type DncLoadProgress =
  | ({ phase: 'reading' } & ParseProgress)
  | { phase: 'saving'; written: number; total: number };

export type DncJobMessage =
  | { type: 'progress'; progress: DncLoadProgress }
  | { type: 'done'; result: DncLoadResult }
  | { type: 'error'; code: DncError['code']; detail?: string };

export async function runDncJob(
  job: DncLoadJob,
  post: (message: DncJobMessage) => void,
  signal?: AbortSignal,
): Promise<void> {
  try {
    const parsed = await parseDncFile(job.file, {
      defaultCountry: job.defaultCountry,
      numberColumn: job.numberColumn,
      noteColumn: job.noteColumn,
      signal,
      onProgress: (progress) => post({ type: 'progress', progress: { phase: 'reading', ...progress } }),
    });
    const list = await writeDncList({
      mode: job.mode,
      id: job.id,
      name: job.name,
      keys: parsed.keys,
      notes: parsed.notes,
      signal,
      onChunk: (written, total) => post({ type: 'progress', progress: { phase: 'saving', written, total } }),
    });
    const { rows, valid, duplicates, invalid, invalidLines, columns, format, sheet } = parsed;
    post({
      type: 'done',
      result: {
        list,
        rows,
        valid,
        duplicates,
        invalid,
        invalidLines,
        columns,
        format,
        ...(sheet === undefined ? {} : { sheet }),
      },
    });
  } catch (error) {
    const failure = error instanceof DncError ? error : new DncError('storageFailed', String(error));
    post({ type: 'error', code: failure.code, detail: failure.detail });
  }
}
