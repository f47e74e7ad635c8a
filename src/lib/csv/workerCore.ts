// What the worker does, without the worker: tests call runCsvJob with a fake `post`.
import { CsvAnalyzer } from './analyzer';
import { CsvAnalysisError } from './errors';
import { UploadPartsBuilder } from './parts';
import { readText, sniffBlob } from './sniff';
import type {
  AnalysisProgress,
  AnalysisSettings,
  CsvAnalysis,
  PartsSettings,
  Problem,
  UploadMode,
  UploadPart,
} from './types';

export type CsvJob =
  | { type: 'analyze'; file: Blob; settings: AnalysisSettings }
  | { type: 'parts'; file: Blob; settings: PartsSettings; mode: UploadMode; rowsPerPart: number };

export type CsvJobMessage =
  | { type: 'progress'; progress: AnalysisProgress }
  | { type: 'problems'; problems: Problem[] }
  | { type: 'analysis'; analysis: CsvAnalysis }
  | { type: 'part'; part: UploadPart }
  | { type: 'done' }
  | { type: 'error'; code: CsvAnalysisError['code']; detail?: string };

export type Post = (message: CsvJobMessage, transfer?: ArrayBufferLike[]) => void;

/**
 * Problems travel in batches: the page decodes each message in one task, and 10,000 problems in
 * one message would be one long task on a slow machine.
 */
export const PROBLEMS_PER_MESSAGE = 1000;

/** Progress goes out at most this often: enough for a smooth bar, cheap for the page. */
export const PROGRESS_INTERVAL_MS = 100;

export async function runCsvJob(job: CsvJob, post: Post): Promise<void> {
  try {
    const totalBytes = job.file.size;
    const encoding = await sniffBlob(job.file);
    let lastProgress = 0;
    const progress = (bytesRead: number, rows: number, force = false) => {
      const now = Date.now();
      if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      post({ type: 'progress', progress: { bytesRead, totalBytes, rows } });
    };
    if (job.type === 'analyze') {
      const analyzer = new CsvAnalyzer(job.settings, encoding, undefined, totalBytes);
      await readText(job.file, encoding, (text, bytesRead) => {
        analyzer.push(text);
        progress(bytesRead, analyzer.rowsSoFar);
      });
      analyzer.setBytes(totalBytes);
      const analysis = analyzer.finish();
      progress(totalBytes, analysis.rows, true);
      for (let i = 0; i < analysis.problems.length; i += PROBLEMS_PER_MESSAGE) {
        post({ type: 'problems', problems: analysis.problems.slice(i, i + PROBLEMS_PER_MESSAGE) });
      }
      post({ type: 'analysis', analysis: { ...analysis, problems: [] } });
    } else {
      const builder = new UploadPartsBuilder(job.settings, job.mode, job.rowsPerPart, (part) =>
        post(
          { type: 'part', part },
          part.partLines ? [part.rowLines.buffer, part.partLines.buffer] : [part.rowLines.buffer],
        ),
      );
      await readText(job.file, encoding, (text, bytesRead) => {
        builder.push(text);
        progress(bytesRead, builder.rowsRead);
      });
      builder.finish();
      progress(totalBytes, builder.rowsRead, true);
    }
    post({ type: 'done' });
  } catch (error) {
    if (error instanceof CsvAnalysisError) post({ type: 'error', code: error.code, detail: error.detail });
    else
      post({
        type: 'error',
        code: 'readFailed',
        detail: error instanceof Error ? error.message : String(error),
      });
  }
}
