import type { CsvErrorCode } from './types';

/** A rejected analysis or parts build; `message` is the i18n key `upload.csv.error.<code>`. */
export class CsvAnalysisError extends Error {
  override readonly name = 'CsvAnalysisError';
  constructor(
    readonly code: CsvErrorCode,
    /** Technical detail for the console log, never shown as is. */
    readonly detail?: string,
  ) {
    super(`upload.csv.error.${code}`);
  }
}
