import type { I18nProvider } from 'react-admin';
import { app as enApp } from '../i18n/en/app';
import { app as esApp } from '../i18n/es/app';
import { DEFAULT_LOCALE, locales } from '../i18n/locales';

// The sign-in screen translates only `app.*` messages, from the same catalogs as the console's
// polyglot provider (src/i18n/index.ts), without polyglot and the other namespaces: the first screen
// stays small. src/auth/signInI18n.test.ts checks both give the same text.
type Catalog = { [key: string]: string | Catalog };
const catalogs: Record<string, Catalog> = { en: { app: enApp }, es: { app: esApp } };

const lookup = (catalog: Catalog, key: string): string | undefined => {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
};

// biome-ignore lint/suspicious/noExplicitAny: react-admin's translate options are untyped.
type Options = Record<string, any>;

/** Like polyglot with allowMissing false: a missing key shows the key (or `_`), `%{name}` is replaced. */
export const translateSignIn = (locale: string, key: string, options: Options = {}): string => {
  const text = lookup(catalogs[locale] ?? catalogs[DEFAULT_LOCALE], key) ?? options._ ?? key;
  return String(text).replace(/%\{(\w+)\}/g, (token, name: string) =>
    name in options ? String(options[name]) : token,
  );
};

export const signInI18nProvider = (locale: string): I18nProvider => ({
  translate: (key, options) => translateSignIn(locale, key, options),
  changeLocale: async () => undefined,
  getLocale: () => locale,
  getLocales: () => locales,
});
