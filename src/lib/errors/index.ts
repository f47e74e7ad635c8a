// The console's one vocabulary for failures: what counts as a cancellation, how to make one, and the
// text of any error. Knows nothing of the app (no i18n: translated wording lives with the screens).

/**
 * A cancellation: the operator pressed Cancel, a view unmounted, or react-query dropped a query.
 * Anything named `AbortError` counts: a DOMException from fetch or an AbortSignal, an Error a library
 * named so, or a plain object that crossed a worker's message boundary.
 */
export const isAbortError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

/** The one cancellation error the console throws itself (what `AbortSignal.abort()` rejects with). */
export const abortError = (message = 'The operation was cancelled.'): DOMException =>
  new DOMException(message, 'AbortError');

/** Why an aborted signal stopped: its reason, or an AbortError when it gave none. */
export const abortReason = (signal: AbortSignal | undefined): unknown =>
  signal?.reason ?? abortError('Aborted');

/** Rejects with the signal's reason (or an AbortError) once aborted. */
export const throwIfAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw signal.reason ?? abortError();
};

/** The text of an error, for a message or a log line: its message, a string as is, otherwise ''. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error
    ? error.message
    : typeof error === 'string'
      ? error
      : typeof error === 'object' &&
          error !== null &&
          typeof (error as { message?: unknown }).message === 'string'
        ? (error as { message: string }).message
        : '';
