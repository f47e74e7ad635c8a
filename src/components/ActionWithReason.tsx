// An action that may be unavailable: shown disabled, never hidden, with the reason in visible
// words that the button references (aria-describedby), so sighted and screen-reader users both learn why.
import { Button, type ButtonProps, Stack, Typography } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { Link as RouterLink } from 'react-router-dom';

export interface ActionWithReasonProps extends Omit<ButtonProps, 'disabled' | 'children'> {
  label: ReactNode;
  /** Why the action is unavailable; undefined or empty when it is available. */
  disabledReason?: ReactNode;
  /** Renders the action as a router link to this path. */
  to?: string;
}

export const ActionWithReason = ({ label, disabledReason, to, ...buttonProps }: ActionWithReasonProps) => {
  const reasonId = useId();
  const disabled = Boolean(disabledReason);
  const linkProps = to && !disabled ? { component: RouterLink, to } : {};
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Button
        {...buttonProps}
        {...linkProps}
        disabled={disabled}
        aria-describedby={disabled ? reasonId : undefined}
      >
        {label}
      </Button>
      {disabled && (
        <Typography id={reasonId} variant="body2" color="text.secondary">
          {disabledReason}
        </Typography>
      )}
    </Stack>
  );
};
