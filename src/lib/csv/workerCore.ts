// What the worker does, without the worker: tests call runCsvJob with a fake `post`.
import { createNumberNormaliser, loadTimeZoneMap } from '../phone';
import { readSheet, SheetError, type SheetText, sniffSheet } from '../sheet';
import { CsvAnalyzer } from './analyzer';
import { SHEET_MAX_BYTES } from './constants';
import type { DoNotCallLookup, OpenDoNotCall } from './doNotCall';
import { CsvAnalysisError } from './errors';
import { excludesAnything } from './numberFacts';
import { UploadPartsBuilder } from './parts';
import { readText, sniffBlob } from './sniff';
import type {
  AnalysisProgress,
  AnalysisSettings,
  CsvAnalysis,
  LeftOutRows,
  PartsSettings,
  Problem,
  SpreadsheetInfo,
  UploadMode,
  UploadPart,
} from './types';
import {
  inlineRowsWriter,
  type RowsSource,
  type RowsWriterPort,
  readTables,
  sameVerdicts,
  validRowsFingerprint,
  validRowsParts,
} from './validRows';
import { type ZoneFile, ZoneFilesBuilder } from './zoneFiles';

/**
 * A workbook's sheet already turned into CSV text by an earlier job on the same file: read instead
 * of the workbook (the library reads a workbook whole, 20–30× the cost of its rows as text).
 */
export interface SheetTextBlob {
  /** The sheet asked for (undefined: the first one), as the job's settings say it. */
  requested: string | undefined;
  text: Blob;
  info: SpreadsheetInfo & { chars: number; damagedCells: number[] };
}

export type CsvJob = (
  | { type: 'analyze'; file: Blob; settings: AnalysisSettings }
  | { type: 'parts'; file: Blob; settings: PartsSettings; mode: UploadMode; rowsPerPart: number }
  /** The valid rows split by time zone (zoneFiles.ts). */
  | { type: 'zoneFiles'; file: Blob; settings: PartsSettings }
) & { sheetText?: SheetTextBlob };

export type CsvJobMessage =
  | { type: 'progress'; progress: AnalysisProgress }
  | { type: 'problems'; problems: Problem[] }
  | { type: 'analysis'; analysis: CsvAnalysis }
  | { type: 'part'; part: UploadPart }
  | { type: 'leftOut'; leftOut: LeftOutRows }
  /** The sheet a job read, as text, for the next jobs on the same file (SheetTextBlob). */
  | { type: 'sheetText'; sheetText: SheetTextBlob }
  | { type: 'zoneFile'; file: ZoneFile }
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

interface SheetSource {
  info: SheetTextBlob['info'];
  /** The sheet's text as a Blob (what the page keeps for later jobs). */
  text: Blob;
  read: (onText: (text: string, bytesRead: number) => void) => Promise<void> | void;
}

/**
 * A workbook's chosen sheet as CSV text (null for a text file): the text an earlier job left, or the
 * workbook read with the library (loaded only here), whose text then goes back to the page.
 */
async function readWorkbook(job: CsvJob, post: Post): Promise<SheetSource | null> {
  const { file } = job;
  const totalBytes = file.size;
  const requested = job.settings.sheet;
  if (job.sheetText && (requested === job.sheetText.requested || requested === job.sheetText.info.sheet)) {
    const { text, info } = job.sheetText;
    return {
      info,
      text,
      read: (onText) =>
        readText(text, 'utf-8', (chunk, read) =>
          onText(chunk, Math.round((read / Math.max(1, text.size)) * totalBytes)),
        ),
    };
  }
  const head = new Uint8Array(await file.slice(0, 128).arrayBuffer());
  const name = 'name' in file && typeof file.name === 'string' ? file.name : '';
  if (sniffSheet(head, name) === null) return null;
  let sheet: SheetText;
  try {
    sheet = await readSheet(file, { sheet: requested, maxBytes: SHEET_MAX_BYTES });
  } catch (error) {
    if (error instanceof SheetError) throw new CsvAnalysisError(error.code, error.detail);
    throw error;
  }
  const info: SheetTextBlob['info'] = {
    format: sheet.format,
    sheets: sheet.sheets,
    sheet: sheet.sheet,
    damagedCount: sheet.damagedCount,
    damaged: sheet.damaged,
    damagedCells: sheet.damagedCells,
    chars: sheet.chars,
  };
  const text = new Blob(sheet.chunks, { type: 'text/csv' });
  post({ type: 'sheetText', sheetText: { requested, text, info } });
  return { info, text, read: (onText) => feedSheet(sheet, totalBytes, onText) };
}

/** Feeds a workbook's text as the file's text; bytesRead grows with the text handed over. */
function feedSheet(sheet: SheetText, totalBytes: number, onText: (text: string, bytesRead: number) => void) {
  let chars = 0;
  for (const chunk of sheet.chunks) {
    chars += chunk.length;
    onText(chunk, Math.round((chars / Math.max(1, sheet.chars)) * totalBytes));
  }
}

/** An analysis counts types and zones; a file split by zone, or valid rows left out by them, needs them. */
const needsZones = (job: CsvJob): boolean =>
  job.type !== 'parts' || (job.mode === 'valid' && excludesAnything(job.settings.exclude));

/**
 * "Only the valid rows" cut from the rows the analysis wrote (validRows.ts), when its settings are
 * the job's and the campaign's numbers and the lists give every number it checked the same verdict;
 * false: the job reads the file again (UploadPartsBuilder), having posted nothing.
 */
async function sentFromAnalysis(
  job: Extract<CsvJob, { type: 'parts' }>,
  settings: PartsSettings,
  lookup: DoNotCallLookup | null,
  post: Post,
): Promise<boolean> {
  const written = settings.validRows;
  if (job.mode !== 'valid' || !written) return false;
  if (written.fingerprint !== validRowsFingerprint(settings, settings.sheet)) return false;
  const tables = await readTables(written);
  const normaliser = createNumberNormaliser(settings.defaultCountry);
  if (!sameVerdicts(tables, normaliser, settings.existingNumbers, lookup)) return false;
  const parts: UploadPart[] = [];
  const leftOut = validRowsParts(
    written,
    tables,
    settings.varCount,
    job.rowsPerPart,
    settings.exclude ?? null,
    (part) => parts.push(part),
  );
  if (leftOut === null) return false;
  for (const part of parts)
    post(
      { type: 'part', part },
      part.partLines ? [part.rowLines.buffer, part.partLines.buffer] : [part.rowLines.buffer],
    );
  post({ type: 'leftOut', leftOut });
  const total = job.file.size;
  post({ type: 'progress', progress: { bytesRead: total, totalBytes: total, rows: written.rows } });
  return true;
}

/**
 * `openDoNotCall`: the device's do-not-call lists, read by the job itself (the worker entry wires
 * src/lib/dnc in); without it nothing is checked and the analysis's doNotCall is null.
 */
export async function runCsvJob(
  job: CsvJob,
  post: Post,
  openDoNotCall?: OpenDoNotCall,
  /** Where a mapped analysis writes its valid rows (a worker of their own; in line without). */
  startRowsWriter: (source: RowsSource) => RowsWriterPort = inlineRowsWriter,
): Promise<void> {
  let closeWriter = () => {};
  try {
    const totalBytes = job.file.size;
    // The lists are read while the file is sniffed; an upload of the file as it is needs none.
    const listsReadFrom = Date.now();
    const lists =
      openDoNotCall && (job.type !== 'parts' || job.mode === 'valid')
        ? openDoNotCall().then(
            (lookup): { lookup: DoNotCallLookup; error?: undefined } => ({ lookup }),
            (error: unknown) => ({
              lookup: null,
              error: error instanceof Error ? error.message : String(error),
            }),
          )
        : Promise.resolve(null);
    // The time-zone map, also read meanwhile: every analysis counts types and zones with it.
    const zones = needsZones(job)
      ? loadTimeZoneMap().then(
          (map) => ({ map, error: undefined }),
          (error: unknown) => ({ map: null, error: error instanceof Error ? error.message : String(error) }),
        )
      : Promise.resolve({ map: null, error: undefined });
    const workbook = await readWorkbook(job, post);
    const encoding = workbook ? 'utf-8' : await sniffBlob(job.file);
    const read = async (onText: (text: string, bytesRead: number) => Promise<void> | undefined | void) =>
      workbook ? workbook.read(onText) : readText(job.file, encoding, onText);
    let lastProgress = 0;
    const progress = (bytesRead: number, rows: number, force = false) => {
      const now = Date.now();
      if (!force && now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      post({ type: 'progress', progress: { bytesRead, totalBytes, rows } });
    };
    if (job.type === 'analyze') {
      // A workbook's text is always comma-separated, however the settings were left.
      const settings = workbook ? { ...job.settings, delimiter: ',' as const } : job.settings;
      const opened = await lists;
      const { map, error: zonesError } = await zones;
      const analyzer = new CsvAnalyzer(
        settings,
        encoding,
        createNumberNormaliser(settings.defaultCountry, { zones: map }),
        workbook ? workbook.info.chars : totalBytes,
        opened?.lookup ?? null,
        workbook?.info.damagedCells,
        () => startRowsWriter({ text: workbook ? workbook.text : job.file, encoding }),
      );
      closeWriter = () => analyzer.close();
      await read((text, bytesRead) => {
        analyzer.push(text);
        progress(bytesRead, analyzer.rowsSoFar);
        // The rows' writer behind by several batches: the next text waits for it.
        return analyzer.ready();
      });
      analyzer.setBytes(totalBytes);
      const analysis = analyzer.finish();
      // Lists that could not be read: the analysis goes on and says so, the upload then refuses.
      if (opened?.error !== undefined) analysis.doNotCall = { lists: [], rows: 0, error: opened.error };
      if (analysis.doNotCall) analysis.doNotCall.checkedAt = listsReadFrom;
      // No map: the analysis goes on without types and zones and says why.
      if (zonesError !== undefined) analysis.numberFacts = { groups: [], error: zonesError };
      if (workbook) {
        analysis.delimiterDetected = false;
        const { chars: _, damagedCells: __, ...spreadsheet } = workbook.info;
        analysis.spreadsheet = spreadsheet;
      }
      // Rows that could not be written (the writer failed): the upload reads the file again.
      analysis.validRows = await analyzer
        .takeValidRows(validRowsFingerprint(analysis, workbook ? workbook.info.sheet : settings.sheet))
        .catch(() => null);
      progress(totalBytes, analysis.rows, true);
      for (let i = 0; i < analysis.problems.length; i += PROBLEMS_PER_MESSAGE) {
        post({ type: 'problems', problems: analysis.problems.slice(i, i + PROBLEMS_PER_MESSAGE) });
      }
      post({ type: 'analysis', analysis: { ...analysis, problems: [] } });
    } else if (job.type === 'zoneFiles') {
      const settings = workbook ? { ...job.settings, delimiter: ',' as const } : job.settings;
      const opened = await lists;
      if (opened?.error !== undefined) throw new CsvAnalysisError('doNotCallFailed', opened.error);
      const { map, error: zonesError } = await zones;
      if (map === null) throw new CsvAnalysisError('timeZonesFailed', zonesError);
      const builder = new ZoneFilesBuilder(settings, map, opened?.lookup ?? null);
      await read((text, bytesRead) => {
        builder.push(text);
        progress(bytesRead, builder.rowsRead);
      });
      for (const file of builder.finish()) post({ type: 'zoneFile', file });
      progress(totalBytes, builder.rowsRead, true);
    } else {
      const settings = workbook ? { ...job.settings, delimiter: ',' as const } : job.settings;
      const opened = await lists;
      if (opened?.error !== undefined) throw new CsvAnalysisError('doNotCallFailed', opened.error);
      if (await sentFromAnalysis(job, settings, opened?.lookup ?? null, post)) {
        post({ type: 'done' });
        return;
      }
      const { map, error: zonesError } = await zones;
      if (needsZones(job) && map === null) throw new CsvAnalysisError('timeZonesFailed', zonesError);
      const builder = new UploadPartsBuilder(
        settings,
        job.mode,
        job.rowsPerPart,
        (part) =>
          post(
            { type: 'part', part },
            part.partLines ? [part.rowLines.buffer, part.partLines.buffer] : [part.rowLines.buffer],
          ),
        opened?.lookup ?? null,
        map,
      );
      await read((text, bytesRead) => {
        builder.push(text);
        progress(bytesRead, builder.rowsRead);
      });
      builder.finish();
      if (job.mode === 'valid') post({ type: 'leftOut', leftOut: builder.leftOutRows });
      progress(totalBytes, builder.rowsRead, true);
    }
    post({ type: 'done' });
  } catch (error) {
    closeWriter();
    if (error instanceof CsvAnalysisError) post({ type: 'error', code: error.code, detail: error.detail });
    else
      post({
        type: 'error',
        code: 'readFailed',
        detail: error instanceof Error ? error.message : String(error),
      });
  }
}
