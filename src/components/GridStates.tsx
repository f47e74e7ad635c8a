// Loading and error states shared by the console's grids (and anything else that loads).
import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Button, LinearProgress, Typography } from '@mui/material';
import { useId } from 'react';
import { useListContext, useTranslate } from 'react-admin';
import { errorMessage } from '../lib/errors';

/** A labelled progress bar with the same words as visible text. */
export const GridLoading = ({ label }: { label: string }) => {
  const translate = useTranslate();
  const id = useId();
  return (
    <Box sx={{ p: 2 }}>
      <Typography id={id} variant="body2" sx={{ mb: 1 }}>
        {translate(label)}
      </Typography>
      <LinearProgress aria-labelledby={id} />
    </Box>
  );
};

export interface ErrorWithRetryProps {
  /** i18n key with a `%{message}` placeholder. */
  message: string;
  error: unknown;
  onRetry: () => void;
  retryLabel?: string;
}

export const ErrorWithRetry = ({
  message,
  error,
  onRetry,
  retryLabel = 'ra.action.refresh',
}: ErrorWithRetryProps) => {
  const translate = useTranslate();
  // Error messages may themselves be i18n keys (e.g. app.errors.network from the data provider).
  const detail = errorMessage(error);
  return (
    <Alert
      severity="error"
      role="alert"
      sx={{ m: 2 }}
      action={
        <Button color="inherit" size="small" startIcon={<RefreshIcon />} onClick={onRetry}>
          {translate(retryLabel)}
        </Button>
      }
    >
      {translate(message, { message: detail ? translate(detail, { _: detail }) : '' })}
    </Alert>
  );
};

export interface ListGridErrorProps {
  message: string;
  retryLabel?: string;
  /** What Retry does; by default it refetches the page. */
  onRetry?: () => void;
}

/** The error state of a react-admin list: its error, and a retry that refetches the page. */
export const ListGridError = ({ message, retryLabel, onRetry }: ListGridErrorProps) => {
  const { error, refetch } = useListContext();
  return (
    <ErrorWithRetry
      message={message}
      error={error}
      onRetry={onRetry ?? (() => refetch())}
      retryLabel={retryLabel}
    />
  );
};

/**
 * A grid's empty result under filters: says so, and offers Clear filters (react-admin's
 * ListNoResults does the same, with words that don't read well for "numbers").
 */
export const FilteredEmpty = ({ message }: { message: string }) => {
  const translate = useTranslate();
  const { filterValues, setFilters } = useListContext();
  const filtered = Object.keys(filterValues ?? {}).length > 0;
  return (
    <Box sx={{ p: 3, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
      <Typography role="status">{translate(message)}</Typography>
      {filtered && (
        <Button variant="outlined" size="small" onClick={() => setFilters({}, {})}>
          {translate('ra.navigation.clear_filters')}
        </Button>
      )}
    </Box>
  );
};
