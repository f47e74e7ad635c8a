import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, IconButton, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { MAX_VAR_VALUE_LENGTH, MAX_VAR_VALUES } from '../../../contract';

export interface VariableRow {
  /** Stable React key: rows shift when one in the middle is removed. */
  key: number;
  value: string;
  name: string;
}

interface VariableFieldsProps {
  rows: VariableRow[];
  showErrors: boolean;
  disabled: boolean;
  onChange: (index: number, patch: Partial<Omit<VariableRow, 'key'>>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

export const variableValueId = (key: number) => `variable-value-${key}`;

export const variableError = (value: string): boolean => value.length > MAX_VAR_VALUE_LENGTH;

/** Variable 1, Variable 2, …: positional values of the call flow, each with a name remembered on this device. */
export const VariableFields = ({
  rows,
  showErrors,
  disabled,
  onChange,
  onAdd,
  onRemove,
}: VariableFieldsProps) => {
  const translate = useTranslate();
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ mb: 0.5 }}>
        {translate('upload.create.variables')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {rows.length === 0
          ? translate('upload.create.noVariables')
          : translate('upload.create.variablesHelp')}
      </Typography>
      <Stack spacing={2}>
        {rows.map((row, index) => {
          const position = index + 1;
          const tooLong = showErrors && variableError(row.value);
          return (
            <Stack
              key={row.key}
              direction={{ xs: 'column', sm: 'row' }}
              spacing={1}
              sx={{ alignItems: 'flex-start' }}
            >
              <TextField
                id={variableValueId(row.key)}
                label={translate('upload.create.variable', { n: position })}
                value={row.value}
                onChange={(event) => onChange(index, { value: event.target.value })}
                error={tooLong}
                helperText={
                  tooLong
                    ? translate('upload.create.variableTooLong', { max: MAX_VAR_VALUE_LENGTH })
                    : row.name.trim() || undefined
                }
                disabled={disabled}
                sx={{ flex: 2, width: '100%' }}
              />
              <TextField
                label={translate('upload.create.variableName', { n: position })}
                value={row.name}
                onChange={(event) => onChange(index, { name: event.target.value })}
                placeholder={translate('upload.create.variableNamePlaceholder')}
                helperText={translate('upload.create.variableNameHelp')}
                disabled={disabled}
                sx={{ flex: 1, width: '100%' }}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <IconButton
                aria-label={translate('upload.create.removeVariable', { n: position })}
                onClick={() => onRemove(index)}
                disabled={disabled}
                sx={{ mt: 1 }}
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
      <Button
        startIcon={<AddIcon />}
        onClick={onAdd}
        disabled={disabled || rows.length >= MAX_VAR_VALUES}
        sx={{ mt: 2 }}
      >
        {translate('upload.create.addVariable')}
      </Button>
    </Box>
  );
};
