// The undo of a delete: the deleted numbers go back in ONE upload, with their variable values.
// The API has no "undelete", so they come back as new records (new ids, attempts start over).
import type { SipCallerDataProvider } from '../../../dataProvider/types';
import type { Id, UploadResult } from '../../../types';
import { type NumberRow, numbersToCsv, varCountOf } from './exportCsv';

export interface RestorePlan {
  csv: string;
  varCount: number;
}

// No formula neutralising here: this file goes to the API, not to a spreadsheet, and the values
// must come back exactly as they were.
export const buildRestoreCsv = (rows: readonly NumberRow[]): RestorePlan => {
  const varCount = varCountOf(rows);
  return { csv: numbersToCsv(rows, { neutraliseFormula: false, varCount }), varCount };
};

export const restoreNumbers = (
  dataProvider: SipCallerDataProvider,
  campaignId: Id,
  rows: readonly NumberRow[],
): Promise<UploadResult> => {
  const { csv, varCount } = buildRestoreCsv(rows);
  return dataProvider.uploadNumbers(campaignId, new Blob([csv], { type: 'text/csv' }), {
    firstRowIsHeader: false,
    varCount,
  });
};
