import english from 'ra-language-english';
import { describe, expect, it, vi } from 'vitest';
import { upload } from './en/upload';
import { upload as esUpload } from './es/upload';
import { i18nProvider } from './index';
import { messages } from './messages';

// Generic over src/i18n: every message file in en/ must have a twin in es/ with the same keys, so a
// string added in one language only fails here (and not as a raw key on a Spanish screen).
type Tree = { [key: string]: unknown };
const flatten = (tree: Tree, prefix = ''): Record<string, unknown> =>
  Object.entries(tree).reduce<Record<string, unknown>>((flat, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value))
      Object.assign(flat, flatten(value as Tree, path));
    else flat[path] = value;
    return flat;
  }, {});

const load = (files: Record<string, Record<string, unknown>>) =>
  Object.fromEntries(
    Object.entries(files).map(([path, module]) => {
      const name = path.split('/').pop()?.replace(/\.ts$/, '') ?? path;
      return [name, flatten(module[name] as Tree)];
    }),
  );
const en = load(import.meta.glob<Record<string, unknown>>('./en/*.ts', { eager: true }));
const es = load(import.meta.glob<Record<string, unknown>>('./es/*.ts', { eager: true }));
const placeholders = (text: unknown) => [...String(text).matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('has the same message files in both languages', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en)).toEqual(expect.arrayContaining(['ra', 'app', 'campaigns', 'numbers', 'upload']));
  });

  it('translates every react-admin message into Spanish', () => {
    const englishKeys = Object.keys(flatten(english as Tree));
    expect(Object.keys(es.ra).sort()).toEqual(englishKeys.sort());
  });

  it.each(Object.keys(en))('has the same keys in English and Spanish: %s', (file) => {
    expect(Object.keys(es[file] ?? {}).sort()).toEqual(Object.keys(en[file]).sort());
  });

  it.each(Object.keys(en))(
    'has non-empty strings with the same placeholders in both languages: %s',
    (file) => {
      for (const [key, text] of Object.entries(en[file])) {
        const spanish = es[file]?.[key];
        expect(typeof text, `en ${file}.${key}`).toBe('string');
        expect(typeof spanish, `es ${file}.${key}`).toBe('string');
        // ra.boolean.null is a deliberate single space.
        if (key !== 'ra.boolean.null') expect(String(spanish).trim(), `es ${file}.${key}`).not.toBe('');
        expect(placeholders(spanish), `placeholders of ${file}.${key}`).toEqual(placeholders(text));
      }
    },
  );

  it('names the header row with one Spanish word, encabezado', () => {
    for (const [file, catalog] of Object.entries(es))
      for (const [key, text] of Object.entries(catalog))
        expect(String(text), `es ${file}.${key}`).not.toMatch(/cabecera/i);
    expect(es.upload?.['settings.header']).toBe('La primera fila es un encabezado');
    expect(es.upload?.['settings.headerCells']).toBe('Encabezado: %{cells}');
  });

  it('merges the namespaces the console uses', () => {
    for (const locale of ['en', 'es'] as const) {
      expect(Object.keys(messages[locale]).sort()).toEqual(['app', 'ra', 'resources', 'upload']);
    }
  });
});

describe('i18nProvider', () => {
  it('offers English and Español, English first', () => {
    expect(i18nProvider.getLocales?.()).toEqual([
      { locale: 'en', name: 'English' },
      { locale: 'es', name: 'Español' },
    ]);
    expect(i18nProvider.getLocale()).toBe('en');
  });

  it('shows a missing key as the key, so tests notice', () => {
    expect(i18nProvider.translate('app.no.such.key')).toBe('app.no.such.key');
  });

  it('loads the English messages of the numbers views with those views, and keeps them across languages', async () => {
    vi.resetModules();
    const fresh = await import('./index');
    const key = 'upload.drop.prompt';
    expect(fresh.i18nProvider.translate(key)).toBe(key);
    const view = { default: 'the view' };
    await expect(fresh.withNumberMessages(async () => view)()).resolves.toBe(view);
    expect(fresh.i18nProvider.translate(key)).toBe(upload.drop.prompt);
    await fresh.i18nProvider.changeLocale('es');
    expect(fresh.i18nProvider.translate(key)).toBe(esUpload.drop.prompt);
    await fresh.i18nProvider.changeLocale('en');
    expect(fresh.i18nProvider.translate(key)).toBe(upload.drop.prompt);
    // Once: a second view does not reload the locale.
    const changeLocale = vi.spyOn(fresh.i18nProvider, 'changeLocale');
    await fresh.withNumberMessages(async () => view)();
    expect(changeLocale).not.toHaveBeenCalled();
  });

  it('translates the shared network error in both languages', async () => {
    expect(i18nProvider.translate('app.errors.network')).toBe(
      'The SIP Caller API cannot be reached. Check your connection and the API URL.',
    );
    await i18nProvider.changeLocale('es');
    expect(i18nProvider.translate('app.errors.network')).toMatch(/^No se puede conectar/);
    expect(i18nProvider.translate('ra.auth.logout')).toBe('Cerrar sesión');
    await i18nProvider.changeLocale('en');
  });
});
