// When a page above 1 fails to load, react-admin's list controller goes back to page 1 (it reads a
// failed page as an empty one). An operator on page 40,000 of a million numbers must not lose that
// place to a network blip: the numbers grid remembers the page that failed, its Retry goes back to
// it, and if page 1 loads instead, a notice offers the way back.
import { Alert, Button } from '@mui/material';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useListContext, useTranslate } from 'react-admin';
import { ListGridError } from '../../../components/GridStates';

interface FailedPage {
  page: number | null;
  setPage: (page: number | null) => void;
}

// Outside react-admin's <List>: its content (grid or error) is replaced on every state change.
const FailedPageContext = createContext<FailedPage>({ page: null, setPage: () => {} });

export const FailedPageProvider = ({ children }: { children: ReactNode }) => {
  const [page, setPage] = useState<number | null>(null);
  const value = useMemo(() => ({ page, setPage }), [page]);
  return <FailedPageContext.Provider value={value}>{children}</FailedPageContext.Provider>;
};

/** The numbers grid's error state: remembers a failed page above 1, and Retry goes back to it. */
export const NumbersGridError = () => {
  const failed = useContext(FailedPageContext);
  const { error, page, setPage, refetch } = useListContext();
  const { setPage: remember } = failed;
  // A child's effect runs before the list controller's, which then moves to page 1.
  useEffect(() => {
    if (error && page > 1) remember(page);
  }, [error, page, remember]);
  const retry = () => {
    if (failed.page !== null && failed.page !== page) setPage(failed.page);
    else refetch();
  };
  return (
    <ListGridError
      message="resources.numbers.list.error"
      retryLabel="resources.numbers.list.retry"
      onRetry={retry}
    />
  );
};

/** Above the grid: after a failed page sent the list back to page 1, the way back to it. */
export const FailedPageNotice = () => {
  const translate = useTranslate();
  const { page: failedPage, setPage: remember } = useContext(FailedPageContext);
  const { page, setPage, isPending, isFetching, error, filterValues, sort, perPage } = useListContext();
  // Reaching the page, or changing what the pages are, ends the notice.
  const scope = JSON.stringify([filterValues, sort, perPage]);
  const firstScope = useRef(scope);
  useEffect(() => {
    if (scope !== firstScope.current) remember(null);
  }, [scope, remember]);
  useEffect(() => {
    if (failedPage !== null && page === failedPage && !isPending && !isFetching && !error) remember(null);
  }, [failedPage, page, isPending, isFetching, error, remember]);
  if (failedPage === null || page === failedPage || isPending) return null;
  return (
    <Alert
      severity="warning"
      role="status"
      sx={{ m: 2 }}
      action={
        <>
          <Button color="inherit" size="small" onClick={() => setPage(failedPage)}>
            {translate('resources.numbers.list.backToPage', { page: failedPage })}
          </Button>
          <Button color="inherit" size="small" onClick={() => remember(null)}>
            {translate('resources.numbers.list.dismiss')}
          </Button>
        </>
      }
    >
      {translate('resources.numbers.list.pageFailed', { page: failedPage, current: page })}
    </Alert>
  );
};
