import type { TranslationMessages } from 'react-admin';

// Namespaces: `ra.*` react-admin's own; `app.*` shell, sign-in, errors; `resources.campaigns.*` and
// `resources.numbers.*` the grids, `resources.dnc.*` the do-not-call lists (react-admin's resource convention); `upload.*` add-number and CSV upload.
type Messages = TranslationMessages[string];

/** One language's catalog, merged from the message files of each owner. */
export const catalog = (
  ra: TranslationMessages,
  app: Messages,
  campaigns: Messages,
  numbers: Messages,
  upload: Messages,
  dnc: Messages,
): TranslationMessages => ({ ...ra, app, resources: { campaigns, numbers, dnc }, upload });
