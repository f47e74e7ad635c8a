// react-admin 5.15's row checkbox passes `aria-label` to MUI 9's Checkbox root (a <span>), so the
// <input> has no accessible name (axe: "Form elements must have labels"). This theme layer copies
// the label onto the input until react-admin passes it through slotProps.input.
import { type Theme, ThemeProvider } from '@mui/material/styles';
import type { ReactNode } from 'react';

type LabelledOwnerState = { 'aria-label'?: string };

const withInputLabel = (outer: Theme): Theme => ({
  ...outer,
  components: {
    ...outer.components,
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

export const LabelledRowCheckboxes = ({ children }: { children: ReactNode }) => (
  <ThemeProvider theme={withInputLabel}>{children}</ThemeProvider>
);
