// Each row checkbox of the numbers grid is named by its record, "Select +18654929608", not
// react-admin's "Select this row" (the same words on every row). DataTable's row is kept; its
// checkbox asks the translator for 'ra.action.select_row', and each row's translator answers with
// the record's number (src/components/gridA11y.tsx copies the checkboxes' names onto their inputs).
// A translator per row, not a theme per row: MUI memoises each component's styles on the last theme
// it saw, and a hundred themes made every cell of the page compute its styles again (a third of
// the time 100 rows took to render).
import { useMemo } from 'react';
import {
  DataTableBody,
  type DataTableBodyProps,
  DataTableRow,
  type DataTableRowProps,
  I18nContext,
  useI18nProvider,
  useRecordContext,
} from 'react-admin';
import type { CampaignNumber } from '../../../types';

/** The key of the row checkbox's name in react-admin's SelectRowCheckbox. */
const SELECT_ROW = 'ra.action.select_row';

const LabelledRow = (props: DataTableRowProps) => {
  const i18n = useI18nProvider();
  const number = useRecordContext<CampaignNumber>()?.number;
  const rowI18n = useMemo(
    () =>
      number == null
        ? i18n
        : {
            ...i18n,
            translate: (key: string, options?: Record<string, unknown>) =>
              key === SELECT_ROW
                ? i18n.translate('resources.numbers.list.selectRow', { number })
                : i18n.translate(key, options),
          },
    [i18n, number],
  );
  return (
    <I18nContext.Provider value={rowI18n}>
      <DataTableRow {...props} />
    </I18nContext.Provider>
  );
};

/** DataTable's body, whose rows name their checkbox by the number. */
export const LabelledRowsBody = (props: DataTableBodyProps) => <DataTableBody {...props} row={LabelledRow} />;
