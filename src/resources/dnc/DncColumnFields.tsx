import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { columnLetter } from '../../lib/csv';
import type { DncColumn, DncColumns } from '../../lib/dnc';

/** 'auto': found from the file's first rows; 'none' (the note only): no note column. */
export type ColumnPick = 'auto' | 'none' | number;

/** Columns offered by letter: a list file rarely has more. */
const OFFERED = 26;

const toValue = (pick: ColumnPick) => String(pick);
const fromValue = (value: string): ColumnPick =>
  value === 'auto' || value === 'none' ? value : Number(value);

/** The file types Load a list takes: text, and workbooks (their first sheet). */
export const DNC_ACCEPT =
  '.csv,.txt,.xlsx,.xls,.ods,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet';

/** The job's numberColumn / noteColumn for the picks (undefined: found from the file). */
export const columnOptions = (number: ColumnPick, note: ColumnPick) => ({
  numberColumn: typeof number === 'number' ? number : undefined,
  noteColumn: note === 'none' ? null : typeof note === 'number' ? note : undefined,
});

/** Number column and Note column of Load a list. */
export const DncColumnFields = ({
  number,
  note,
  onNumber,
  onNote,
  disabled,
}: {
  number: ColumnPick;
  note: ColumnPick;
  onNumber: (pick: ColumnPick) => void;
  onNote: (pick: ColumnPick) => void;
  disabled: boolean;
}) => {
  const translate = useTranslate();
  const letters = Array.from({ length: OFFERED }, (_, index) => columnLetter(index)).map((letter, index) => (
    <MenuItem key={letter} value={String(index)}>
      {translate('resources.dnc.load.column', { letter })}
    </MenuItem>
  ));
  return (
    <>
      <TextField
        select
        fullWidth={false}
        size="small"
        label={translate('resources.dnc.load.numberColumn')}
        value={toValue(number)}
        onChange={(event) => onNumber(fromValue(event.target.value))}
        disabled={disabled}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="auto">{translate('resources.dnc.load.detect')}</MenuItem>
        {letters}
      </TextField>
      <TextField
        select
        fullWidth={false}
        size="small"
        label={translate('resources.dnc.load.noteColumn')}
        value={toValue(note)}
        onChange={(event) => onNote(fromValue(event.target.value))}
        disabled={disabled}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="auto">{translate('resources.dnc.load.detect')}</MenuItem>
        <MenuItem value="none">{translate('resources.dnc.load.noNote')}</MenuItem>
        {letters}
      </TextField>
    </>
  );
};

/** "Numbers from column B (“Phone”), notes from column C (“Reason”)." */
export const useDescribeColumns = () => {
  const translate = useTranslate();
  const name = (column: DncColumn) =>
    column.header
      ? translate('resources.dnc.load.namedColumn', {
          letter: columnLetter(column.index),
          header: column.header,
        })
      : translate('resources.dnc.load.unnamedColumn', { letter: columnLetter(column.index) });
  return (columns: DncColumns, sheet?: string) => {
    const read = columns.note
      ? translate('resources.dnc.load.columns', { number: name(columns.number), note: name(columns.note) })
      : translate('resources.dnc.load.columnsNoNote', { number: name(columns.number) });
    return sheet ? `${translate('resources.dnc.load.sheet', { sheet })} ${read}` : read;
  };
};
