import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { ApiBusyNotice } from './ApiBusyNotice';
import { AppBar } from './AppBar';
import { DocumentLanguage } from './DocumentLanguage';

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar}>
    <DocumentLanguage />
    <ApiBusyNotice />
    {children}
  </RaLayout>
);
