import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { app as enApp } from '../i18n/en/app';
import { messages } from '../i18n/messages';
import { translateSignIn } from './signInI18n';

const keysOf = (tree: object, prefix: string): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? keysOf(value, `${prefix}.${key}`) : [`${prefix}.${key}`],
  );

describe('translateSignIn (the first screen’s polyglot-free translator)', () => {
  it.each(['en', 'es'])(
    'gives the same text as the console’s provider for every app.* key (%s)',
    (locale) => {
      const polyglot = polyglotI18nProvider(() => messages[locale as 'en' | 'es'], locale);
      for (const key of keysOf(enApp, 'app')) {
        expect(translateSignIn(locale, key, { id: '1001' }), key).toBe(
          polyglot.translate(key, { id: '1001' }),
        );
      }
    },
  );

  it('shows a missing key as the key, or the given default', () => {
    expect(translateSignIn('en', 'app.nope')).toBe('app.nope');
    expect(translateSignIn('en', 'app.nope', { _: 'Fallback' })).toBe('Fallback');
    expect(translateSignIn('xx', 'app.auth.signIn')).toBe('Sign in');
  });
});
