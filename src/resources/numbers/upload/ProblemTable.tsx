import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** How many problem rows the page shows; the download has them all. */
export const PROBLEMS_SHOWN = 100;

export interface ProblemRow {
  line: number;
  reason: ReactNode;
  extra?: ReactNode;
}

interface ProblemTableProps {
  label: string;
  rows: ProblemRow[];
  /** How many problems there are in all (the rows may be only the first ones). */
  total: number;
  extraColumn?: string;
}

export const ProblemTable = ({ label, rows, total, extraColumn }: ProblemTableProps) => {
  const translate = useTranslate();
  const shown = rows.slice(0, PROBLEMS_SHOWN);
  return (
    <>
      <TableContainer sx={{ maxHeight: 360 }}>
        <Table size="small" stickyHeader aria-label={label}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 90 }}>{translate('upload.problems.line')}</TableCell>
              <TableCell>{translate('upload.problems.reason')}</TableCell>
              {extraColumn ? <TableCell>{extraColumn}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((row, index) => (
              // A line can carry two problems (e.g. dropped, then listed again by the server).
              // biome-ignore lint/suspicious/noArrayIndexKey: rows never reorder.
              <TableRow key={`${row.line}-${index}`}>
                <TableCell>{row.line}</TableCell>
                <TableCell>{row.reason}</TableCell>
                {extraColumn ? <TableCell>{row.extra}</TableCell> : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {total > shown.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('upload.problems.firstShown', { shown: shown.length, smart_count: total })}
        </Typography>
      ) : null}
    </>
  );
};
