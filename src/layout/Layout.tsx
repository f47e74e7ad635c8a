import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { ApiBusyNotice } from './ApiBusyNotice';
import { AppBar } from './AppBar';
import { DocumentLanguage } from './DocumentLanguage';

// appBarAlwaysOn: the app bar never hides (it holds the page's <h1>), so the sidebar must not slide up
// by the bar's height when the page scrolls, as it does for a hiding bar: its first entry would go
// under the bar.
export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar} appBarAlwaysOn>
    <DocumentLanguage />
    <ApiBusyNotice />
    {children}
  </RaLayout>
);
