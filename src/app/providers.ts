// The one place where the console's providers are assembled: the data provider reads the signed-in
// session at every call and reports a busy API to the layout's notice; the auth and i18n providers
// are the console's own.
import { defaultApiUrl, getSession } from '../auth/session';
import { createDataProvider } from '../dataProvider';
import { reportApiBusy } from '../layout/apiBusy';

export { authProvider } from '../authProvider';
export { i18nProvider } from '../i18n';

export const dataProvider = createDataProvider({
  apiUrl: () => getSession()?.apiUrl ?? defaultApiUrl(),
  accountId: () => getSession()?.accountId ?? '',
  getToken: () => getSession()?.token,
  onBusy: reportApiBusy,
});
