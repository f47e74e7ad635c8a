// CSV upload: streams the multipart `file` field through a text guard and csv-parse, checks each
// row, stages valid rows in small batches, and moves them into the campaign in ONE transaction at
// the end. Until that transaction nothing is visible, so an upload that fails or whose connection
// drops midway inserts nothing. No transaction is ever held open across an await: the single
// SQLite connection serves other requests between the batches.
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import {
  MAX_VAR_VALUE_LENGTH,
  MAX_VAR_VALUES,
  NUMBER_PATTERN,
  UPLOAD_MAX_REJECTED_LISTED,
} from '../src/contract.ts';
import type { UploadRejection, UploadResult } from '../src/types.ts';
import type { Db } from './db.ts';
import { ApiError, badRequest } from './errors.ts';
import { indexNumbersAfter, lastNumberId } from './numbers.ts';
import { type RawParams, readParam } from './query.ts';

const STAGING_BATCH_ROWS = 5_000;

/**
 * Browsers label CSV files inconsistently (text/csv, application/vnd.ms-excel on Windows, or
 * nothing), and curl sends application/octet-stream; the content itself is checked as it streams.
 */
const CSV_MEDIA_TYPES = new Set([
  '',
  'application/octet-stream',
  'application/csv',
  'application/x-csv',
  'application/vnd.ms-excel',
  'text/comma-separated-values',
]);

export const isAcceptableCsvMediaType = (mimetype: string | undefined): boolean => {
  const type = (mimetype ?? '').split(';')[0].trim().toLowerCase();
  return type.startsWith('text/') || CSV_MEDIA_TYPES.has(type);
};

export interface UploadOptionsParsed {
  firstRowIsHeader: boolean;
  varCount: number;
}

const parseBoolean = (name: string, value: string | undefined, fallback: boolean): boolean => {
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  throw badRequest(`The "${name}" parameter must be true or false, not "${value.slice(0, 20)}".`);
};

export const parseUploadOptions = (raw: RawParams): UploadOptionsParsed => {
  const firstRowIsHeader = parseBoolean('firstRowIsHeader', readParam(raw, 'firstRowIsHeader'), false);
  const varCountText = readParam(raw, 'varCount');
  const varCount = varCountText === undefined ? 0 : Number(varCountText);
  if (varCountText !== undefined && (!/^\d+$/.test(varCountText) || varCount > MAX_VAR_VALUES)) {
    throw badRequest(
      `The "varCount" parameter must be a whole number from 0 to ${MAX_VAR_VALUES}, not "${varCountText.slice(0, 20)}".`,
    );
  }
  return { firstRowIsHeader, varCount };
};

/** Rejects anything that is not UTF-8 text: a NUL byte or an invalid byte sequence anywhere. */
class TextGuard extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      callback(
        badRequest(
          `The file is not a CSV text file (it holds binary data at byte ${this.offset + nul + 1}).`,
        ),
      );
      return;
    }
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      callback(
        badRequest(
          `The file is not UTF-8 text (an invalid byte sequence near byte ${this.offset + 1}); save it as "CSV UTF-8".`,
        ),
      );
      return;
    }
    this.offset += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.decode();
      callback();
    } catch {
      callback(badRequest('The file is not UTF-8 text (it ends in the middle of a character).'));
    }
  }
}

const NEWLINES = /\r\n|\n|\r/g;
const newlinesIn = (fields: string[]): number =>
  fields.reduce((sum, field) => sum + (field.match(NEWLINES)?.length ?? 0), 0);

/** Why a row cannot be inserted, or null when it is fine. */
export const checkRow = (record: string[], varCount: number): string | null => {
  const expected = 1 + varCount;
  if (record.length !== expected) {
    return `Expected ${expected} column${expected === 1 ? '' : 's'} (the number${
      varCount ? ` and ${varCount} variable value${varCount === 1 ? '' : 's'}` : ''
    }), found ${record.length}.`;
  }
  const number = record[0].trim();
  if (!number) return 'The number is empty.';
  if (!NUMBER_PATTERN.test(number)) {
    return `"${number.slice(0, 40)}" is not a valid number (expected "+" and 8 to 15 digits, or 5 to 15 digits).`;
  }
  for (let index = 1; index < record.length; index++) {
    if (record[index].length > MAX_VAR_VALUE_LENGTH) {
      return `Variable value ${index} is longer than ${MAX_VAR_VALUE_LENGTH} characters.`;
    }
  }
  return null;
};

export const createUploader = (db: Db) => {
  let nextUploadId = 1;
  const stage = db.prepare(
    'INSERT INTO temp.upload_staging (upload_id, seq, number, var_values) VALUES (?, ?, ?, ?)',
  );
  const stageBatch = db.transaction((rows: [number, number, string, string][]) => {
    for (const row of rows) stage.run(...row);
  });
  const discard = db.prepare('DELETE FROM temp.upload_staging WHERE upload_id = ?');
  const move = db.prepare(
    `INSERT INTO numbers (campaign_id, number, var_values, status, attempts, ring_result, created_at)
     SELECT ?, number, var_values, 'Pending', 0, NULL, ? FROM temp.upload_staging WHERE upload_id = ? ORDER BY seq`,
  );

  /**
   * Reads the CSV stream to its end, staging valid rows. `beforeCommit` runs right before the
   * final transaction and throws if the upload must not be kept (file truncated at the size limit,
   * campaign changed, client gone).
   */
  const upload = async (
    campaignId: number,
    file: NodeJS.ReadableStream,
    { firstRowIsHeader, varCount }: UploadOptionsParsed,
    beforeCommit: () => void,
  ): Promise<UploadResult> => {
    const uploadId = nextUploadId++;
    const rejected: UploadRejection[] = [];
    let rejectedCount = 0;
    let staged = 0;
    let batch: [number, number, string, string][] = [];
    const flush = () => {
      if (batch.length) stageBatch(batch);
      batch = [];
    };
    const parser = parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
    try {
      let seenFirst = false;
      await pipeline(
        file,
        new TextGuard(),
        parser,
        async (records: AsyncIterable<{ record: string[]; info: { lines: number } }>) => {
          for await (const { record, info } of records) {
            const line = info.lines - newlinesIn(record);
            if (!seenFirst) {
              seenFirst = true;
              if (firstRowIsHeader) continue;
            }
            const reason = checkRow(record, varCount);
            if (reason) {
              rejectedCount++;
              if (rejected.length < UPLOAD_MAX_REJECTED_LISTED) rejected.push({ line, reason });
              continue;
            }
            batch.push([uploadId, staged++, record[0].trim(), JSON.stringify(record.slice(1))]);
            if (batch.length >= STAGING_BATCH_ROWS) flush();
          }
        },
      );
      flush();
      beforeCommit();
      const inserted = db.transaction(() => {
        const before = lastNumberId(db);
        const { changes } = move.run(campaignId, new Date().toISOString(), uploadId);
        indexNumbersAfter(db, before);
        return changes;
      })();
      return { inserted, rejectedCount, rejected };
    } catch (error) {
      throw toUploadError(error);
    } finally {
      discard.run(uploadId);
    }
  };

  return { upload };
};

const toUploadError = (error: unknown): unknown => {
  if (error instanceof ApiError || error instanceof Database.SqliteError) return error;
  const { code, message, lines, statusCode } = (error ?? {}) as {
    code?: string;
    message?: string;
    lines?: number;
    statusCode?: number;
  };
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    return badRequest(`The file is not valid CSV${lines ? ` at line ${lines}` : ''}: ${message ?? code}`);
  }
  if (statusCode) return error;
  // What is left came from reading the request (a malformed or cut multipart body).
  return badRequest(`The upload could not be read: ${message ?? 'unknown error'}. Nothing was inserted.`);
};

export type Uploader = ReturnType<typeof createUploader>;
