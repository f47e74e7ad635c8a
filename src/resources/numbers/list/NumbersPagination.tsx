// react-admin's pagination in the console's language (src/components/LocalePagination.tsx) plus a
// "go to page" box: clicking to page 40,000 is not an option.
import { Box, Button, TextField } from '@mui/material';
import { type FormEvent, useState } from 'react';
import { useListContext, useTranslate } from 'react-admin';
import { LocalePagination } from '../../../components/LocalePagination';
import { useCountFormat } from '../shared/useCountFormat';

export const ROWS_PER_PAGE = [10, 25, 50, 100];

const GoToPage = () => {
  const translate = useTranslate();
  const { total, perPage, setPage, isPending } = useListContext();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { format } = useCountFormat();
  if (isPending || total == null || total <= perPage) return null;
  const pages = Math.ceil(total / perPage);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // "16,002" / "16.002" as the pager shows it, or plain digits.
    const page = Number(value.trim().replace(/[\s.,\u00a0\u202f]/g, ''));
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
        margin="none"
        label={translate('resources.numbers.pagination.goToPage')}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={invalid}
        helperText={
          invalid ? translate('resources.numbers.pagination.outOfRange', { pages: format(pages) }) : undefined
        }
        // Validated on submit with our own message, not the browser's min/max bubble.
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        sx={{ width: 150 }}
      />
      {/* Beside the field, top to top and as tall as it (a small filled field is 48 px); the
          field's error message, when shown, goes below both. */}
      <Button type="submit" variant="outlined" sx={{ height: 48, flexShrink: 0 }}>
        {translate('resources.numbers.pagination.go')}
      </Button>
    </Box>
  );
};

export const NumbersPagination = () => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'flex-end' }}>
    <LocalePagination rowsPerPageOptions={ROWS_PER_PAGE} />
    <GoToPage />
  </Box>
);
