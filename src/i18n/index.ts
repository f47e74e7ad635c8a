import polyglotI18nProvider from 'ra-i18n-polyglot';
import { catalog } from './catalog';
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

const en = catalog(enRa, enApp, enCampaigns, enNumbers, enUpload);

// Both catalogs at once, for tests and tools. The console itself uses `i18nProvider`, which loads the
// Spanish catalog only when Spanish is chosen; the pure mark lets the bundler drop this copy from the app.
export const messages = {
  en,
  es: /* @__PURE__ */ catalog(esRa, esApp, esCampaigns, esNumbers, esUpload),
} as const;

export type Locale = keyof typeof messages;

export { DEFAULT_LOCALE, locales } from './locales';

// English, the default, is bundled; another language is a Promise, which ra-i18n-polyglot awaits in
// changeLocale and react-admin awaits before the first render when the stored locale is not the default.
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'es' ? import('./es').then((module) => module.es) : en),
  DEFAULT_LOCALE,
  locales,
  { allowMissing: false },
);
