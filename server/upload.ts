// CSV upload: streams the multipart `file` field through a UTF-8 check and the console's CSV reader
// (src/lib/csv, in strict mode: a malformed quote answers 400 with its line), skips blank rows as
// the console's analysis does, checks each row, stages valid rows in batches, and moves them into
// the campaign in ONE transaction at the end. Until that transaction nothing is visible, so an upload that fails or whose connection
// drops midway inserts nothing. No transaction is ever held open across an await: the single
// SQLite connection serves other requests between the batches.
import Database from 'better-sqlite3';
import {
  MAX_VAR_VALUE_LENGTH,
  MAX_VAR_VALUES,
  NUMBER_PATTERN,
  UPLOAD_MAX_REJECTED_LISTED,
} from '../src/contract.ts';
import { CsvRecordReader, type CsvRow, CsvSyntaxError, isBlank } from '../src/lib/csv';
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

/**
 * Decodes the file as UTF-8 text, refusing anything else: a NUL byte or an invalid byte sequence
 * anywhere (a binary file, or a spreadsheet saved in a legacy encoding). A BOM is kept: the CSV
 * reader drops it, as it does in the console.
 */
async function* utf8Text(file: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let offset = 0;
  for await (const chunk of file) {
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      throw badRequest(`The file is not a CSV text file (it holds binary data at byte ${offset + nul + 1}).`);
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw badRequest(
        `The file is not UTF-8 text (an invalid byte sequence near byte ${offset + 1}); save it as "CSV UTF-8".`,
      );
    }
    offset += chunk.length;
  }
  try {
    yield decoder.decode();
  } catch {
    throw badRequest('The file is not UTF-8 text (it ends in the middle of a character).');
  }
}

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
  // One statement per batch: the rows travel as one JSON array [[number, varValuesJson], …].
  const stageBatch = db.prepare(
    `INSERT INTO temp.upload_staging (upload_id, seq, number, var_values)
     SELECT ?, ? + key, value ->> 0, value ->> 1 FROM json_each(?)`,
  );
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
    let batch: [string, string][] = [];
    const flush = () => {
      if (batch.length) stageBatch.run(uploadId, staged, JSON.stringify(batch));
      staged += batch.length;
      batch = [];
    };
    let skipHeader = firstRowIsHeader;
    const onRecord = (row: CsvRow) => {
      if (isBlank(row)) return;
      if (skipHeader) {
        skipHeader = false;
        return;
      }
      const fields = row.cells();
      const reason = checkRow(fields, varCount);
      if (reason) {
        rejectedCount++;
        if (rejected.length < UPLOAD_MAX_REJECTED_LISTED) rejected.push({ line: row.line, reason });
        return;
      }
      batch.push([fields[0].trim(), JSON.stringify(fields.slice(1))]);
    };
    try {
      const reader = new CsvRecordReader(',', onRecord, { strict: true });
      for await (const text of utf8Text(file as AsyncIterable<Buffer>)) {
        reader.push(text);
        if (batch.length >= STAGING_BATCH_ROWS) flush();
      }
      reader.end();
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
  if (error instanceof CsvSyntaxError) {
    return badRequest(
      `The file is not valid CSV at line ${error.line}: ${error.message}. Nothing was inserted.`,
    );
  }
  const { message, statusCode } = (error ?? {}) as { message?: string; statusCode?: number };
  if (statusCode) return error;
  // What is left came from reading the request (a malformed or cut multipart body).
  return badRequest(`The upload could not be read: ${message ?? 'unknown error'}. Nothing was inserted.`);
};

export type Uploader = ReturnType<typeof createUploader>;
