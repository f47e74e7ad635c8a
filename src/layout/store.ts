import { localStorageStore } from 'react-admin';

/**
 * One store for the sign-in screen and the console, so the language and theme chosen on the sign-in
 * screen carry over. It holds preferences only (locale, theme, list settings), never the session.
 */
export const consoleStore = localStorageStore(undefined, 'SipCallerConsole');
