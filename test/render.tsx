import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AdminContext, type DataProvider, memoryStore } from 'react-admin';
import { i18nProvider } from '../src/i18n';

/** Renders `ui` inside react-admin's contexts with a fresh store, the console's i18n, and `dataProvider`. */
export const renderWithAdmin = (ui: ReactElement, { dataProvider }: { dataProvider: DataProvider }) =>
  render(
    <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider} store={memoryStore()}>
      {ui}
    </AdminContext>,
  );
