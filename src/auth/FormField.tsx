import {
  FormControl,
  FormHelperText,
  InputLabel,
  OutlinedInput,
  type OutlinedInputProps,
} from '@mui/material';
import { type ReactNode, type Ref, useId } from 'react';

interface FormFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  helperText?: ReactNode;
  type?: string;
  autoComplete?: string;
  autoFocus?: boolean;
  required?: boolean;
  endAdornment?: ReactNode;
}

/**
 * An outlined text input built from MUI's parts rather than `<TextField>`: TextField also bundles
 * Select, NativeSelect and Modal, which the sign-in screen's entry chunk does not need.
 */
export const FormField = ({
  label,
  value,
  onChange,
  inputRef,
  invalid,
  helperText,
  type = 'text',
  autoComplete,
  autoFocus,
  required,
  endAdornment,
}: FormFieldProps) => {
  const id = useId();
  const helperId = `${id}-helper`;
  const inputProps: OutlinedInputProps['inputProps'] = {
    spellCheck: false,
    autoCapitalize: 'off',
    autoCorrect: 'off',
    'aria-required': required || undefined,
    'aria-describedby': helperText ? helperId : undefined,
  };
  return (
    <FormControl fullWidth error={invalid} variant="outlined">
      <InputLabel htmlFor={id}>{label}</InputLabel>
      <OutlinedInput
        id={id}
        label={label}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        inputRef={inputRef}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        endAdornment={endAdornment}
        inputProps={inputProps}
      />
      {helperText ? <FormHelperText id={helperId}>{helperText}</FormHelperText> : null}
    </FormControl>
  );
};
