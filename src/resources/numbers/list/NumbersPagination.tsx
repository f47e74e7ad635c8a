// react-admin's pagination (MUI page buttons show first, last and neighbours only, so 50,000 pages
// cost nothing) plus a "go to page" box: clicking to page 40,000 is not an option.
import { Box, Button, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { Pagination, useListContext, useTranslate } from 'react-admin';

export const ROWS_PER_PAGE = [10, 25, 50, 100];

const GoToPage = () => {
  const translate = useTranslate();
  const { total, perPage, setPage, isPending } = useListContext();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  if (isPending || total == null || total <= perPage) return null;
  const pages = Math.ceil(total / perPage);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const page = Number(value.trim());
    if (!Number.isInteger(page) || page < 1 || page > pages) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setValue('');
    setPage(page);
  };
  return (
    <Box component="form" onSubmit={submit} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, px: 2 }}>
      <TextField
        size="small"
        label={translate('resources.numbers.pagination.goToPage')}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={invalid}
        helperText={invalid ? translate('resources.numbers.pagination.outOfRange', { pages }) : undefined}
        // Validated on submit with our own message, not the browser's min/max bubble.
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        sx={{ width: 150 }}
      />
      <Button type="submit" variant="outlined" sx={{ mt: 0.25 }}>
        {translate('resources.numbers.pagination.go')}
      </Button>
    </Box>
  );
};

export const NumbersPagination = () => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'flex-end' }}>
    <Pagination rowsPerPageOptions={ROWS_PER_PAGE} />
    <GoToPage />
  </Box>
);
