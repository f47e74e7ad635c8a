import { screen, within } from '@testing-library/react';
import type { DataProvider } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCampaign } from '../../../test/grid';
import { renderWithAdmin } from '../../../test/render';
import { i18nProvider } from '../../i18n';
import { CampaignDetails } from './CampaignDetails';

/** The value under a detail's caption. */
const detail = (label: string) => {
  const term = screen.getByText(label, { selector: 'dt' });
  return within(term.parentElement as HTMLElement).getByRole('definition');
};

const bare = makeCampaign({ dialer: { mode: 'Power' }, phoneSystemId: null, extensionId: null, tagIds: [] });
const render = () =>
  renderWithAdmin(<CampaignDetails campaign={bare} />, { dataProvider: {} as DataProvider });

describe('CampaignDetails', () => {
  afterEach(() => i18nProvider.changeLocale('en'));

  it('in English: the dialer mode, and None for what is not set', () => {
    render();
    expect(detail('Dialer mode')).toHaveTextContent(/^Power$/);
    expect(detail('Phone system')).toHaveTextContent(/^None$/);
  });

  it('in Spanish: the Power mode in an operator’s words, and one word for any field not set', async () => {
    await i18nProvider.changeLocale('es');
    render();
    expect(detail('Modo de marcación')).toHaveTextContent(/^Progresivo$/);
    // "Ninguna" agreed with extensión but not with modo or sistema: one wording fits every field.
    for (const label of ['Sistema telefónico', 'Extensión', 'Etiquetas'])
      expect(detail(label)).toHaveTextContent(/^Sin asignar$/);
  });
});
