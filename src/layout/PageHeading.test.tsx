import { configure, render, screen } from '@testing-library/react';
import { AdminContext, memoryStore, Title } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n';
import { PageHeading } from './PageHeading';

// The machine is shared and busy: give findBy*/waitFor more than the 1 s default (no timing is asserted).
configure({ asyncUtilTimeout: 5000 });

const renderPage = (page?: React.ReactNode) =>
  render(
    <AdminContext i18nProvider={i18nProvider} store={memoryStore()}>
      <header>
        <PageHeading />
      </header>
      <main>{page}</main>
    </AdminContext>,
  );

describe('PageHeading', () => {
  it('makes the title of any page with react-admin’s <Title> the level-one heading', async () => {
    renderPage(<Title title="app.notFound.title" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('falls back to the product name, so the heading is never empty', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'SIP Caller Console' })).toBeInTheDocument();
  });
});
