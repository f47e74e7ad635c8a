import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Typography } from '@mui/material';
import { type RefObject, useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { type FileRejection, useDropzone } from 'react-dropzone';
import { formatSize } from './format';

// Browsers name a CSV's type differently (Excel on Windows says application/vnd.ms-excel, some say
// nothing): the extension decides when the type is unknown.
const ACCEPT = {
  'text/csv': ['.csv', '.txt'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv', '.xls'],
  // Workbooks, read in the worker (src/lib/sheet).
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
};

interface DropZoneProps {
  file: File | null;
  onFile: (file: File) => void;
  disabled?: boolean;
  /** A file was refused (wrong type, several at once): the screen's earlier file error no longer applies. */
  onRejected?: () => void;
  /** Filled with the zone's "open the file dialog", for a "Choose another file" elsewhere on the page. */
  openRef?: RefObject<(() => void) | null>;
}

export const DropZone = ({ file, onFile, disabled, onRejected, openRef }: DropZoneProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [rejection, setRejection] = useState<string | null>(null);
  const onDropRejected = (rejections: FileRejection[]) => {
    const first = rejections[0];
    if (!first) return;
    const tooMany = rejections.length > 1 || first.errors.some((error) => error.code === 'too-many-files');
    setRejection(
      tooMany
        ? translate('upload.drop.tooMany')
        : translate('upload.drop.wrongType', { name: first.file.name }),
    );
    onRejected?.();
  };
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    accept: ACCEPT,
    multiple: false,
    maxFiles: 1,
    disabled,
    onDropAccepted: (files) => {
      const [accepted] = files;
      if (!accepted) return;
      setRejection(null);
      onFile(accepted);
    },
    onDropRejected,
  });
  useEffect(() => {
    if (!openRef) return;
    openRef.current = open;
    return () => {
      openRef.current = null;
    };
  }, [openRef, open]);

  return (
    <Box>
      {/* Outside the zone: a control inside a button would be a nested interactive element. */}
      <input {...getInputProps({ 'aria-label': translate('upload.drop.input') })} />
      <Box
        {...getRootProps({
          role: 'button',
          'aria-describedby': 'upload-drop-hint',
          'aria-disabled': disabled || undefined,
        })}
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: isDragActive ? 'primary.main' : 'divider',
          borderRadius: 2,
          bgcolor: isDragActive ? 'action.hover' : 'background.paper',
          p: { xs: 3, sm: 4 },
          textAlign: 'center',
          cursor: disabled ? 'not-allowed' : 'pointer',
          opacity: disabled ? 0.6 : 1,
          outline: 'none',
          transition: 'border-color 120ms, background-color 120ms',
          '&:focus-visible': { borderColor: 'primary.main', boxShadow: 3 },
          '&:hover': disabled ? undefined : { borderColor: 'primary.main' },
        }}
      >
        <UploadFileIcon color="primary" sx={{ fontSize: 48 }} aria-hidden />
        {/* The zone's name is this text alone, and it stays put while a file is dragged over (the border says it). */}
        <Typography variant="h6" component="span" sx={{ display: 'block' }}>
          {translate('upload.drop.prompt')}
        </Typography>
      </Box>
      <Typography id="upload-drop-hint" variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('upload.drop.hint')}
      </Typography>
      {file ? (
        <Typography sx={{ mt: 1 }} aria-live="polite">
          {translate('upload.drop.chosen', { name: file.name, size: formatSize(file.size, locale) })}
        </Typography>
      ) : null}
      {rejection ? (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {rejection}
        </Alert>
      ) : null}
    </Box>
  );
};
