import polyglotI18nProvider from 'ra-i18n-polyglot';
import { catalog } from './catalog';
import { app } from './en/app';
import { campaigns } from './en/campaigns';
import { dnc } from './en/dnc';
import { ra } from './en/ra';
import type { enLater } from './enLater';
import { DEFAULT_LOCALE, locales } from './locales';

export { DEFAULT_LOCALE, locales } from './locales';

// English, the default, is bundled without the messages of the campaign page, the numbers grid and
// the upload (`enLater`): the first campaigns page needs none of them. Another language is a
// Promise, which ra-i18n-polyglot awaits in changeLocale and react-admin awaits before the first
// render when the stored locale is not the default.
let later: typeof enLater | undefined;
const english = () => catalog(ra, app, campaigns, later?.numbers ?? {}, later?.upload ?? {}, dnc);

export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'es' ? import('./es').then((module) => module.es) : english()),
  DEFAULT_LOCALE,
  locales,
  { allowMissing: false },
);

let loading: Promise<void> | undefined;

/**
 * Adds the English messages of the numbers views to `i18nProvider`, once. ra-i18n-polyglot has no
 * way to add messages, so this reloads the current locale, which reads them from `english()`; it
 * completes before the view that needs them renders (`withNumberMessages`).
 */
export const loadNumberMessages = (): Promise<void> => {
  loading ??= import('./enLater').then(async (module) => {
    later = module.enLater;
    if (i18nProvider.getLocale() === DEFAULT_LOCALE) await i18nProvider.changeLocale(DEFAULT_LOCALE);
  });
  // A failed download may be retried by the next attempt to open the view.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
};

/** A lazy view's loader that also loads the English messages of the numbers views. */
export const withNumberMessages =
  <T>(load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([load(), loadNumberMessages()]).then(([module]) => module);
