/**
 * Why a do-not-call list could not be loaded or written. The message is the i18n key
 * dnc.error.<code>; `detail` is for the console and bug reports, never shown as the reason.
 *   quota: the browser refused the space (QuotaExceededError); the lists are as they were.
 *   notText: the file is not text (a NUL byte in its first bytes).
 *   noNumbers: not one valid number in the file.
 *   readFailed: the file could not be read (moved, deleted, permission).
 *   storageFailed: IndexedDB failed otherwise (private mode, blocked, aborted transaction).
 *   notFound: no list with that id (deleted in another tab).
 *   workerFailed: the worker crashed or could not start.
 *   sheetTooLarge | sheetProtected | sheetCorrupt: a workbook over 50 MB, with a password, or damaged.
 */
export type DncErrorCode =
  | 'quota'
  | 'notText'
  | 'noNumbers'
  | 'readFailed'
  | 'storageFailed'
  | 'notFound'
  | 'workerFailed'
  | 'sheetTooLarge'
  | 'sheetProtected'
  | 'sheetCorrupt';

export class DncError extends Error {
  constructor(
    readonly code: DncErrorCode,
    readonly detail?: string,
  ) {
    super(`dnc.error.${code}`);
    this.name = 'DncError';
  }
}

const isQuota = (error: unknown): boolean => {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
};

/** A storage failure as a DncError (a quota error keeps its own code). */
export const storageError = (error: unknown): DncError => {
  if (error instanceof DncError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // A transaction aborted by a quota error carries it as its `error`.
  const cause = (error as { target?: { error?: unknown } } | null)?.target?.error;
  return new DncError(isQuota(error) || isQuota(cause) ? 'quota' : 'storageFailed', detail);
};
