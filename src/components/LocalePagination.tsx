// react-admin's pagination with its numbers in the console's language: "1-25 of 400,040" /
// "1-25 de 400.040", and page buttons "16,002" / "16.002" (MUI shows first, last and neighbours
// only, so a million rows cost nothing). The rest is react-admin's <Pagination>.
import { Pagination as MuiPagination, PaginationItem } from '@mui/material';
import { useCallback } from 'react';
import { Pagination, type PaginationActionsProps, type PaginationProps, useTranslate } from 'react-admin';
import { useLocaleFormat } from './localeFormat';

const LocalePaginationActions = ({ page, rowsPerPage, count, onPageChange }: PaginationActionsProps) => {
  const translate = useTranslate();
  const { count: format } = useLocaleFormat();
  const pages = Math.ceil(count / rowsPerPage) || 1;
  if (pages === 1) return <div />;
  const itemLabel = (type: string, item: number | null, selected: boolean) => {
    if (type !== 'page') return translate(`ra.navigation.${type}`, { _: `Go to ${type} page` });
    const args = { page: format(item ?? 0) };
    return selected ? translate('ra.navigation.current_page', args) : translate('ra.navigation.page', args);
  };
  return (
    <MuiPagination
      size="small"
      count={pages}
      page={page + 1}
      onChange={(event, next) => onPageChange(event as unknown as MouseEvent, next - 1)}
      getItemAriaLabel={itemLabel}
      renderItem={(item) => (
        <PaginationItem
          {...item}
          page={item.type === 'page' && item.page != null ? format(item.page) : item.page}
        />
      )}
      sx={{ flexShrink: 0 }}
    />
  );
};

export const LocalePagination = (props: PaginationProps) => {
  const translate = useTranslate();
  const { count: format } = useLocaleFormat();
  const labelDisplayedRows = useCallback(
    ({ from, to, count }: { from: number; to: number; count: number }) =>
      count === -1
        ? translate('ra.navigation.partial_page_range_info', {
            offsetBegin: format(from),
            offsetEnd: format(to),
          })
        : translate('ra.navigation.page_range_info', {
            offsetBegin: format(from),
            offsetEnd: format(to),
            total: format(count),
          }),
    [translate, format],
  );
  // react-admin passes its other props on to MUI's TablePagination, labelDisplayedRows among them
  // (its PaginationProps type leaves it out).
  const tablePaginationProps = { labelDisplayedRows } as Partial<PaginationProps>;
  return <Pagination actions={LocalePaginationActions} {...tablePaginationProps} {...props} />;
};
