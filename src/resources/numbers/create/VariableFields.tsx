import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, IconButton, Stack, TextField, Typography } from '@mui/material';
import { maxLength, useInput, useTranslate, ValidationError } from 'react-admin';
import { useFieldArray } from 'react-hook-form';
import { MAX_VAR_VALUE_LENGTH, MAX_VAR_VALUES } from '../../../contract';
import type { NumberFormValues } from './numberForm';

/** The text as typed: useInput's default parse would turn an emptied field into null. */
const asTyped = (value: string) => value;
const valueLength = maxLength(MAX_VAR_VALUE_LENGTH, 'upload.create.variableTooLong');

interface VariableRowProps {
  index: number;
  onRemove: () => void;
}

/** Variable n: its value (sent) and its name (remembered on this device, shown as the value's helper). */
const VariableRow = ({ index, onRemove }: VariableRowProps) => {
  const translate = useTranslate();
  const position = index + 1;
  const value = useInput({ source: `variables.${index}.value`, parse: asTyped, validate: valueLength });
  const name = useInput({ source: `variables.${index}.name`, parse: asTyped });
  const error = value.fieldState.error?.message;
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        id={value.id}
        name={value.field.name}
        inputRef={value.field.ref}
        label={translate('upload.create.variable', { n: position })}
        value={value.field.value}
        onChange={value.field.onChange}
        onBlur={value.field.onBlur}
        error={Boolean(error)}
        helperText={error ? <ValidationError error={error} /> : String(name.field.value).trim() || undefined}
        sx={{ flex: 2, width: '100%' }}
      />
      <TextField
        id={name.id}
        name={name.field.name}
        inputRef={name.field.ref}
        label={translate('upload.create.variableName', { n: position })}
        value={name.field.value}
        onChange={name.field.onChange}
        onBlur={name.field.onBlur}
        placeholder={translate('upload.create.variableNamePlaceholder')}
        helperText={translate('upload.create.variableNameHelp')}
        sx={{ flex: 1, width: '100%' }}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <IconButton
        aria-label={translate('upload.create.removeVariable', { n: position })}
        onClick={onRemove}
        sx={{ mt: 1 }}
      >
        <DeleteIcon />
      </IconButton>
    </Stack>
  );
};

/**
 * Variable 1, Variable 2, …: positional values of the call flow, each with a name remembered on this
 * device; a react-hook-form field array (`variables`) of the add form. A variable added takes the
 * stored name of its position (`names`) and the focus.
 */
export const VariableFields = ({ names }: { names: readonly string[] }) => {
  const translate = useTranslate();
  const { fields, append, remove } = useFieldArray<NumberFormValues, 'variables'>({ name: 'variables' });
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ mb: 0.5 }}>
        {translate('upload.create.variables')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {fields.length === 0
          ? translate('upload.create.noVariables')
          : translate('upload.create.variablesHelp')}
      </Typography>
      <Stack spacing={2}>
        {fields.map((field, index) => (
          <VariableRow key={field.id} index={index} onRemove={() => remove(index)} />
        ))}
      </Stack>
      <Button
        startIcon={<AddIcon />}
        onClick={() =>
          append(
            { value: '', name: names[fields.length] ?? '' },
            { focusName: `variables.${fields.length}.value` },
          )
        }
        disabled={fields.length >= MAX_VAR_VALUES}
        sx={{ mt: 2 }}
      >
        {translate('upload.create.addVariable')}
      </Button>
    </Box>
  );
};
