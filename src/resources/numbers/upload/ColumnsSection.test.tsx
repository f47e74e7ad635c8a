import { screen, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import type { DataProvider } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithAdmin } from '../../../../test/render';
import { i18nProvider } from '../../../i18n';
import { type ColumnRole, type CsvAnalysis, type MappingIssue, NUMBER_FALLBACKS } from '../../../lib/csv';
import { ColumnsSection } from './ColumnsSection';
import type { ColumnMappingState } from './columnMapping';

const userEvent = userEventLib.setup({ delay: null });

const column = (index: number, header: string, samples: string[]) => ({
  index,
  header,
  samples,
  validNumbers: 0,
  numberLike: 0,
  sampled: 3,
});

// A CRM export with three phone columns: Mobile is the Number, Home and Work its fallbacks.
const analysis = {
  header: ['Name', 'Mobile', 'Home', 'Work'],
  columns: [
    column(0, 'Name', ['Ana', 'Bo', 'Cy']),
    column(1, 'Mobile', ['2025550141']),
    column(2, 'Home', ['2025550152']),
    column(3, 'Work', ['2025550163']),
  ],
  mapping: { number: [1, 2, 3], variables: [0] },
  // Valid rows per column their number came from (the analysis lists columns in file order).
  numberSources: { 3: 1, 1: 4, 2: 2 },
} as unknown as CsvAnalysis;

const stateWith = (roles: ColumnRole[], issues: MappingIssue[] = []): ColumnMappingState => ({
  roles,
  suggested: roles,
  issues,
  mapping: undefined,
  identity: false,
  remembered: false,
  setRole: () => {},
  reset: () => {},
  remember: () => {},
});

const render = (state: ColumnMappingState) =>
  renderWithAdmin(<ColumnsSection analysis={analysis} state={state} disabled={false} />, {
    dataProvider: {} as DataProvider,
  });

const ROLES: ColumnRole[] = ['var:1', 'number', 'number:2', 'number:3'];

describe('the choices of number read in order', () => {
  afterEach(() => i18nProvider.changeLocale('en'));

  it('in English: the selects, the menu and where the numbers came from', async () => {
    render(stateWith(ROLES));
    const role = (name: string) => screen.getByRole('combobox', { name: `Role of column ${name}` });
    expect(role('Mobile')).toHaveTextContent(/^Number$/);
    expect(role('Home')).toHaveTextContent('Number, second choice: used when the first is not valid');
    expect(role('Work')).toHaveTextContent('Number, third choice: used when the first two are not valid');
    await userEvent.click(role('Home'));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.slice(0, 4).map((option) => option.textContent)).toEqual([
      'Number',
      'Number, second choice: used when the first is not valid',
      'Number, third choice: used when the first two are not valid',
      'Variable 1',
    ]);
    expect(options.at(-1)).toHaveTextContent(/^Ignore$/);
    expect(
      screen.getByText(
        'Valid numbers taken from Mobile (first choice): 4 · Home (second choice): 2 · Work (third choice): 1',
      ),
    ).toBeVisible();
  });

  it('every choice of number has its own words in both languages', async () => {
    for (const locale of ['en', 'es']) {
      await i18nProvider.changeLocale(locale);
      for (let rank = 1; rank <= NUMBER_FALLBACKS + 1; rank++) {
        expect(i18nProvider.translate(`upload.columns.choice.${rank}`)).not.toMatch(/upload\.columns/);
        if (rank > 1)
          expect(i18nProvider.translate(`upload.columns.fallback.${rank}`)).not.toMatch(/upload\.columns/);
      }
    }
  });

  it('in Spanish, with two columns on one choice', async () => {
    await i18nProvider.changeLocale('es');
    const issue: MappingIssue = {
      code: 'duplicateNumber',
      message: 'upload.columns.issue.duplicateNumber',
      rank: 2,
      columns: [2, 3],
    };
    render(stateWith(['var:1', 'number', 'number:2', 'number:2'], [issue]));
    const role = (name: string) => screen.getByRole('combobox', { name: `Función de la columna ${name}` });
    expect(role('Mobile')).toHaveTextContent(/^Número$/);
    expect(role('Home')).toHaveTextContent('Número, segunda opción: se usa cuando el primero no es válido');
    expect(
      screen.getByText(
        'Números válidos tomados de Mobile (primera opción): 4 · Home (segunda opción): 2 · Work (tercera opción): 1',
      ),
    ).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Dos columnas son la misma opción de número (segunda opción): Home, Work. Dé a cada una su propia opción.',
    );
    await userEvent.click(role('Work'));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options[2]).toHaveTextContent(
      'Número, tercera opción: se usa cuando los dos primeros no son válidos',
    );
  });
});
