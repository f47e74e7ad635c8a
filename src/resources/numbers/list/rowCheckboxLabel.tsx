// Each row checkbox of the numbers grid is named by its record, "Select +18654929608", not
// react-admin's "Select this row" (the same words on every row). DataTable's row is kept; a theme
// layer around it gives its checkbox's <input> the name (src/components/gridA11y.tsx copies the
// names of the other checkboxes, such as "Select all").
import { type Theme, ThemeProvider } from '@mui/material/styles';
import { useCallback } from 'react';
import {
  DataTableBody,
  type DataTableBodyProps,
  DataTableRow,
  type DataTableRowProps,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { CampaignNumber } from '../../../types';

const LabelledRow = (props: DataTableRowProps) => {
  const translate = useTranslate();
  const record = useRecordContext<CampaignNumber>();
  const label = record ? translate('resources.numbers.list.selectRow', { number: record.number }) : undefined;
  const theme = useCallback(
    (outer: Theme): Theme =>
      label
        ? {
            ...outer,
            components: {
              ...outer.components,
              MuiCheckbox: {
                ...outer.components?.MuiCheckbox,
                defaultProps: {
                  ...outer.components?.MuiCheckbox?.defaultProps,
                  slotProps: { input: { 'aria-label': label } },
                },
              },
            },
          }
        : outer,
    [label],
  );
  return (
    <ThemeProvider theme={theme}>
      <DataTableRow {...props} />
    </ThemeProvider>
  );
};

/** DataTable's body, whose rows name their checkbox by the number. */
export const LabelledRowsBody = (props: DataTableBodyProps) => <DataTableBody {...props} row={LabelledRow} />;
