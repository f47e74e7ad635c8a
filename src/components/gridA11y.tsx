// What a screen reader hears in the console's grids (react-admin's DataTable and Datagrid):
// - a column header is named by its label ("Name"), not by its sort button's tooltip ("Sort by
//   name descending"): the tooltip describes the button instead of naming it;
// - the sorted column's header carries aria-sort;
// - a checkbox's name, which react-admin 5.15 passes to MUI 9's Checkbox root (a <span>), is copied
//   onto its <input> (axe: "Form elements must have labels") until react-admin passes it through
//   slotProps.input. Row checkboxes are named by their record where a grid says how
//   (numbers/list/rowCheckboxLabel.tsx).
import { Box } from '@mui/material';
import { type Theme, ThemeProvider } from '@mui/material/styles';
import { type ReactNode, useEffect, useRef } from 'react';
import { useListContext } from 'react-admin';

type LabelledOwnerState = { 'aria-label'?: string };

const withGridA11y = (outer: Theme): Theme => ({
  ...outer,
  components: {
    ...outer.components,
    MuiTooltip: {
      ...outer.components?.MuiTooltip,
      defaultProps: { ...outer.components?.MuiTooltip?.defaultProps, describeChild: true },
    },
    MuiCheckbox: {
      ...outer.components?.MuiCheckbox,
      defaultProps: {
        ...outer.components?.MuiCheckbox?.defaultProps,
        slotProps: {
          input: (ownerState: LabelledOwnerState) =>
            ownerState['aria-label'] ? { 'aria-label': ownerState['aria-label'] } : {},
        },
      },
    },
  },
});

/**
 * aria-sort on the header of the sorted column. Neither DataTable's nor Datagrid's header cell
 * takes it, so it is set on the rendered header: its sort button names the field (`data-field`).
 */
const useAriaSort = (root: React.RefObject<HTMLElement | null>) => {
  const { sort, data, isPending } = useListContext();
  const field = sort?.field;
  const order = sort?.order;
  // biome-ignore lint/correctness/useExhaustiveDependencies: data and isPending re-render the header.
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    for (const header of element.querySelectorAll('th[aria-sort]')) header.removeAttribute('aria-sort');
    if (!field) return;
    for (const button of element.querySelectorAll<HTMLElement>('thead [data-field]')) {
      if (button.dataset.field !== field) continue;
      button.closest('th')?.setAttribute('aria-sort', order === 'DESC' ? 'descending' : 'ascending');
    }
  }, [root, field, order, data, isPending]);
};

export const GridA11y = ({ children }: { children: ReactNode }) => {
  const root = useRef<HTMLDivElement>(null);
  useAriaSort(root);
  return (
    <ThemeProvider theme={withGridA11y}>
      <Box ref={root} sx={{ minWidth: 0 }}>
        {children}
      </Box>
    </ThemeProvider>
  );
};
