import { fireEvent, render, screen } from '@testing-library/react';
import { AdminContext, memoryStore, ResourceDefinitionContextProvider } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n';
import { Layout } from './Layout';

const scrollWindowTo = (y: number) => {
  Object.defineProperty(window, 'pageYOffset', { configurable: true, value: y });
  Object.defineProperty(window, 'scrollY', { configurable: true, value: y });
  fireEvent.scroll(window);
};

afterEach(() => scrollWindowTo(0));

describe('Layout', () => {
  it('keeps the sidebar under the app bar, which never hides, when the page scrolls', async () => {
    render(
      <AdminContext i18nProvider={i18nProvider} store={memoryStore()}>
        <ResourceDefinitionContextProvider
          definitions={{ campaigns: { name: 'campaigns', hasList: true, options: {} } }}
        >
          <Layout>
            <p>page</p>
          </Layout>
        </ResourceDefinitionContextProvider>
      </AdminContext>,
    );
    expect(await screen.findByText('page')).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Campaigns' })).toBeInTheDocument();
    scrollWindowTo(600);
    // react-admin moves the sidebar up by the app bar's height (class appBarCollapsed) when it thinks the
    // bar has scrolled away: with a bar that stays, that puts the first menu entry under it.
    expect(document.querySelector('.RaSidebar-appBarCollapsed')).toBeNull();
  });
});
