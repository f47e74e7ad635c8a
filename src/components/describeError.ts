import type { TranslateFunction } from 'react-admin';
import { isAbortError } from '../lib/errors';

interface HttpLikeError {
  status?: number;
  message?: string;
  body?: { message?: unknown } | null;
}

/** The server's reason, worded for the operator: the data provider's HttpError carries the server's message. */
export const describeError = (error: unknown, translate: TranslateFunction): string => {
  if (isAbortError(error)) return translate('upload.errors.canceled');
  const { status, message, body } = (error ?? {}) as HttpLikeError;
  const reason =
    (typeof body?.message === 'string' && body.message) ||
    (message && !message.startsWith('app.') ? message : '') ||
    translate('upload.errors.noReason');
  switch (status) {
    case 0:
      return translate('upload.errors.network');
    case 400:
      return translate('upload.errors.badRequest', { reason });
    case 409:
      return translate('upload.errors.conflict', { reason });
    case 413:
      return translate('upload.errors.tooLarge', { reason });
    case 429:
    case 503:
      return translate('upload.errors.busy', { reason });
    case undefined:
      // The CSV engine's errors carry their sentence's key (upload.csv.error.<code>).
      return reason.startsWith('upload.') ? translate(reason) : reason;
    default:
      return translate('upload.errors.status', { status, reason });
  }
};
