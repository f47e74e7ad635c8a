import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { app as enApp } from './en/app';
import { campaigns as enCampaigns } from './en/campaigns';
import { numbers as enNumbers } from './en/numbers';
import { ra as enRa } from './en/ra';
import { upload as enUpload } from './en/upload';
import { app as esApp } from './es/app';
import { campaigns as esCampaigns } from './es/campaigns';
import { numbers as esNumbers } from './es/numbers';
import { ra as esRa } from './es/ra';
import { upload as esUpload } from './es/upload';
import { DEFAULT_LOCALE, locales } from './locales';

// Namespaces: `ra.*` react-admin's own; `app.*` shell, sign-in, errors; `resources.campaigns.*` and
// `resources.numbers.*` the grids (react-admin's resource convention); `upload.*` add-number and CSV upload.
type Messages = TranslationMessages[string];
const build = (
  ra: TranslationMessages,
  app: Messages,
  campaigns: Messages,
  numbers: Messages,
  upload: Messages,
): TranslationMessages => ({ ...ra, app, resources: { campaigns, numbers }, upload });

export const messages = {
  en: build(enRa, enApp, enCampaigns, enNumbers, enUpload),
  es: build(esRa, esApp, esCampaigns, esNumbers, esUpload),
} as const;

export type Locale = keyof typeof messages;

export { DEFAULT_LOCALE, locales } from './locales';

export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale as Locale] ?? messages.en,
  DEFAULT_LOCALE,
  locales,
  { allowMissing: false },
);
