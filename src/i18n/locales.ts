/** The console's languages, each named in itself. Kept apart from the catalogs so the sign-in screen can list them cheaply. */
export const locales = [
  { locale: 'en', name: 'English' },
  { locale: 'es', name: 'Español' },
];

export const DEFAULT_LOCALE = 'en';
