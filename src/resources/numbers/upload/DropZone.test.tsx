import { fireEvent, screen } from '@testing-library/react';
import type { DataProvider } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithAdmin } from '../../../../test/render';
import { i18nProvider } from '../../../i18n';
import { DropZone } from './DropZone';

const renderZone = () => {
  const onFile = vi.fn();
  renderWithAdmin(<DropZone file={null} onFile={onFile} />, { dataProvider: {} as DataProvider });
  return onFile;
};

const dropPhoto = (zone: HTMLElement) =>
  fireEvent.drop(zone, {
    dataTransfer: { files: [new File(['\x89PNG'], 'photo.png', { type: 'image/png' })], types: ['Files'] },
  });

describe('the drop zone names every kind of file the panel reads', () => {
  afterEach(() => i18nProvider.changeLocale('en'));

  it('in English: the prompt, the hint, the input and the wrong-type message name spreadsheets', async () => {
    renderZone();
    const zone = await screen.findByRole('button', {
      name: 'Drop a CSV file or a spreadsheet (.xlsx, .xls, .ods) here, or choose one',
    });
    expect(zone).toHaveAccessibleDescription(
      'A CSV or text file (.csv, .txt), or a spreadsheet (.xlsx, .xls, .ods) of up to 50 MB, with its columns in any order. Press Enter to browse.',
    );
    const input = screen.getByLabelText('CSV file or spreadsheet');
    const accept = (input.getAttribute('accept') ?? '').split(',');
    expect(accept).toEqual(expect.arrayContaining(['.csv', '.txt', '.xlsx', '.xls', '.ods']));
    dropPhoto(zone);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“photo.png” is not a CSV, text or spreadsheet file. Choose a .csv, .txt, .xlsx, .xls or .ods file.',
    );
  });

  it('in Spanish', async () => {
    await i18nProvider.changeLocale('es');
    renderZone();
    const zone = await screen.findByRole('button', {
      name: 'Suelte aquí un archivo CSV o una hoja de cálculo (.xlsx, .xls, .ods), o elija un archivo',
    });
    expect(zone).toHaveAccessibleDescription(/o una hoja de cálculo \(\.xlsx, \.xls, \.ods\) de hasta 50 MB/);
    expect(screen.getByLabelText('Archivo CSV u hoja de cálculo')).toBeInTheDocument();
    dropPhoto(zone);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '«photo.png» no es un archivo CSV, de texto ni de hoja de cálculo. Elija un archivo .csv, .txt, .xlsx, .xls u .ods.',
    );
  });
});
