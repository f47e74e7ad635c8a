import { catalog } from './catalog';
import { app as enApp } from './en/app';
import { campaigns as enCampaigns } from './en/campaigns';
import { dnc as enDnc } from './en/dnc';
import { numbers as enNumbers } from './en/numbers';
import { ra as enRa } from './en/ra';
import { upload as enUpload } from './en/upload';
import { es } from './es';

/**
 * Both whole catalogs at once, for tests and tools. The console never imports this module: its
 * `i18nProvider` (src/i18n/index.ts) loads English in two parts and Spanish when it is chosen.
 */
export const messages = {
  en: catalog(enRa, enApp, enCampaigns, enNumbers, enUpload, enDnc),
  es,
} as const;

export type Locale = keyof typeof messages;
