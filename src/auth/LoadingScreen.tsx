import { DEFAULT_LOCALE } from '../i18n/locales';
import { consoleStore } from '../layout/store';
import { translateSignIn } from './signInI18n';

// Shown for the moment the console's chunk loads after sign-in. Plain markup: no theme is mounted here.
export const LoadingScreen = () => {
  const locale = consoleStore.getItem<string>('locale', DEFAULT_LOCALE) ?? DEFAULT_LOCALE;
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', fontFamily: 'system-ui' }}>
      <p role="status">{translateSignIn(locale, 'app.loading')}</p>
    </main>
  );
};
