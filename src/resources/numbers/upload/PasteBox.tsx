import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import { Box, Button, Collapse, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { pastedText } from './pastedText';

/** A **Paste numbers** button that opens a text box; its text goes through the same analysis as a file. */
export const PasteBox = ({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const submit = () => {
    const name = `${translate('upload.paste.fileName')}.csv`;
    onFile(new File([pastedText(text)], name, { type: 'text/csv' }));
    setOpen(false);
  };
  return (
    <Box>
      <Button
        startIcon={<ContentPasteIcon />}
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls="upload-paste"
        disabled={disabled}
      >
        {translate('upload.paste.open')}
      </Button>
      <Collapse in={open} id="upload-paste" unmountOnExit>
        <Stack spacing={1} sx={{ mt: 1 }}>
          <TextField
            multiline
            minRows={4}
            maxRows={16}
            label={translate('upload.paste.label')}
            helperText={translate('upload.paste.helper')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={submit} disabled={disabled || text.trim() === ''}>
              {translate('upload.paste.analyse')}
            </Button>
            <Button onClick={() => setOpen(false)}>{translate('upload.paste.cancel')}</Button>
          </Stack>
        </Stack>
      </Collapse>
    </Box>
  );
};
